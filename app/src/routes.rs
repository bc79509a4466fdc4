//! The app's addresses, spelled once: links, redirects and the server functions' answers
//! take them from here. The router (`App`) must spell each pattern again inside `path!`,
//! which takes only a literal; a test beside the server's router checks that it routes
//! exactly `PATTERNS`.
use jobspor::cv::entry::CvSection;

pub const HOME: &str = "/";
pub const PRIVACY: &str = "/privatliv";
pub const LOGIN: &str = "/log-ind";
/// Why a sign-in through an identity provider was refused (`?aarsag=<SignInRefusal code>`).
pub const SIGN_IN_FAILED: &str = "/log-ind/afvist";

pub const CITIZEN_HOME: &str = "/borger";
pub const PROFILE_SETUP: &str = "/borger/opret-profil";
pub const MY_CV: &str = "/borger/cv";
pub const CV_PREVIEW: &str = "/borger/cv/som-arbejdsgiver";
pub const CV_PRINT: &str = "/borger/cv/udskriv";
pub const CV_SECTION: &str = "/borger/cv/afsnit/:section";
/// The CV on EURES: the consent, what to hide, the receipts (issue 24).
pub const EURES: &str = "/borger/cv/eures";
/// "Se dit CV som EURES ser det".
pub const EURES_PREVIEW: &str = "/borger/cv/eures/som-eures-ser-det";
/// A parent's or guardian's consent for a minor's CV on EURES.
pub const EURES_GUARDIAN: &str = "/borger/eures-samtykke-for-dit-barn";
pub const JOBSEEKER_REGISTRATION: &str = "/borger/jobsoegende";
pub const QUESTIONNAIRE: &str = "/borger/forberedelse";
pub const QUESTIONNAIRE_STEP: &str = "/borger/forberedelse/:step";
pub const HISTORY: &str = "/borger/historik";
/// Mine beskeder: every notice the portal sends the citizen.
pub const MESSAGES: &str = "/borger/beskeder";
/// The job seeker's track (issue 25): Min Joblog, its two forms, Min Plan, Mine møder,
/// Mit fravær (the CV's absence section, as its own page).
pub const JOBLOG: &str = "/borger/joblog";
pub const JOBLOG_APPLICATION: &str = "/borger/joblog/ansoegning";
pub const JOBLOG_ACTIVITY: &str = "/borger/joblog/aktivitet";
pub const PLAN: &str = "/borger/plan";
pub const MEETINGS: &str = "/borger/moeder";
pub const ABSENCE: &str = "/borger/fravaer";
/// "Adgangskode og log-ind": change the password, log out the other sessions.
pub const SECURITY: &str = "/borger/sikkerhed";
/// Phone, e-mail and reminders, changed at any time (issue 26).
pub const CONTACT_DETAILS: &str = "/borger/kontaktoplysninger";
/// "Det ved vi om dig": the data, its sources, who sees it, how long; the download.
pub const MY_DATA: &str = "/borger/mine-data";
/// "Slet dine data": the CV, or the whole profile, each after a confirmation.
pub const DELETION: &str = "/borger/slet";
/// "Begræns behandlingen" (GDPR art. 18).
pub const RESTRICTION: &str = "/borger/begraensning";
/// "Gør indsigelse" (GDPR art. 21) and the objections' state.
pub const OBJECTIONS: &str = "/borger/indsigelser";
/// "Dine samtykker": every consent given, one list.
pub const CONSENTS: &str = "/borger/samtykker";

pub const CASEWORKER_HOME: &str = "/sagsbehandler";
pub const CASEWORKER_LOGIN: &str = "/sagsbehandler/log-ind";
pub const CASEWORKER_CITIZEN: &str = "/sagsbehandler/borger/:id";
/// Every staff member's own lookups by CPR number (jobcentre, a-kasse, support).
pub const CASEWORKER_LOOKUPS: &str = "/sagsbehandler/opslag";
pub const CASEWORKER_SEARCH: &str = "/sagsbehandler/cv-soegning";
pub const CASEWORKER_CV: &str = "/sagsbehandler/cv/:id";
/// A served citizen's plan and meetings, by the caseworker's reference.
pub const CASEWORKER_PLAN: &str = "/sagsbehandler/plan/:id";
pub const CASEWORKER_MEETINGS: &str = "/sagsbehandler/moeder/:id";
/// The jobcentre's free times for self-booking, and its deadline.
pub const CASEWORKER_SLOTS: &str = "/sagsbehandler/tider";

