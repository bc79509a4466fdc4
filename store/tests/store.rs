//! The store's integration tests, on SQLite and PostgreSQL.

use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::access::{AccessBasis, AccessWhat};
use jobspor::cv::entry::{CvEntry, CvSection, Fields};
use jobspor::cv_search::{CvQuery, SearchForm};
use jobspor::person::{CprStatus, RegisterPerson};
use jobspor::policy::{operator_acts_for as me, ActorKind, Caller};
use jobspor::retention::{access_history_cutoff, searchable_login_cutoff};
use jobspor::{CitizenId, CvEntryId, CvId};
use jobspor_store::citizens::NewContactDetails;
use jobspor_store::employers::CompanyFacts;
use jobspor_store::testing::{self as common, each_backend};
use jobspor_store::{Store, StoreError, Unique};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

fn person(first: &str, city: &str, protected: bool) -> RegisterPerson {
    RegisterPerson {
        middle_name: Some("Marie".into()),
        street: "Vestergade 12".into(),
        city: city.into(),
        municipality: Some(city.into()),
        protected_address: protected,
        ..jobspor_store::testing::person(first)
    }
}

/// A search for these words, with no filters.
fn text_query(words: &str) -> CvQuery {
    search(&[("q", words)])
}

fn search(pairs: &[(&str, &str)]) -> CvQuery {
    CvQuery::parse(&SearchForm::from_pairs(pairs.iter().copied())).unwrap()
}

fn entry(section: CvSection, pairs: &[(&str, &str)]) -> CvEntry {
    let f: Fields = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    CvEntry::parse(section, &f, now().date_naive()).unwrap()
}

fn experience(position: &str, tasks: &str) -> CvEntry {
    entry(
        CvSection::WorkExperience,
        &[
            ("position", position),
            ("workplace", "Aarhus Universitetshospital"),
            ("tasks", tasks),
            ("start", "2015-08-01"),
        ],
    )
}

fn wish(occupation: &str) -> CvEntry {
    entry(
        CvSection::JobWish,
        &[
            ("occupation", occupation),
            ("education", "completed"),
            ("experience", "over_5"),
            ("working_time", "full_time"),
            ("employment_type", "permanent"),
            ("start_when", "now"),
        ],
    )
}

/// Adds a new entry; panics on a refusal.
async fn add(store: &Store, citizen: Caller<CitizenId>, e: &CvEntry) -> CvEntryId {
    store.save_cv_entry(citizen, None, e, now()).await.unwrap()
}

/// A store answer with a rule's refusal as `Err(key)`; any other failure fails the test.
fn refusal<T: std::fmt::Debug>(r: Result<T, StoreError>) -> Result<T, jobspor::Msg> {
    match r {
        Ok(v) => Ok(v),
        Err(StoreError::Refused(key)) => Err(key),
        Err(e) => panic!("not a refusal: {e:?}"),
    }
}

fn details(username: &str) -> NewContactDetails {
    NewContactDetails {
        username: username.into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$test$test".into(),
        phone: Some("20304050".into()),
        email: Some(format!("{username}@eksempel.dk")),
        sms_reminders: true,
        email_reminders: false,
    }
}

/// A citizen with a searchable CV containing `position` / `tasks`.
async fn searchable_citizen(
    store: &Store,
    cpr: &str,
    p: &RegisterPerson,
    position: &str,
    tasks: &str,
) -> (Caller<CitizenId>, CvId) {
    let login = store
        .citizen_mitid_login(cpr, p, "Simuleret CPR-register", now())
        .await
        .unwrap();
    let citizen = me(login.citizen_id);
    store
        .complete_citizen_profile(citizen, &details(&format!("u{cpr}")), now())
        .await
        .unwrap();
    add(store, citizen, &experience(position, tasks)).await;
    add(store, citizen, &wish(position)).await;
    store.set_cv_searchable(citizen, true, now()).await.unwrap();
    let cv = store.cv_of_citizen(citizen).await.unwrap();
    (citizen, cv.cv_id)
}

#[tokio::test]
async fn sqlite_runs_with_wal_full_sync_foreign_keys_and_a_memory_map() {
    let (store, path) = common::sqlite().await;
    assert_eq!(store.sqlite_pragma("journal_mode").await.unwrap(), "wal");
    assert_eq!(store.sqlite_pragma("synchronous").await.unwrap(), "2"); // FULL
    assert_eq!(store.sqlite_pragma("foreign_keys").await.unwrap(), "1");
    // The whole map: SQLite gives 2147418112 instead if it was built without the raised
    // limit (.cargo/config.toml).
    assert_eq!(
        store.sqlite_pragma("mmap_size").await.unwrap(),
        jobspor_store::SQLITE_MMAP_SIZE.to_string()
    );
    store.close().await;
    let _ = std::fs::remove_file(path);
}

#[tokio::test]
async fn first_mitid_login_creates_the_profile_and_later_logins_refresh_it() {
    each_backend(|store| async move {
        let first = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "Simuleret CPR-register",
                now(),
            )
            .await
            .unwrap();
        assert!(!first.profile_complete);
        let moved = RegisterPerson {
            city: "Horsens".into(),
            ..person("Mette", "Aarhus", false)
        };
        let again = store
            .citizen_mitid_login(
                "1205901806",
                &moved,
                "Simuleret CPR-register",
                now() + Duration::days(1),
            )
            .await
            .unwrap();
        assert_eq!(again.citizen_id, first.citizen_id);
        let rec = store.citizen(first.citizen_id).await.unwrap();
        assert_eq!(rec.person.city, "Horsens");
        assert_eq!(rec.person.middle_name.as_deref(), Some("Marie"));
        assert_eq!(rec.register_source, "Simuleret CPR-register");
        // Both logins are in the history.
        let h = store
            .access_history(first.citizen_id, access_history_cutoff(now()))
            .await
            .unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].what, AccessWhat::LoggedInMitId);
    })
    .await;
}

#[tokio::test]
async fn a_citizen_keeps_the_language_chosen() {
    each_backend(|store| async move {
        let c = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "Simuleret CPR-register",
                now(),
            )
            .await
            .unwrap()
            .citizen_id;
        assert_eq!(store.citizen(c).await.unwrap().language, jobspor::Lang::Da);
        store
            .set_citizen_language(c, jobspor::Lang::En)
            .await
            .unwrap();
        assert_eq!(store.citizen(c).await.unwrap().language, jobspor::Lang::En);
        store
            .set_citizen_language(c, jobspor::Lang::Da)
            .await
            .unwrap();
        assert_eq!(store.citizen(c).await.unwrap().language, jobspor::Lang::Da);
        assert!(store
            .set_citizen_language(CitizenId::new(c.get() + 1000), jobspor::Lang::En)
            .await
            .is_err());
    })
    .await;
}

