//! Who is on the other end of the connection: one answer for the rate limits in front of the
//! app (the server's router) and the login throttle inside it (`session::client_address`).
use axum::extract::ConnectInfo;
use http::{Extensions, HeaderMap};
use std::net::{IpAddr, SocketAddr};

/// Whether `X-Forwarded-For` is believed. Only a proxy of our own in front of the server
/// makes it true; otherwise anyone could name any address and walk past every limit. The
/// router puts it in each request's extensions (config `JOBSPOR_TRUST_PROXY`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrustProxy(pub bool);

/// The client's address: with a trusted proxy, the last address of `X-Forwarded-For` (the
/// one our proxy appended; those before it are the client's own word), otherwise the peer
/// of the connection. `None` when neither is known (a request that did not come over a
/// socket).
pub fn client_ip(headers: &HeaderMap, extensions: &Extensions) -> Option<IpAddr> {
    if extensions.get::<TrustProxy>().is_some_and(|t| t.0) {
        let last = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .and_then(|a| a.trim().parse().ok());
        if last.is_some() {
            return last;
        }
    }
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(trust: bool, forwarded: &[&str]) -> (HeaderMap, Extensions) {
        let mut headers = HeaderMap::new();
        for f in forwarded {
            headers.append("x-forwarded-for", f.parse().unwrap());
        }
        let mut ext = Extensions::new();
        ext.insert(TrustProxy(trust));
        ext.insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 1], 4000))));
        (headers, ext)
    }

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let (h, e) = request(false, &["203.0.113.7"]);
        assert_eq!(client_ip(&h, &e), ip("10.0.0.1"));
        let (h, e) = request(true, &["203.0.113.7"]);
        assert_eq!(client_ip(&h, &e), ip("203.0.113.7"));
    }

    #[test]
    fn behind_the_proxy_the_last_address_counts_not_what_the_client_wrote() {
        let (h, e) = request(true, &["1.1.1.1, 198.51.100.2", "203.0.113.7"]);
        assert_eq!(client_ip(&h, &e), ip("203.0.113.7"));
        let (h, e) = request(true, &["1.1.1.1, 198.51.100.2"]);
        assert_eq!(client_ip(&h, &e), ip("198.51.100.2"));
        // Garbage, or no header: the connection's peer.
        let (h, e) = request(true, &["ikke-en-adresse"]);
        assert_eq!(client_ip(&h, &e), ip("10.0.0.1"));
        let (h, e) = request(true, &[]);
        assert_eq!(client_ip(&h, &e), ip("10.0.0.1"));
    }
}
