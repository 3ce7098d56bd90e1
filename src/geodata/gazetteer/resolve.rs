//! Choosing which place an ambiguous name means ("Paris": France or Texas; "Georgia": the country
//! or the US state), from evidence an article gives.
//!
//! The score of a candidate is a sum of explainable terms, in units of "orders of magnitude of
//! population":
//! * prior by kind: countries 9, features and continents 7.5, admin-1 regions 6.5, cities and
//!   counties log10(population), + 1 for a national capital; −0.5 for a GeoNames alternate name;
//!   −1.5 for a minor town (under 15,000 people: the article's support is counted below);
//! * the article's countries: up to +2 when the article names the candidate's country elsewhere,
//!   up to +2 more when it names the candidate's admin-1 region; −1 when the article names places
//!   but none in the candidate's country;
//! * the name's own hints: +6 inside an explicit container ("Paris, Texas"), +3 for a state or
//!   country when a word such as "Gov." or "government" follows the name ("New York Gov.");
//! * proximity: +1 within 250 km of a place the article names unambiguously (for a region: when
//!   such a place lies inside it), or within 100 km of a place another ambiguous name of the
//!   article may mean (spatial minimality: "Edmonton" and "Enfield" are the two in London).
//!
//! Population decides between two cities only when nothing else does: a Paris in Texas needs the
//! article to name Texas (and no France) or to write "Paris, Texas". Minor towns (under 15,000
//! people) reach this scoring only when the article supports them (see
//! [`crate::extract::places`]).

use super::{EntryKind, Gazetteer, NameRef};
use rustc_hash::FxHashMap as HashMap;

/// Prior score by kind for entries without a population.
const COUNTRY_PRIOR: f32 = 9.0;
const FEATURE_PRIOR: f32 = 7.5;
const ADMIN1_PRIOR: f32 = 6.5;
const CAPITAL_BONUS: f32 = 1.0;
const ALTERNATE_PENALTY: f32 = 0.5;
const MINOR_PENALTY: f32 = 1.5;
const COUNTRY_CONTEXT_STEP: f32 = 0.75;
const COUNTRY_CONTEXT_MAX: f32 = 2.0;
const ADMIN1_CONTEXT_STEP: f32 = 1.0;
const ADMIN1_CONTEXT_MAX: f32 = 2.0;
const ISOLATION_PENALTY: f32 = 1.0;
const CONTAINER_BONUS: f32 = 6.0;
const PROXIMITY_BONUS: f32 = 1.0;
const PROXIMITY_KM: f64 = 250.0;
const CO_LOCATION_KM: f64 = 100.0;
/// Two names whose candidates lie this close are almost surely those two places (a borough and
/// its district, a town and its suburb): chance puts two namesakes that close very rarely.
const NEIGHBOURS_KM: f64 = 25.0;
const NEIGHBOURS_BONUS: f32 = 1.0;
const REGION_HINT_BONUS: f32 = 3.0;

/// What the text says about one name beyond the article's places.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Hints {
    /// An entry the text puts the place in ("Paris, Texas").
    pub container: Option<u32>,
    /// A word after the name means its state or province ("New York Gov.").
    pub prefers_region: bool,
    /// The name opens a dateline ("NEW YORK (AP) —"), which names a city.
    pub prefers_city: bool,
    /// The text puts the place in a region none of its candidates lies in ("London, Ky.").
    pub contradicted: bool,
    /// The name being resolved (its index in the name table), so that its own candidates do
    /// not count as its neighbours.
    pub name: Option<u32>,
}