pub const AKASSE_HOME: &str = "/a-kasse";
pub const AKASSE_MEMBER: &str = "/a-kasse/medlem/:id";

pub const SUPPORT_HOME: &str = "/support";
pub const SUPPORT_CITIZEN: &str = "/support/borger/:id";
pub const SUPPORT_CONTACT_REQUESTS: &str = "/support/kontaktanmodninger";
/// Support's list of the citizens' objections.
pub const SUPPORT_OBJECTIONS: &str = "/support/indsigelser";

pub const EMPLOYER_HOME: &str = "/arbejdsgiver";
pub const EMPLOYER_TERMS: &str = "/arbejdsgiver/vilkaar";
/// The search's address belongs to the core, which builds a search's URL from its form.
pub const EMPLOYER_SEARCH: &str = jobspor::cv_search::SEARCH_PATH;
pub const EMPLOYER_CV: &str = "/arbejdsgiver/cv/:id";

/// Every page's pattern (`:name` a parameter), as the router has them.
pub const PATTERNS: [&str; 50] = [
    HOME,
    PRIVACY,
    LOGIN,
    SIGN_IN_FAILED,
    CITIZEN_HOME,
    PROFILE_SETUP,
    MY_CV,
    CV_PREVIEW,
    CV_PRINT,
    CV_SECTION,
    EURES,
    EURES_PREVIEW,
    EURES_GUARDIAN,
    JOBSEEKER_REGISTRATION,
    QUESTIONNAIRE,
    QUESTIONNAIRE_STEP,
    HISTORY,
    MESSAGES,
    SECURITY,
    CONTACT_DETAILS,
    MY_DATA,
    DELETION,
    RESTRICTION,
    OBJECTIONS,
    CONSENTS,
    JOBLOG,
    JOBLOG_APPLICATION,
    JOBLOG_ACTIVITY,
    PLAN,
    MEETINGS,
    ABSENCE,
    CASEWORKER_HOME,
    CASEWORKER_LOGIN,
    CASEWORKER_CITIZEN,
    CASEWORKER_LOOKUPS,
    CASEWORKER_SEARCH,
    CASEWORKER_CV,
    CASEWORKER_PLAN,
    CASEWORKER_MEETINGS,
    CASEWORKER_SLOTS,
    AKASSE_HOME,
    AKASSE_MEMBER,
    SUPPORT_HOME,
    SUPPORT_CITIZEN,
    SUPPORT_CONTACT_REQUESTS,
    SUPPORT_OBJECTIONS,
    EMPLOYER_HOME,
    EMPLOYER_TERMS,
    EMPLOYER_SEARCH,
    EMPLOYER_CV,
];

/// The pages with islands (forms with a check before submit, drafts saved while typing):
/// only these load the browser's wasm. A test beside the server's router checks every page
/// against its HTML: islands on exactly these.
pub const WITH_ISLANDS: [&str; 10] = [
    PROFILE_SETUP,
    CONTACT_DETAILS,
    CV_SECTION,
    ABSENCE,
    JOBLOG_APPLICATION,
    JOBLOG_ACTIVITY,
    CASEWORKER_MEETINGS,
    JOBSEEKER_REGISTRATION,
    QUESTIONNAIRE_STEP,
    SECURITY,
];

/// Whether `path` is a page that has islands.
pub fn has_islands(path: &str) -> bool {
    WITH_ISLANDS.iter().any(|p| matches(p, path))
}

