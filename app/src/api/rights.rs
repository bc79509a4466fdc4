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
use jobspor::form_fields::Fields;
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

/// The page "Slet dine data": whether the CV has anything in it to delete.
#[server(endpoint = "citizen/deletion")]
pub async fn get_deletion_page() -> Result<DeletionView, AppError> {
    let (_, _) = crate::ssr::guard::citizen().await?;
    let cv = crate::api::cv::get_my_cv().await?;
    Ok(DeletionView {
        cv_entries: cv.entries.len(),
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletionView {
    /// How many entries the CV holds, all sections.
    pub cv_entries: usize,
}

/// "Slet dit CV": every entry and draft, out of the search and EURES at once; after the
/// ticked confirmation (`jobspor::rights::confirmed`).
#[server(endpoint = "citizen/delete-cv")]
pub async fn delete_my_cv(#[server(default)] form: Fields) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    jobspor::rights::confirmed(&form)
        .map_err(|e| AppError::invalid(e, crate::api::echo_fields(&form)))?;
    state.store.delete_own_cv(me, state.clock.now()).await?;
    leptos_axum::redirect(&crate::routes::cv_deleted());
    Ok(())
}

/// "Slet hele din profil": everything personal goes in one transaction
/// (`Store::delete_citizen`: the CV closed at EURES, the access log's records left naming
/// no one), the session ends, and the front page says so.
#[server(endpoint = "citizen/delete-profile")]
pub async fn delete_my_profile(#[server(default)] form: Fields) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    jobspor::rights::confirmed(&form)
        .map_err(|e| AppError::invalid(e, crate::api::echo_fields(&form)))?;
    state
        .store
        .delete_citizen(me.id(), state.clock.now())
        .await?;
    crate::ssr::session::end(&state).await?;
    tracing::info!("a citizen deleted their profile");
    leptos_axum::redirect(&crate::routes::profile_deleted());
    Ok(())
}

/// The restriction's state: since when, if restricted.
#[server(endpoint = "citizen/restriction")]
pub async fn get_restriction() -> Result<Option<String>, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    Ok(state
        .store
        .restricted_since(me.id())
        .await?
        .map(jobspor::dates::format_da_time))
}

/// Restricts the processing (`restrict` = `yes`) or lifts the restriction (`no`).
#[server(endpoint = "citizen/restrict")]
pub async fn set_restriction(restrict: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let on = match restrict.trim() {
        "yes" => true,
        "no" => false,
        _ => {
            return Err(AppError::field(
                "restrict",
                jobspor::Msg::ChoiceInvalid,
                Vec::new(),
            ))
        }
    };
    state
        .store
        .set_restricted(me, on, state.clock.now())
        .await?;
    leptos_axum::redirect(&crate::routes::restriction_saved());
    Ok(())
}

/// An objection as its citizen and support read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectionView {
    pub id: jobspor::ObjectionId,
    pub about: String,
    pub reason: String,
    pub state_code: String,
    pub state: String,
    pub answer: Option<String>,
    pub handled_by: Option<String>,
    pub received_at: String,
    pub changed_at: String,
}

#[cfg(feature = "ssr")]
fn objection_view(o: jobspor_store::rights::ObjectionRecord, lang: jobspor::Lang) -> ObjectionView {
    ObjectionView {
        id: o.id,
        about: o.about.label(lang).to_string(),
        reason: o.reason,
        state_code: o.state.code().to_string(),
        state: o.state.label(lang).to_string(),
        answer: o.answer,
        handled_by: o.handled_by,
        received_at: jobspor::dates::format_da_time(o.received_at),
        changed_at: jobspor::dates::format_da_time(o.changed_at),
    }
}

/// The citizen's objections with their state, newest first.
#[server(endpoint = "citizen/objections")]
pub async fn get_my_objections() -> Result<Vec<ObjectionView>, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let lang = crate::lang::current();
    Ok(state
        .store
        .objections_of(me)
        .await?
        .into_iter()
        .map(|o| objection_view(o, lang))
        .collect())
}

/// "Gør indsigelse": what and why; received, and listed to support.
#[server(endpoint = "citizen/object")]
pub async fn object(#[server(default)] form: Fields) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let objection = jobspor::rights::Objection::parse(&form)
        .map_err(|e| AppError::invalid(e, crate::api::echo_fields(&form)))?;
    state
        .store
        .add_objection(me, &objection, state.clock.now())
        .await?;
    leptos_axum::redirect(&crate::routes::objection_sent());
    Ok(())
}