/// What an article says about where it is: countries and regions it names without ambiguity,
/// and points of places it names without ambiguity.
///
/// Every query is answered from indexes, never by walking every place the article names: a long
/// article names thousands of places, and checking each mention against each earlier one made
/// extraction time grow with the square of the text. Points sit in a grid over the unit sphere
/// (cells the chord of 250 km wide), so "a place within 60 km" looks at 27 cells; each place is
/// stored once however often the text names it (a second copy answers no "is there one"
/// question differently).
#[derive(Clone, Debug, Default)]
pub struct Evidence {
    countries: HashMap<&'static str, f32>,
    regions: HashMap<(&'static str, &'static str), f32>,
    /// Places named without ambiguity (cities and admin areas): how many times each was added.
    anchor_counts: HashMap<u32, u32>,
    /// Their points: (lat, lon, entry, is a city), each entry once.
    anchors: Grid<(u32, bool)>,
    /// Anchor entries by (country, admin-1), for "a region is near the places inside it".
    anchors_in_region: HashMap<(Option<&'static str>, &'static str), Vec<u32>>,
    /// (lat, lon, name) of every city an ambiguous name may mean, each (entry, name) once.
    candidates: Grid<u32>,
    candidate_keys: rustc_hash::FxHashSet<(u32, u32)>,
    total: f32,
}

/// Evidence as one name sees it: everything, minus what that name's own earlier choice added
/// (a name must not reinforce itself). Cheap to make: nothing is copied.
#[derive(Clone, Copy, Debug)]
pub struct Seen<'a> {
    evidence: &'a Evidence,
    /// The entry the name chose before and the weight it was added with.
    own: Option<Own>,
}

/// What [`Evidence::add_entry`] recorded for a name's own earlier choice.
#[derive(Clone, Copy, Debug)]
struct Own {
    entry: u32,
    kind: EntryKind,
    country: Option<&'static str>,
    admin1: &'static str,
    weight: f32,
}

impl Evidence {
    /// Records that the article names something in `country` (weight 1 for a place name, less
    /// for weaker hints).
    pub fn add_country(&mut self, country: &'static str, weight: f32) {
        *self.countries.entry(country).or_default() += weight;
        self.total += weight;
    }

    /// Records that the article names something in an admin-1 region.
    pub fn add_region(&mut self, country: &'static str, admin1: &'static str, weight: f32) {
        if !admin1.is_empty() {
            *self.regions.entry((country, admin1)).or_default() += weight;
        }
    }

    /// Records a place the article names unambiguously, for proximity.
    pub fn add_anchor(&mut self, gaz: &Gazetteer, entry: u32) {
        let e = gaz.entry(entry);
        // Only points that say something about a neighbourhood: not countries or seas.
        if matches!(
            e.kind,
            EntryKind::City | EntryKind::Admin1 | EntryKind::Admin2
        ) {
            let count = self.anchor_counts.entry(entry).or_default();
            *count += 1;
            if *count == 1 {
                self.anchors
                    .insert(e.lat, e.lon, (entry, e.kind == EntryKind::City));
                self.anchors_in_region
                    .entry((e.country, e.admin1))
                    .or_default()
                    .push(entry);
            }
        }
    }

    /// True if the article supports a minor town `e`: it names the town's admin-1 region or a
    /// place in it, or a city within `km` of it.
    pub fn supports(&self, e: &super::Entry, km: f64) -> bool {
        let Some(cc) = e.country else { return false };
        let in_region =
            !e.admin1.is_empty() && self.regions.get(&(cc, e.admin1)).is_some_and(|&w| w > 0.0);
        in_region
            || self
                .anchors
                .near(e.lat, e.lon, km)
                .any(|&(lat, lon, (_, city))| city && km_between(lat, lon, e.lat, e.lon) <= km)
    }

    /// Records a city or admin-1 region that the ambiguous name `name` may mean.
    pub fn add_candidate(&mut self, gaz: &Gazetteer, entry: u32, name: u32) {
        let e = gaz.entry(entry);
        if e.kind == EntryKind::City && self.candidate_keys.insert((entry, name)) {
            self.candidates.insert(e.lat, e.lon, name);
        }
    }

    /// Weight of evidence for a country.
    pub fn country_weight(&self, country: &str) -> f32 {
        self.countries.get(country).copied().unwrap_or(0.0)
    }

    /// Records everything one unambiguous entry tells: its country, region and point.
    pub fn add_entry(&mut self, gaz: &Gazetteer, entry: u32, weight: f32) {
        let e = gaz.entry(entry);
        if let Some(cc) = e.country {
            self.add_country(cc, weight);
            match e.kind {
                EntryKind::Admin1 | EntryKind::Admin2 | EntryKind::City => {
                    self.add_region(cc, e.admin1, weight);
                }
                _ => {}
            }
        }
        self.add_anchor(gaz, entry);
    }