/// Whether `path` is an address of `pattern` (`:name` matches one non-empty segment).
pub fn matches(pattern: &str, path: &str) -> bool {
    let mut want = pattern.split('/');
    let mut got = path.split('/');
    loop {
        match (want.next(), got.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with(':') && !g.is_empty() => continue,
            (Some(w), Some(g)) if w == g => continue,
            _ => return false,
        }
    }
}

/// Query parameters the pages read, set by the links and redirects below.
pub const EDIT_PARAM: &str = "rediger";
pub const SAVED_PARAM: &str = "gemt";
pub const MESSAGE_PARAM: &str = "besked";
pub const MESSAGE_SENT: &str = "sendt";
pub const LOGGED_OUT_PARAM: &str = "logget-ud";
/// On the front page after the citizen deleted their profile.
pub const PROFILE_DELETED_PARAM: &str = "profil-slettet";
pub const REFUSAL_PARAM: &str = "aarsag";
/// The security page after a password change (`=1`).
pub const PASSWORD_CHANGED_PARAM: &str = "adgangskode-skiftet";
/// The security page after logging out the other sessions: how many ended.
pub const SESSIONS_ENDED_PARAM: &str = "logget-af";
/// Support's queue after passing a request on (`=1`).
pub const RELAYED_PARAM: &str = "givet-videre";
/// Mine møder while a booked meeting is being moved: its id.
/// Support's objections page: the objection whose form is open.
pub const HANDLE_PARAM: &str = "behandl";
pub const MOVE_PARAM: &str = "flyt";

/// Inside the server only: the flash copy a page shows (`server::flash`), which its
/// language switch hands back so the refused form comes back in the other language.
pub const FLASH_AGAIN_PARAM: &str = "__flash";

/// Where the language switch returns to: the page it was on, when that is one of the
/// site's pages (path and query); the front page otherwise. Never another site.
pub fn language_return(back: &str) -> String {
    let back = back.trim();
    let path = back.split(['?', '#']).next().unwrap_or_default();
    let own_page = path.starts_with('/')
        && !back.starts_with("//")
        && !back.contains(['\\', '\r', '\n'])
        && PATTERNS.iter().any(|p| matches(p, path));
    if own_page {
        back.split('#').next().unwrap_or(HOME).to_string()
    } else {
        HOME.to_string()
    }
}

/// `pattern` with its parameter, the last segment, filled in.
fn fill(pattern: &str, value: impl std::fmt::Display) -> String {
    let (base, param) = pattern.rsplit_once('/').expect("a pattern has segments");
    debug_assert!(param.starts_with(':'), "{pattern} ends in a parameter");
    format!("{base}/{value}")
}

/// A CV section's page; absence's is Mit fravær, one registration with one page.
pub fn cv_section(section: CvSection) -> String {
    match section {
        CvSection::Absence => ABSENCE.to_string(),
        s => fill(CV_SECTION, s.code()),
    }
}

/// The contact details' page after a change.
pub fn contact_details_saved() -> String {
    format!("{CONTACT_DETAILS}?{SAVED_PARAM}=1")
}

/// Min Joblog after a registration was saved.
pub fn joblog_saved() -> String {
    format!("{JOBLOG}?{SAVED_PARAM}=1")
}

/// A joblog form opened on one registration.
pub fn joblog_edit(kind: jobspor::track::joblog::JoblogKind, id: jobspor::JoblogEntryId) -> String {
    format!("{}?{EDIT_PARAM}={id}", joblog_form(kind))
}

/// The form of a kind of registration.
pub fn joblog_form(kind: jobspor::track::joblog::JoblogKind) -> &'static str {
    match kind {
        jobspor::track::joblog::JoblogKind::Application => JOBLOG_APPLICATION,
        jobspor::track::joblog::JoblogKind::Activity => JOBLOG_ACTIVITY,
    }
}

/// Mine møder with a booked meeting being moved.
pub fn meetings_moving(id: jobspor::MeetingId) -> String {
    format!("{MEETINGS}?{MOVE_PARAM}={id}")
}

pub fn caseworker_plan(reference: &jobspor::CaseReference) -> String {
    fill(CASEWORKER_PLAN, reference)
}

