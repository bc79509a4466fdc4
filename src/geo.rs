//! Static Danish geography for the employer CV search: the five regions, the 98 municipalities
//! and the postcodes, so an employer can filter on "municipality or region of residence" and on
//! "distance from a postcode".
//!
//! The crate also compiles to wasm32, so there is no file or network IO: the data ships inside
//! the binary (`src/data/municipalities.tsv` and `src/data/postcodes.tsv`, checked by
//! `src/data/check_geo.py`) and is parsed once, on first use, into a [`OnceLock`]. The `&'static
//! str` fields borrow straight from the embedded text, so nothing is copied or leaked.
//!
//! Accuracy: coordinates are approximate, about ±5 km. A postcode's point is its town's centre
//! where one was known, otherwise the visual centre of the postcode's area (DAWA's
//! `visueltcenter`, which for coastal postcodes can lie out at sea, so those were replaced by
//! the town's centre); a municipality's point is the point of its main town's postcode. A
//! postcode that spans several municipalities is listed under its main one only. Distances are
//! straight-line (haversine), not travel distances. The production source for refreshing this
//! data is DAWA, Danmarks Adressers Web API: `/postnumre` (fields `visueltcenter` and
//! `kommuner`) and `/kommuner`.
//! Christiansø is not a municipality and is not listed.
use std::sync::OnceLock;

/// A Danish region (the level above the municipality). `code` is the official four-digit
/// region code, e.g. `"1084"` for Region Hovedstaden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
}

/// The five regions, in the customary order (east to west and north), which is also the order
/// the search form lists them in.
pub const REGIONS: &[Region] = &[
    Region {
        code: "1084",
        name: "Region Hovedstaden",
    },
    Region {
        code: "1085",
        name: "Region Sjælland",
    },
    Region {
        code: "1083",
        name: "Region Syddanmark",
    },
    Region {
        code: "1082",
        name: "Region Midtjylland",
    },
    Region {
        code: "1081",
        name: "Region Nordjylland",
    },
];

/// The radii, in km, that the "distance from a postcode" filter offers.
pub const DISTANCES_KM: &[u32] = &[10, 25, 50, 100];

/// The region with this code (surrounding spaces ignored).
pub fn region(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    REGIONS.iter().find(|r| r.code == code)
}

/// A municipality (kommune). `code` is the official municipality code without leading zeros
/// (`"101"` for København, where DAWA writes `"0101"`); `region` is its region's code; `lat` and
/// `lon` are an approximate point for it (its main town), used for distance filters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Municipality {
    pub code: &'static str,
    pub name: &'static str,
    pub region: &'static str,
    pub lat: f64,
    pub lon: f64,
}

/// A postcode with its town name, its main municipality's code and an approximate point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Postcode {
    pub code: &'static str,
    pub town: &'static str,
    pub municipality: &'static str,
    pub lat: f64,
    pub lon: f64,
}

const MUNICIPALITIES_TSV: &str = include_str!("data/municipalities.tsv");
const POSTCODES_TSV: &str = include_str!("data/postcodes.tsv");

struct Data {
    /// Sorted by Danish name, the order a select list shows.
    municipalities: Vec<Municipality>,
    /// Sorted by code, for binary search.
    postcodes: Vec<Postcode>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut municipalities: Vec<Municipality> = rows(MUNICIPALITIES_TSV, "municipalities.tsv")
            .map(|[code, name, region, lat, lon]| Municipality {
                code,
                name,
                region,
                lat: coord(lat, "municipalities.tsv"),
                lon: coord(lon, "municipalities.tsv"),
            })
            .collect();
        municipalities.sort_by(|a, b| {
            danish_sort_key(a.name)
                .cmp(&danish_sort_key(b.name))
                .then(a.code.cmp(b.code))
        });
        let mut postcodes: Vec<Postcode> = rows(POSTCODES_TSV, "postcodes.tsv")
            .map(|[code, town, municipality, lat, lon]| Postcode {
                code,
                town,
                municipality,
                lat: coord(lat, "postcodes.tsv"),
                lon: coord(lon, "postcodes.tsv"),
            })
            .collect();
        postcodes.sort_by(|a, b| a.code.cmp(b.code));
        Data {
            municipalities,
            postcodes,
        }
    })
}

/// The data rows (header skipped, blank lines ignored) of an embedded five-column TSV. The data
/// is compiled in and checked by the tests, so a malformed row is a build mistake: panic loudly.
fn rows(tsv: &'static str, file: &str) -> impl Iterator<Item = [&'static str; 5]> {
    let file = file.to_owned();
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(move |line| {
            let mut fields = line.split('\t').map(str::trim);
            let row = std::array::from_fn(|_| fields.next().unwrap_or(""));
            assert!(
                fields.next().is_none() && row.iter().all(|f: &&str| !f.is_empty()),
                "{file}: malformed row {line:?}"
            );
            row
        })
}

fn coord(s: &str, file: &str) -> f64 {
    s.parse()
        .unwrap_or_else(|_| panic!("{file}: bad coordinate {s:?}"))
}

