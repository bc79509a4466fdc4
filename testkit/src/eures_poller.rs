//! A simulation of EURES' coordination polling our input API (issue 24): what EURES' poller
//! does (getAll, getChanges since the last poll, getDetails for what changed), as a test
//! client. Not EURES: the tests' stand-in for it.
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::Value;

pub struct SimulatedEuresPoller {
    base: String,
    token: String,
    client: reqwest::Client,
}

impl SimulatedEuresPoller {
    /// A poller of the app at `base`, calling with `token`.
    pub fn new(base: &str, token: &str) -> Self {
        SimulatedEuresPoller {
            base: format!("{base}/input/api/cv/v1.0"),
            token: token.into(),
            client: reqwest::Client::new(),
        }
    }

    async fn answer(r: reqwest::RequestBuilder, token: &str) -> (StatusCode, Value) {
        let r = r.header(AUTHORIZATION, token).send().await.unwrap();
        let status = r.status();
        let body = r.text().await.unwrap();
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    /// `getAll` with another token: what a stranger gets.
    pub async fn get_all_as(&self, token: &str) -> (StatusCode, Value) {
        Self::answer(self.client.get(format!("{}/getAll", self.base)), token).await
    }

    pub async fn get_all(&self) -> Value {
        let (status, v) = self.get_all_as(&self.token).await;
        assert_eq!(status, StatusCode::OK, "{v}");
        v
    }

    /// `getChanges` since `ms` (epoch milliseconds).
    pub async fn get_changes(&self, ms: i64) -> Value {
        let (status, v) = Self::answer(
            self.client.get(format!("{}/getChanges/{ms}", self.base)),
            &self.token,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{v}");
        v
    }

    /// `getDetails` with another token: what a stranger gets.
    pub async fn get_details_as(&self, token: &str, references: &[&str]) -> (StatusCode, Value) {
        Self::answer(
            self.client
                .post(format!("{}/getDetails", self.base))
                .header(CONTENT_TYPE, "application/json")
                .body(serde_json::to_string(references).unwrap()),
            token,
        )
        .await
    }

    pub async fn get_details(&self, references: &[&str]) -> Value {
        let (status, v) = self.get_details_as(&self.token, references).await;
        assert_eq!(status, StatusCode::OK, "{v}");
        v
    }
}

/// The references in one of getChanges' lists (`createdReferences`, …) or getAll's.
pub fn references(v: &Value, list: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap_or_else(|| panic!("no {list} in {v}"))
        .iter()
        .map(|r| r["reference"].as_str().unwrap().to_string())
        .collect()
}