pub fn caseworker_plan_edit(
    reference: &jobspor::CaseReference,
    id: jobspor::PlanActivityId,
) -> String {
    format!("{}?{EDIT_PARAM}={id}", caseworker_plan(reference))
}

pub fn caseworker_meetings(reference: &jobspor::CaseReference) -> String {
    fill(CASEWORKER_MEETINGS, reference)
}

pub fn caseworker_meeting_edit(
    reference: &jobspor::CaseReference,
    id: jobspor::MeetingId,
) -> String {
    format!("{}?{EDIT_PARAM}={id}", caseworker_meetings(reference))
}

/// A section's page with the form on one entry ("Ret").
pub fn cv_section_edit(section: CvSection, entry_id: jobspor::CvEntryId) -> String {
    format!("{}?{EDIT_PARAM}={entry_id}", cv_section(section))
}

/// A questionnaire step's page (`StepCode::as_str`), or the receipt's (`RECEIPT`).
pub fn questionnaire_step(code: &str) -> String {
    fill(QUESTIONNAIRE_STEP, code)
}

/// The EURES page after a consent, a change or a withdrawal.
pub fn eures_saved() -> String {
    format!("{EURES}?{SAVED_PARAM}=1")
}

/// The guardian's page after a consent or a withdrawal.
pub fn eures_guardian_saved() -> String {
    format!("{EURES_GUARDIAN}?{SAVED_PARAM}=1")
}

/// The questionnaire's overview after "Gem og fortsæt senere".
pub fn questionnaire_saved() -> String {
    format!("{QUESTIONNAIRE}?{SAVED_PARAM}=1")
}

/// A found citizen's page, by the caseworker's reference (never by the citizen's id).
pub fn caseworker_citizen(reference: &jobspor::CaseReference) -> String {
    fill(CASEWORKER_CITIZEN, reference)
}

pub fn akasse_member(reference: &jobspor::CaseReference) -> String {
    fill(AKASSE_MEMBER, reference)
}

pub fn support_citizen(reference: &jobspor::CaseReference) -> String {
    fill(SUPPORT_CITIZEN, reference)
}

/// A CV a jobcentre caseworker found in the CV search.
pub fn caseworker_cv(cv_id: jobspor::CvId) -> String {
    fill(CASEWORKER_CV, cv_id)
}

/// Where a staff member of this kind starts after signing in.
pub fn staff_home(kind: jobspor::policy::ActorKind) -> &'static str {
    use jobspor::policy::ActorKind;
    match kind {
        ActorKind::AKasseCaseworker => AKASSE_HOME,
        ActorKind::Support => SUPPORT_HOME,
        _ => CASEWORKER_HOME,
    }
}

pub fn employer_cv(cv_id: jobspor::CvId) -> String {
    fill(EMPLOYER_CV, cv_id)
}

/// A CV's page after the employer's message was passed on.
pub fn employer_cv_message_sent(cv_id: jobspor::CvId) -> String {
    format!("{}?{MESSAGE_PARAM}={MESSAGE_SENT}", employer_cv(cv_id))
}

/// The security page after the password was changed.
pub fn security_password_changed() -> String {
    format!("{SECURITY}?{PASSWORD_CHANGED_PARAM}=1")
}

/// The security page after `ended` other sessions were logged out.
pub fn security_sessions_ended(ended: u64) -> String {
    format!("{SECURITY}?{SESSIONS_ENDED_PARAM}={ended}")
}

/// The page saying why a sign-in was refused.
pub fn sign_in_failed(refusal: jobspor::signin::SignInRefusal) -> String {
    format!("{SIGN_IN_FAILED}?{REFUSAL_PARAM}={}", refusal.code())
}

/// Where a provider sends the person back (registered with the provider as the redirect
/// URI): a server function per provider.
pub fn sign_in_callback(provider: jobspor::signin::Provider) -> String {
    format!("/api/auth/{}/callback", provider.slug())
}

