//! The two migration trees (`migrations/sqlite`, `migrations/postgres`) must build the same
//! schema: the same tables, each with the same columns, each column with the same
//! nullability and type class, and the same indexes. Both trees are applied through
//! `Store::connect` to a fresh database each; their catalogues are read and compared. Every
//! difference an engine has on purpose is in [`INTENDED`], with its reason; any other
//! difference, and any entry of [`INTENDED`] that no longer occurs, fails the test.
//!
//! What is compared, and how the engines are made comparable:
//! - Tables: SQLite's `sqlite_schema` (names starting `sqlite_` are SQLite's own, such as
//!   `sqlite_sequence`, and are left out) against PostgreSQL's `information_schema.tables`
//!   (schema `public`, base tables).
//! - Columns: SQLite's `pragma_table_xinfo` (generated columns included, a virtual table's
//!   hidden columns not) against `information_schema.columns`. Column order is not compared.
//! - Nullability: a primary-key column counts as NOT NULL on both engines. PostgreSQL
//!   enforces that; SQLite declares it only for an `INTEGER PRIMARY KEY` and in a `WITHOUT
//!   ROWID` table, and otherwise accepts NULL in a key column (a known SQLite quirk), which
//!   the store never relies on.
//! - Types, as a class: SQLite's affinity of the declared type (its rules: INT → integer;
//!   CHAR, CLOB, TEXT → text; BLOB or none → blob; REAL, FLOA, DOUB → real; else numeric),
//!   and PostgreSQL's type mapped to the same classes (bigint, integer, smallint → integer;
//!   text, character varying, character → text; bytea → blob; double precision, real →
//!   real; numeric → numeric). A PostgreSQL type outside those (tsvector, boolean, …) is its
//!   own class and so differs from anything on SQLite.
//! - Indexes, by what they cover, not by name: the table, kind (primary key, unique, plain),
//!   the ordered key columns, included columns, method (SQLite has only B-trees) and whether
//!   it is partial. The primary key comes from the table's columns on SQLite (`pk` of
//!   `pragma_table_xinfo`; an `INTEGER PRIMARY KEY` is the rowid and has no index) and from
//!   `pg_index.indisprimary` on PostgreSQL; a UNIQUE constraint is a unique index on both
//!   (`sqlite_autoindex_…` against `…_key`).
//!
//! Foreign keys, defaults and triggers are not compared.
// Printing is this file's job: the test says what it compared and what it skipped.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use jobspor_store::testing;
use sqlx::{Connection, Executor, Row};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The differences the engines have on purpose, each exactly as the test prints it, with
/// the reason. A new difference fails the test until it is added here, with its reason.
const INTENDED: &[(&str, &str)] = &[
    (
        "table _sqlx_migrations: not compared",
        "sqlx's own record of the migrations run, with engine-specific types; not our schema",
    ),
    // SQLite's text search (FTS5, migrations 0005, 0006, 0009, 0012).
    (
        "table cv_fts: only on SQLite",
        "the FTS5 text index over cv_search (external content); PostgreSQL indexes cv_search's tsvector columns with GIN instead",
    ),
    (
        "table cv_fts_config: only on SQLite",
        "FTS5's shadow table of cv_fts",
    ),
    (
        "table cv_fts_data: only on SQLite",
        "FTS5's shadow table of cv_fts",
    ),
    (
        "table cv_fts_docsize: only on SQLite",
        "FTS5's shadow table of cv_fts",
    ),
    (
        "table cv_fts_idx: only on SQLite",
        "FTS5's shadow table of cv_fts",
    ),
    (
        "table cv_fts_vocab: only on SQLite",
        "fts5vocab over cv_fts: the indexed words, to expand a query word's Danish stem; PostgreSQL stems in its own `danish` configuration",
    ),
    (
        "table cv_body_words: only on SQLite",
        "the indexed words of cv_fts's body column as a plain table, faster than fts5vocab; PostgreSQL stems in its own index (0012)",
    ),
    (
        "column cv_search.facet_words: only on SQLite",
        "the filter keys as words of cv_fts's second column; PostgreSQL has them as lexemes (cv_search.facet_lexemes) (0009)",
    ),
    (
        "index cv_search_listed_updated: cv_search(listed, updated_at) on SQLite, cv_search(listed, updated_at, cv_id) on PostgreSQL",
        "the same order on both: a SQLite index ends with the rowid, which is cv_id (INTEGER PRIMARY KEY); PostgreSQL names it (0007)",
    ),
    // PostgreSQL's text search (tsvector, GIN) and its planner aids (0005, 0008, 0009, 0011).
    (
        "column cv_search.document: only on PostgreSQL",
        "the body's Danish stems as a tsvector, for the GIN index; SQLite's counterpart is cv_fts",
    ),
    (
        "column cv_search.facet_lexemes: only on PostgreSQL",
        "the filter keys as lexemes in the same GIN index as the text; SQLite's counterpart is cv_search.facet_words",
    ),
    (
        "index cv_search_document on cv_search(document, facet_lexemes) USING gin: only on PostgreSQL",
        "the text index; SQLite's counterpart is cv_fts",
    ),
    (
        "index cv_search_filter on cv_search(cv_id) INCLUDE (listed, last_login_at, updated_at, facet_keys): only on PostgreSQL",
        "a covering index for the per-candidate check (index-only scan); SQLite reads the row by rowid as fast (0008)",
    ),
    (
        "table cv_word_totals: only on PostgreSQL",
        "how many CVs hold each common word, to choose how to read; FTS5 reads a common word as fast as a rare one (0011)",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Engine {
    Sqlite,
    Postgres,
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        })
    }
}

