//! Mine beskeder (issue 23): every notice the portal sends a citizen, read or unread.
use crate::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A notice as Mine beskeder shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    pub subject: String,
    pub body: String,
    /// Who wrote it, when a person did; `None` for the portal's own notices.
    pub sender: Option<String>,
    pub received: String,
    pub unread: bool,
}

#[server(endpoint = "citizen/messages")]
pub async fn get_my_messages() -> Result<Vec<MessageView>, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    Ok(state
        .store
        .inbox(me)
        .await?
        .into_iter()
        .map(|n| MessageView {
            id: n.id,
            subject: n.subject,
            body: n.body,
            sender: n.sender,
            received: jobspor::dates::format_da_time(n.created_at),
            unread: n.read_at.is_none(),
        })
        .collect())
}

/// Marks one of the citizen's own messages read; another's is "not found".
#[server(endpoint = "citizen/message-read")]
pub async fn mark_message_read(id: i64) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    if !state
        .store
        .mark_notice_read(me, id, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(crate::routes::MESSAGES);
    Ok(())
}