    /// This evidence as a name sees it whose own choice `entry` was added with `weight` by
    /// [`Evidence::add_entry`]: as if that had not been added.
    pub fn without_own(&self, gaz: &Gazetteer, entry: u32, weight: f32) -> Seen<'_> {
        let e = gaz.entry(entry);
        Seen {
            evidence: self,
            own: Some(Own {
                entry,
                kind: e.kind,
                country: e.country,
                admin1: e.admin1,
                weight,
            }),
        }
    }

    /// All of this evidence, as every name sees it in the first round.
    pub fn seen(&self) -> Seen<'_> {
        Seen {
            evidence: self,
            own: None,
        }
    }
}

impl Seen<'_> {
    /// What the own choice added to `country`'s weight (and to the total).
    fn own_country(&self, country: &str) -> f32 {
        match self.own {
            Some(o) if o.country == Some(country) => o.weight,
            _ => 0.0,
        }
    }

    fn country_weight(&self, country: &str) -> f32 {
        self.evidence.country_weight(country) - self.own_country(country)
    }

    fn total(&self) -> f32 {
        let own = match self.own {
            Some(o) if o.country.is_some() => o.weight,
            _ => 0.0,
        };
        self.evidence.total - own
    }

    fn region_weight(&self, country: &'static str, admin1: &'static str) -> f32 {
        let all = self
            .evidence
            .regions
            .get(&(country, admin1))
            .copied()
            .unwrap_or(0.0);
        let own = match self.own {
            Some(o)
                if o.country == Some(country)
                    && o.admin1 == admin1
                    && !admin1.is_empty()
                    && matches!(
                        o.kind,
                        EntryKind::Admin1 | EntryKind::Admin2 | EntryKind::City
                    ) =>
            {
                o.weight
            }
            _ => 0.0,
        };
        all - own
    }

    /// True if `anchor` is among the anchors this name sees: not when only its own choice put
    /// it there.
    fn has_anchor(&self, anchor: u32) -> bool {
        match self.own {
            Some(o) if o.entry == anchor => {
                self.evidence
                    .anchor_counts
                    .get(&anchor)
                    .copied()
                    .unwrap_or(0)
                    > 1
            }
            _ => true,
        }
    }
}

/// Points on the sphere in cells of a 3-D grid over unit vectors: whatever is within a distance
/// of a point lies within that distance's chord on each axis, so a query looks only at the cells
/// that box covers.
#[derive(Clone, Debug)]
struct Grid<T> {
    cells: HashMap<Cell, Vec<(f64, f64, T)>>,
}

/// A grid cell: unit-vector coordinates divided by [`GRID_CELL`], rounded down.
type Cell = (i32, i32, i32);

impl<T> Default for Grid<T> {
    fn default() -> Self {
        Self {
            cells: HashMap::default(),
        }
    }
}

/// Cell width: the chord of 250 km, the largest distance asked about, so a query spans at most
/// three cells on each axis.
const GRID_CELL: f64 = 0.0392;

fn unit_vector(lat: f64, lon: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

fn cell_of(v: f64) -> i32 {
    (v / GRID_CELL).floor() as i32
}

impl<T> Grid<T> {
    fn insert(&mut self, lat: f64, lon: f64, item: T) {
        let [x, y, z] = unit_vector(lat, lon);
        self.cells
            .entry((cell_of(x), cell_of(y), cell_of(z)))
            .or_default()
            .push((lat, lon, item));
    }

    /// Every point that may lie within `km` of (lat, lon), and some farther ones: callers
    /// measure the distance themselves.
    fn near(&self, lat: f64, lon: f64, km: f64) -> impl Iterator<Item = &(f64, f64, T)> {
        // The chord of `km` on a sphere a little smaller than any radius `km_between` uses,
        // plus a margin for rounding: never too small.
        let chord = 2.0 * (km / 6_371.0 / 2.0).min(std::f64::consts::FRAC_PI_2).sin() + 1e-9;
        let [x, y, z] = unit_vector(lat, lon);
        let range = |v: f64| cell_of(v - chord)..=cell_of(v + chord);
        let (rx, ry, rz) = (range(x), range(y), range(z));
        rx.flat_map(move |cx| {
            let rz = rz.clone();
            ry.clone()
                .flat_map(move |cy| rz.clone().map(move |cz| (cx, cy, cz)))
        })
        .filter_map(|key| self.cells.get(&key))
        .flatten()
    }
}

/// The chosen entry for a name and how sure the choice is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Choice {
    /// Entry index.
    pub entry: u32,
    /// In [0, 1]: high when the best candidate clearly beats the next.
    pub confidence: f32,
}

