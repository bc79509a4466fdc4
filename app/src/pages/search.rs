//! CV search. A plain GET form: every search has its own URL (`SearchForm::url`), which
//! works without JavaScript, can be shared, and keeps the back button meaningful. Each
//! filter value shows how many of the hits have it.
use crate::api::caseworker::caseworker_search_cvs;
use crate::api::employer::{search_cvs, CvHitView, SearchView};
use crate::components::form::{described_by, field_error, ErrorSummary, FormState};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::components::section_form::OccupationsDatalist;
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::cv::skills::{DrivingLicence, LanguageLevel, LANGUAGES};
use jobspor::cv::{EmploymentType, WorkingTime};
use jobspor::cv_search::{Facet, SearchForm, SEARCH_PATH};
use jobspor::numbers::thousands;
use jobspor::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const FORM_ID: &str = "search";

/// Who searches: an employer (`/arbejdsgiver/soeg`) or a jobcentre's caseworker across
/// municipalities (`/sagsbehandler/cv-soegning`). The same search and page; the address,
/// the CV's page and the server function differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchSite {
    Employer,
    Caseworker,
}

impl SearchSite {
    pub fn path(self) -> &'static str {
        match self {
            SearchSite::Employer => SEARCH_PATH,
            SearchSite::Caseworker => routes::CASEWORKER_SEARCH,
        }
    }

    pub fn cv(self, id: jobspor::CvId) -> String {
        match self {
            SearchSite::Employer => routes::employer_cv(id),
            SearchSite::Caseworker => routes::caseworker_cv(id),
        }
    }

    pub fn area(self) -> Area {
        match self {
            SearchSite::Employer => Area::Employer,
            SearchSite::Caseworker => Area::Caseworker,
        }
    }
}

#[component]
pub fn Search() -> impl IntoView {
    view! { <SearchAt site=SearchSite::Employer/> }
}

#[component]
pub fn CaseworkerSearch() -> impl IntoView {
    view! { <SearchAt site=SearchSite::Caseworker/> }
}

#[component]
fn SearchAt(site: SearchSite) -> impl IntoView {
    let query = use_query_map();
    let form = move || {
        query.with(|m| {
            let names = SearchForm::default().pairs().map(|(k, _)| k);
            let values: Vec<(&str, String)> = names
                .iter()
                .map(|k| (*k, m.get(k).unwrap_or_default()))
                .collect();
            SearchForm::from_pairs(values.iter().map(|(k, v)| (*k, v.as_str())))
        })
    };
    let results = Resource::new(form, move |f| async move {
        match site {
            SearchSite::Employer => search_cvs(f).await,
            SearchSite::Caseworker => caseworker_search_cvs(f).await,
        }
    });
    view! {
        <Page title=tr!(search.title)>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(v) => view! { <SearchPage v site/> }.into_any(),
                        Err(e) => on_error(e, site.area()),
                    }
                })}
            </Transition>
        </Page>
    }
}

/// The filters in use, each as (what it is, the same search without it): the chips above
/// the results.
fn active_filters(f: &SearchForm, site: SearchSite, lang: Lang) -> Vec<(String, String)> {
    let filled = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_string());
    let filters: [(&str, &str, Option<String>); 9] = [
        (
            "stilling",
            tr!(in lang, search.position),
            filled(&f.stilling),
        ),
        (
            "kommune",
            tr!(in lang, search.municipality),
            jobspor::geo::municipality(&f.kommune).map(|m| m.name.to_string()),
        ),
        (
            "region",
            tr!(in lang, search.region),
            jobspor::geo::REGIONS
                .iter()
                .find(|r| r.code == f.region)
                .map(|r| r.name.to_string()),
        ),
        (
            "postnr",
            tr!(in lang, search.distance_from_postcode),
            filled(&f.postnr).map(|p| match filled(&f.afstand) {
                Some(km) => tr!(in lang, search.postcode_within, postcode = p, km = km),
                None => p,
            }),
        ),
        (
            "koerekort",
            tr!(in lang, search.driving_licence),
            DrivingLicence::from_code(&f.koerekort)
                .ok()
                .map(|l| l.label(lang).to_string()),
        ),
        (
            "sprog",
            tr!(in lang, search.language),
            LANGUAGES
                .iter()
                .find(|(c, _)| *c == f.sprog)
                .map(|(_, name)| name.get(lang).to_string()),
        ),
        (
            "arbejdstid",
            tr!(in lang, search.working_time),
            WorkingTime::from_code(&f.arbejdstid)
                .ok()
                .map(|w| w.label(lang).to_string()),
        ),
        (
            "ansaettelse",
            tr!(in lang, search.employment_type),
            EmploymentType::from_code(&f.ansaettelse)
                .ok()
                .map(|t| t.label(lang).to_string()),
        ),
        (
            "start",
            tr!(in lang, search.can_start),
            (f.start == "nu").then(|| tr!(in lang, search.immediately).to_string()),
        ),
    ];
    filters
        .into_iter()
        .filter_map(|(field, label, value)| {
            value.map(|v| {
                (
                    format!("{label}: {v}"),
                    f.with(field, "").url_at(site.path()),
                )
            })
        })
        .collect()
}

