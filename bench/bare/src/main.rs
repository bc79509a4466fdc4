//! `jobspor-bench-bare ADDR FILE`: answers every GET with the bytes of FILE as `text/html`,
//! the yardstick of bench/ssr_wrk.sh (the same number of bytes as the rendered page, with no
//! rendering, session or database behind it). Runs on tokio's multi-threaded runtime, as
//! the real server does.
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::routing::get;
use axum::Router;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(addr), Some(file)) = (args.next(), args.next()) else {
        eprintln!("usage: jobspor-bench-bare ADDR FILE");
        std::process::exit(2);
    };
    let body: &'static [u8] = std::fs::read(&file)
        .unwrap_or_else(|e| panic!("reading {file}: {e}"))
        .leak();
    let page = move || async move {
        (
            [
                (CONTENT_TYPE, "text/html; charset=utf-8"),
                (CACHE_CONTROL, "no-store"),
            ],
            body,
        )
    };
    let app = Router::new().fallback(get(page));
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .unwrap_or_else(|e| panic!("binding {addr}: {e}"));
    axum::serve(listener, app).await.expect("serving");
}