#[derive(Debug, Default)]
struct Schema {
    tables: BTreeMap<String, Table>,
}

#[derive(Debug, Default)]
struct Table {
    columns: BTreeMap<String, Column>,
    indexes: Vec<Index>,
}

#[derive(Debug)]
struct Column {
    nullable: bool,
    /// The declared type, as the engine reports it.
    declared: String,
    class: String,
}

#[derive(Debug)]
struct Index {
    name: String,
    cover: Cover,
}

/// What an index covers: indexes are matched across the engines by this, not by name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Cover {
    kind: IndexKind,
    table: String,
    columns: Vec<String>,
    include: Vec<String>,
    method: String,
    partial: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum IndexKind {
    PrimaryKey,
    Unique,
    Plain,
}

impl fmt::Display for Cover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.table, self.columns.join(", "))?;
        if !self.include.is_empty() {
            write!(f, " INCLUDE ({})", self.include.join(", "))?;
        }
        if self.method != "btree" {
            write!(f, " USING {}", self.method)?;
        }
        if self.partial {
            f.write_str(" (partial)")?;
        }
        Ok(())
    }
}

impl IndexKind {
    fn word(self) -> &'static str {
        match self {
            IndexKind::PrimaryKey => "primary key",
            IndexKind::Unique => "unique index",
            IndexKind::Plain => "index",
        }
    }
}

impl fmt::Display for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} on {}",
            self.cover.kind.word(),
            self.name,
            self.cover
        )
    }
}

/// SQLite's type affinity of a declared type (https://sqlite.org/datatype3.html, 3.1).
fn sqlite_class(declared: &str) -> String {
    let t = declared.to_ascii_uppercase();
    let class = if t.contains("INT") {
        "integer"
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        "text"
    } else if t.contains("BLOB") || t.is_empty() {
        "blob"
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        "real"
    } else {
        "numeric"
    };
    class.to_string()
}

/// A PostgreSQL type (`information_schema.columns.data_type`) in SQLite's affinity classes;
/// any other type is a class of its own.
fn postgres_class(data_type: &str) -> String {
    let class = match data_type {
        "bigint" | "integer" | "smallint" => "integer",
        "text" | "character varying" | "character" => "text",
        "bytea" => "blob",
        "double precision" | "real" => "real",
        "numeric" => "numeric",
        other => other,
    };
    class.to_string()
}

