//! CV search. A plain GET form: every search has its own URL (`SearchForm::url`), which
//! works without JavaScript, can be shared, and keeps the back button meaningful. Each
//! filter value shows how many of the hits have it.
use crate::api::employer::{search_cvs, CvHitView, SearchView};
use crate::components::form::{described_by, field_error, ErrorSummary, FormState};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::components::section_form::OccupationsDatalist;
use crate::routes;
use jobspor::cv::skills::{DrivingLicence, LanguageLevel, LANGUAGES};
use jobspor::cv::{EmploymentType, WorkingTime};
use jobspor::cv_search::{Facet, SearchForm, SEARCH_PATH};
use jobspor::numbers::thousands;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const FORM_ID: &str = "search";

#[component]
pub fn Search() -> impl IntoView {
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
    let results = Resource::new(form, search_cvs);
    view! {
        <Page title="Søg i CV'er">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(v) => view! { <SearchPage v/> }.into_any(),
                        Err(e) => on_error(e, Area::Employer),
                    }
                })}
            </Transition>
        </Page>
    }
}

/// The filters in use, each as (what it is, the same search without it): the chips above
/// the results.
fn active_filters(f: &SearchForm) -> Vec<(String, String)> {
    let filled = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_string());
    let filters: [(&str, &str, Option<String>); 9] = [
        ("stilling", "Stilling", filled(&f.stilling)),
        (
            "kommune",
            "Bopælskommune",
            jobspor::geo::municipality(&f.kommune).map(|m| m.name.to_string()),
        ),
        (
            "region",
            "Bopælsregion",
            jobspor::geo::REGIONS
                .iter()
                .find(|r| r.code == f.region)
                .map(|r| r.name.to_string()),
        ),
        (
            "postnr",
            "Afstand fra postnummer",
            filled(&f.postnr).map(|p| match filled(&f.afstand) {
                Some(km) => format!("{p}, inden for {km} km"),
                None => p,
            }),
        ),
        (
            "koerekort",
            "Kørekort",
            DrivingLicence::from_code(&f.koerekort)
                .ok()
                .map(|l| l.label_da().to_string()),
        ),
        (
            "sprog",
            "Sprog",
            LANGUAGES
                .iter()
                .find(|(c, _)| *c == f.sprog)
                .map(|(_, name)| name.to_string()),
        ),
        (
            "arbejdstid",
            "Arbejdstid",
            WorkingTime::from_code(&f.arbejdstid)
                .ok()
                .map(|w| w.label_da().to_string()),
        ),
        (
            "ansaettelse",
            "Ansættelsesform",
            EmploymentType::from_code(&f.ansaettelse)
                .ok()
                .map(|t| t.label_da().to_string()),
        ),
        (
            "start",
            "Kan starte",
            (f.start == "nu").then(|| "med det samme".to_string()),
        ),
    ];
    filters
        .into_iter()
        .filter_map(|(field, label, value)| {
            value.map(|v| (format!("{label}: {v}"), f.with(field, "").url()))
        })
        .collect()
}

/// The count after a filter value: "Aarhus (1.234)".
fn count_label(label: &str, n: i64) -> String {
    format!("{label} ({})", thousands(n))
}