/// Scores one candidate of a name given the article's evidence (as the name sees it) and the
/// name's hints.
pub fn score(gaz: &Gazetteer, r: &NameRef, evidence: Seen<'_>, hints: Hints) -> f32 {
    let e = gaz.entry(r.entry);
    let mut s = match e.kind {
        EntryKind::Country => COUNTRY_PRIOR,
        EntryKind::Admin1 => ADMIN1_PRIOR,
        EntryKind::City => {
            let capital = gaz.is_national_capital(r.entry);
            (e.population.max(1) as f32).log10() + if capital { CAPITAL_BONUS } else { 0.0 }
        }
        EntryKind::Admin2 => (e.population.max(1) as f32).log10(),
        _ => FEATURE_PRIOR,
    };
    if r.alternate {
        s -= ALTERNATE_PENALTY;
    }
    if e.minor {
        // Its support (region named, a city near) already counts below; a town of a few
        // thousand must not outscore the big city of the same name on that alone.
        s -= MINOR_PENALTY;
    }
    if let Some(cc) = e.country {
        let w = evidence.country_weight(cc);
        s += (w * COUNTRY_CONTEXT_STEP).min(COUNTRY_CONTEXT_MAX);
        if w == 0.0 && evidence.total() >= 1.0 {
            s -= ISOLATION_PENALTY;
        }
        if !e.admin1.is_empty() && e.kind != EntryKind::Country {
            let rw = evidence.region_weight(cc, e.admin1);
            s += (rw * ADMIN1_CONTEXT_STEP).min(ADMIN1_CONTEXT_MAX);
        }
    }
    if hints.prefers_city && e.kind == EntryKind::City {
        s += REGION_HINT_BONUS;
    }
    if hints.prefers_region && matches!(e.kind, EntryKind::Admin1 | EntryKind::Country) {
        s += REGION_HINT_BONUS;
    }
    if let Some(c) = hints.container.map(|c| gaz.entry(c)) {
        let c = &c;
        let inside = match c.kind {
            EntryKind::Country => c.country.is_some() && e.country == c.country,
            EntryKind::Admin1 => {
                e.country == c.country && !c.admin1.is_empty() && e.admin1 == c.admin1
            }
            _ => false,
        };
        if inside && e.kind != c.kind {
            s += CONTAINER_BONUS;
        }
    }
    // Near a place the article names; a region is "near" the places inside it.
    let other_anchor = |anchor: u32| anchor != r.entry && evidence.has_anchor(anchor);
    let near = if e.kind == EntryKind::Admin1 {
        !e.admin1.is_empty()
            && evidence
                .evidence
                .anchors_in_region
                .get(&(e.country, e.admin1))
                .is_some_and(|inside| inside.iter().any(|&a| other_anchor(a)))
    } else {
        evidence
            .evidence
            .anchors
            .near(e.lat, e.lon, PROXIMITY_KM)
            .any(|&(lat, lon, (anchor, _))| {
                other_anchor(anchor) && km_between(lat, lon, e.lat, e.lon) <= PROXIMITY_KM
            })
    };
    // Or near a place another ambiguous name may mean: two names that can be neighbours
    // usually are ("Edmonton" and "Enfield"). Only distances up to CO_LOCATION_KM count, so
    // only the candidates that close are measured.
    let nearest_other = if e.kind == EntryKind::City {
        evidence
            .evidence
            .candidates
            .near(e.lat, e.lon, CO_LOCATION_KM)
            .filter(|&&(lat, _, name)| Some(name) != hints.name && (lat - e.lat).abs() <= 1.0)
            .map(|&(lat, lon, _)| km_between(lat, lon, e.lat, e.lon))
            .fold(f64::INFINITY, f64::min)
    } else {
        f64::INFINITY
    };
    if near || nearest_other <= CO_LOCATION_KM {
        s += PROXIMITY_BONUS;
    }
    if nearest_other <= NEIGHBOURS_KM {
        s += NEIGHBOURS_BONUS;
    }
    s
}

