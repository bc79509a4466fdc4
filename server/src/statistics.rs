//! Statistics without cookies or identities (seed 000, "Statistik"): every successful GET
//! of an HTML page is counted by its route pattern (never its path's values or query), with
//! the visitor cut to the provider's network and a key for the rest of the address under
//! the day's secret (`jobspor::statistics::visitor`; the secret lives in this process's
//! memory only and is replaced every Danish day). The view is handed to a writer task after
//! the page has been answered; the writer writes what has come in since its last write in
//! one transaction, so a busy site commits once per batch, not once per page. A failed write
//! is a warning in the log and never a failed page. Static files, /api calls and /healthz
//! are not pages and are not counted.
//!
//! Also here: the operator's report (`jobspor-server statistics`), its SVG plot, and the
//! research export's CSV (`jobspor-server research-export`).
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use jobspor::dates::danish_date;
use jobspor::statistics::{research_pseudonym, DaySecret, SecretKey, StatEvent, Visitor};
use jobspor::Clock;
use jobspor_app::ssr::client::client_ip;
use jobspor_app::ssr::session;
use jobspor_app::ssr::state::AppState;
use jobspor_store::statistics::{PageView, ResearchEvent, StatisticsReport};
use jobspor_store::Store;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;

/// Page views waiting for the writer; beyond this many (a writer stuck on a database that
/// does not answer) a view is not counted, with a warning, rather than held in memory.
const QUEUE: usize = 10_000;
/// The most page views one transaction writes.
const BATCH: usize = 500;

/// What the middleware needs: the writer's queue, the clock, the cookie's name, and the
/// day's secret.
pub struct Recorder {
    views: mpsc::Sender<PageView>,
    clock: Arc<dyn Clock>,
    session_cookie: String,
    /// The day's secret, made at the day's first page view; the day before's is dropped
    /// then. Never leaves this process.
    secret: Mutex<Option<DaySecret>>,
}

impl Recorder {
    /// The recorder, and its writer as a task of the current runtime; the writer ends when
    /// the recorder is dropped, after writing what was queued.
    pub fn new(state: &AppState) -> Arc<Recorder> {
        let (views, queue) = mpsc::channel(QUEUE);
        tokio::spawn(write_views(state.store.clone(), queue));
        Arc::new(Recorder {
            views,
            clock: state.clock.clone(),
            session_cookie: session::cookie_name(state.secure_cookies, session::COOKIE_NAME),
            secret: Mutex::new(None),
        })
    }

    /// The visitor `ip` is at `now`, under the secret of `now`'s Danish day.
    fn visitor(&self, ip: IpAddr, now: DateTime<Utc>) -> Visitor {
        let today = danish_date(now);
        // A poisoned lock only means another request panicked while holding it; the
        // secret in it is still whole.
        let mut secret = self.secret.lock().unwrap_or_else(|p| p.into_inner());
        if secret.as_ref().map(DaySecret::day) != Some(today) {
            *secret = Some(DaySecret::new(today, rand::random()));
        }
        match secret.as_ref() {
            Some(s) => jobspor::statistics::visitor(ip, s),
            None => unreachable_secret(),
        }
    }
}

/// Writes the queued page views: waits for one, takes what else has come in (up to
/// `BATCH`), writes them in one transaction.
async fn write_views(store: Store, mut queue: mpsc::Receiver<PageView>) {
    let mut batch = Vec::with_capacity(BATCH);
    while queue.recv_many(&mut batch, BATCH).await > 0 {
        if let Err(e) = store.record_page_views(&batch).await {
            tracing::warn!(error = %e, views = batch.len(), "page views not counted");
        }
        batch.clear();
    }
}

#[cold]
fn unreachable_secret() -> ! {
    panic!("the day's secret was just set")
}

/// The browser's session cookie, hashed as the sessions table keeps it.
fn session_hash(req: &Request<Body>, cookie: &str) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == cookie)
        .map(|(_, value)| value)
        .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
        .map(session::hash_id)
}

pub async fn middleware(
    State(recorder): State<Arc<Recorder>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let page = (req.method() == Method::GET)
        .then(|| jobspor::statistics::page_of(req.uri().path(), &jobspor_app::routes::PATTERNS))
        .flatten();
    let Some(page) = page else {
        return next.run(req).await;
    };
    // Requests that did not come over a socket share one address, as in the rate limits.
    let ip =
        client_ip(req.headers(), req.extensions()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let session = session_hash(&req, &recorder.session_cookie);
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // A page that sends the browser elsewhere answers 200 with a `Location` until the
    // router's `page_redirects` makes it a 302: not a view.
    if res.status() == StatusCode::OK && is_html && !res.headers().contains_key(header::LOCATION) {
        let now = recorder.clock.now();
        let view = PageView {
            page,
            visitor: recorder.visitor(ip, now),
            session_hash: session,
            at: now,
        };
        if let Err(e) = recorder.views.try_send(view) {
            tracing::warn!(error = %e, page, "page view not counted");
        }
    }
    res
}

/// The report of `jobspor-server statistics`, as text.
pub fn report_text(r: &StatisticsReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut section = |title: &str, lines: Vec<String>| {
        let _ = writeln!(out, "{title}");
        if lines.is_empty() {
            let _ = writeln!(out, "  (ingen)");
        }
        for l in lines {
            let _ = writeln!(out, "  {l}");
        }
        let _ = writeln!(out);
    };
    let per_day = |rows: &[(NaiveDate, i64)]| {
        rows.iter()
            .map(|(d, n)| format!("{d}  {n}"))
            .collect::<Vec<_>>()
    };
    let per_day_what = |rows: &[(NaiveDate, String, i64)]| {
        rows.iter()
            .map(|(d, w, n)| format!("{d}  {w}  {n}"))
            .collect::<Vec<_>>()
    };
    section("Besøg pr. side pr. dag", per_day_what(&r.page_views));
    section("Unikke besøgende (ID-nøgler) pr. dag", per_day(&r.visitors));
    section("Log på pr. dag", per_day(&r.logins));
    section("Log af pr. dag", per_day(&r.logouts));
    section(
        "Huskeservice (sms/e-mail) slået til/fra pr. dag",
        per_day_what(&r.reminders),
    );
    section(
        "Arbejdsgiveres åbninger af CV'er pr. dag",
        per_day(&r.cv_openings),
    );
    out
}

/// Visits per day from `from` to `to` (a day without visits is 0).
pub fn visits_per_day(
    r: &StatisticsReport,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, i64)> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|d| {
            let n = r
                .page_views
                .iter()
                .filter(|(day, _, _)| *day == d)
                .map(|(_, _, n)| n)
                .sum();
            (d, n)
        })
        .collect()
}

