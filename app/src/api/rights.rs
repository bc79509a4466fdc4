//! The citizen's rights (seed 000, "Dine rettigheder"; issue 26): insight and data
//! portability — everything the portal holds about the citizen as one JSON file.
use crate::api::citizen::{HistoryEntryView, MyProfileView};
use crate::api::cv::MyCvView;
use crate::api::eures::EuresPageView;
use crate::api::joblog::JoblogView;
use crate::api::jobseeker::QuestionnaireView;
use crate::api::meetings::MyMeetingsView;
use crate::api::messages::MessageView;
use crate::api::plan::PlanView;
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// The file's format, in the file: a reader knows which structure it holds.
pub const MY_DATA_FORMAT: &str = "jobspor-mine-data/1";
/// The file's name when downloaded.
pub const MY_DATA_FILE: &str = "jobspor-mine-data.json";

/// Everything the portal holds about the citizen, each part as the citizen's own pages
/// show it (the same view models, so the file and the pages never disagree). Texts are in
/// the citizen's chosen language; codes (situations, sections, statuses) are the stable
/// codes of the core's lists.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MyData {
    /// `MY_DATA_FORMAT`.
    pub format: String,
    /// When the file was made, dd-mm-åååå kl. tt:mm (Danish time).
    pub generated_at: String,
    /// The parts holding special categories of personal data (GDPR art. 9), by their path
    /// in this file: the pilot's health answers.
    pub special_categories: Vec<String>,
    /// The CPR number, ddmmåå-xxxx.
    pub cpr_number: String,
    /// Name, the CPR register's data with its source and time, username, contact details,
    /// reminders.
    pub profile: MyProfileView,
    /// Every CV section's entries, absence and special considerations included; whether it
    /// is searchable and until when.
    pub cv: MyCvView,
    /// The registration as a job seeker, the questionnaire's answers and register facts,
    /// and the health answers (`jobseeker.health_answers`, a special category).
    pub jobseeker: QuestionnaireView,
    pub joblog: JoblogView,
    pub plan: PlanView,
    pub meetings: MyMeetingsView,
    /// The EURES transfer: state, what is hidden, every receipt.
    pub eures: EuresPageView,
    /// Mine beskeder.
    pub messages: Vec<MessageView>,
    /// Min historik: who read what, and on what basis.
    pub history: Vec<HistoryEntryView>,
}

/// "Hent alle dine data": the file, as a download behind a plain link (GET; the server's
/// router makes the navigation ask for JSON, so it is answered with the file rather than a
/// form's redirect back to the page). The download is itself in Min historik.
#[server(endpoint = "citizen/my-data", input = GetUrl)]
pub async fn download_my_data() -> Result<MyData, AppError> {
    use jobspor::access::AccessWhat;
    use jobspor_store::access_log::AccessEntry;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let now = state.clock.now();
    let data = MyData {
        format: MY_DATA_FORMAT.to_string(),
        generated_at: jobspor::dates::format_da_time(now),
        special_categories: vec!["jobseeker.health_answers".to_string()],
        cpr_number: {
            let digits = state.store.own_cpr(me).await?;
            match (digits.get(..6), digits.get(6..)) {
                (Some(date), Some(serial)) => format!("{date}-{serial}"),
                _ => digits,
            }
        },
        profile: crate::api::citizen::get_my_profile().await?,
        cv: crate::api::cv::get_my_cv().await?,
        jobseeker: crate::api::jobseeker::get_questionnaire(true).await?,
        joblog: crate::api::joblog::get_my_joblog().await?,
        plan: crate::api::plan::get_my_plan().await?,
        meetings: crate::api::meetings::get_my_meetings(String::new()).await?,
        eures: crate::api::eures::get_eures_page().await?,
        messages: crate::api::messages::get_my_messages().await?,
        history: crate::api::citizen::get_my_history().await?,
    };
    state
        .store
        .record_access(&AccessEntry::own(
            me.id(),
            AccessWhat::DownloadedOwnData,
            now,
        ))
        .await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    if let Ok(v) = http::HeaderValue::from_str(&format!("attachment; filename=\"{MY_DATA_FILE}\""))
    {
        response.insert_header(http::header::CONTENT_DISPOSITION, v);
    }
    Ok(data)
}