/// The front page after logging out.
pub fn logged_out() -> String {
    format!("{HOME}?{LOGGED_OUT_PARAM}=1")
}

pub fn profile_deleted() -> String {
    format!("{HOME}?{PROFILE_DELETED_PARAM}=1")
}

pub fn cv_deleted() -> String {
    format!("{DELETION}?{SAVED_PARAM}=1")
}

pub fn restriction_saved() -> String {
    format!("{RESTRICTION}?{SAVED_PARAM}=1")
}

pub fn objection_sent() -> String {
    format!("{OBJECTIONS}?{SAVED_PARAM}=1")
}

/// Support's list with one objection's form open.
pub fn support_objection(id: &str) -> String {
    format!("{SUPPORT_OBJECTIONS}?{HANDLE_PARAM}={id}")
}

pub fn objections_handled() -> String {
    format!("{SUPPORT_OBJECTIONS}?{SAVED_PARAM}=1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_switch_returns_only_to_the_sites_own_pages() {
        assert_eq!(language_return("/borger/cv"), "/borger/cv");
        assert_eq!(
            language_return("/arbejdsgiver/soeg?q=kok&region=1082"),
            "/arbejdsgiver/soeg?q=kok&region=1082"
        );
        assert_eq!(language_return("/borger/cv#afsnit"), "/borger/cv");
        for foreign in [
            "",
            "https://evil.example/",
            "//evil.example/borger",
            "/\\evil.example",
            "borger/cv",
            "/findes-ikke",
            "/borger\r\nSet-Cookie: x=1",
        ] {
            assert_eq!(language_return(foreign), HOME, "{foreign:?}");
        }
    }

    #[test]
    fn a_pattern_matches_its_addresses_only() {
        assert!(matches(CV_SECTION, "/borger/cv/afsnit/jobonske"));
        assert!(!matches(CV_SECTION, "/borger/cv/afsnit/"));
        assert!(!matches(CV_SECTION, "/borger/cv/afsnit/a/b"));
        assert!(!matches(CV_SECTION, "/borger/cv"));
        assert!(matches(HOME, "/"));
        assert!(!matches(HOME, "/borger"));
        assert!(has_islands(SECURITY));
        assert!(!has_islands(MY_CV));
        assert!(!has_islands(HOME));
    }

    #[test]
    fn addresses_with_a_parameter_fill_it_in() {
        assert_eq!(
            cv_section(CvSection::WorkExperience),
            "/borger/cv/afsnit/work_experience"
        );
        assert_eq!(
            cv_section_edit(CvSection::JobWish, jobspor::CvEntryId::new(7)),
            "/borger/cv/afsnit/job_wish?rediger=7"
        );
        assert_eq!(
            questionnaire_step("helbred"),
            "/borger/forberedelse/helbred"
        );
        assert_eq!(questionnaire_saved(), "/borger/forberedelse?gemt=1");
        assert_eq!(
            caseworker_citizen(&jobspor::CaseReference::from_bytes([0xab; 16])),
            format!("/sagsbehandler/borger/{}", "ab".repeat(16))
        );
        assert_eq!(employer_cv(jobspor::CvId::new(12)), "/arbejdsgiver/cv/12");
        assert_eq!(
            employer_cv_message_sent(jobspor::CvId::new(12)),
            "/arbejdsgiver/cv/12?besked=sendt"
        );
        assert_eq!(logged_out(), "/?logget-ud=1");
        assert_eq!(
            security_password_changed(),
            "/borger/sikkerhed?adgangskode-skiftet=1"
        );
        assert_eq!(security_sessions_ended(2), "/borger/sikkerhed?logget-af=2");
        assert_eq!(EMPLOYER_SEARCH, "/arbejdsgiver/soeg");
    }

    #[test]
    fn every_pattern_is_routed_once() {
        let mut p = PATTERNS.to_vec();
        p.sort();
        p.dedup();
        assert_eq!(p.len(), PATTERNS.len());
        assert!(PATTERNS.iter().all(|p| p.starts_with('/')));
    }
}
