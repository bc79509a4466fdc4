//! Two faults in the HTML Leptos 0.8.23 writes, put right before a page leaves, so every
//! page passes the Nu Html Checker:
//! - its empty markers are written `<!>`, a "bogus comment" to the checker: they become
//!   `<!---->`, the same empty comment node in the browser's DOM, so hydration finds what
//!   it looks for (not inside scripts, whose text is data);
//! - the resource scripts (`__RESOLVED_RESOURCES`, …) come after `</html>`: they move to
//!   the end of `<body>`, where they run in the same order.
//!
//! And one change of loading: `HydrationScripts` hints the islands' js and wasm
//! (`modulepreload`, `preload`; with the CSP nonce as their `crossorigin` value, which the
//! checker refuses too), so on a slow connection the wasm is fetched beside the
//! stylesheet and the fonts the first paint waits for, and delays it (even at
//! `fetchpriority="low"`). Its island loader fetches both on idle anyway, after the page has
//! painted, and every form works before it has: the hints go.
//!
//! The second is leptos-rs/leptos#4843, fixed upstream by #4844 after 0.8.23; remove each
//! correction once the Leptos in use writes that part right.
use axum::body::{to_bytes, Body};
use axum::http::{header, Request};
use axum::middleware::Next;
use axum::response::Response;

/// A page is far smaller; a larger body is passed on untouched.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

pub async fn middleware(req: Request<Body>, next: Next) -> Response {
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::warn!(error = %e, "page body could not be read to correct its HTML");
            return Response::from_parts(parts, Body::empty());
        }
    };
    let fixed = match std::str::from_utf8(&bytes) {
        Ok(html) => fix(html),
        Err(_) => return Response::from_parts(parts, Body::from(bytes)),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(fixed))
}

/// The page with anything after `</html>` moved before `</body>`, its empty markers
/// well-formed, and without the islands' hints.
pub fn fix(html: &str) -> String {
    let moved = match html.rfind("</html>") {
        Some(end) if !html[end + "</html>".len()..].trim().is_empty() => {
            let trailing = html[end + "</html>".len()..].trim();
            match html[..end].rfind("</body>") {
                Some(body_end) => format!(
                    "{}{trailing}{}",
                    &html[..body_end],
                    &html[body_end..end + "</html>".len()]
                ),
                None => html.to_string(),
            }
        }
        _ => html.to_string(),
    };
    without_hydration_hints(&empty_comments(&moved))
}

/// Without the hydration hints: `<link rel="modulepreload">` and `<link rel="preload">` of
/// the site's own js and wasm (`/pkg/`).
fn without_hydration_hints(html: &str) -> String {
    const HINTS: [&str; 2] = [
        "<link rel=\"modulepreload\" href=\"/pkg/",
        "<link rel=\"preload\" href=\"/pkg/",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((at, _)) = HINTS
        .iter()
        .filter_map(|h| rest.find(h).map(|i| (i, h)))
        .min()
    {
        out.push_str(&rest[..at]);
        match rest[at..].find('>') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<!>` written as `<!---->` outside `<script>` elements.
fn empty_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while !rest.is_empty() {
        let script = rest.find("<script").unwrap_or(rest.len());
        out.push_str(&rest[..script].replace("<!>", "<!---->"));
        rest = &rest[script..];
        let end = rest
            .find("</script>")
            .map(|i| i + "</script>".len())
            .unwrap_or(rest.len());
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fix;

    #[test]
    fn scripts_after_the_document_move_to_the_end_of_its_body() {
        let page = "<!DOCTYPE html><html><head></head><body><p>x</p></body></html><script nonce=\"n\">a=1</script><script>b=2</script>";
        assert_eq!(
            fix(page),
            "<!DOCTYPE html><html><head></head><body><p>x</p><script nonce=\"n\">a=1</script><script>b=2</script></body></html>"
        );
    }

    #[test]
    fn empty_markers_become_well_formed_comments_outside_scripts() {
        let page = r#"<body><!><p>a<!>b</p><script>x="<!>"</script><!></body>"#;
        assert_eq!(
            fix(page),
            r#"<body><!----><p>a<!---->b</p><script>x="<!>"</script><!----></body>"#
        );
    }

    #[test]
    fn a_correct_page_is_left_as_it_is() {
        let page = "<!DOCTYPE html><html><body><p>x</p></body></html>\n";
        assert_eq!(fix(page), page);
    }

    #[test]
    fn the_islands_code_is_not_hinted_nor_its_nonce_left_as_crossorigin() {
        let head = r#"<link rel="stylesheet" href="/pkg/jobspor.c.css"><link rel="modulepreload" href="/pkg/jobspor.a.js" crossorigin="Xy_9"><link rel="preload" href="/pkg/jobspor.b.wasm" as="fetch" type="application/wasm" crossorigin="Xy_9"><link rel="preload" href="/dkfds/f.woff2"><script type="module">x("/pkg/")</script>"#;
        assert_eq!(
            fix(head),
            r#"<link rel="stylesheet" href="/pkg/jobspor.c.css"><link rel="preload" href="/dkfds/f.woff2"><script type="module">x("/pkg/")</script>"#
        );
    }
}