/// The count after a filter value: "Aarhus (1.234)".
fn count_label(label: &str, n: i64) -> String {
    format!("{label} ({})", thousands(n))
}

#[component]
fn SearchPage(v: SearchView, site: SearchSite) -> impl IntoView {
    let lang = use_lang();
    let f = v.form.clone();
    let state = Signal::stored(FormState {
        errors: v.errors.clone(),
        echo: f
            .pairs()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        general: None,
    });
    let n = |key: String| v.counts.get(&key).copied().unwrap_or(0);
    let approx = v.approximate;
    let label = move |l: &str, key: String| count_label(l, n(key));

    let municipalities: Vec<(String, String)> = jobspor::geo::municipalities()
        .iter()
        .map(|m| {
            (
                m.code.to_string(),
                label(m.name, Facet::Municipality(m.code).to_key()),
            )
        })
        .collect();
    let regions: Vec<(String, String)> = jobspor::geo::REGIONS
        .iter()
        .map(|r| {
            (
                r.code.to_string(),
                label(r.name, Facet::Region(r.code).to_key()),
            )
        })
        .collect();
    let distances: Vec<(String, String)> = jobspor::geo::DISTANCES_KM
        .iter()
        .map(|km| {
            let text = tr!(in lang, search.within_km, km = km);
            let shown = match v.distance_counts.iter().find(|(k, _)| k == km) {
                Some((_, n)) => count_label(&text, *n),
                None => text,
            };
            (km.to_string(), shown)
        })
        .collect();
    let licences: Vec<(String, String)> = DrivingLicence::ALL
        .iter()
        .map(|l| {
            (
                l.code().to_string(),
                label(l.label(lang), Facet::Licence(*l).to_key()),
            )
        })
        .collect();
    let level = LanguageLevel::from_code(&f.niveau).unwrap_or(LanguageLevel::A1);
    let languages: Vec<(String, String)> = LANGUAGES
        .iter()
        .map(|(c, name)| {
            (
                c.to_string(),
                label(name.get(lang), Facet::Language(c, level).to_key()),
            )
        })
        .collect();
    let levels: Vec<(String, String)> = LanguageLevel::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.label(lang).to_string()))
        .collect();
    let working: Vec<(String, String)> = WorkingTime::ALL
        .iter()
        .map(|w| {
            (
                w.code().to_string(),
                label(w.label(lang), Facet::WorkingTime(*w).to_key()),
            )
        })
        .collect();
    let employment: Vec<(String, String)> = EmploymentType::ALL
        .iter()
        .map(|t| {
            (
                t.code().to_string(),
                label(t.label(lang), Facet::EmploymentType(*t).to_key()),
            )
        })
        .collect();
    let start_now = label(tr!(in lang, search.start_now), Facet::StartNow.to_key());
    // The empty choice is the search's own order: by relevance with search words, else
    // newest first; it keeps the default out of the URL.
    let sorts = vec![(
        "opdateret".to_string(),
        tr!(in lang, search.sort_updated).to_string(),
    )];
    let sort_chosen = if f.sortering == "relevans" {
        String::new()
    } else {
        f.sortering.clone()
    };

    // The occupations most sought among the hits, each a link that adds it as a filter.
    let mut top: Vec<(String, i64)> = v
        .counts
        .iter()
        .filter_map(|(k, n)| k.strip_prefix("occ:").map(|t| (t.to_string(), *n)))
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(10);

    let heading = if !v.errors.is_empty() {
        tr!(in lang, search.heading_fix).to_string()
    } else if v.more {
        tr!(in lang, search.heading_more, n = thousands(v.total))
    } else if v.total == 1 {
        tr!(in lang, search.heading_one).to_string()
    } else {
        tr!(in lang, search.heading_many, n = thousands(v.total))
    };
    let err = |field: &str| v.errors.for_field(field).map(|e| e.key.text(lang));
    let chips = active_filters(&f, site, lang);

    view! {
        <ErrorSummary state form_id=FORM_ID/>
        <h1>{tr!(in lang, search.title)}</h1>
        // Wide screens: the form and its filters beside the results; narrow: one column.
        <div class="search-layout">
        <form method="get" action=site.path() role="search" class="search-form" id=FORM_ID novalidate>
            <div class="form-group">
                <label class="form-label" for="search-q">{tr!(in lang, search.keywords)}</label>
                <span class="form-hint" id="search-q-hint">{tr!(in lang, search.keywords_hint)}</span>
                <input class="form-input" type="search" id="search-q" name="q" value=f.q.clone() aria-describedby="search-q-hint" maxlength="200"/>
            </div>
            <fieldset class="search-filters">
                <legend class="h3">{tr!(in lang, search.filters)}</legend>
                <TextFilter field="stilling" label=tr!(in lang, search.position_label) value=f.stilling.clone() error=err("stilling") list="occupations"
                    hint=tr!(in lang, search.position_hint)/>
                <OccupationsDatalist/>
                {(!top.is_empty()).then(|| view! {
                    <div class="form-group">
                        <p class="form-label" id="top-occupations">{tr!(in lang, search.top_occupations)}</p>
                        <ul class="nobullet-list facet-links" aria-labelledby="top-occupations">
                            {top.into_iter().map(|(title, n)| {
                                let href = f.with("stilling", &title).url_at(site.path());
                                view! { <li><a href=href>{count_label(&title, n)}</a></li> }
                            }).collect_view()}
                        </ul>
                    </div>
                })}
                <SelectFilter field="kommune" label=tr!(in lang, search.municipality) options=municipalities chosen=f.kommune.clone() error=err("kommune")/>
                <SelectFilter field="region" label=tr!(in lang, search.region) options=regions chosen=f.region.clone() error=err("region")/>
                <div class="filter-pair">
                    <TextFilter field="postnr" label=tr!(in lang, search.distance_from_postcode) value=f.postnr.clone() error=err("postnr") inputmode="numeric"
                        hint=tr!(in lang, search.postcode_hint)/>
                    <SelectFilter field="afstand" label=tr!(in lang, search.distance) options=distances chosen=f.afstand.clone() error=err("afstand") any="25 km"/>
                </div>
                <SelectFilter field="koerekort" label=tr!(in lang, search.driving_licence) options=licences chosen=f.koerekort.clone() error=err("koerekort")/>
                <div class="filter-pair">
                    <SelectFilter field="sprog" label=tr!(in lang, search.language) options=languages chosen=f.sprog.clone() error=err("sprog")/>
                    <SelectFilter field="niveau" label=tr!(in lang, search.min_level) options=levels chosen=f.niveau.clone() error=err("niveau") any=tr!(in lang, search.all_levels)/>
                </div>
                <SelectFilter field="arbejdstid" label=tr!(in lang, search.working_time) options=working chosen=f.arbejdstid.clone() error=err("arbejdstid")/>
                <SelectFilter field="ansaettelse" label=tr!(in lang, search.employment_type) options=employment chosen=f.ansaettelse.clone() error=err("ansaettelse")/>
                <div class="form-group" class:form-error=err("start").is_some()>
                    {err("start").map(|m| view! { <span class="form-error-message" id="search-start-error"><span class="sr-only">{tr!(in lang, common.error_prefix)}</span>{m}</span> })}
                    <div class="form-checkbox">
                        <input class="form-checkbox-input" type="checkbox" id="search-start" name="start" value="nu" checked=f.start == "nu"/>
                        <label class="form-label" for="search-start">{start_now}</label>
                    </div>
                </div>
            </fieldset>
            <SelectFilter field="sortering" label=tr!(in lang, search.sort_by) options=sorts chosen=sort_chosen error=err("sortering") any=tr!(in lang, search.sort_best)/>
            <button type="submit" class="button button-primary">{tr!(in lang, search.search_button)}</button>
            " "
            <a class="function-link" href=site.path()>{tr!(in lang, search.reset)}</a>
        </form>
        <div class="search-results-column">
        <h2 class="h3" id="results-heading" aria-live="polite">{heading}</h2>
        {(!chips.is_empty()).then(|| view! {
            <p class="form-label" id="active-filters">{tr!(in lang, search.active_filters)}</p>
            <ul class="nobullet-list filter-chips" aria-labelledby="active-filters">
                {chips.into_iter().map(|(text, href)| view! {
                    <li><a class="filter-chip" href=href>
                        <span class="sr-only">{tr!(in lang, search.remove_filter)}</span>{text}<span aria-hidden="true">" ✕"</span>
                    </a></li>
                }).collect_view()}
            </ul>
        })}
        {approx.then(|| view! { <p class="form-hint">{tr!(in lang, search.approximate)}</p> })}
        <ul class="nobullet-list search-results" aria-labelledby="results-heading">
            {v.hits.into_iter().map(|h| view! { <Hit h site/> }).collect_view()}
        </ul>
        {(v.pages > 1).then(|| {
            let pages = v.pages;
            let current = v.page;
            // The first, the last and the pages around the current one.
            let shown: Vec<u32> = (1..=pages).filter(|p| *p == 1 || *p == pages || p.abs_diff(current) <= 2).collect();
            view! {
                <nav aria-label=tr!(in lang, search.pages)>
                    <ul class="nobullet-list pagination-list">
                        {(current > 1).then(|| view! { <li><a href=f.with_page(current - 1).url_at(site.path()) rel="prev">{tr!(in lang, search.previous)}</a></li> })}
                        {shown.into_iter().map(|p| view! {
                            <li><a href=f.with_page(p).url_at(site.path()) aria-current=(p == current).then_some("page")>
                                <span class="sr-only">{tr!(in lang, search.page)}</span>{p}
                            </a></li>
                        }).collect_view()}
                        {(current < pages).then(|| view! { <li><a href=f.with_page(current + 1).url_at(site.path()) rel="next">{tr!(in lang, search.next)}</a></li> })}
                    </ul>
                </nav>
            }
        })}
        </div>
        </div>
    }
}