/// Support's list: the objections not answered yet, oldest first, then those answered in
/// the last 30 days.
#[server(endpoint = "support/objections")]
pub async fn get_objections() -> Result<Vec<ObjectionView>, AppError> {
    let (state, me) = crate::ssr::guard::support().await?;
    let lang = crate::lang::current();
    let since = state.clock.now() - chrono::Duration::days(30);
    Ok(state
        .store
        .objections_for_support(me, since)
        .await?
        .into_iter()
        .map(|o| objection_view(o, lang))
        .collect())
}

/// Support moves an objection on (`jobspor::rights::ObjectionHandling`): being handled, or
/// answered with the answer the citizen reads. `form[objection]` is the objection's number.
#[server(endpoint = "support/handle-objection")]
pub async fn handle_objection(#[server(default)] form: Fields) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::support().await?;
    let echo = crate::api::echo_fields(&form);
    let id: jobspor::ObjectionId = form
        .get("objection")
        .and_then(|v| v.trim().parse().ok())
        .ok_or(AppError::NotFound)?;
    let handling = jobspor::rights::ObjectionHandling::parse(&form)
        .map_err(|e| AppError::invalid(e, echo.clone()))?;
    state
        .store
        .handle_objection(me, id, &handling, state.clock.now())
        .await
        .map_err(|e| match e {
            // The refusal names the field the form has.
            jobspor_store::StoreError::Refused(key) => AppError::field("state", key, echo),
            e => e.into(),
        })?;
    leptos_axum::redirect(&crate::routes::objections_handled());
    Ok(())
}

/// Every consent the citizen gave, each an unchangeable receipt: to EURES (text version,
/// what is hidden, channel, time) and to Jobnetsupporten (scope, channel, given, ends).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyConsentsView {
    pub eures: Vec<crate::api::eures::ReceiptView>,
    pub support: Vec<crate::api::case::ConsentView>,
}

#[server(endpoint = "citizen/consents")]
pub async fn get_my_consents() -> Result<MyConsentsView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let lang = crate::lang::current();
    let support = state
        .store
        .consents_of(me)
        .await?
        .iter()
        .map(|c| crate::api::support::server::consent_view(c, lang))
        .collect();
    Ok(MyConsentsView {
        eures: crate::api::eures::get_eures_page().await?.receipts,
        support,
    })
}

/// The CV as an XML document, answered as `application/xml` (the browser saves it as a
/// file): a server_fn output encoding of our own, since server_fn has none for XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlDocument(pub String);

pub struct XmlEncoding;

impl server_fn::ContentType for XmlEncoding {
    const CONTENT_TYPE: &'static str = "application/xml; charset=utf-8";
}

impl server_fn::FormatType for XmlEncoding {
    const FORMAT_TYPE: server_fn::Format = server_fn::Format::Text;
}

impl server_fn::Encodes<XmlDocument> for XmlEncoding {
    type Error = std::convert::Infallible;

    fn encode(output: &XmlDocument) -> Result<server_fn::Bytes, Self::Error> {
        Ok(server_fn::Bytes::from(output.0.clone()))
    }
}

impl server_fn::Decodes<XmlDocument> for XmlEncoding {
    type Error = std::string::FromUtf8Error;

    fn decode(bytes: server_fn::Bytes) -> Result<XmlDocument, Self::Error> {
        String::from_utf8(bytes.to_vec()).map(XmlDocument)
    }
}

pub type Xml = server_fn::codec::Post<XmlEncoding>;

/// The file's name when downloaded.
pub const MY_CV_FILE: &str = "jobspor-cv.xml";

/// "Hent dit CV som HR-XML": the CV alone as the HR-XML `Candidate` document EURES gets
/// (the same serializer, nothing hidden); what that format cannot carry (absence, special
/// considerations) is in the JSON file. The download is in Min historik.
#[server(endpoint = "citizen/my-cv.xml", input = GetUrl, output = Xml)]
pub async fn download_my_cv_xml() -> Result<XmlDocument, AppError> {
    use jobspor::access::AccessWhat;
    use jobspor_store::access_log::AccessEntry;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let xml = state.store.own_candidate_xml(me).await?;
    state
        .store
        .record_access(&AccessEntry::own(
            me.id(),
            AccessWhat::DownloadedOwnData,
            state.clock.now(),
        ))
        .await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    if let Ok(v) = http::HeaderValue::from_str(&format!("attachment; filename=\"{MY_CV_FILE}\"")) {
        response.insert_header(http::header::CONTENT_DISPOSITION, v);
    }
    Ok(XmlDocument(xml))
}
