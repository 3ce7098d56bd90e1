//! The code tables other event datasets use, read once from `assets/`: country codes (ISO
//! alpha-2/alpha-3/numeric, FIPS 10-4), CAMEO → PLOVER (the PLOVER project's table), and the
//! ACLED event types → PLOVER mapping newsmap makes.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::EventKind;

const COUNTRY_CODES: &str = include_str!("../../assets/interchange/country_codes.tsv");
const CAMEO_PLOVER: &str = include_str!("../../assets/cameo_plover.tsv");

/// One country's codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 ("IL").
    pub iso2: &'static str,
    /// ISO 3166-1 alpha-3 ("ISR"), also CAMEO's country code.
    pub iso3: &'static str,
    /// ISO 3166-1 numeric (376), ACLED's `iso` column.
    pub numeric: u16,
    /// FIPS 10-4 ("IS"), GDELT's place country code; empty when there is none.
    pub fips: &'static str,
    /// GeoNames' English name ("Israel").
    pub name: &'static str,
}

struct Countries {
    all: Vec<Country>,
    by_iso2: HashMap<&'static str, usize>,
    by_iso3: HashMap<&'static str, usize>,
    by_fips: HashMap<&'static str, usize>,
    by_numeric: HashMap<u16, usize>,
    by_name: HashMap<String, usize>,
}

fn countries() -> &'static Countries {
    static TABLE: OnceLock<Countries> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Countries {
            all: Vec::new(),
            by_iso2: HashMap::new(),
            by_iso3: HashMap::new(),
            by_fips: HashMap::new(),
            by_numeric: HashMap::new(),
            by_name: HashMap::new(),
        };
        for line in COUNTRY_CODES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
        {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 5 {
                continue;
            }
            let c = Country {
                iso2: f[0],
                iso3: f[1],
                numeric: f[2].parse().unwrap_or(0),
                fips: f[3],
                name: f[4].trim(),
            };
            let i = t.all.len();
            t.by_iso2.insert(c.iso2, i);
            t.by_iso3.insert(c.iso3, i);
            if !c.fips.is_empty() {
                t.by_fips.insert(c.fips, i);
            }
            if c.numeric != 0 {
                t.by_numeric.insert(c.numeric, i);
            }
            t.by_name.insert(c.name.to_lowercase(), i);
            t.all.push(c);
        }
        t
    })
}

fn pick(i: Option<&usize>) -> Option<&'static Country> {
    i.map(|&i| &countries().all[i])
}

/// The country with this ISO alpha-2 code.
pub fn by_iso2(code: &str) -> Option<&'static Country> {
    pick(countries().by_iso2.get(code))
}

/// The country with this ISO alpha-3 (or CAMEO) code.
pub fn by_iso3(code: &str) -> Option<&'static Country> {
    pick(countries().by_iso3.get(code))
}

/// The country with this FIPS 10-4 code (GDELT's `ActionGeo_CountryCode`).
pub fn by_fips(code: &str) -> Option<&'static Country> {
    pick(countries().by_fips.get(code))
}

/// The country with this ISO numeric code (ACLED's `iso`).
pub fn by_numeric(code: u16) -> Option<&'static Country> {
    pick(countries().by_numeric.get(&code))
}

/// The country with this English name (case-insensitive).
pub fn by_name(name: &str) -> Option<&'static Country> {
    pick(countries().by_name.get(&name.trim().to_lowercase()))
}

/// One row of the CAMEO → PLOVER table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PloverCode {
    /// The PLOVER type.
    pub kind: EventKind,
    /// PLOVER's mode ("visit", "arrest"), empty when none.
    pub mode: &'static str,
    /// PLOVER's context ("diplomatic"), empty when none.
    pub context: &'static str,
}

fn cameo_table() -> &'static HashMap<&'static str, PloverCode> {
    static TABLE: OnceLock<HashMap<&'static str, PloverCode>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CAMEO_PLOVER
            .lines()
            .skip(1)
            .filter_map(|line| {
                let f: Vec<&'static str> = line.split('\t').collect();
                let kind = plover_kind(f.get(1)?)?;
                Some((
                    f[0],
                    PloverCode {
                        kind,
                        mode: f.get(2).copied().unwrap_or(""),
                        context: f.get(3).copied().unwrap_or(""),
                    },
                ))
            })
            .collect()
    })
}