async fn sqlite_schema(conn: &mut sqlx::SqliteConnection) -> Schema {
    let mut schema = Schema::default();
    // Names starting with `sqlite_` are reserved for SQLite's own tables (sqlite_sequence).
    let tables: Vec<String> = sqlx::query(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("SQLite tables")
    .iter()
    .map(|r| r.get("name"))
    .collect();
    for name in tables {
        let mut table = Table::default();
        // hidden: 0 a column, 1 a virtual table's hidden column, 2 and 3 generated columns.
        let columns = sqlx::query(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo($1) WHERE hidden <> 1 ORDER BY cid",
        )
        .bind(&name)
        .fetch_all(&mut *conn)
        .await
        .expect("SQLite columns");
        let mut key: Vec<(i64, String)> = Vec::new();
        for c in &columns {
            let column: String = c.get("name");
            let declared: String = c.get("type");
            let pk: i64 = c.get("pk");
            let notnull: i64 = c.get("notnull");
            if pk > 0 {
                key.push((pk, column.clone()));
            }
            table.columns.insert(
                column,
                Column {
                    nullable: notnull == 0 && pk == 0,
                    class: sqlite_class(&declared),
                    declared,
                },
            );
        }
        if !key.is_empty() {
            key.sort();
            table.indexes.push(Index {
                name: "(primary key)".into(),
                cover: Cover {
                    kind: IndexKind::PrimaryKey,
                    table: name.clone(),
                    columns: key.into_iter().map(|(_, c)| c).collect(),
                    include: Vec::new(),
                    method: "btree".into(),
                    partial: false,
                },
            });
        }
        let indexes = sqlx::query(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list($1) ORDER BY name",
        )
        .bind(&name)
        .fetch_all(&mut *conn)
        .await
        .expect("SQLite indexes");
        for i in &indexes {
            let origin: String = i.get("origin");
            if origin == "pk" {
                continue; // the primary key, taken from the columns above
            }
            let index: String = i.get("name");
            let unique: i64 = i.get("unique");
            let partial: i64 = i.get("partial");
            let columns: Vec<String> = sqlx::query(
                "SELECT coalesce(name, '<expression>') AS name FROM pragma_index_info($1) ORDER BY seqno",
            )
            .bind(&index)
            .fetch_all(&mut *conn)
            .await
            .expect("SQLite index columns")
            .iter()
            .map(|r| r.get("name"))
            .collect();
            table.indexes.push(Index {
                name: index,
                cover: Cover {
                    kind: if unique != 0 {
                        IndexKind::Unique
                    } else {
                        IndexKind::Plain
                    },
                    table: name.clone(),
                    columns,
                    include: Vec::new(),
                    method: "btree".into(),
                    partial: partial != 0,
                },
            });
        }
        schema.tables.insert(name, table);
    }
    schema
}

async fn postgres_schema(conn: &mut sqlx::PgConnection) -> Schema {
    let mut schema = Schema::default();
    let tables = sqlx::query(
        "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL tables");
    for t in &tables {
        schema.tables.insert(t.get("name"), Table::default());
    }
    let columns = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c, is_nullable::text AS nullable, data_type::text AS data_type
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL columns");
    for c in &columns {
        let table: String = c.get("t");
        let declared: String = c.get("data_type");
        let nullable: String = c.get("nullable");
        if let Some(table) = schema.tables.get_mut(&table) {
            table.columns.insert(
                c.get("c"),
                Column {
                    nullable: nullable == "YES",
                    class: postgres_class(&declared),
                    declared,
                },
            );
        }
    }
    // Key columns first (indnkeyatts of them), then INCLUDE columns; 0 is an expression.
    let indexes = sqlx::query(
        "SELECT t.relname::text AS t, i.relname::text AS name, x.indisprimary AS primary_key,
                x.indisunique AS is_unique, am.amname::text AS method, x.indnkeyatts::int8 AS key_count,
                x.indpred IS NOT NULL AS partial,
                ARRAY(SELECT coalesce(a.attname::text, '<expression>')
                      FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                      ORDER BY k.n) AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         JOIN pg_am am ON am.oid = i.relam
         WHERE s.nspname = 'public'",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL indexes");
    for i in &indexes {
        let table: String = i.get("t");
        let mut columns: Vec<String> = i.get("columns");
        let key_count: i64 = i.get("key_count");
        let include = columns.split_off(key_count as usize);
        let primary: bool = i.get("primary_key");
        let unique: bool = i.get("is_unique");
        let index = Index {
            name: i.get("name"),
            cover: Cover {
                kind: if primary {
                    IndexKind::PrimaryKey
                } else if unique {
                    IndexKind::Unique
                } else {
                    IndexKind::Plain
                },
                table: table.clone(),
                columns,
                include,
                method: i.get("method"),
                partial: i.get("partial"),
            },
        };
        if let Some(table) = schema.tables.get_mut(&table) {
            table.indexes.push(index);
        }
    }
    schema
}

/// Every difference between the two schemas, one line each, as `INTENDED` spells them.
fn differences<'a>(sqlite: &'a Schema, postgres: &'a Schema) -> Vec<String> {
    let not_compared: BTreeSet<&str> = INTENDED
        .iter()
        .filter_map(|(d, _)| d.strip_prefix("table ")?.strip_suffix(": not compared"))
        .collect();
    let mut out = Vec::new();
    let names: BTreeSet<&String> = sqlite.tables.keys().chain(postgres.tables.keys()).collect();
    for name in names {
        if not_compared.contains(name.as_str()) {
            out.push(format!("table {name}: not compared"));
            continue;
        }
        let (s, p) = match (sqlite.tables.get(name), postgres.tables.get(name)) {
            (Some(s), Some(p)) => (s, p),
            (Some(_), None) => {
                out.push(format!("table {name}: only on {}", Engine::Sqlite));
                continue;
            }
            (None, _) => {
                out.push(format!("table {name}: only on {}", Engine::Postgres));
                continue;
            }
        };
        let columns: BTreeSet<&String> = s.columns.keys().chain(p.columns.keys()).collect();
        for column in columns {
            let (sc, pc) = match (s.columns.get(column), p.columns.get(column)) {
                (Some(sc), Some(pc)) => (sc, pc),
                (Some(_), None) => {
                    out.push(format!(
                        "column {name}.{column}: only on {}",
                        Engine::Sqlite
                    ));
                    continue;
                }
                (None, _) => {
                    out.push(format!(
                        "column {name}.{column}: only on {}",
                        Engine::Postgres
                    ));
                    continue;
                }
            };
            if sc.nullable != pc.nullable {
                let say = |n: bool| if n { "nullable" } else { "NOT NULL" };
                out.push(format!(
                    "column {name}.{column}: {} on {}, {} on {}",
                    say(sc.nullable),
                    Engine::Sqlite,
                    say(pc.nullable),
                    Engine::Postgres
                ));
            }
            if sc.class != pc.class {
                out.push(format!(
                    "column {name}.{column}: type {} ({}) on {}, {} ({}) on {}",
                    sc.class,
                    sc.declared,
                    Engine::Sqlite,
                    pc.class,
                    pc.declared,
                    Engine::Postgres
                ));
            }
        }
        let unmatched = |of: &'a Table, other: &Table| -> Vec<&'a Index> {
            of.indexes
                .iter()
                .filter(|i| !other.indexes.iter().any(|o| o.cover == i.cover))
                .collect()
        };
        let (s_only, mut p_only) = (unmatched(s, p), unmatched(p, s));
        for i in s_only {
            // The same index name on both engines, covering different columns: one line.
            if let Some(at) = p_only.iter().position(|o| o.name == i.name) {
                let o = p_only.remove(at);
                // The kind is named only where it differs.
                let (si, pi) = if i.cover.kind == o.cover.kind {
                    (i.cover.to_string(), o.cover.to_string())
                } else {
                    (
                        format!("{} {}", i.cover.kind.word(), i.cover),
                        format!("{} {}", o.cover.kind.word(), o.cover),
                    )
                };
                out.push(format!(
                    "{} {}: {si} on {}, {pi} on {}",
                    i.cover.kind.word(),
                    i.name,
                    Engine::Sqlite,
                    Engine::Postgres
                ));
            } else {
                out.push(format!("{i}: only on {}", Engine::Sqlite));
            }
        }
        for o in p_only {
            out.push(format!("{o}: only on {}", Engine::Postgres));
        }
    }
    out
}