#[tokio::test]
async fn usernames_are_unique_and_complete_the_profile() {
    each_backend(|store| async move {
        let a = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap();
        let b = store
            .citizen_mitid_login("0803850077", &person("Lars", "Odense", false), "sim", now())
            .await
            .unwrap();
        store
            .complete_citizen_profile(me(a.citizen_id), &details("mette"), now())
            .await
            .unwrap();
        let taken = store
            .complete_citizen_profile(me(b.citizen_id), &details("mette"), now())
            .await;
        assert!(
            matches!(taken, Err(StoreError::Conflict(Unique::Username))),
            "{taken:?}"
        );
        let again = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap();
        assert!(again.profile_complete);
        let (id, hash) = store.citizen_password_hash("mette").await.unwrap().unwrap();
        assert_eq!(id, a.citizen_id);
        assert!(hash.starts_with("$argon2id$"));
        assert!(store
            .citizen_password_hash("nobody")
            .await
            .unwrap()
            .is_none());
    })
    .await;
}

#[tokio::test]
async fn sessions_expire_by_the_core_rule() {
    each_backend(|store| async move {
        store
            .create_session("h1", ActorKind::Citizen, 1, "acr", now())
            .await
            .unwrap();
        store
            .create_session(
                "h2",
                ActorKind::Citizen,
                1,
                "acr",
                now() - Duration::minutes(31),
            )
            .await
            .unwrap();
        let s = store.session("h1").await.unwrap().unwrap();
        assert_eq!((s.actor_kind.as_str(), s.subject_id), ("citizen", 1));
        assert_eq!(store.delete_expired_sessions(now()).await.unwrap(), 1);
        assert!(store.session("h2").await.unwrap().is_none());
        store.delete_session("h1").await.unwrap();
        assert!(store.session("h1").await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn a_session_is_marked_seen_at_most_once_a_minute() {
    each_backend(|store| async move {
        store
            .create_session("h1", ActorKind::Citizen, 1, "acr", now())
            .await
            .unwrap();
        let seen =
            |store: Store| async move { store.session("h1").await.unwrap().unwrap().last_seen_at };
        store
            .touch_session("h1", now(), now() + Duration::seconds(60))
            .await
            .unwrap();
        assert_eq!(
            seen(store.clone()).await,
            now(),
            "within the minute: no write"
        );
        store
            .touch_session("h1", now(), now() + Duration::seconds(61))
            .await
            .unwrap();
        assert_eq!(seen(store.clone()).await, now() + Duration::seconds(61));
        // A request that read the session before another one marked it does not write again.
        store
            .touch_session("h1", now(), now() + Duration::seconds(90))
            .await
            .unwrap();
        assert_eq!(seen(store.clone()).await, now() + Duration::seconds(61));
    })
    .await;
}

#[tokio::test]
async fn login_failures_are_counted_per_user_and_address() {
    each_backend(|store| async move {
        for _ in 0..3 {
            store
                .record_login_failure("mette", "127.0.0.1", now())
                .await
                .unwrap();
        }
        store
            .record_login_failure("lars", "127.0.0.1", now() - Duration::hours(1))
            .await
            .unwrap();
        let since = now() - jobspor::login::THROTTLE_WINDOW;
        assert_eq!(
            store
                .login_failures_since("mette", "127.0.0.1", since)
                .await
                .unwrap(),
            (3, 3)
        );
        store.clear_login_failures("mette").await.unwrap();
        assert_eq!(
            store
                .login_failures_since("mette", "127.0.0.1", since)
                .await
                .unwrap(),
            (0, 0)
        );
    })
    .await;
}

#[tokio::test]
async fn a_cv_becomes_searchable_only_with_a_wish_and_an_experience() {
    each_backend(|store| async move {
        let c = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap()
            .citizen_id;
        assert_eq!(
            refusal(store.set_cv_searchable(me(c), true, now()).await),
            Err(jobspor::Msg::CvNotReady)
        );
        let we = add(&store, me(c), &experience("Sygeplejerske", "Pleje")).await;
        assert_eq!(
            refusal(store.set_cv_searchable(me(c), true, now()).await),
            Err(jobspor::Msg::CvNeedsJobWish)
        );
        add(&store, me(c), &wish("Sygeplejerske")).await;
        assert_eq!(
            refusal(store.set_cv_searchable(me(c), true, now()).await),
            Ok(())
        );
        let cv = store.cv_of_citizen(me(c)).await.unwrap();
        assert!(cv.searchable);
        assert_eq!(
            cv.of(CvSection::JobWish).next().unwrap().entry,
            wish("Sygeplejerske")
        );
        // Deleting the only experience takes the CV out of search.
        store.delete_cv_entry(me(c), we, now()).await.unwrap();
        assert!(!store.cv_of_citizen(me(c)).await.unwrap().searchable);
    })
    .await;
}

#[tokio::test]
async fn an_education_is_enough_with_a_job_wish_and_its_text_is_searchable() {
    each_backend(|store| async move {
        let c = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap()
            .citizen_id;
        add(&store, me(c), &wish("Laborant")).await;
        let education = entry(
            CvSection::Education,
            &[
                ("education", "Laborant"),
                ("institution", "Erhvervsakademi Aarhus"),
                ("start", "2018-08-01"),
                ("end", "2020-06-30"),
            ],
        );
        let ed = add(&store, me(c), &education).await;
        assert_eq!(
            refusal(store.set_cv_searchable(me(c), true, now()).await),
            Ok(())
        );
        let cv = store.cv_of_citizen(me(c)).await.unwrap();
        assert_eq!(cv.of(CvSection::Education).next().unwrap().entry, education);
        let cutoff = searchable_login_cutoff(now());
        assert_eq!(
            store
                .search_cvs(&text_query("erhvervsakademi"), cutoff)
                .await
                .unwrap()
                .total,
            1
        );
        // Without it the CV no longer qualifies, and leaves the search.
        store.delete_cv_entry(me(c), ed, now()).await.unwrap();
        assert!(!store.cv_of_citizen(me(c)).await.unwrap().searchable);
        assert_eq!(
            store
                .search_cvs(&text_query("erhvervsakademi"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );
    })
    .await;
}

#[tokio::test]
async fn a_citizen_cannot_delete_someone_elses_entry() {
    each_backend(|store| async move {
        let a = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap()
            .citizen_id;
        let b = store
            .citizen_mitid_login("0803850077", &person("Lars", "Odense", false), "sim", now())
            .await
            .unwrap()
            .citizen_id;
        let id = add(&store, me(a), &experience("Kok", "")).await;
        assert!(matches!(
            store.delete_cv_entry(me(b), id, now()).await,
            Err(StoreError::NotFound)
        ));
        // Nor edit it, even by naming it as an entry of their own save.
        assert!(matches!(
            store
                .save_cv_entry(me(b), Some(id), &experience("Tyv", ""), now())
                .await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            store.cv_of_citizen(me(a)).await.unwrap().entries[0].entry,
            experience("Kok", "")
        );
    })
    .await;
}

#[tokio::test]
async fn entries_are_edited_texts_replaced_and_duplicates_refused() {
    each_backend(|store| async move {
        let c = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap()
            .citizen_id;
        let id = add(&store, me(c), &experience("Kok", "")).await;
        assert_eq!(
            refusal(
                store
                    .save_cv_entry(me(c), Some(id), &experience("Køkkenchef", "Menuer"), now())
                    .await
            ),
            Ok(id)
        );
        // Editing with another section's id is not allowed.
        assert!(matches!(
            store
                .save_cv_entry(me(c), Some(id), &wish("Kok"), now())
                .await,
            Err(StoreError::NotFound)
        ));
        let intro = |t: &str| entry(CvSection::Introduction, &[("text", t)]);
        let first = add(&store, me(c), &intro("Første udgave")).await;
        assert_eq!(
            add(&store, me(c), &intro("Anden udgave")).await,
            first,
            "a single text is replaced, not added"
        );
        let english =
            |level: &str| entry(CvSection::Language, &[("language", "en"), ("level", level)]);
        let en = add(&store, me(c), &english("B1")).await;
        assert_eq!(
            refusal(
                store
                    .save_cv_entry(me(c), None, &english("C1"), now())
                    .await
            ),
            Err(jobspor::Msg::ListDuplicate)
        );
        assert_eq!(
            refusal(
                store
                    .save_cv_entry(me(c), Some(en), &english("C1"), now())
                    .await
            ),
            Ok(en)
        );
        let cv = store.cv_of_citizen(me(c)).await.unwrap();
        let sections: Vec<_> = cv.entries.iter().map(|e| e.entry.section()).collect();
        assert_eq!(
            sections,
            [
                CvSection::Introduction,
                CvSection::WorkExperience,
                CvSection::Language
            ],
            "in the CV's order"
        );
        assert_eq!(cv.entries[0].entry, intro("Anden udgave"));
        assert_eq!(cv.entries[1].entry, experience("Køkkenchef", "Menuer"));
        assert_eq!(cv.entries[2].entry, english("C1"));
    })
    .await;
}

#[tokio::test]
async fn hidden_sections_are_kept_but_never_searchable() {
    each_backend(|store| async move {
        let (c, _) = searchable_citizen(
            &store,
            "1205901806",
            &person("Mette", "Aarhus", false),
            "Sygeplejerske",
            "",
        )
        .await;
        add(
            &store,
            c,
            &entry(
                CvSection::SpecialConsiderations,
                &[("text", "Hæveborde og pauser")],
            ),
        )
        .await;
        add(
            &store,
            c,
            &entry(
                CvSection::Absence,
                &[("kind", "sickness"), ("from", "2026-11-02")],
            ),
        )
        .await;
        add(
            &store,
            c,
            &entry(CvSection::Qualification, &[("qualification", "Sårpleje")]),
        )
        .await;
        let cutoff = searchable_login_cutoff(now());
        assert_eq!(
            store
                .search_cvs(&text_query("sårpleje"), cutoff)
                .await
                .unwrap()
                .total,
            1
        );
        assert_eq!(
            store
                .search_cvs(&text_query("hæveborde"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );
        assert_eq!(
            store
                .search_cvs(&text_query("sygdom"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );
        assert_eq!(store.cv_of_citizen(c).await.unwrap().entries.len(), 5);
    })
    .await;
}

#[tokio::test]
async fn a_draft_is_kept_until_the_section_is_saved() {
    each_backend(|store| async move {
        let c = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap()
            .citizen_id;
        let typed: Fields = [("position".to_string(), "Halvfærdig".to_string())].into();
        store
            .save_cv_draft(me(c), CvSection::WorkExperience, None, &typed, now())
            .await
            .unwrap();
        let later = now() + Duration::seconds(5);
        let more: Fields = [("position".to_string(), "Halvfærdig stilling".to_string())].into();
        store
            .save_cv_draft(me(c), CvSection::WorkExperience, None, &more, later)
            .await
            .unwrap();
        let d = store
            .cv_draft(me(c), CvSection::WorkExperience)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((d.entry_id, d.fields, d.saved_at), (None, more, later));
        assert_eq!(
            store.cv_draft(me(c), CvSection::Education).await.unwrap(),
            None
        );
        add(&store, me(c), &experience("Kok", "")).await;
        assert_eq!(
            store
                .cv_draft(me(c), CvSection::WorkExperience)
                .await
                .unwrap(),
            None,
            "saving the section discards its draft"
        );
    })
    .await;
}

#[tokio::test]
async fn a_draft_over_the_bound_is_not_kept_and_the_one_before_it_stays() {
    use jobspor::cv::MAX_DRAFT_BYTES;
    each_backend(|store| async move {
        let c = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap()
            .citizen_id;
        let typed: Fields = [("position".to_string(), "Kok".to_string())].into();
        assert!(store
            .save_cv_draft(me(c), CvSection::WorkExperience, None, &typed, now())
            .await
            .unwrap());
        // Just under the bound as stored (JSON): kept.
        let overhead = serde_json::to_string(&Fields::from([("tasks".to_string(), String::new())]))
            .unwrap()
            .len();
        let fits: Fields = [("tasks".to_string(), "x".repeat(MAX_DRAFT_BYTES - overhead))].into();
        assert!(store
            .save_cv_draft(me(c), CvSection::Education, None, &fits, now())
            .await
            .unwrap());
        // One byte more, or 1.5 MB: not kept, and the earlier draft is what remains.
        for size in [MAX_DRAFT_BYTES - overhead + 1, 1_500_000] {
            let huge: Fields = [("tasks".to_string(), "x".repeat(size))].into();
            assert!(!store
                .save_cv_draft(me(c), CvSection::WorkExperience, None, &huge, now())
                .await
                .unwrap());
        }
        let d = store
            .cv_draft(me(c), CvSection::WorkExperience)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(d.fields, typed);
        assert_eq!(
            store
                .cv_draft(me(c), CvSection::Education)
                .await
                .unwrap()
                .unwrap()
                .fields,
            fits
        );
    })
    .await;
}

#[tokio::test]
async fn search_finds_danish_inflections_of_searchable_cvs_only() {
    each_backend(|store| async move {
        let (_, nurse) = searchable_citizen(
            &store,
            "1205901806",
            &person("Mette", "Aarhus", false),
            "Sygeplejerske",
            "Pleje af ældre borgere",
        )
        .await;
        let (lars, _) = searchable_citizen(
            &store,
            "0803850077",
            &person("Lars", "Odense", false),
            "Pædagog",
            "Arbejde med børn",
        )
        .await;
        let cutoff = searchable_login_cutoff(now());

        let page = store
            .search_cvs(&text_query("sygeplejersker"), cutoff)
            .await
            .unwrap();
        assert_eq!(page.total, 1);
        assert_eq!(page.hits[0].cv_id, nurse);
        assert_eq!(page.hits[0].name, "Mette Marie Jensen");
        assert_eq!(page.hits[0].occupations, vec!["Sygeplejerske".to_string()]);
        assert_eq!(
            store
                .search_cvs(&text_query("pædagogen børn"), cutoff)
                .await
                .unwrap()
                .total,
            1
        );
        assert_eq!(
            store
                .search_cvs(&text_query(""), cutoff)
                .await
                .unwrap()
                .total,
            2
        );
        assert_eq!(
            store
                .search_cvs(&text_query("tømrer"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );

        // Not marked searchable: gone.
        store.set_cv_searchable(lars, false, now()).await.unwrap();
        assert_eq!(
            store
                .search_cvs(&text_query("pædagog"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );
        // No login for 12 weeks: gone, though still marked.
        store.set_cv_searchable(lars, true, now()).await.unwrap();
        store
            .set_citizen_last_login(
                lars.id(),
                now() - Duration::weeks(12) - Duration::seconds(1),
            )
            .await
            .unwrap();
        assert_eq!(
            store
                .search_cvs(&text_query("pædagog"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );
        // Exactly 12 weeks: no longer searchable (jobspor::retention::cv_is_searchable).
        store
            .set_citizen_last_login(lars.id(), now() - Duration::weeks(12))
            .await
            .unwrap();
        assert!(!jobspor::retention::cv_is_searchable(
            true,
            now() - Duration::weeks(12),
            now()
        ));
        assert_eq!(
            store
                .search_cvs(&text_query("pædagog"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );
        store
            .set_citizen_last_login(
                lars.id(),
                now() - Duration::weeks(12) + Duration::seconds(1),
            )
            .await
            .unwrap();
        assert_eq!(
            store
                .search_cvs(&text_query("pædagog"), cutoff)
                .await
                .unwrap()
                .total,
            1
        );
    })
    .await;
}

/// SQLite: a query word's variants are looked up in `cv_body_words`, which must hold the text
/// index's own words: written with each save, for letters and digits of every kind, and
/// completed from the index by the daily count.
#[tokio::test]
async fn sqlite_keeps_the_text_indexs_words_for_the_stem_lookup() {
    let (store, path) = common::sqlite().await;
    let tasks = "Café-ejer på Ærø og i São Paulo: naïve Übung, 3D-print, C++ og C#, e-mail, 2½ år, ÅBNINGSTIDER, sygeplejerskerne";
    searchable_citizen(
        &store,
        "1205901806",
        &person("Mette", "Aarhus", false),
        "Sygeplejerske",
        tasks,
    )
    .await;
    assert_eq!(
        jobspor_store::testing::body_words_apart(&store).await,
        (vec![], vec![])
    );
    let cutoff = searchable_login_cutoff(now());
    let found = |word: &'static str| {
        let store = store.clone();
        async move {
            store
                .search_cvs(&text_query(word), cutoff)
                .await
                .unwrap()
                .total
        }
    };
    for word in [
        "café",
        "cafe",
        "ærø",
        "paulo",
        "übung",
        "åbningstider",
        "3d",
        "sygeplejersker",
    ] {
        assert_eq!(found(word).await, 1, "{word}");
    }
    jobspor_store::testing::forget_body_word(&store, "ubung").await;
    assert_eq!(
        found("übung").await,
        0,
        "looked up in the table, not the index's vocabulary"
    );
    store.refresh_facet_totals(now()).await.unwrap();
    assert_eq!(
        found("übung").await,
        1,
        "the daily count adds it back from the index"
    );
    store.close().await;
    let _ = std::fs::remove_file(path);
}

#[tokio::test]
async fn a_search_for_common_words_finds_the_same_when_read_in_table_order() {
    each_backend(|store| async move {
        let (_, nurse) = searchable_citizen(
            &store,
            "1205901806",
            &person("Mette", "Aarhus", false),
            "Sygeplejerske",
            "Pleje af ældre borgere",
        )
        .await;
        let (lars, _) = searchable_citizen(
            &store,
            "0803850077",
            &person("Lars", "Odense", false),
            "Pædagog",
            "Arbejde med børn",
        )
        .await;
        let cutoff = searchable_login_cutoff(now());
        let from_index = store
            .search_cvs(&text_query("sygeplejersker"), cutoff)
            .await
            .unwrap();
        if store.backend() == jobspor_store::Backend::Postgres {
            // The daily count copies the planner's statistics of the words.
            store.tidy_search_index(now()).await.unwrap();
            assert!(common::word_total(&store, "sygeplejersk").await.is_some());
            // As common as at ten million CVs: PostgreSQL now reads in table order.
            common::count_words_as_common(&store, &["sygeplejersk", "pædagog"]).await;
        }
        let page = store
            .search_cvs(&text_query("sygeplejersker"), cutoff)
            .await
            .unwrap();
        assert_eq!(page, from_index);
        assert_eq!((page.total, page.hits[0].cv_id), (1, nurse));
        assert!(
            page.hits[0]
                .passage
                .as_deref()
                .is_some_and(|p| p.contains("Sygeplejerske")),
            "{:?}",
            page.hits[0].passage
        );
        assert_eq!(
            store
                .search_cvs(&text_query("pædagog"), cutoff)
                .await
                .unwrap()
                .total,
            1
        );
        // The searchability rule holds on this path too.
        store.set_cv_searchable(lars, false, now()).await.unwrap();
        assert_eq!(
            store
                .search_cvs(&text_query("pædagog"), cutoff)
                .await
                .unwrap()
                .total,
            0
        );
    })
    .await;
}

#[tokio::test]
async fn protected_addresses_do_not_reach_search_results() {
    each_backend(|store| async move {
        searchable_citizen(
            &store,
            "2301781804",
            &person("Anne", "Horsens", true),
            "Tømrer",
            "",
        )
        .await;
        let page = store
            .search_cvs(&text_query("tømrer"), searchable_login_cutoff(now()))
            .await
            .unwrap();
        assert_eq!(page.hits[0].city, None);
    })
    .await;
}

#[tokio::test]
async fn opening_a_cv_is_recorded_for_the_citizen() {
    each_backend(|store| async move {
        let (citizen, cv) = searchable_citizen(
            &store,
            "1205901806",
            &person("Mette", "Aarhus", false),
            "Sygeplejerske",
            "",
        )
        .await;
        let employer = store
            .upsert_employer(
                CompanyFacts {
                    cvr: "10150817",
                    name: "Region Midtjylland",
                    email: "hr@rm.dk",
                },
                now(),
            )
            .await
            .unwrap();
        let later = now() + Duration::hours(1);
        let opened = store
            .open_cv_for_employer(
                me(employer),
                "Region Midtjylland",
                cv,
                searchable_login_cutoff(later),
                later,
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            opened.owner.email.as_deref(),
            Some("u1205901806@eksempel.dk")
        );
        assert_eq!(opened.entries.len(), 2);
        let h = store
            .access_history(citizen.id(), access_history_cutoff(later))
            .await
            .unwrap();
        assert_eq!(
            (h[0].organisation.as_str(), h[0].what, h[0].at),
            ("Region Midtjylland", AccessWhat::OpenedCv, later)
        );
        // A CV that is not searchable cannot be opened, and nothing is recorded.
        store
            .set_cv_searchable(citizen, false, later)
            .await
            .unwrap();
        assert!(store
            .open_cv_for_employer(
                me(employer),
                "Region Midtjylland",
                cv,
                searchable_login_cutoff(later),
                later
            )
            .await
            .unwrap()
            .is_none());
        assert_eq!(
            store
                .access_history(citizen.id(), access_history_cutoff(later))
                .await
                .unwrap()
                .len(),
            h.len()
        );
    })
    .await;
}

#[tokio::test]
async fn history_shows_three_months_and_old_entries_can_be_purged() {
    each_backend(|store| async move {
        let c = store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now() - Duration::days(120),
            )
            .await
            .unwrap()
            .citizen_id;
        store
            .citizen_mitid_login(
                "1205901806",
                &person("Mette", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap();
        assert_eq!(
            store
                .access_history(c, access_history_cutoff(now()))
                .await
                .unwrap()
                .len(),
            1
        );
        // The records are kept longer than the citizen sees them, and pruned from the start.
        assert_eq!(
            store
                .prune_access_log(now() - Duration::days(100))
                .await
                .unwrap(),
            1
        );
        assert_eq!(store.verify_access_log().await.unwrap(), Ok(1));
    })
    .await;
}

#[tokio::test]
async fn an_employer_is_a_company_by_cvr_with_the_persons_who_sign_in_for_it() {
    each_backend(|store| async move {
        let facts = |name| CompanyFacts {
            cvr: "10150817",
            name,
            email: "Job@Bageriet.dk",
        };
        let jonas = store
            .employer_sign_in(facts("Bageriet"), "sub-jonas", "Jonas", now())
            .await
            .unwrap();
        // The register renamed the company; a colleague signs in: same company, new name.
        let line = store
            .employer_sign_in(facts("Bageriet ApS"), "sub-line", "Line", now())
            .await
            .unwrap();
        assert_eq!(jonas.employer_id, line.employer_id);
        assert_ne!(jonas.user_id, line.user_id);
        let again = store
            .employer_sign_in(facts("Bageriet ApS"), "sub-jonas", "Jonas B.", now())
            .await
            .unwrap();
        assert_eq!(again, jonas);
        let e = store.employer(jonas.employer_id).await.unwrap();
        assert_eq!(e.company_name, "Bageriet ApS");
        assert_eq!(e.email, "job@bageriet.dk");
        assert_eq!(
            store.employer_user(jonas.user_id).await.unwrap().name,
            "Jonas B."
        );
        // Another company may not take the e-mail.
        assert!(matches!(
            store
                .upsert_employer(
                    CompanyFacts {
                        cvr: "25313763",
                        name: "Andet",
                        email: "job@bageriet.dk"
                    },
                    now()
                )
                .await,
            Err(StoreError::Conflict(Unique::Email))
        ));
        // The acceptance records who, when and which version.
        assert_eq!(e.terms_version, None);
        store
            .accept_employer_terms(me(line), 1, now())
            .await
            .unwrap();
        let e = store.employer(jonas.employer_id).await.unwrap();
        assert_eq!(
            (e.terms_version, e.terms_accepted_at, e.terms_accepted_by),
            (Some(1), Some(now()), Some(line.user_id))
        );
    })
    .await;
}

#[tokio::test]
async fn a_long_cv_is_indexed_in_full() {
    each_backend(|store| async move {
        // More distinct words than one insert of search terms takes (they go in chunks).
        let words: Vec<String> = (0..700).map(|i| format!("ord{i}x")).collect();
        let (c, _) = searchable_citizen(
            &store,
            "1205901806",
            &person("Mette", "Aarhus", false),
            "Sygeplejerske",
            &words[..250].join(" "),
        )
        .await;
        add(
            &store,
            c,
            &entry(
                CvSection::Introduction,
                &[("text", &words[250..500].join(" "))],
            ),
        )
        .await;
        add(
            &store,
            c,
            &entry(
                CvSection::WhyApplying,
                &[("company", "Regionen"), ("text", &words[500..].join(" "))],
            ),
        )
        .await;
        let cutoff = searchable_login_cutoff(now());
        for w in ["ord0x", "ord499x", "ord500x", "ord699x"] {
            assert_eq!(
                store
                    .search_cvs(&text_query(w), cutoff)
                    .await
                    .unwrap()
                    .total,
                1,
                "{w}"
            );
        }
    })
    .await;
}

mod jobseekers {
    use super::*;
    use jobspor::form_fields::Fields;
    use jobspor::jobseeker::eligibility::{Questionnaire, Situation};
    use jobspor::jobseeker::register_data::RegisterFact;
    use jobspor::jobseeker::registration::{AKasse, Registration};
    use jobspor_store::access_log::AccessEntry;
    use jobspor_store::jobseekers::{Part, Submission};

    fn raw(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn fact(label: &str) -> RegisterFact {
        RegisterFact {
            label: label.into(),
            value: "1".into(),
            source: "sim".into(),
        }
    }

    async fn citizen(store: &Store) -> CitizenId {
        store
            .citizen_mitid_login(
                "1906910161",
                &person("William", "Aarhus", false),
                "sim",
                now(),
            )
            .await
            .unwrap()
            .citizen_id
    }

    #[tokio::test]
    async fn a_changed_situation_means_the_questionnaire_must_be_sent_again() {
        each_backend(|store| async move {
            let c = citizen(&store).await;
            assert!(store.jobseeker(c).await.unwrap().is_none());
            let dagpenge = Registration {
                situation: Situation::Dagpenge,
                a_kasse: Some(AKasse::Hk),
            };
            store
                .register_jobseeker(me(c), &dagpenge, now())
                .await
                .unwrap();
            assert_eq!(
                store.jobseeker(c).await.unwrap().unwrap().registration,
                dagpenge
            );
            let answers = raw(&[("reason", "dismissed")]);
            store
                .submit_questionnaire(
                    me(c),
                    &Submission {
                        kind: Questionnaire::Dagpenge,
                        answers: &answers,
                        facts: &[fact("Alder")],
                        health: None,
                    },
                    now(),
                )
                .await
                .unwrap();
            // The same situation again (another a-kasse) keeps it sent.
            store
                .register_jobseeker(
                    me(c),
                    &Registration {
                        a_kasse: Some(AKasse::Ase),
                        ..dagpenge
                    },
                    now(),
                )
                .await
                .unwrap();
            assert_eq!(
                store
                    .own_answers(Part::Questionnaire, me(c))
                    .await
                    .unwrap()
                    .submitted_at,
                Some(now())
            );
            store
                .register_jobseeker(
                    me(c),
                    &Registration {
                        situation: Situation::Other,
                        a_kasse: None,
                    },
                    now(),
                )
                .await
                .unwrap();
            let after = store.own_answers(Part::Questionnaire, me(c)).await.unwrap();
            assert_eq!((after.submitted_at, after.kind), (None, None));
            assert_eq!(after.answers, answers, "the answers are kept to start from");
        })
        .await;
    }

    #[tokio::test]
    async fn health_answers_are_kept_apart_and_caseworker_reads_are_recorded() {
        each_backend(|store| async move {
            let c = citizen(&store).await;
            let answers = raw(&[("reason", "dismissed")]);
            let health = raw(&[
                ("health_problem", "yes_some"),
                ("health_significance", "some"),
            ]);
            store
                .save_answers(Part::Questionnaire, me(c), &answers, now())
                .await
                .unwrap();
            store
                .save_answers(Part::Health, me(c), &health, now())
                .await
                .unwrap();
            assert_eq!(
                store
                    .own_answers(Part::Questionnaire, me(c))
                    .await
                    .unwrap()
                    .answers,
                answers
            );
            assert_eq!(
                store
                    .own_answers(Part::Health, me(c))
                    .await
                    .unwrap()
                    .answers,
                health
            );

            let read = AccessEntry {
                citizen_id: c,
                at: now(),
                actor_kind: ActorKind::Caseworker,
                actor_id: Some(7),
                actor_name: "Anna Sørensen".into(),
                organisation: "Jobcenter Aarhus".into(),
                what: AccessWhat::ReadHealthAnswers,
                basis: AccessBasis::ServedMunicipality("751".into()),
            };
            // Not sent yet: the caseworker sees nothing, and the look is still recorded.
            assert!(store
                .answers_for_caseworker(Part::Health, c, &read)
                .await
                .unwrap()
                .answers
                .is_empty());
            let facts = [fact("Køn")];
            store
                .submit_questionnaire(
                    me(c),
                    &Submission {
                        kind: Questionnaire::Dagpenge,
                        answers: &answers,
                        facts: &[],
                        health: Some((&health, &facts)),
                    },
                    now(),
                )
                .await
                .unwrap();
            let seen = store
                .answers_for_caseworker(Part::Health, c, &read)
                .await
                .unwrap();
            assert_eq!(
                (seen.answers, seen.facts),
                (health.clone(), Some(facts.to_vec()))
            );
            assert!(!store
                .own_answers(Part::Questionnaire, me(c))
                .await
                .unwrap()
                .answers
                .contains_key("health_problem"));
            let h = store
                .access_history(c, access_history_cutoff(now()))
                .await
                .unwrap();
            assert_eq!(
                h.iter()
                    .filter(|e| e.what == AccessWhat::ReadHealthAnswers)
                    .count(),
                2
            );

            // Sent again where the questions no longer apply: the health answers are deleted.
            store
                .submit_questionnaire(
                    me(c),
                    &Submission {
                        kind: Questionnaire::Dagpenge,
                        answers: &answers,
                        facts: &[],
                        health: None,
                    },
                    now(),
                )
                .await
                .unwrap();
            assert_eq!(
                store
                    .own_answers(Part::Health, me(c))
                    .await
                    .unwrap()
                    .updated_at,
                None
            );

            // Deleting the profile (18½ months inactive) deletes every answer with it.
            store
                .save_answers(Part::Health, me(c), &health, now())
                .await
                .unwrap();
            store.delete_citizen(c, now()).await.unwrap();
            assert_eq!(
                store
                    .own_answers(Part::Health, me(c))
                    .await
                    .unwrap()
                    .updated_at,
                None
            );
            assert_eq!(
                store
                    .own_answers(Part::Questionnaire, me(c))
                    .await
                    .unwrap()
                    .updated_at,
                None
            );
            assert!(store.jobseeker(c).await.unwrap().is_none());
        })
        .await;
    }

    #[tokio::test]
    async fn caseworkers_serve_municipalities() {
        each_backend(|store| async move {
            let id = store
                .upsert_caseworker(
                    "Anna.Jc",
                    "Anna Sørensen",
                    "Jobcenter Aarhus",
                    &["751"],
                    now(),
                )
                .await
                .unwrap();
            assert_eq!(
                store
                    .upsert_caseworker(
                        "anna.jc",
                        "Anna Sørensen",
                        "Jobcenter Aarhus",
                        &["751", "615"],
                        now()
                    )
                    .await
                    .unwrap(),
                id
            );
            let cw = store.caseworker(id).await.unwrap();
            assert_eq!(cw.municipality_codes, ["751", "615"]);
            assert_eq!(
                store.caseworker_by_subject("ANNA.JC").await.unwrap(),
                Some(id)
            );
            let c = citizen(&store).await;
            assert_eq!(
                store.citizen_id_by_cpr("1906910161").await.unwrap(),
                Some(c)
            );
            assert_eq!(store.citizen_id_by_cpr("0101010101").await.unwrap(), None);
        })
        .await;
    }
}

/// Issue 5: the employer search's filters, counts and searchability rules.
mod search_rules {
    use super::*;
    use jobspor_store::bulk::SyntheticCv;
    use jobspor_store::search::POOL;

    fn person_in(first: &str, postcode: &str, city: &str, municipality: &str) -> RegisterPerson {
        RegisterPerson {
            postcode: postcode.into(),
            city: city.into(),
            municipality_code: Some(municipality.into()),
            ..person(first, city, false)
        }
    }

    /// Mette (Aarhus): nurse, part time, can start now, licence B, English C1.
    /// Lars (Odense): pedagogue, full time, from a date, no licence, English A2.
    async fn two_cvs(store: &Store) -> (Caller<CitizenId>, Caller<CitizenId>) {
        let (mette, _) = searchable_citizen(
            store,
            "1205901806",
            &person_in("Mette", "8000", "Aarhus C", "751"),
            "Sygeplejerske",
            "Sårpleje og medicin",
        )
        .await;
        let (lars, _) = searchable_citizen(
            store,
            "0803850077",
            &person_in("Lars", "5000", "Odense C", "461"),
            "Pædagog",
            "Leg med børnene",
        )
        .await;
        add(
            store,
            mette,
            &entry(CvSection::DrivingLicence, &[("category", "B")]),
        )
        .await;
        add(
            store,
            mette,
            &entry(CvSection::Language, &[("language", "en"), ("level", "C1")]),
        )
        .await;
        add(
            store,
            lars,
            &entry(CvSection::Language, &[("language", "en"), ("level", "A2")]),
        )
        .await;
        let part_time_now = entry(
            CvSection::JobWish,
            &[
                ("occupation", "Social- og sundhedsassistent"),
                ("education", "completed"),
                ("experience", "over_5"),
                ("working_time", "part_time"),
                ("employment_type", "fixed_term"),
                ("start_when", "now"),
            ],
        );
        add(store, mette, &part_time_now).await;
        let lars_wish = store
            .cv_of_citizen(lars)
            .await
            .unwrap()
            .of(CvSection::JobWish)
            .next()
            .unwrap()
            .id;
        let later = entry(
            CvSection::JobWish,
            &[
                ("occupation", "Pædagog"),
                ("education", "completed"),
                ("experience", "over_5"),
                ("working_time", "full_time"),
                ("employment_type", "permanent"),
                ("start_when", "from_date"),
                ("start_date", "2027-02-01"),
            ],
        );
        store
            .save_cv_entry(lars, Some(lars_wish), &later, now())
            .await
            .unwrap();
        (mette, lars)
    }

    fn names(page: &jobspor_store::search::SearchPage) -> Vec<String> {
        page.hits
            .iter()
            .map(|h| h.name.split(' ').next().unwrap().to_string())
            .collect()
    }

    #[tokio::test]
    async fn each_filter_narrows_the_hits_and_the_counts_say_by_how_much() {
        each_backend(|store| async move {
            two_cvs(&store).await;
            let cutoff = searchable_login_cutoff(now());
            let found = |pairs: &'static [(&'static str, &'static str)]| {
                let store = store.clone();
                async move { names(&store.search_cvs(&search(pairs), cutoff).await.unwrap()) }
            };
            // The same answers whichever filter a search starts from: first with no counts
            // per key (it starts from the first filter), then with them (the rarest), then
            // with counts where the other keys are far more common than licence B (PostgreSQL
            // then looks them up per CV instead of reading them beside it, a merge join).
            for pass in ["not counted", "counted", "other keys common"] {
                match pass {
                    "counted" => store.refresh_facet_totals(now()).await.unwrap(),
                    "other keys common" => {
                        jobspor_store::testing::count_keys(
                            &store,
                            &[
                                ("lic:B", 1),
                                ("reg:1082", 500),
                                ("reg:1083", 500),
                                ("lang:en:C1", 500),
                            ],
                        )
                        .await
                    }
                    _ => {}
                }
                assert_eq!(found(&[("kommune", "751")]).await, ["Mette"]);
                assert_eq!(found(&[("region", "1083")]).await, ["Lars"]);
                assert_eq!(
                    found(&[("postnr", "8700"), ("afstand", "50")]).await,
                    ["Mette"],
                    "Horsens is within 50 km of Aarhus"
                );
                assert_eq!(
                    found(&[("postnr", "8700"), ("afstand", "10")]).await,
                    Vec::<String>::new()
                );
                assert_eq!(found(&[("koerekort", "B")]).await, ["Mette"]);
                assert_eq!(found(&[("sprog", "en"), ("niveau", "B1")]).await, ["Mette"]);
                assert_eq!(found(&[("sprog", "en"), ("niveau", "A2")]).await.len(), 2);
                assert_eq!(found(&[("arbejdstid", "part_time")]).await, ["Mette"]);
                assert_eq!(
                    found(&[("ansaettelse", "permanent")]).await.len(),
                    2,
                    "Mette's nurse wish is permanent"
                );
                assert_eq!(found(&[("start", "nu")]).await, ["Mette"]);
                assert_eq!(found(&[("stilling", "Pædagog")]).await, ["Lars"]);
                assert_eq!(
                    found(&[("q", "børn"), ("region", "1083"), ("sprog", "en")]).await,
                    ["Lars"]
                );
                assert_eq!(
                    found(&[("q", "børn"), ("region", "1082")]).await,
                    Vec::<String>::new()
                );
                assert_eq!(
                    found(&[
                        ("koerekort", "B"),
                        ("region", "1082"),
                        ("sprog", "en"),
                        ("niveau", "C1")
                    ])
                    .await,
                    ["Mette"]
                );
                assert_eq!(
                    found(&[("koerekort", "B"), ("region", "1083")]).await,
                    Vec::<String>::new()
                );
                // Words with filters: the text index intersects them (an occupation of
                // several words is a phrase of the keys column on SQLite).
                assert_eq!(
                    found(&[
                        ("q", "sygeplejerske"),
                        ("stilling", "Social- og sundhedsassistent")
                    ])
                    .await,
                    ["Mette"]
                );
                assert_eq!(
                    found(&[("q", "sygeplejerske"), ("stilling", "Pædagog")]).await,
                    Vec::<String>::new()
                );
                assert_eq!(
                    found(&[
                        ("q", "sygeplejerske"),
                        ("postnr", "8700"),
                        ("afstand", "50")
                    ])
                    .await,
                    ["Mette"]
                );
            }

            let all = store.search_cvs(&search(&[]), cutoff).await.unwrap();
            assert_eq!((all.total, all.more, all.facets_sampled), (2, false, false));
            for (key, n) in [
                ("mun:751", 1),
                ("reg:1083", 1),
                ("lic:B", 1),
                ("lang:en:A1", 2),
                ("lang:en:C1", 1),
                ("start:now", 1),
                ("occ:Pædagog", 1),
            ] {
                assert_eq!(all.facets.get(key), Some(&n), "{key}");
            }
            let nurses = store
                .search_cvs(&search(&[("q", "sygeplejerske")]), cutoff)
                .await
                .unwrap();
            assert_eq!(
                nurses.facets.get("mun:461"),
                None,
                "counts are over the matches only"
            );
        })
        .await;
    }

    #[tokio::test]
    async fn a_text_search_ranks_and_highlights_the_matching_words() {
        each_backend(|store| async move {
            two_cvs(&store).await;
            let page = store
                .search_cvs(&text_query("børn"), searchable_login_cutoff(now()))
                .await
                .unwrap();
            let passage = page.hits[0].passage.clone().unwrap();
            let marked: Vec<String> = jobspor::cv_search::highlight_pieces(&passage)
                .into_iter()
                .filter(|p| p.1)
                .map(|p| p.0.to_lowercase())
                .collect();
            assert!(marked.iter().any(|w| w.starts_with("børn")), "{passage:?}");
            let newest_first = store
                .search_cvs(&search(&[]), searchable_login_cutoff(now()))
                .await
                .unwrap();
            assert!(newest_first.hits[0].updated_at >= newest_first.hits[1].updated_at);
        })
        .await;
    }

    #[tokio::test]
    async fn a_text_search_ranks_the_cvs_that_say_the_words_most_first() {
        each_backend(|store| async move {
            // Made in this order, so a search that did not rank would give Once first (the
            // text index's order, oldest first).
            let tasks = "Pleje af børn i vuggestue, dokumentation, forældresamtaler og planlægning af dagens aktiviteter";
            searchable_citizen(&store, "1205901806", &person_in("Once", "8000", "Aarhus C", "751"), "Pædagog", tasks).await;
            searchable_citizen(&store, "0803850077", &person_in("Often", "8000", "Aarhus C", "751"), "Pædagog", "Børn og børnenes trivsel; leg med børn").await;
            let long = format!("{tasks}, {}", "samarbejde med kolleger, rengøring af køkken og indkøb, ".repeat(6));
            searchable_citizen(&store, "2301781804", &person_in("Wordy", "8000", "Aarhus C", "751"), "Pædagog", &long).await;
            let page = store.search_cvs(&text_query("børn"), searchable_login_cutoff(now())).await.unwrap();
            // Three times first. Once and Wordy both say it once: SQLite ranks the shorter
            // text first (BM25); PostgreSQL's `ts_rank` does not weigh length, and gives
            // them in the order made.
            assert_eq!(names(&page), ["Often", "Once", "Wordy"]);
            // Two words: only the CV with both is found.
            let two = store.search_cvs(&text_query("børn leg"), searchable_login_cutoff(now())).await.unwrap();
            assert_eq!(names(&two), ["Often"]);
        })
        .await;
    }

    #[tokio::test]
    async fn the_owner_is_followed_at_login_moves_and_cpr_status() {
        each_backend(|store| async move {
            let (mette, _) = two_cvs(&store).await;
            let cutoff = searchable_login_cutoff(now());
            // Moving from Aarhus to Odense is seen at the next MitID login.
            store
                .citizen_mitid_login(
                    "1205901806",
                    &person_in("Mette", "5000", "Odense C", "461"),
                    "Simuleret CPR-register",
                    now(),
                )
                .await
                .unwrap();
            assert_eq!(
                names(
                    &store
                        .search_cvs(&search(&[("kommune", "751")]), cutoff)
                        .await
                        .unwrap()
                ),
                Vec::<String>::new()
            );
            assert_eq!(
                store
                    .search_cvs(&search(&[("kommune", "461")]), cutoff)
                    .await
                    .unwrap()
                    .total,
                2
            );
            // With words the text index finds the place: it was updated with the keys.
            assert_eq!(
                names(
                    &store
                        .search_cvs(
                            &search(&[("q", "sygeplejerske"), ("kommune", "461")]),
                            cutoff
                        )
                        .await
                        .unwrap()
                ),
                ["Mette"]
            );
            assert_eq!(
                names(
                    &store
                        .search_cvs(
                            &search(&[("q", "sygeplejerske"), ("kommune", "751")]),
                            cutoff
                        )
                        .await
                        .unwrap()
                ),
                Vec::<String>::new()
            );
            // The other filters read the place from the CV's keys text: it moved too.
            store.refresh_facet_totals(now()).await.unwrap();
            assert_eq!(
                names(
                    &store
                        .search_cvs(&search(&[("koerekort", "B"), ("region", "1083")]), cutoff)
                        .await
                        .unwrap()
                ),
                ["Mette"]
            );
            assert_eq!(
                names(
                    &store
                        .search_cvs(&search(&[("koerekort", "B"), ("region", "1082")]), cutoff)
                        .await
                        .unwrap()
                ),
                Vec::<String>::new()
            );
            // A person no longer active in CPR (here: emigrated) is not listed.
            let gone = RegisterPerson {
                status: CprStatus::Emigrated,
                ..person_in("Mette", "5000", "Odense C", "461")
            };
            store
                .citizen_mitid_login("1205901806", &gone, "Simuleret CPR-register", now())
                .await
                .unwrap();
            assert_eq!(
                names(&store.search_cvs(&search(&[]), cutoff).await.unwrap()),
                ["Lars"]
            );
            let _ = mette;
        })
        .await;
    }

    #[tokio::test]
    async fn hidden_contact_details_are_marked_for_the_employer_view() {
        each_backend(|store| async move {
            let (mette, _) = two_cvs(&store).await;
            let cv = store.cv_of_citizen(mette).await.unwrap().cv_id;
            let employer = store
                .upsert_employer(
                    CompanyFacts {
                        cvr: "10150817",
                        name: "Region Midtjylland",
                        email: "hr@rm.dk",
                    },
                    now(),
                )
                .await
                .unwrap();
            let cutoff = searchable_login_cutoff(now());
            assert!(
                !store
                    .open_cv_for_employer(me(employer), "Region Midtjylland", cv, cutoff, now())
                    .await
                    .unwrap()
                    .unwrap()
                    .owner
                    .hide_contact
            );
            store.set_cv_hide_contact(mette, true).await.unwrap();
            assert!(store.cv_of_citizen(mette).await.unwrap().hide_contact);
            assert!(
                store
                    .open_cv_for_employer(me(employer), "Region Midtjylland", cv, cutoff, now())
                    .await
                    .unwrap()
                    .unwrap()
                    .owner
                    .hide_contact
            );
            // The employer asks support to pass a message on; support sees it queued.
            assert!(store
                .request_contact(
                    me(employer),
                    cv,
                    "Vi har en stilling til dig.",
                    cutoff,
                    now()
                )
                .await
                .unwrap());
            let queued = store.open_contact_requests().await.unwrap();
            assert_eq!(
                (queued[0].citizen_id, queued[0].company_name.as_str()),
                (mette.id(), "Region Midtjylland")
            );
            assert!(store
                .mark_contact_request_relayed(queued[0].id, now())
                .await
                .unwrap());
            assert!(
                store.open_contact_requests().await.unwrap().is_empty(),
                "passed on: out of the queue"
            );
            // Not for a CV that is not searchable.
            store.set_cv_searchable(mette, false, now()).await.unwrap();
            assert!(!store
                .request_contact(me(employer), cv, "Igen?", cutoff, now())
                .await
                .unwrap());
        })
        .await;
    }

    #[tokio::test]
    async fn bulk_loaded_cvs_are_searched_like_saved_ones() {
        each_backend(|store| async move {
            two_cvs(&store).await;
            let cutoff = searchable_login_cutoff(now());
            let batch: Vec<SyntheticCv> = (0..(POOL as i64) + 10)
                .map(|i| SyntheticCv {
                    cpr: format!("01019{:05}", i),
                    person: person_in("Bo", "9000", "Aalborg", "851"),
                    phone: None,
                    email: None,
                    last_login_at: now() - Duration::weeks(if i % 2 == 0 { 1 } else { 13 }),
                    searchable: i % 3 != 0,
                    hide_contact: false,
                    entries: vec![
                        experience("Tømrer", "Tagarbejde for tømrerfirmaer"),
                        wish("Tømrer"),
                    ],
                })
                .collect();
            store.load_synthetic_cvs(&batch, now()).await.unwrap();
            let expected = (0..(POOL as i64) + 10)
                .filter(|i| i % 2 == 0 && i % 3 != 0)
                .count() as i64;
            let page = store
                .search_cvs(&text_query("tømrere"), cutoff)
                .await
                .unwrap();
            assert_eq!(
                page.total, expected,
                "searchable and logged in within 12 weeks"
            );
            assert_eq!(
                store
                    .search_cvs(&search(&[("kommune", "851")]), cutoff)
                    .await
                    .unwrap()
                    .total,
                expected
            );
            let all = store.search_cvs(&search(&[]), cutoff).await.unwrap();
            assert!(
                !all.more && !all.facets_sampled,
                "{} hits: counted exactly",
                all.total
            );
            // More hits than are counted: the page is told the counts are a sample.
            let more: Vec<SyntheticCv> = (0..(POOL as i64))
                .map(|i| SyntheticCv {
                    cpr: format!("02019{:05}", i),
                    last_login_at: now(),
                    searchable: true,
                    ..batch[0].clone()
                })
                .collect();
            store.load_synthetic_cvs(&more, now()).await.unwrap();
            let all = store.search_cvs(&search(&[]), cutoff).await.unwrap();
            assert!(all.more && all.facets_sampled);
            // The ids continue after the bulk load.
            let after = store
                .citizen_mitid_login(
                    "2301781804",
                    &person("Anne", "Horsens", false),
                    "Simuleret CPR-register",
                    now(),
                )
                .await
                .unwrap();
            assert!(after.citizen_id > CitizenId::new(POOL as i64));
        })
        .await;
    }
}

#[tokio::test]
async fn a_flash_is_taken_once_and_not_after_it_expires() {
    use jobspor_store::flashes::Flash;
    each_backend(|store| async move {
        let flash = |at| Flash {
            fn_path: "/api/cv/entry/save".into(),
            page: "/borger/cv/work_experience".into(),
            payload: "eyJJbnZhbGlkIjp7fX0=".into(),
            created_at: at,
        };
        store.create_flash("a", &flash(now())).await.unwrap();
        assert_eq!(
            store
                .take_flash("a", now() - Duration::minutes(10))
                .await
                .unwrap(),
            Some(flash(now()))
        );
        assert_eq!(
            store
                .take_flash("a", now() - Duration::minutes(10))
                .await
                .unwrap(),
            None,
            "once"
        );
        // Too old to show: gone all the same.
        store.create_flash("b", &flash(now())).await.unwrap();
        assert_eq!(
            store
                .take_flash("b", now() + Duration::seconds(1))
                .await
                .unwrap(),
            None
        );
        assert_eq!(store.take_flash("b", now()).await.unwrap(), None);
        // Housekeeping removes what nobody fetched.
        store.create_flash("c", &flash(now())).await.unwrap();
        store
            .create_flash("d", &flash(now() + Duration::minutes(11)))
            .await
            .unwrap();
        assert_eq!(
            store
                .delete_flashes_before(now() + Duration::minutes(1))
                .await
                .unwrap(),
            1
        );
        assert!(store.take_flash("d", now()).await.unwrap().is_some());
    })
    .await;
}