/// A bar plot of visits per day as SVG. Written by hand: a few rectangles and labels, no
/// plotting library for so little.
pub fn visits_svg(days: &[(NaiveDate, i64)]) -> String {
    const BAR: usize = 24;
    const GAP: usize = 6;
    const HEIGHT: f64 = 200.0;
    const TOP: usize = 30;
    const BOTTOM: usize = 60;
    let max = days.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let width = 40 + days.len() * (BAR + GAP);
    let total_height = TOP + HEIGHT as usize + BOTTOM;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total_height}\" \
         viewBox=\"0 0 {width} {total_height}\" font-family=\"sans-serif\" font-size=\"10\">\n\
         <title>Besøg pr. dag</title>\n\
         <text x=\"10\" y=\"18\" font-size=\"14\">Besøg pr. dag</text>\n"
    );
    let base = TOP as f64 + HEIGHT;
    for (i, (day, n)) in days.iter().enumerate() {
        let x = 30 + i * (BAR + GAP);
        let h = (*n as f64 / max * HEIGHT).round();
        let y = base - h;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{BAR}\" height=\"{h}\" fill=\"#0059b3\"><title>{day}: {n}</title></rect>\n\
             <text x=\"{tx}\" y=\"{ny}\" text-anchor=\"middle\">{n}</text>\n\
             <text transform=\"translate({tx},{dy}) rotate(-60)\" text-anchor=\"end\">{day}</text>\n",
            tx = x + BAR / 2,
            ny = y - 3.0,
            dy = base + 12.0,
        ));
    }
    svg.push_str(&format!(
        "<line x1=\"26\" y1=\"{base}\" x2=\"{width}\" y2=\"{base}\" stroke=\"#333\"/>\n</svg>\n"
    ));
    svg
}

/// The research export's columns, in order (the file's header row):
/// - `event`: `login`, `logout`, `page_view`, `reminder_on`, `reminder_off`, `cv_opened`;
/// - `at`: when, UTC, RFC 3339 to the second;
/// - `person`: the pseudonym of the citizen who acted (empty for `cv_opened`);
/// - `page`: a `page_view`'s page, one of `jobspor::statistics::RESEARCH_PAGES`;
/// - `channel`: a reminder's channel, `sms` or `email`;
/// - `company`: the CVR number of the company that opened a CV;
/// - `cv`: the pseudonym of the opened CV's owner.
///
/// Every value is a code, a time, a hex pseudonym, a page pattern or a CVR number: no free
/// text, so no value holds a comma, a quote or a line break (`csv_field` quotes one anyway).
pub const RESEARCH_COLUMNS: [&str; 7] =
    ["event", "at", "person", "page", "channel", "company", "cv"];

fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

/// The research export of `events` as CSV, each person by `research_pseudonym` under `key`.
pub fn research_csv(events: &[ResearchEvent], key: &SecretKey) -> String {
    let mut out = RESEARCH_COLUMNS.join(",");
    out.push('\n');
    for e in events {
        let pseudonym = e
            .subject
            .as_deref()
            .map(|s| research_pseudonym(key, s))
            .unwrap_or_default();
        let (person, cv) = match e.event {
            StatEvent::CvOpened => (String::new(), pseudonym),
            _ => (pseudonym, String::new()),
        };
        let (page, channel) = match e.event {
            StatEvent::PageView => (e.detail.clone().unwrap_or_default(), String::new()),
            StatEvent::ReminderOn | StatEvent::ReminderOff => {
                (String::new(), e.detail.clone().unwrap_or_default())
            }
            _ => (String::new(), String::new()),
        };
        let row = [
            e.event.code().to_string(),
            e.at.to_rfc3339_opts(SecondsFormat::Secs, true),
            person,
            page,
            channel,
            e.company.clone().unwrap_or_default(),
            cv,
        ];
        out.push_str(
            &row.iter()
                .map(|v| csv_field(v))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_with_a_comma_or_quote_is_quoted() {
        assert_eq!(csv_field("/borger"), "/borger");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn the_plot_has_a_bar_per_day() {
        let d = |n| NaiveDate::from_ymd_opt(2026, 11, n).unwrap();
        let svg = visits_svg(&[(d(1), 3), (d(2), 0), (d(3), 6)]);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("2026-11-03: 6"));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }
}