#[component]
fn Hit(h: CvHitView, site: SearchSite) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li class="search-result">
            <h3 class="h4"><a href=site.cv(h.cv_id)>{h.name}</a></h3>
            <p>{if h.occupations.is_empty() { tr!(in lang, search.no_occupations).to_string() } else { tr!(in lang, search.seeks_job_as, occupations = h.occupations) }}</p>
            {(!h.passage.is_empty()).then(|| view! {
                <p class="search-passage">
                    {h.passage.into_iter().map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() }).collect_view()}
                </p>
            })}
            <p class="form-hint">{h.city.map(|c| format!("{c} · ")).unwrap_or_default()} {tr!(in lang, search.updated, date = h.updated)}</p>
        </li>
    }
}

/// A labelled select whose option labels carry their hit counts. `any` is the empty
/// choice's label ("Alle" unless given; "" for none).
#[component]
fn SelectFilter(
    field: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    chosen: String,
    error: Option<&'static str>,
    #[prop(optional)] any: Option<&'static str>,
) -> impl IntoView {
    let any = any.unwrap_or_else(|| tr!(search.all));
    let id = format!("search-{field}");
    view! {
        <div class="form-group" class:form-error=error.is_some()>
            <label class="form-label" for=id.clone()>{label}</label>
            {field_error(move || error, id.clone())}
            <select class="form-select" id=id.clone() name=field
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=described_by(move || error, id.clone(), false)>
                {(!any.is_empty()).then(|| view! { <option value="">{any}</option> })}
                {options.into_iter().map(|(code, text)| {
                    let selected = code == chosen;
                    view! { <option value=code selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn TextFilter(
    field: &'static str,
    label: &'static str,
    value: String,
    error: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = format!("search-{field}");
    view! {
        <div class="form-group" class:form-error=error.is_some()>
            <label class="form-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="form-hint" id=format!("{id}-hint")>{h}</span> })}
            {field_error(move || error, id.clone())}
            <input class="form-input" type="text" id=id.clone() name=field value=value list=list inputmode=inputmode autocomplete="off"
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=described_by(move || error, id.clone(), hint.is_some())/>
        </div>
    }
}