/// The PLOVER type of a CAMEO event code ("042", "0213"): the code itself, else its 3-digit
/// base. `None` for codes PLOVER leaves out (CAMEO's 01 statements and 02 appeals) and codes
/// the table does not have.
pub fn cameo_to_plover(code: &str) -> Option<&'static PloverCode> {
    let t = cameo_table();
    t.get(code)
        .or_else(|| code.get(..3).and_then(|base| t.get(base)))
}

/// The PLOVER type named by its code ("CONSULT", any case), or `INCIDENT`.
pub fn plover_kind(code: &str) -> Option<EventKind> {
    let code = code.trim();
    EventKind::ALL
        .into_iter()
        .find(|k| k.code().eq_ignore_ascii_case(code))
}

/// The PLOVER type of an ACLED event: by sub-event type where it says more than the event
/// type, else by event type. `None` for a type ACLED does not have.
///
/// The mapping is newsmap's own reading of both codebooks: fighting, strikes, bombs and
/// attacks on civilians are ASSAULT; arrests and seizures COERCE (as CAMEO 173 and 171 are in
/// PLOVER's table); protests PROTEST, riots that are mob violence ASSAULT; agreements AGREE;
/// a base established MOBILIZE; a peaceful handover of territory RETREAT; and ACLED's
/// "Other" strategic developments INCIDENT.
pub fn acled_to_plover(event_type: &str, sub_event_type: &str) -> Option<EventKind> {
    let norm = |s: &str| s.trim().to_lowercase().replace("protesters", "protestors");
    let sub = norm(sub_event_type);
    let by_sub = match sub.as_str() {
        "excessive force against protestors" | "mob violence" => Some(EventKind::Assault),
        "looting/property destruction" => Some(EventKind::Assault),
        "peaceful protest" | "protest with intervention" | "violent demonstration" => {
            Some(EventKind::Protest)
        }
        "agreement" => Some(EventKind::Agree),
        "arrests" | "disrupted weapons use" => Some(EventKind::Coerce),
        "headquarters or base established" | "change to group/activity" => {
            Some(EventKind::Mobilize)
        }
        "non-violent transfer of territory" => Some(EventKind::Retreat),
        "other" => Some(EventKind::Incident),
        _ => None,
    };
    by_sub.or(match norm(event_type).as_str() {
        "battles" | "explosions/remote violence" | "violence against civilians" => {
            Some(EventKind::Assault)
        }
        "protests" => Some(EventKind::Protest),
        "riots" => Some(EventKind::Protest),
        "strategic developments" => Some(EventKind::Incident),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_agree_across_systems() {
        // FIPS and ISO differ: GDELT's "IS" is Israel, ISO's "IS" is Iceland.
        assert_eq!(by_fips("IS").unwrap().iso2, "IL");
        assert_eq!(by_iso2("IS").unwrap().name, "Iceland");
        assert_eq!(by_iso3("ISR").unwrap().iso2, "IL");
        assert_eq!(by_fips("UK").unwrap().iso2, "GB");
        assert_eq!(by_numeric(760).unwrap().iso2, "SY");
        assert_eq!(by_name("syria").unwrap().iso2, "SY");
        assert!(by_fips("").is_none());
    }

    #[test]
    fn cameo_codes_map_through_the_plover_table() {
        assert_eq!(cameo_to_plover("042").unwrap().kind, EventKind::Consult);
        assert_eq!(cameo_to_plover("042").unwrap().mode, "visit");
        assert_eq!(cameo_to_plover("173").unwrap().kind, EventKind::Coerce);
        assert_eq!(cameo_to_plover("1712").unwrap().kind, EventKind::Assault);
        // 4-digit codes without a row of their own fall back to their base code.
        assert_eq!(cameo_to_plover("0833").unwrap().kind, EventKind::Concede);
        assert_eq!(cameo_to_plover("0435").unwrap().kind, EventKind::Consult);
        assert!(cameo_to_plover("010").is_none());
        assert!(cameo_to_plover("0213").is_none());
        assert!(cameo_to_plover("999").is_none());
    }

    #[test]
    fn acled_types_map_to_plover() {
        assert_eq!(
            acled_to_plover("Battles", "Armed clash"),
            Some(EventKind::Assault)
        );
        assert_eq!(
            acled_to_plover("Protests", "Excessive force against protesters"),
            Some(EventKind::Assault)
        );
        assert_eq!(
            acled_to_plover("Protests", "Peaceful protest"),
            Some(EventKind::Protest)
        );
        assert_eq!(
            acled_to_plover("Strategic developments", "Arrests"),
            Some(EventKind::Coerce)
        );
        assert_eq!(acled_to_plover("Picnics", ""), None);
    }
}