#[tokio::test]
async fn the_sqlite_and_postgresql_migrations_build_the_same_schema() {
    let (store, path) = testing::sqlite().await;
    store.close().await;
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("open the SQLite database");
    let sqlite = sqlite_schema(&mut conn).await;
    conn.close().await.expect("close SQLite");
    let _ = std::fs::remove_file(&path);
    assert!(
        sqlite.tables.contains_key("citizens"),
        "the SQLite schema was not read: {sqlite:?}"
    );

    let Some((store, admin_url, name)) = testing::postgres().await else {
        eprintln!("SKIPPED schema parity: no PostgreSQL to compare the SQLite schema with");
        return;
    };
    store.close().await;
    let base = admin_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(&admin_url);
    let mut conn = sqlx::PgConnection::connect(&format!("{base}/{name}"))
        .await
        .expect("open the PostgreSQL database");
    let postgres = postgres_schema(&mut conn).await;
    conn.close().await.expect("close PostgreSQL");
    if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
        let _ = admin
            .execute(format!("DROP DATABASE IF EXISTS {name}").as_str())
            .await;
    }

    for (engine, schema) in [(Engine::Sqlite, &sqlite), (Engine::Postgres, &postgres)] {
        let t = schema.tables.values();
        eprintln!(
            "{engine}: {} tables, {} columns, {} indexes",
            t.len(),
            t.clone().map(|t| t.columns.len()).sum::<usize>(),
            t.map(|t| t.indexes.len()).sum::<usize>()
        );
    }
    let found = differences(&sqlite, &postgres);
    let intended: BTreeSet<&str> = INTENDED.iter().map(|(d, _)| *d).collect();
    let drift: Vec<&String> = found
        .iter()
        .filter(|d| !intended.contains(d.as_str()))
        .collect();
    let gone: Vec<&&str> = intended
        .iter()
        .filter(|d| !found.iter().any(|f| f == **d))
        .collect();
    let mut report = String::new();
    if !drift.is_empty() {
        report.push_str("The migration trees differ (migrations/sqlite against migrations/postgres); make them match, or add the difference to INTENDED with its reason:\n");
        for d in &drift {
            report.push_str(&format!("  {d}\n"));
        }
    }
    if !gone.is_empty() {
        report.push_str("INTENDED lists differences that no longer occur; remove them:\n");
        for d in &gone {
            report.push_str(&format!("  {d}\n"));
        }
    }
    assert!(report.is_empty(), "{report}");
}
