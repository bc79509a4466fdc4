//! The answer of a request the router refuses before the app sees it (foreign origin, too
//! large, too many): the Danish message as plain text, or, for a limit, as the app's own
//! `AppError::TooMany` when the client asks for JSON (the app's own client, which then shows
//! the message like any other refusal).
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use jobspor::Msg;
use jobspor_app::AppError;

pub fn refuse(request_headers: &HeaderMap, status: StatusCode, msg: Msg) -> Response {
    let wants_json = request_headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("application/json"));
    if wants_json && status == StatusCode::TOO_MANY_REQUESTS {
        if let Ok(body) = serde_json::to_string(&AppError::TooMany(msg)) {
            return (
                status,
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response();
        }
    }
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        msg.da(),
    )
        .into_response()
}
