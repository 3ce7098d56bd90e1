//! What the recognisers hand to the event builder: places and demonyms found in the text.
//! This is the contract between the place recogniser ([`super::places`], which builds a
//! [`Recognised`]) and the rest of `extract`.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{PlaceKind, Span};

/// A place name found in the text and resolved to one gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceHit {
    /// The name as written, without a possessive "’s" (UTF-8 byte range).
    pub span: Span,
    /// Stable key of the resolved entry, e.g. `"geonames:1821306"`, `"country:KR"`, `"feature:nll"`.
    /// Hits with the same key are the same place.
    pub key: String,
    /// Canonical display name ("Phnom Penh").
    pub name: String,
    /// What sort of place.
    pub kind: PlaceKind,
    /// Representative point inside the place.
    pub lat: f64,
    /// Representative point inside the place.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 of the country it lies in (its own code for a country).
    pub country: Option<String>,
    /// GeoJSON geometry for lines and areas.
    pub geometry: Option<serde_json::Value>,
    /// Where the coordinates come from ("GeoNames 1821306", "Natural Earth 1:50m interior point").
    pub source: String,
    /// How sure the resolver is, in [0, 1].
    pub confidence: f32,
}

/// A nationality adjective or noun ("South Korean", "Japanese", "Americans") naming a state's
/// people or government. It makes a party, never a place mention.
#[derive(Clone, Debug, PartialEq)]
pub struct DemonymHit {
    /// The word(s) as written.
    pub span: Span,
    /// ISO 3166-1 alpha-2 of the state.
    pub country: String,
    /// True for a plural noun for people ("South Koreans").
    pub plural: bool,
}

/// What the place recogniser found: the input of the rest of the pipeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recognised {
    /// Place names, sorted by start.
    pub places: Vec<PlaceHit>,
    /// Nationality words, sorted by start.
    pub demonyms: Vec<DemonymHit>,
    /// Capital cities standing for their state ("Seoul said"): span and ISO code.
    pub metonyms: Vec<(Span, String)>,
    /// ISO 3166-1 alpha-2 → English short name, for every country the hits refer to.
    pub country_names: HashMap<String, String>,
}

impl Recognised {
    /// Keeps only hits that lie inside `len` bytes on character boundaries of `text` (a
    /// recogniser bug must not make an invalid dataset).
    pub fn sanitised(mut self, text: &str) -> Self {
        let ok = |s: &Span| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        self.places.retain(|p| {
            ok(&p.span)
                && p.lat.is_finite()
                && p.lon.is_finite()
                && p.lat.abs() <= 90.0
                && p.lon.abs() <= 180.0
        });
        self.demonyms.retain(|d| ok(&d.span));
        self.metonyms.retain(|m| ok(&m.0));
        self.places.sort_by_key(|p| p.span);
        self.demonyms.sort_by_key(|d| d.span);
        self
    }
}