#[component]
fn SearchPage(v: SearchView) -> impl IntoView {
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
            let text = format!("Inden for {km} km");
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
                label(l.label_da(), Facet::Licence(*l).to_key()),
            )
        })
        .collect();
    let level = LanguageLevel::from_code(&f.niveau).unwrap_or(LanguageLevel::A1);
    let languages: Vec<(String, String)> = LANGUAGES
        .iter()
        .map(|(c, name)| {
            (
                c.to_string(),
                label(name, Facet::Language(c, level).to_key()),
            )
        })
        .collect();
    let levels: Vec<(String, String)> = LanguageLevel::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.label_da().to_string()))
        .collect();
    let working: Vec<(String, String)> = WorkingTime::ALL
        .iter()
        .map(|w| {
            (
                w.code().to_string(),
                label(w.label_da(), Facet::WorkingTime(*w).to_key()),
            )
        })
        .collect();
    let employment: Vec<(String, String)> = EmploymentType::ALL
        .iter()
        .map(|t| {
            (
                t.code().to_string(),
                label(t.label_da(), Facet::EmploymentType(*t).to_key()),
            )
        })
        .collect();
    let start_now = label("Kan starte med det samme", Facet::StartNow.to_key());
    // The empty choice is the search's own order: by relevance with search words, else
    // newest first; it keeps the default out of the URL.
    let sorts = vec![("opdateret".to_string(), "Senest opdateret".to_string())];
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
        "Ret søgningen".to_string()
    } else if v.more {
        format!("Mere end {} CV'er fundet", thousands(v.total))
    } else if v.total == 1 {
        "1 CV fundet".to_string()
    } else {
        format!("{} CV'er fundet", thousands(v.total))
    };
    let err = |field: &str| v.errors.for_field(field).map(|e| e.message());
    let chips = active_filters(&f);

    view! {
        <ErrorSummary state form_id=FORM_ID/>
        <h1>"Søg i CV'er"</h1>
        // Wide screens: the form and its filters beside the results; narrow: one column.
        <div class="search-layout">
        <form method="get" action=SEARCH_PATH role="search" class="search-form" id=FORM_ID novalidate>
            <div class="form-group">
                <label class="form-label" for="search-q">"Søgeord"</label>
                <span class="form-hint" id="search-q-hint">"Fx en stilling, en arbejdsopgave eller en kompetence. Bøjninger findes også: \"sygeplejerske\" finder \"sygeplejersker\"."</span>
                <input class="form-input" type="search" id="search-q" name="q" value=f.q.clone() aria-describedby="search-q-hint" maxlength="200"/>
            </div>
            <fieldset class="search-filters">
                <legend class="h3">"Filtre"</legend>
                <TextFilter field="stilling" label="Stilling, jobønsket søges som" value=f.stilling.clone() error=err("stilling") list="occupations"
                    hint="Vælg en stillingsbetegnelse fra listen"/>
                <OccupationsDatalist/>
                {(!top.is_empty()).then(|| view! {
                    <div class="form-group">
                        <p class="form-label" id="top-occupations">"Mest søgte stillinger blandt hits"</p>
                        <ul class="nobullet-list facet-links" aria-labelledby="top-occupations">
                            {top.into_iter().map(|(title, n)| {
                                let href = f.with("stilling", &title).url();
                                view! { <li><a href=href>{count_label(&title, n)}</a></li> }
                            }).collect_view()}
                        </ul>
                    </div>
                })}
                <SelectFilter field="kommune" label="Bopælskommune" options=municipalities chosen=f.kommune.clone() error=err("kommune")/>
                <SelectFilter field="region" label="Bopælsregion" options=regions chosen=f.region.clone() error=err("region")/>
                <div class="filter-pair">
                    <TextFilter field="postnr" label="Afstand fra postnummer" value=f.postnr.clone() error=err("postnr") inputmode="numeric"
                        hint="Fx arbejdspladsens postnummer. Afstanden regnes til borgerens bopælskommune."/>
                    <SelectFilter field="afstand" label="Afstand" options=distances chosen=f.afstand.clone() error=err("afstand") any="25 km"/>
                </div>
                <SelectFilter field="koerekort" label="Kørekort" options=licences chosen=f.koerekort.clone() error=err("koerekort")/>
                <div class="filter-pair">
                    <SelectFilter field="sprog" label="Sprog" options=languages chosen=f.sprog.clone() error=err("sprog")/>
                    <SelectFilter field="niveau" label="Mindst på niveau" options=levels chosen=f.niveau.clone() error=err("niveau") any="Alle niveauer"/>
                </div>
                <SelectFilter field="arbejdstid" label="Arbejdstid" options=working chosen=f.arbejdstid.clone() error=err("arbejdstid")/>
                <SelectFilter field="ansaettelse" label="Ansættelsesform" options=employment chosen=f.ansaettelse.clone() error=err("ansaettelse")/>
                <div class="form-group" class:form-error=err("start").is_some()>
                    {err("start").map(|m| view! { <span class="form-error-message" id="search-start-error"><span class="sr-only">"Fejl: "</span>{m}</span> })}
                    <div class="form-checkbox">
                        <input class="form-checkbox-input" type="checkbox" id="search-start" name="start" value="nu" checked=f.start == "nu"/>
                        <label class="form-label" for="search-start">{start_now}</label>
                    </div>
                </div>
            </fieldset>
            <SelectFilter field="sortering" label="Sortér efter" options=sorts chosen=sort_chosen error=err("sortering") any="Bedste match (nyeste først uden søgeord)"/>
            <button type="submit" class="button button-primary">"Søg"</button>
            " "
            <a class="function-link" href=SEARCH_PATH>"Nulstil søgningen"</a>
        </form>
        <div class="search-results-column">
        <h2 class="h3" id="results-heading" aria-live="polite">{heading}</h2>
        {(!chips.is_empty()).then(|| view! {
            <p class="form-label" id="active-filters">"Aktive filtre"</p>
            <ul class="nobullet-list filter-chips" aria-labelledby="active-filters">
                {chips.into_iter().map(|(text, href)| view! {
                    <li><a class="filter-chip" href=href>
                        <span class="sr-only">"Fjern filteret "</span>{text}<span aria-hidden="true">" ✕"</span>
                    </a></li>
                }).collect_view()}
            </ul>
        })}
        {approx.then(|| view! { <p class="form-hint">"Tallene ved filtrene gælder de første 1.000 hits. Brug flere søgeord eller filtre for at få det præcise billede."</p> })}
        <ul class="nobullet-list search-results" aria-labelledby="results-heading">
            {v.hits.into_iter().map(|h| view! { <Hit h/> }).collect_view()}
        </ul>
        {(v.pages > 1).then(|| {
            let pages = v.pages;
            let current = v.page;
            // The first, the last and the pages around the current one.
            let shown: Vec<u32> = (1..=pages).filter(|p| *p == 1 || *p == pages || p.abs_diff(current) <= 2).collect();
            view! {
                <nav aria-label="Sider">
                    <ul class="nobullet-list pagination-list">
                        {(current > 1).then(|| view! { <li><a href=f.with_page(current - 1).url() rel="prev">"Forrige"</a></li> })}
                        {shown.into_iter().map(|p| view! {
                            <li><a href=f.with_page(p).url() aria-current=(p == current).then_some("page")>
                                <span class="sr-only">"Side "</span>{p}
                            </a></li>
                        }).collect_view()}
                        {(current < pages).then(|| view! { <li><a href=f.with_page(current + 1).url() rel="next">"Næste"</a></li> })}
                    </ul>
                </nav>
            }
        })}
        </div>
        </div>
    }
}

#[component]
fn Hit(h: CvHitView) -> impl IntoView {
    view! {
        <li class="search-result">
            <h3 class="h4"><a href=routes::employer_cv(h.cv_id)>{h.name}</a></h3>
            <p>{if h.occupations.is_empty() { "Ingen jobønsker angivet".to_string() } else { format!("Søger job som: {}", h.occupations) }}</p>
            {(!h.passage.is_empty()).then(|| view! {
                <p class="search-passage">
                    {h.passage.into_iter().map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() }).collect_view()}
                </p>
            })}
            <p class="form-hint">{h.city.map(|c| format!("{c} · ")).unwrap_or_default()} "Opdateret " {h.updated}</p>
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
    #[prop(default = "Alle")] any: &'static str,
) -> impl IntoView {
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