/// The best candidate among `refs`, or `None` when there is none.
pub fn choose(
    gaz: &Gazetteer,
    refs: &[NameRef],
    evidence: Seen<'_>,
    hints: Hints,
) -> Option<Choice> {
    let mut best: Option<(f32, u32)> = None;
    let mut second = f32::NEG_INFINITY;
    for r in refs {
        let s = score(gaz, r, evidence, hints);
        match best {
            Some((bs, _)) if s <= bs => second = second.max(s),
            _ => {
                if let Some((bs, _)) = best {
                    second = second.max(bs);
                }
                best = Some((s, r.entry));
            }
        }
    }
    let (top, entry) = best?;
    let margin = if second.is_finite() {
        top - second
    } else {
        3.0
    };
    // 0.5 for a tie, 0.9+ for a margin of two orders of magnitude or more.
    let confidence = 0.5 + 0.5 * (margin / 1.5).tanh();
    Some(Choice {
        entry,
        confidence: confidence.clamp(0.0, 0.99),
    })
}

/// Great-circle distance in km (geo's haversine on a sphere of the mean Earth radius).
pub fn km_between(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs_of(gaz: &Gazetteer, name: &str) -> Vec<NameRef> {
        gaz.refs(&gaz.lookup(name).expect(name)).collect()
    }

    #[test]
    fn paris_is_france_unless_texas_is_named_as_its_container() {
        let gaz = Gazetteer::embedded();
        let refs = refs_of(gaz, "Paris");
        let plain = choose(gaz, &refs, Evidence::default().seen(), Hints::default()).unwrap();
        assert_eq!(gaz.entry(plain.entry).country, Some("FR"));
        let texas = refs_of(gaz, "Texas")[0].entry;
        let in_texas = choose(
            gaz,
            &refs,
            Evidence::default().seen(),
            Hints {
                container: Some(texas),
                ..Hints::default()
            },
        )
        .unwrap();
        assert_eq!(gaz.entry(in_texas.entry).country, Some("US"));
        assert_eq!(gaz.entry(in_texas.entry).admin1, "TX");
    }

    #[test]
    fn georgia_follows_the_article() {
        let gaz = Gazetteer::embedded();
        let refs = refs_of(gaz, "Georgia");
        let none = choose(gaz, &refs, Evidence::default().seen(), Hints::default()).unwrap();
        assert_eq!(gaz.entry(none.entry).key, "country:GE");
        let mut us = Evidence::default();
        for city in ["Atlanta", "Savannah", "Chicago"] {
            let r = refs_of(gaz, city)[0];
            us.add_entry(gaz, r.entry, 1.0);
        }
        let state = choose(gaz, &refs, us.seen(), Hints::default()).unwrap();
        assert_eq!(gaz.entry(state.entry).key, "admin1:US-GA");
        let mut caucasus = Evidence::default();
        caucasus.add_entry(gaz, refs_of(gaz, "Tbilisi")[0].entry, 1.0);
        caucasus.add_entry(gaz, gaz.country_entry("RU").unwrap(), 1.0);
        let country = choose(gaz, &refs, caucasus.seen(), Hints::default()).unwrap();
        assert_eq!(gaz.entry(country.entry).key, "country:GE");
    }

    #[test]
    fn distances() {
        let d = km_between(37.5665, 126.978, 35.6895, 139.6917); // Seoul–Tokyo
        assert!((1140.0..1170.0).contains(&d), "{d}");
        assert_eq!(km_between(10.0, 20.0, 10.0, 20.0), 0.0);
    }
}
