//! The site's menu: one list per kind of user, the current page marked.
//!
//! Wide screens show it as DKFDS' navigation bar under the header; narrow screens as a
//! `<details>` menu in the header (no JavaScript needed) that also holds the user's name
//! and "Log af". Only one of the two is displayed at a time (`style/main.css`).
use crate::api::auth::SessionKind;
use crate::{routes, tr};
use jobspor::Lang;

/// One menu entry: its label (in a language) and the page it opens.
#[derive(Debug, Clone, Copy)]
pub struct MenuItem {
    pub label: fn(Lang) -> &'static str,
    pub path: &'static str,
}

/// An entry is its page: one page has one entry.
impl PartialEq for MenuItem {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl Eq for MenuItem {}

const fn item(label: fn(Lang) -> &'static str, path: &'static str) -> MenuItem {
    MenuItem { label, path }
}

/// Not signed in: "Log ind" is the header's (and the narrow menu's) own link.
const ANONYMOUS: &[MenuItem] = &[
    item(|l| tr!(in l, common.menu_front), routes::HOME),
    item(
        |l| tr!(in l, common.menu_for_employers),
        routes::EMPLOYER_HOME,
    ),
];

const CITIZEN: &[MenuItem] = &[
    item(|l| tr!(in l, common.menu_min_side), routes::CITIZEN_HOME),
    item(|l| tr!(in l, common.menu_my_cv), routes::MY_CV),
    item(
        |l| tr!(in l, common.menu_registration),
        routes::JOBSEEKER_REGISTRATION,
    ),
    item(
        |l| tr!(in l, common.menu_questionnaire),
        routes::QUESTIONNAIRE,
    ),
    item(|l| tr!(in l, common.menu_joblog), routes::JOBLOG),
    item(|l| tr!(in l, common.menu_plan), routes::PLAN),
    item(|l| tr!(in l, common.menu_meetings), routes::MEETINGS),
    item(|l| tr!(in l, common.menu_absence), routes::ABSENCE),
    item(|l| tr!(in l, common.menu_messages), routes::MESSAGES),
    item(|l| tr!(in l, common.menu_history), routes::HISTORY),
    item(|l| tr!(in l, common.menu_security), routes::SECURITY),
];

const EMPLOYER: &[MenuItem] = &[
    item(
        |l| tr!(in l, common.menu_search_cvs),
        routes::EMPLOYER_SEARCH,
    ),
    item(|l| tr!(in l, common.menu_terms), routes::EMPLOYER_TERMS),
];

const CASEWORKER: &[MenuItem] = &[
    item(
        |l| tr!(in l, common.menu_find_citizen),
        routes::CASEWORKER_HOME,
    ),
    item(
        |l| tr!(in l, common.menu_search_cvs),
        routes::CASEWORKER_SEARCH,
    ),
    item(|l| tr!(in l, common.menu_slots), routes::CASEWORKER_SLOTS),
    item(
        |l| tr!(in l, common.menu_my_lookups),
        routes::CASEWORKER_LOOKUPS,
    ),
];

const AKASSE: &[MenuItem] = &[
    item(|l| tr!(in l, common.menu_find_member), routes::AKASSE_HOME),
    item(
        |l| tr!(in l, common.menu_my_lookups),
        routes::CASEWORKER_LOOKUPS,
    ),
];

const SUPPORT: &[MenuItem] = &[
    item(
        |l| tr!(in l, common.menu_find_citizen),
        routes::SUPPORT_HOME,
    ),
    item(
        |l| tr!(in l, common.menu_contact_requests),
        routes::SUPPORT_CONTACT_REQUESTS,
    ),
    item(
        |l| tr!(in l, common.menu_objections),
        routes::SUPPORT_OBJECTIONS,
    ),
    item(
        |l| tr!(in l, common.menu_my_lookups),
        routes::CASEWORKER_LOOKUPS,
    ),
];

/// The menu of a kind of user.
pub fn menu(kind: SessionKind) -> &'static [MenuItem] {
    match kind {
        SessionKind::Anonymous => ANONYMOUS,
        SessionKind::Citizen => CITIZEN,
        SessionKind::Employer => EMPLOYER,
        SessionKind::Caseworker => CASEWORKER,
        SessionKind::AKasseCaseworker => AKASSE,
        SessionKind::Support => SUPPORT,
    }
}

/// The entry the page at `path` belongs to: its own, or the closest one above it (a CV
/// section belongs to "Mit CV"). A role's start page ("/", "/borger") is current only on
/// itself, or every page below it would be.
pub fn current(items: &[MenuItem], path: &str) -> Option<MenuItem> {
    let path = path.trim_end_matches('/');
    let path = if path.is_empty() { "/" } else { path };
    items
        .iter()
        .filter(|i| {
            i.path == path || {
                let start_page = items.first().is_some_and(|first| first.path == i.path);
                !start_page
                    && path
                        .strip_prefix(i.path)
                        .is_some_and(|rest| rest.starts_with('/'))
            }
        })
        .max_by_key(|i| i.path.len())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current_label(kind: SessionKind, path: &str) -> Option<&'static str> {
        current(menu(kind), path).map(|i| (i.label)(Lang::Da))
    }

    #[test]
    fn a_page_below_an_entry_belongs_to_it() {
        let cv_section = routes::cv_section(jobspor::cv::entry::CvSection::ALL[0]);
        assert_eq!(
            current_label(SessionKind::Citizen, &cv_section),
            Some("Mit CV")
        );
        assert_eq!(
            current_label(SessionKind::Citizen, &routes::questionnaire_step("helbred")),
            Some("Forberedelsesskema")
        );
        assert_eq!(
            current_label(SessionKind::Caseworker, "/sagsbehandler/borger/abc"),
            None,
            "the caseworker's start page is not every page below it"
        );
    }

    #[test]
    fn a_start_page_is_current_only_on_itself() {
        assert_eq!(
            current_label(SessionKind::Citizen, "/borger"),
            Some("Min side")
        );
        assert_eq!(
            current_label(SessionKind::Citizen, "/borger/"),
            Some("Min side")
        );
        assert_eq!(
            current_label(SessionKind::Citizen, "/borger/opret-profil"),
            None
        );
        assert_eq!(current_label(SessionKind::Anonymous, "/"), Some("Forside"));
        assert_eq!(current_label(SessionKind::Anonymous, "/log-ind"), None);
    }

    #[test]
    fn every_entry_is_a_page_of_the_site() {
        for kind in [
            SessionKind::Anonymous,
            SessionKind::Citizen,
            SessionKind::Employer,
            SessionKind::Caseworker,
            SessionKind::AKasseCaseworker,
            SessionKind::Support,
        ] {
            for i in menu(kind) {
                assert!(
                    routes::PATTERNS.iter().any(|p| routes::matches(p, i.path)),
                    "{} is no page",
                    i.path
                );
            }
        }
    }
}