/// A key that sorts Danish names in Danish alphabetical order: æ, ø, å after z (mapped to the
/// characters that follow `z` in ASCII). "Aa" is left as a plain a-a, so Aabenraa, Aalborg and
/// Aarhus come first, where most users look for them in a list.
fn danish_sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            c => c,
        })
        .collect()
}

/// All 98 municipalities, sorted by name in Danish order, for the filter's select list.
pub fn municipalities() -> &'static [Municipality] {
    &data().municipalities
}

/// The municipality with this code. Surrounding spaces and leading zeros are ignored, so both
/// `"101"` and DAWA's `"0101"` find København.
pub fn municipality(code: &str) -> Option<&'static Municipality> {
    let code = code.trim().trim_start_matches('0');
    if code.is_empty() {
        return None;
    }
    data().municipalities.iter().find(|m| m.code == code)
}

/// The postcode with this code (surrounding spaces ignored); `None` if it is not a known
/// Danish postcode.
pub fn postcode(code: &str) -> Option<&'static Postcode> {
    let code = code.trim();
    let postcodes = &data().postcodes;
    postcodes
        .binary_search_by(|p| p.code.cmp(code))
        .ok()
        .map(|i| &postcodes[i])
}

/// Great-circle (haversine) distance in km between two `(lat, lon)` points in degrees. Straight
/// line, not road distance: good enough for "within 25 km".
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Codes of the municipalities whose point lies within `km` of the postcode's point, always
/// including the postcode's own municipality; None for an unknown postcode.
///
/// The search stores where a job seeker lives as a municipality, so a distance filter becomes
/// "lives in one of these municipalities". The own municipality comes first (its point may be
/// farther away than `km` in a large municipality, yet its residents are the nearest); the rest
/// follow by increasing distance.
pub fn municipalities_within(postcode: &str, km: u32) -> Option<Vec<&'static str>> {
    let p = self::postcode(postcode)?;
    let from = (p.lat, p.lon);
    let limit = f64::from(km);
    let mut near: Vec<(f64, &'static str)> = data()
        .municipalities
        .iter()
        .filter(|m| m.code != p.municipality)
        .map(|m| (distance_km(from, (m.lat, m.lon)), m.code))
        .filter(|(d, _)| *d <= limit)
        .collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
    let mut codes = Vec::with_capacity(near.len() + 1);
    codes.push(p.municipality);
    codes.extend(near.into_iter().map(|(_, code)| code));
    Some(codes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn there_are_98_distinct_municipalities_in_danish_order() {
        let list = municipalities();
        assert_eq!(list.len(), 98);
        let codes: HashSet<_> = list.iter().map(|m| m.code).collect();
        assert_eq!(codes.len(), 98);
        assert!(list
            .iter()
            .all(|m| !m.code.starts_with('0') && m.code.len() == 3));
        let keys: Vec<_> = list.iter().map(|m| danish_sort_key(m.name)).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(list.first().unwrap().name, "Aabenraa");
        assert_eq!(list.last().unwrap().name, "Ærø");
        let pos = |name: &str| list.iter().position(|m| m.name == name).unwrap();
        assert!(pos("Tønder") < pos("Tårnby"), "ø sorts before å");
        assert!(pos("Vordingborg") < pos("Ærø"), "æ sorts after z");
    }

    #[test]
    fn regions_have_the_official_municipality_counts() {
        assert_eq!(REGIONS.len(), 5);
        let count = |code: &str| municipalities().iter().filter(|m| m.region == code).count();
        assert_eq!(count("1084"), 29, "Hovedstaden");
        assert_eq!(count("1085"), 17, "Sjælland");
        assert_eq!(count("1083"), 22, "Syddanmark");
        assert_eq!(count("1082"), 19, "Midtjylland");
        assert_eq!(count("1081"), 11, "Nordjylland");
        assert!(municipalities().iter().all(|m| region(m.region).is_some()));
        assert_eq!(region(" 1084 ").unwrap().name, "Region Hovedstaden");
        assert_eq!(region("1086"), None);
    }

    #[test]
    fn municipality_lookup() {
        assert_eq!(municipality("751").unwrap().name, "Aarhus");
        assert_eq!(municipality("0101").unwrap().name, "København");
        assert_eq!(municipality(" 825 ").unwrap().name, "Læsø");
        assert_eq!(municipality("999"), None);
        assert_eq!(municipality(""), None);
        assert_eq!(municipality("0"), None);
        let region = |code| municipality(code).map(|m| m.region);
        assert_eq!(region("851"), Some("1081"));
        assert_eq!(region("400"), Some("1084"));
        assert_eq!(region("411"), None);
    }

    #[test]
    fn every_postcode_has_a_known_municipality_and_a_point_in_denmark() {
        let all = &data().postcodes;
        assert!(all.len() >= 590, "{}", all.len());
        let codes: HashSet<_> = all.iter().map(|p| p.code).collect();
        assert_eq!(codes.len(), all.len(), "duplicate postcodes");
        for p in all {
            assert!(
                p.code.len() == 4 && p.code.bytes().all(|b| b.is_ascii_digit()),
                "{p:?}"
            );
            assert!(municipality(p.municipality).is_some(), "{p:?}");
            assert!(
                (54.5..=57.8).contains(&p.lat) && (8.0..=15.2).contains(&p.lon),
                "{p:?}"
            );
        }
        for m in municipalities() {
            assert!(
                (54.5..=57.8).contains(&m.lat) && (8.0..=15.2).contains(&m.lon),
                "{m:?}"
            );
        }
    }

    #[test]
    fn the_postcodes_the_simulated_register_uses_are_present() {
        let expected = [
            ("2000", "147"),
            ("2100", "101"),
            ("2200", "101"),
            ("2450", "101"),
            ("2500", "101"),
            ("2625", "187"),
            ("2635", "183"),
            ("2665", "187"),
            ("2820", "157"),
            ("3700", "400"),
            ("4000", "265"),
            ("4040", "265"),
            ("4760", "390"),
            ("4780", "390"),
            ("5000", "461"),
            ("5200", "461"),
            ("5250", "461"),
            ("6000", "621"),
            ("6200", "580"),
            ("6330", "580"),
            ("6360", "580"),
            ("6400", "540"),
            ("6700", "561"),
            ("6705", "561"),
            ("6740", "561"),
            ("7100", "630"),
            ("7700", "787"),
            ("8000", "751"),
            ("8200", "751"),
            ("8210", "751"),
            ("8260", "751"),
            ("8700", "615"),
            ("8740", "615"),
            ("8900", "730"),
            ("9000", "851"),
            ("9210", "851"),
            ("9220", "851"),
            ("9300", "813"),
            ("9400", "851"),
            ("9440", "849"),
            ("9460", "849"),
            ("9490", "849"),
            ("9690", "849"),
            ("9800", "860"),
            ("9940", "825"),
            ("9990", "813"),
        ];
        for (code, municipality) in expected {
            let p = postcode(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(p.municipality, municipality, "{code} {}", p.town);
        }
        assert_eq!(postcode("8000").unwrap().town, "Aarhus C");
        assert_eq!(postcode(" 9940\n").unwrap().town, "Læsø");
    }

    #[test]
    fn unknown_postcodes_give_none() {
        assert_eq!(postcode("0000"), None);
        assert_eq!(postcode("9999"), None);
        assert_eq!(postcode("80000"), None);
        assert_eq!(postcode(""), None);
        assert_eq!(municipalities_within("0000", 50), None);
        assert_eq!(municipalities_within("abcd", 10), None);
    }

    #[test]
    fn haversine_distances() {
        assert_eq!(distance_km((56.0, 10.0), (56.0, 10.0)), 0.0);
        // One degree of latitude is about 111.2 km.
        assert!((distance_km((55.0, 10.0), (56.0, 10.0)) - 111.2).abs() < 0.5);
        let aalborg = municipality("851").unwrap();
        let kobenhavn = municipality("101").unwrap();
        let d = distance_km((aalborg.lat, aalborg.lon), (kobenhavn.lat, kobenhavn.lon));
        assert!((200.0..=260.0).contains(&d), "{d}");
        let back = distance_km((kobenhavn.lat, kobenhavn.lon), (aalborg.lat, aalborg.lon));
        assert!((d - back).abs() < 1e-9);
    }

    #[test]
    fn aarhus_is_within_50_km_of_horsens_but_not_10() {
        assert!(municipalities_within("8000", 50).unwrap().contains(&"615"));
        assert!(!municipalities_within("8000", 10).unwrap().contains(&"615"));
    }

    #[test]
    fn the_own_municipality_is_always_included_and_first() {
        let laeso = municipalities_within("9940", 10).unwrap();
        assert!(laeso.contains(&"825"));
        assert_eq!(laeso, vec!["825"], "nothing else lies within 10 km of Læsø");
        assert_eq!(municipalities_within(" 3700 ", 0).unwrap(), vec!["400"]);
        assert_eq!(municipalities_within("8000", 10).unwrap()[0], "751");
    }

    #[test]
    fn larger_radii_give_supersets_without_duplicates() {
        assert!(DISTANCES_KM.windows(2).all(|w| w[0] < w[1]));
        for code in ["2100", "5000", "6700", "8000", "9000"] {
            let mut previous: HashSet<&str> = HashSet::new();
            for &km in DISTANCES_KM {
                let list = municipalities_within(code, km).unwrap();
                let set: HashSet<_> = list.iter().copied().collect();
                assert_eq!(set.len(), list.len(), "{code} {km}: duplicates");
                assert!(set.is_superset(&previous), "{code} {km}");
                assert!(list.iter().all(|c| municipality(c).is_some()));
                previous = set;
            }
        }
        // Central Copenhagen reaches most of the capital area within 25 km.
        assert!(municipalities_within("2100", 25).unwrap().len() >= 15);
    }
}
