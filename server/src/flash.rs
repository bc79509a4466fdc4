//! The server-side "flash": no personal data in URLs. When a form posted without JavaScript
//! is refused, server_fn sends the browser back to the form with the refusal in the query
//! (`?__path=…&__err=…`, the error with what was typed: CPR numbers, CV text, health
//! answers), where it would stay in the history, logs and `Referer`s. This middleware takes
//! it out of that `Location`, keeps it in the database for one page view (`flashes`), hands
//! the browser a short-lived cookie, and on the next page request with that cookie puts it
//! back into the request's URI inside the server, where Leptos' router reads it
//! (`Location::provide_server_action_error`). The record is taken once, and housekeeping
//! deletes what nobody fetched (`FLASH_TTL`).
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::uri::PathAndQuery;
use axum::http::{header, HeaderMap, HeaderValue, Method, Uri};
use axum::middleware::Next;
use axum::response::Response;
use jobspor_app::ssr::state::AppState;
use jobspor_store::flashes::Flash;
use sha2::{Digest, Sha256};

/// How long a flash waits for the page it belongs to.
pub const FLASH_TTL: chrono::Duration =
    chrono::Duration::seconds(jobspor_app::ssr::session::FLASH_TTL_SECONDS);
/// Named and flagged like the session cookie (`jobspor_app::ssr::session`).
use jobspor_app::ssr::session::{cookie_name, cookie_value, FLASH_COOKIE_NAME as COOKIE_NAME};
const ERR: &str = "__err";
const PATH: &str = "__path";
/// The page's own copy of the flash it shows, for the language switch
/// (`jobspor_app::api::language`): the same answers, shown again in the other language.
pub const AGAIN: &str = jobspor_app::routes::FLASH_AGAIN_PARAM;

pub async fn middleware(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/api/") {
        let res = next.run(req).await;
        return keep_out_of_url(&state, res).await;
    }
    if req.method() != Method::GET || !accepts_html(req.headers()) {
        return next.run(req).await;
    }
    // A page shows a refusal only from the server's own record, never one a link carries.
    let own_query = query_pairs(req.uri())
        .into_iter()
        .filter(|(k, _)| k != ERR && k != PATH && k != AGAIN)
        .collect::<Vec<_>>();
    let Some(id) = cookie_id(&state, req.headers()) else {
        set_query(&mut req, own_query);
        return next.run(req).await;
    };
    let mut query = own_query;
    match state
        .store
        .take_flash(&hash(&id), state.clock.now() - FLASH_TTL)
        .await
    {
        // Only on the page it was sent back to.
        Ok(Some(flash)) if flash.page == req.uri().path() => {
            // A copy under a new id, which only this page knows (in its language switch),
            // so switching the language loses nothing typed.
            let again = hex::encode(rand::random::<[u8; 32]>());
            let copy = Flash {
                created_at: state.clock.now(),
                ..flash.clone()
            };
            match state.store.create_flash(&hash(&again), &copy).await {
                Ok(()) => query.push((AGAIN.into(), again)),
                Err(e) => tracing::error!(error = %e, "flash copy not stored"),
            }
            query.push((PATH.into(), flash.fn_path));
            query.push((ERR.into(), flash.payload));
        }
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "flash not read"),
    }
    set_query(&mut req, query);
    let mut res = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&cookie(&state, "", 0)) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// After a server function: a `Location` carrying a refusal is cleaned, the refusal stored.
async fn keep_out_of_url(state: &AppState, mut res: Response) -> Response {
    let Some(location) = res
        .headers()
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
    else {
        return res;
    };
    let Some((clean, fn_path, payload)) = split_location(location) else {
        return res;
    };
    let Ok(clean_value) = HeaderValue::from_str(&clean) else {
        return res;
    };
    let id = hex::encode(rand::random::<[u8; 32]>());
    let flash = Flash {
        fn_path,
        page: clean
            .parse::<Uri>()
            .map(|u| u.path().to_string())
            .unwrap_or_else(|_| "/".into()),
        payload,
        created_at: state.clock.now(),
    };
    // Without the record the page shows no error; the URL stays clean all the same.
    match state.store.create_flash(&hash(&id), &flash).await {
        Ok(()) => {
            let max_age = FLASH_TTL.num_seconds();
            if let Ok(v) = HeaderValue::from_str(&cookie(state, &id, max_age)) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
        }
        Err(e) => tracing::error!(error = %e, "flash not stored"),
    }
    res.headers_mut().insert(header::LOCATION, clean_value);
    res
}

/// (the location without `__path` and `__err`, `__path`, `__err`), when it has an `__err`.
fn split_location(location: &str) -> Option<(String, String, String)> {
    let (base, query) = location.split_once('?')?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    let err = pairs.iter().find(|(k, _)| k == ERR)?.1.clone();
    let fn_path = pairs
        .iter()
        .find(|(k, _)| k == PATH)
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let rest: Vec<_> = pairs
        .into_iter()
        .filter(|(k, _)| k != ERR && k != PATH)
        .collect();
    let clean = if rest.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", serde_urlencoded::to_string(&rest).ok()?)
    };
    Some((clean, fn_path, err))
}

fn query_pairs(uri: &Uri) -> Vec<(String, String)> {
    uri.query()
        .and_then(|q| serde_urlencoded::from_str(q).ok())
        .unwrap_or_default()
}

/// Rewrites the request's query, if it changes.
fn set_query(req: &mut Request<Body>, pairs: Vec<(String, String)>) {
    if pairs == query_pairs(req.uri()) {
        return;
    }
    let path = req.uri().path().to_string();
    let pq = if pairs.is_empty() {
        path
    } else {
        match serde_urlencoded::to_string(&pairs) {
            Ok(q) => format!("{path}?{q}"),
            Err(_) => return,
        }
    };
    let mut parts = req.uri().clone().into_parts();
    let Ok(pq) = pq.parse::<PathAndQuery>() else {
        return;
    };
    parts.path_and_query = Some(pq);
    if let Ok(uri) = Uri::from_parts(parts) {
        *req.uri_mut() = uri;
    }
}

/// A page view: what a browser's navigation asks for (a stylesheet or script does not).
fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("text/html"))
}

fn cookie_id(state: &AppState, headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, &cookie_name(state.secure_cookies, COOKIE_NAME))
        .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Named and flagged as the session cookie (`__Host-` and `Secure` outside the development
/// setting).
fn cookie(state: &AppState, value: &str, max_age: i64) -> String {
    let name = cookie_name(state.secure_cookies, COOKIE_NAME);
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}");
    if state.secure_cookies {
        c.push_str("; Secure");
    }
    c
}

fn hash(id: &str) -> String {
    hex::encode(Sha256::digest(id.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::split_location;

    #[test]
    fn the_refusal_leaves_the_location_and_the_rest_stays() {
        let (clean, path, err) = split_location(
            "http://127.0.0.1:3000/borger/cv?__path=%2Fapi%2Fcv%2Fentry%2Fsave&__err=eyJ9",
        )
        .unwrap();
        assert_eq!(clean, "http://127.0.0.1:3000/borger/cv");
        assert_eq!(
            (path.as_str(), err.as_str()),
            ("/api/cv/entry/save", "eyJ9")
        );
        let (clean, _, _) =
            split_location("/arbejdsgiver/soeg?q=kok&__path=%2Fapi%2Fx&__err=e30%3D").unwrap();
        assert_eq!(clean, "/arbejdsgiver/soeg?q=kok");
        assert_eq!(split_location("/borger/cv?edit=1"), None);
        assert_eq!(split_location("/borger/cv"), None);
    }
}
