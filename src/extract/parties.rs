//! Parties: people with titles and their later references, states, organisations and groups.
//!
//! People are found by their titles ("Japanese Prime Minister Fumio Kishida") or by a full name
//! next to a verb of saying; later references are surnames ("Kishida"), title + surname
//! ("President Yoon"), descriptions ("the Japanese leader") and singular pronouns, each resolved
//! to the last fitting person. States come from country names (not in a locative phrase such as
//! "in Cambodia", which only places the event), nationality adjectives and capital metonyms.
//! Organisations come from a small table of well-known bodies, acronym definitions
//! ("… Nations (ASEAN)") and ministry/armed-forces patterns ("Japan’s Foreign Affairs Ministry").

use std::collections::HashMap;
use std::sync::LazyLock;

use super::hits::Recognised;
use super::lexicon::{INVERTING_VERBS, SPEECH_VERBS, capitalised, is_month_or_weekday};
use super::quotes::{QuoteFound, inside_quote};
use super::sentences::{Doc, TokenKind, WordMap};
use super::speech::{appositive_then_speech, descriptor_len, skip_fillers};
use crate::model::{PartyKind, PlaceKind, Span};

/// Whether a reference names one party or several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plurality {
    /// One party.
    Singular,
    /// Several ("South Koreans", "both leaders").
    Plural,
}

/// A party as the extractor builds it.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyInfo {
    /// Dedup key ("state:JP", "person:fumio kishida", "org:asean").
    pub key: String,
    /// Display name.
    pub name: String,
    /// What sort of party.
    pub kind: PartyKind,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Office, e.g. "Prime Minister of Japan".
    pub role: Option<String>,
    /// The title as written before the name ("Prime Minister"), for "the prime minister".
    pub title: Option<String>,
    /// Name tokens a later reference may use alone ("Fumio", "Kishida").
    pub name_tokens: Vec<String>,
    /// Surfaces the text uses.
    pub aliases: Vec<String>,
}

/// One reference to a party.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartyMention {
    /// Where.
    pub span: Span,
    /// Index into [`PartyTable::parties`].
    pub party: usize,
    /// A pronoun or description resolved to the party.
    pub anaphor: bool,
}

/// A plural reference ("Both leaders", "They", "The leaders of Japan and South Korea") and the
/// parties it was resolved to (empty when unresolved).
#[derive(Clone, Debug, PartialEq)]
pub struct PluralRef {
    /// Where.
    pub span: Span,
    /// The parties meant.
    pub parties: Vec<usize>,
}

/// All parties of an article and every reference to them.
#[derive(Clone, Debug, Default)]
pub struct PartyTable {
    /// The parties.
    pub parties: Vec<PartyInfo>,
    /// References, sorted by start.
    pub mentions: Vec<PartyMention>,
    /// Plural references, sorted by start.
    pub plurals: Vec<PluralRef>,
    by_key: HashMap<String, usize>,
}

impl PartyTable {
    fn party(&mut self, info: PartyInfo) -> usize {
        if let Some(&i) = self.by_key.get(&info.key) {
            let p = &mut self.parties[i];
            if p.role.is_none() {
                p.role = info.role;
            }
            if p.country.is_none() {
                p.country = info.country;
            }
            if p.title.is_none() {
                p.title = info.title;
            }
            return i;
        }
        let i = self.parties.len();
        self.by_key.insert(info.key.clone(), i);
        self.parties.push(info);
        i
    }

    /// Records a mention; [`PartyTable::finish`] sorts them (inserting in order would be
    /// quadratic on long texts).
    fn mention(&mut self, span: Span, party: usize, anaphor: bool) {
        if !span.is_empty() {
            self.mentions.push(PartyMention {
                span,
                party,
                anaphor,
            });
        }
    }

    /// Sorts the mentions and drops duplicates.
    fn finish(&mut self) {
        self.mentions.sort_by_key(|m| (m.span, m.party));
        self.mentions.dedup_by_key(|m| (m.span, m.party));
    }

    /// The first mention starting exactly at byte `at`.
    pub fn mention_starting_at(&self, at: usize) -> Option<&PartyMention> {
        let i = self.mentions.partition_point(|m| m.span.start < at);
        // Prefer the longest mention starting here (a title + name over a bare demonym).
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start == at)
            .max_by_key(|m| m.span.end)
    }

    /// The longest mention ending exactly at byte `end`.
    pub fn mention_ending_at(&self, end: usize) -> Option<&PartyMention> {
        // Mentions are short: look back over those starting at most 256 bytes earlier.
        let hi = self.mentions.partition_point(|m| m.span.start < end);
        let lo = self.mentions[..hi].partition_point(|m| m.span.start + 256 < end);
        self.mentions[lo..hi]
            .iter()
            .filter(|m| m.span.end == end)
            .min_by_key(|m| m.span.start)
    }

    /// Whether a reference starting at `at` is singular or plural (None when there is none).
    pub fn plural_at(&self, at: usize) -> Option<Plurality> {
        if self.plurals.iter().any(|p| p.span.start == at) {
            return Some(Plurality::Plural);
        }
        let m = self.mention_starting_at(at)?;
        Some(if self.parties[m.party].kind == PartyKind::Group {
            Plurality::Plural
        } else {
            Plurality::Singular
        })
    }

    /// Mentions that overlap `span`.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &PartyMention> {
        let first = self
            .mentions
            .partition_point(|m| m.span.end <= span.start && m.span.start < span.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| m.span.end > span.start)
    }

    /// The party of a state, if the article has it.
    pub fn state(&self, country: &str) -> Option<usize> {
        self.by_key.get(&format!("state:{country}")).copied()
    }

    /// Adds mentions of people from resolved first-person pronouns in their quotes.
    pub fn add_mentions(&mut self, mentions: impl IntoIterator<Item = (Span, usize)>) {
        for (span, party) in mentions {
            self.mention(span, party, true);
        }
        self.finish();
    }
}

/// Titles before a person's name, as lowercase token sequences (longest first when matching).
const TITLES: &[&[&str]] = &[
    &["deputy", "prime", "minister"],
    &["chief", "cabinet", "secretary"],
    &["national", "security", "adviser"],
    &["national", "security", "advisor"],
    &["secretary", "of", "state"],
    &["secretary", "of", "defense"],
    &["prime", "minister"],
    &["vice", "president"],
    &["foreign", "minister"],
    &["defense", "minister"],
    &["defence", "minister"],
    &["finance", "minister"],
    &["trade", "minister"],
    &["interior", "minister"],
    &["unification", "minister"],
    &["defense", "secretary"],
    &["defence", "secretary"],
    &["foreign", "secretary"],
    &["home", "secretary"],
    &["supreme", "leader"],
    &["crown", "prince"],
    &["secretary", "general"],
    &["attorney", "general"],
    &["district", "attorney"],
    &["police", "chief"],
    &["field", "marshal"],
    &["chief", "executive"],
    &["secretary-general"],
    &["president"],
    &["premier"],
    &["chancellor"],
    &["minister"],
    &["secretary"],
    &["king"],
    &["queen"],
    &["prince"],
    &["princess"],
    &["emperor"],
    &["leader"],
    &["chairman"],
    &["chairwoman"],
    &["chair"],
    &["general"],
    &["gen", "."],
    &["admiral"],
    &["adm", "."],
    &["ambassador"],
    &["envoy"],
    &["senator"],
    &["sen", "."],
    &["rep", "."],
    &["representative"],
    &["governor"],
    &["gov", "."],
    &["mayor"],
    &["spokesman"],
    &["spokeswoman"],
    &["spokesperson"],
    &["pope"],
    &["speaker"],
    &["commander"],
    &["colonel"],
    &["col", "."],
    &["lieutenant"],
    &["lt", "."],
    &["captain"],
    &["sheikh"],
    &["ayatollah"],
    &["judge"],
    &["justice"],
    &["sheriff"],
    &["sergeant"],
    &["sgt", "."],
    &["detective"],
    &["inspector"],
    &["constable"],
    &["const", "."],
    &["superintendent"],
    &["professor"],
    &["prof", "."],
    &["director"],
    &["councillor"],
    &["councilman"],
    &["councilwoman"],
    &["coach"],
    &["cardinal"],
    &["archbishop"],
    &["bishop"],
    &["rabbi"],
    &["imam"],
    &["mr", "."],
    &["mrs", "."],
    &["ms", "."],
    &["dr", "."],
    &["mr"],
    &["mrs"],
    &["ms"],
    &["dr"],
];

/// Titles that are courtesies, not offices.
fn is_honorific(title: &str) -> bool {
    matches!(
        title.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "dr"
    )
}

/// Offices that lead a state: "the Japanese leader" may mean any of them.
fn is_leader_title(title: &str) -> bool {
    let t = title.to_ascii_lowercase();
    [
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emperor",
        "leader",
        "supreme leader",
    ]
    .contains(&t.as_str())
}

/// Nouns for a person in a description: "the Japanese leader", "the president".
const ROLE_NOUNS: &[&[&str]] = &[
    &["prime", "minister"],
    &["foreign", "minister"],
    &["defense", "minister"],
    &["defence", "minister"],
    &["leader"],
    &["president"],
    &["premier"],
    &["chancellor"],
    &["minister"],
    &["king"],
    &["queen"],
    &["envoy"],
    &["ambassador"],
    &["general"],
];

/// Name particles that may stand lowercase inside a name ("Mohammed bin Salman").
const NAME_PARTICLES: &[&str] = &[
    "bin", "al", "de", "van", "von", "der", "da", "di", "du", "la", "le", "el", "ibn", "dos", "del",
];

/// Capitalised words that never start or continue a person's name (besides month and weekday
/// names, see [`super::lexicon::is_month_or_weekday`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "on",
    "if",
    "when",
    "while",
    "after",
    "before",
    "both",
    "all",
    "some",
    "many",
    "prior",
    "notably",
    "meanwhile",
    "however",
    "also",
    "said",
    "says",
    "told",
    "added",
];

/// Well-known organisations: canonical name, other names (exact spelling), country, kind.
const ORGANISATIONS: &[(&str, &[&str], Option<&str>, PartyKind)] = &[
    (
        "United Nations",
        &["United Nations", "UN", "U.N."],
        None,
        PartyKind::Organization,
    ),
    (
        "United Nations Security Council",
        &[
            "UN Security Council",
            "U.N. Security Council",
            "Security Council",
            "UNSC",
        ],
        None,
        PartyKind::Organization,
    ),
    (
        "United Nations General Assembly",
        &["UN General Assembly", "General Assembly"],
        None,
        PartyKind::Organization,
    ),
    (
        "North Atlantic Treaty Organization",
        &[
            "NATO",
            "North Atlantic Treaty Organization",
            "North Atlantic Treaty Organisation",
        ],
        None,
        PartyKind::Organization,
    ),
    (
        "European Union",
        &["European Union", "EU", "E.U."],
        None,
        PartyKind::Organization,
    ),
    (
        "European Commission",
        &["European Commission"],
        None,
        PartyKind::Organization,
    ),
    (
        "Group of Seven",
        &["G7", "G-7", "Group of Seven"],
        None,
        PartyKind::Organization,
    ),
    (
        "Group of Twenty",
        &["G20", "G-20", "Group of 20", "Group of Twenty"],
        None,
        PartyKind::Organization,
    ),
    (
        "Association of Southeast Asian Nations",
        &["ASEAN", "Association of Southeast Asian Nations"],
        None,
        PartyKind::Organization,
    ),
    (
        "African Union",
        &["African Union", "AU"],
        None,
        PartyKind::Organization,
    ),
    (
        "Arab League",
        &["Arab League"],
        None,
        PartyKind::Organization,
    ),
    (
        "Gulf Cooperation Council",
        &["Gulf Cooperation Council", "GCC"],
        None,
        PartyKind::Organization,
    ),
    (
        "Shanghai Cooperation Organisation",
        &[
            "Shanghai Cooperation Organisation",
            "Shanghai Cooperation Organization",
            "SCO",
        ],
        None,
        PartyKind::Organization,
    ),
    ("BRICS", &["BRICS"], None, PartyKind::Organization),
    ("Quad", &["Quad"], None, PartyKind::Organization),
    ("AUKUS", &["AUKUS"], None, PartyKind::Organization),
    (
        "Organization for Security and Co-operation in Europe",
        &["OSCE"],
        None,
        PartyKind::Organization,
    ),
    (
        "Organization of the Petroleum Exporting Countries",
        &["OPEC"],
        None,
        PartyKind::Organization,
    ),
    (
        "International Atomic Energy Agency",
        &["IAEA", "International Atomic Energy Agency"],
        None,
        PartyKind::Organization,
    ),
    (
        "World Health Organization",
        &["WHO", "World Health Organization"],
        None,
        PartyKind::Organization,
    ),
    (
        "International Monetary Fund",
        &["IMF", "International Monetary Fund"],
        None,
        PartyKind::Organization,
    ),
    ("World Bank", &["World Bank"], None, PartyKind::Organization),
    (
        "World Trade Organization",
        &["WTO", "World Trade Organization"],
        None,
        PartyKind::Organization,
    ),
    (
        "International Criminal Court",
        &["ICC", "International Criminal Court"],
        None,
        PartyKind::Organization,
    ),
    (
        "International Court of Justice",
        &["ICJ", "International Court of Justice"],
        None,
        PartyKind::Organization,
    ),
    (
        "International Committee of the Red Cross",
        &["ICRC", "Red Cross"],
        None,
        PartyKind::Organization,
    ),
    (
        "Amnesty International",
        &["Amnesty International"],
        None,
        PartyKind::Organization,
    ),
    (
        "Human Rights Watch",
        &["Human Rights Watch"],
        None,
        PartyKind::Organization,
    ),
    ("Interpol", &["Interpol"], None, PartyKind::Organization),
    ("Hamas", &["Hamas"], Some("PS"), PartyKind::Group),
    ("Hezbollah", &["Hezbollah"], Some("LB"), PartyKind::Group),
    ("Taliban", &["Taliban"], Some("AF"), PartyKind::Group),
    (
        "Islamic State",
        &["Islamic State", "ISIS", "ISIL"],
        None,
        PartyKind::Group,
    ),
    (
        "Houthis",
        &["Houthis", "Houthi"],
        Some("YE"),
        PartyKind::Group,
    ),
    (
        "Wagner Group",
        &["Wagner Group", "Wagner"],
        Some("RU"),
        PartyKind::Group,
    ),
    ("Kremlin", &["Kremlin"], Some("RU"), PartyKind::Organization),
    (
        "White House",
        &["White House"],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "Pentagon",
        &["Pentagon"],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "United States Department of State",
        &["State Department"],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "United States Congress",
        &["Congress"],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "Korean Central News Agency",
        &["KCNA", "Korean Central News Agency"],
        Some("KP"),
        PartyKind::Organization,
    ),
    (
        "Yonhap News Agency",
        &["Yonhap"],
        Some("KR"),
        PartyKind::Organization,
    ),
    (
        "Xinhua News Agency",
        &["Xinhua"],
        Some("CN"),
        PartyKind::Organization,
    ),
    (
        "Joint Chiefs of Staff",
        &["Joint Chiefs of Staff", "JCS"],
        None,
        PartyKind::Organization,
    ),
    (
        "People's Liberation Army",
        &[
            "People's Liberation Army",
            "People’s Liberation Army",
            "PLA",
        ],
        Some("CN"),
        PartyKind::Organization,
    ),
    (
        "Israel Defense Forces",
        &["Israel Defense Forces", "IDF"],
        Some("IL"),
        PartyKind::Organization,
    ),
    (
        "International community",
        &["international community"],
        None,
        PartyKind::Group,
    ),
];

/// First word of an organisation name → (table index, its words).
/// Table index and the name's words.
type OrgName = (usize, Vec<&'static str>);

static ORG_INDEX: LazyLock<WordMap<Vec<OrgName>>> = LazyLock::new(|| {
    let mut m: WordMap<Vec<OrgName>> = WordMap::default();
    for (i, (_, names, _, _)) in ORGANISATIONS.iter().enumerate() {
        for name in *names {
            let words = name_words(name);
            if let Some(first) = words.first() {
                m.entry(first).or_default().push((i, words.clone()));
            }
        }
    }
    for v in m.values_mut() {
        v.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
    }
    m
});

/// Splits a table name into the tokens the tokenizer would make.
fn name_words(name: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in name.char_indices() {
        let word_char = c.is_alphanumeric()
            || c == '-'
            || c == '.' && name[..i].ends_with(|p: char| p.is_ascii_uppercase());
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&name[s..i]);
                start = None;
                if !c.is_whitespace() {
                    out.push(&name[i..i + c.len_utf8()]);
                }
            }
            (false, None) if !c.is_whitespace() => out.push(&name[i..i + c.len_utf8()]),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&name[s..]);
    }
    out
}

/// Heads of organisation phrases after a country: "Japan’s Foreign Affairs Ministry".
const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "office",
    "cabinet",
    "parliament",
    "military",
    "army",
    "navy",
    "coast guard",
    "air force",
    "armed forces",
    "joint chiefs of staff",
    "embassy",
    "police",
    "forces",
    "foreign ministry",
    "defense ministry",
    "defence ministry",
    "intelligence service",
];

/// Lexical context the resolver needs: which tokens are covered by places and demonyms.
struct Ctx<'a, 'd> {
    doc: &'d Doc<'a>,
    rec: &'d Recognised,
    quotes: &'d [QuoteFound],
    /// Token index → place hit index + 1 for the first token of each hit (0: none).
    place_start: Vec<u32>,
    /// Token index → demonym hit index + 1 for the first token (0: none).
    demonym_start: Vec<u32>,
    /// Per token: covered by a place, demonym or organisation mention.
    covered: Vec<bool>,
}

impl Ctx<'_, '_> {
    /// The place hit starting at token `i` and the token after it.
    fn place_at(&self, i: usize) -> Option<(usize, usize)> {
        let h = (*self.place_start.get(i)? as usize).checked_sub(1)?;
        Some((h, self.doc.token_at_or_after(self.rec.places[h].span.end)))
    }

    /// The demonym starting at token `i` and the token after it.
    fn demonym_at(&self, i: usize) -> Option<(usize, usize)> {
        let h = (*self.demonym_start.get(i)? as usize).checked_sub(1)?;
        Some((h, self.doc.token_at_or_after(self.rec.demonyms[h].span.end)))
    }

    /// A country that qualifies the words at token `i`: a demonym, "Japan’s", "U.S." or "the
    /// country’s"; returns the country and the token after the qualifier.
    fn country_qualifier(&self, i: usize) -> Option<(String, usize)> {
        if let Some((h, next)) = self.demonym_at(i) {
            return Some((self.rec.demonyms[h].country.clone(), next));
        }
        if let Some((h, next)) = self.place_at(i) {
            let hit = &self.rec.places[h];
            if hit.kind == PlaceKind::Country
                && let Some(cc) = &hit.country
            {
                let next = if self
                    .doc
                    .tokens
                    .get(next)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
                {
                    next + 1
                } else {
                    next
                };
                return Some((cc.clone(), next));
            }
        }
        None
    }

    fn quoted(&self, i: usize) -> bool {
        inside_quote(self.quotes, self.doc.tokens[i].span.start).is_some()
    }
}

/// Finds all parties and their references.
pub fn find_parties(doc: &Doc, rec: &Recognised, quotes: &[QuoteFound]) -> PartyTable {
    let n = doc.tokens.len();
    let mut place_start = vec![0u32; n];
    let mut covered = vec![false; n];
    for (h, hit) in rec.places.iter().enumerate() {
        if let Some(t) = doc.token_containing(hit.span.start)
            && place_start[t] == 0
        {
            place_start[t] = h as u32 + 1;
        }
        mark(doc, &mut covered, hit.span);
    }
    let mut demonym_start = vec![0u32; n];
    for (h, hit) in rec.demonyms.iter().enumerate() {
        if let Some(t) = doc.token_containing(hit.span.start)
            && demonym_start[t] == 0
        {
            demonym_start[t] = h as u32 + 1;
        }
        mark(doc, &mut covered, hit.span);
    }
    let mut ctx = Ctx {
        doc,
        rec,
        quotes,
        place_start,
        demonym_start,
        covered,
    };
    let mut table = PartyTable::default();
    find_organisations(&mut ctx, &mut table);
    find_states(&ctx, &mut table);
    find_people(&mut ctx, &mut table);
    table.finish();
    resolve_references(&ctx, &mut table);
    table.finish();
    table
}

fn mark(doc: &Doc, covered: &mut [bool], span: Span) {
    let mut i = doc.token_at_or_after(span.start);
    while i < doc.tokens.len() && doc.tokens[i].span.start < span.end {
        covered[i] = true;
        i += 1;
    }
}

fn country_name(rec: &Recognised, cc: &str) -> String {
    rec.country_names
        .get(cc)
        .cloned()
        .unwrap_or_else(|| cc.to_owned())
}

/// "the United States", "the Philippines", but "Japan".
fn with_article(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let needs = matches!(
        first,
        "United"
            | "Republic"
            | "Kingdom"
            | "Democratic"
            | "Federal"
            | "State"
            | "Islamic"
            | "People's"
            | "People’s"
    ) || (name.ends_with('s')
        && !name.contains(' ')
        && !matches!(
            name,
            "Laos" | "Belarus" | "Cyprus" | "Mauritius" | "Honduras" | "Barbados"
        ))
        || name.ends_with(" Islands");
    if needs {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

fn state_info(rec: &Recognised, cc: &str) -> PartyInfo {
    let name = country_name(rec, cc);
    PartyInfo {
        key: format!("state:{cc}"),
        name,
        kind: PartyKind::State,
        country: Some(cc.to_owned()),
        role: None,
        title: None,
        name_tokens: Vec::new(),
        aliases: Vec::new(),
    }
}

/// Country names (not in locative phrases), demonyms, capital metonyms.
fn find_states(ctx: &Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    for hit in &ctx.rec.places {
        if hit.kind != PlaceKind::Country {
            continue;
        }
        let Some(cc) = &hit.country else { continue };
        let Some(t) = doc.token_containing(hit.span.start) else {
            continue;
        };
        let possessive = doc
            .tokens
            .get(doc.token_at_or_after(hit.span.end))
            .is_some_and(|t| t.kind == TokenKind::Possessive && t.span.start == hit.span.end);
        if !possessive && is_locative(doc, t) {
            continue;
        }
        let p = table.party(state_info(ctx.rec, cc));
        table.mention(hit.span, p, false);
    }
    for d in &ctx.rec.demonyms {
        if d.plural {
            let surface = doc.slice(d.span).to_owned();
            let info = PartyInfo {
                key: format!("group:{}:{}", d.country, surface.to_lowercase()),
                name: surface,
                kind: PartyKind::Group,
                country: Some(d.country.clone()),
                role: None,
                title: None,
                name_tokens: Vec::new(),
                aliases: Vec::new(),
            };
            let p = table.party(info);
            table.mention(d.span, p, false);
        } else {
            let p = table.party(state_info(ctx.rec, &d.country));
            table.mention(d.span, p, false);
        }
    }
    for (span, cc) in &ctx.rec.metonyms {
        let p = table.party(state_info(ctx.rec, cc));
        table.mention(*span, p, false);
    }
}

/// True when the words before token `t` make it the place of something ("in Cambodia",
/// "near the Northern Limit Line"), not an actor.
pub fn is_locative(doc: &Doc, t: usize) -> bool {
    let s = &doc.sentences[doc.tokens[t].sentence as usize];
    let mut j = t;
    while j > s.tokens.start && doc.is(j - 1, "the") {
        j -= 1;
    }
    j > s.tokens.start
        && doc.is_any(
            j - 1,
            &[
                "in",
                "at",
                "near",
                "inside",
                "into",
                "across",
                "throughout",
                "within",
                "around",
                "off",
                "outside",
                "toward",
                "towards",
                "through",
                "over",
                "nearby",
            ],
        )
}

/// Table organisations, acronym definitions and "<Country>’s X Ministry" patterns.
fn find_organisations(ctx: &mut Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut i = 0;
    // acronym → party, from definitions such as "… Nations (ASEAN)"
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    while i < n {
        if ctx.covered[i] && ctx.country_qualifier(i).is_none() {
            i += 1;
            continue;
        }
        // "<Country>’s Foreign Affairs Ministry", "the South Korean military"
        if let Some((cc, after)) = ctx.country_qualifier(i)
            && let Some((head_end, words)) = org_phrase(doc, after)
        {
            let span = Span::new(doc.tokens[i].span.start, doc.tokens[head_end].span.end);
            let name = org_name(&words, &country_name(ctx.rec, &cc));
            let info = PartyInfo {
                key: format!("org:{}", name.to_lowercase()),
                name,
                kind: PartyKind::Organization,
                country: Some(cc),
                role: None,
                title: None,
                name_tokens: Vec::new(),
                aliases: vec![doc.slice(span).to_owned()],
            };
            let p = table.party(info);
            table.mention(span, p, false);
            for k in after..=head_end {
                ctx.covered[k] = true;
            }
            i = head_end + 1;
            continue;
        }
        if ctx.covered[i] {
            i += 1;
            continue;
        }
        // Table names, exact spelling.
        if let Some(cands) = ORG_INDEX.get(doc.tok(i)) {
            let hit = cands.iter().find(|(_, words)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| i + k < n && doc.tok(i + k) == *w)
            });
            if let Some((oi, words)) = hit {
                let last = i + words.len() - 1;
                let (name, _, cc, kind) = ORGANISATIONS[*oi];
                let mut start = i;
                if kind == PartyKind::Group && i > 0 && doc.is(i - 1, "the") {
                    start = i - 1;
                }
                let span = Span::new(doc.tokens[start].span.start, doc.tokens[last].span.end);
                let info = PartyInfo {
                    key: format!("org:{}", name.to_lowercase()),
                    name: name.to_owned(),
                    kind,
                    country: cc.map(str::to_owned),
                    role: None,
                    title: None,
                    name_tokens: Vec::new(),
                    aliases: Vec::new(),
                };
                let p = table.party(info);
                table.mention(span, p, false);
                for k in i..=last {
                    ctx.covered[k] = true;
                }
                i = last + 1;
                continue;
            }
        }
        // Acronym definition: "Association of Southeast Nations (ASEAN)".
        if doc.tok(i) == "("
            && i + 2 < n
            && doc.tok(i + 2) == ")"
            && is_acronym(doc.tok(i + 1))
            && let Some(long_start) = long_form_start(ctx, i)
        {
            let acronym = doc.tok(i + 1);
            let long_span = Span::new(
                doc.tokens[long_start].span.start,
                doc.tokens[i - 1].span.end,
            );
            let long = doc.slice(long_span).to_owned();
            if initials_fit(&long, acronym) {
                let known = ORGANISATIONS
                    .iter()
                    .find(|(_, names, _, _)| names.contains(&acronym));
                let (name, cc, kind) = match known {
                    Some((name, _, cc, kind)) => (name.to_string(), cc.map(str::to_owned), *kind),
                    None => (long.clone(), None, PartyKind::Organization),
                };
                let info = PartyInfo {
                    key: format!("org:{}", name.to_lowercase()),
                    name,
                    kind,
                    country: cc,
                    role: None,
                    title: None,
                    name_tokens: Vec::new(),
                    aliases: vec![long],
                };
                let p = table.party(info);
                table.mention(long_span, p, false);
                table.mention(doc.tokens[i + 1].span, p, false);
                acronyms.insert(acronym.to_owned(), p);
                for k in long_start..=i + 2 {
                    ctx.covered[k] = true;
                }
                i += 3;
                continue;
            }
        }
        // A defined acronym used again.
        if let Some(&p) = acronyms.get(doc.tok(i)) {
            table.mention(doc.tokens[i].span, p, false);
            ctx.covered[i] = true;
        }
        i += 1;
    }
}

fn is_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
}

/// Start of the capitalised phrase ending right before the "(" at token `paren`.
fn long_form_start(ctx: &Ctx, paren: usize) -> Option<usize> {
    let doc = ctx.doc;
    let s = &doc.sentences[doc.tokens[paren].sentence as usize];
    let mut j = paren;
    let mut start = None;
    while j > s.tokens.start {
        let k = j - 1;
        let t = doc.tokens[k];
        if doc.is_any(k, &["the", "a", "an"]) {
            break;
        } else if doc.is_any(k, &["of", "for", "and", "on", "in", "&"]) {
            // a connector inside the name
        } else if t.kind == TokenKind::Word && t.cap && !ctx.covered[k] {
            start = Some(k);
        } else {
            break;
        }
        j = k;
        if paren - j > 10 {
            break;
        }
    }
    // A country written out ("the Republic of Korea (ROK)") is a place, not an organisation.
    let start = start?;
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[paren - 1].span.end);
    let overlaps_place = ctx
        .rec
        .places
        .iter()
        .any(|h| h.span.start < span.end && h.span.end > span.start);
    (!overlaps_place && doc.tokens[start].cap).then_some(start)
}

/// Do the capitals of the long form fit the acronym (as a subsequence, first letters equal)?
fn initials_fit(long: &str, acronym: &str) -> bool {
    let initials: Vec<char> = long
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_alphabetic).collect();
    if initials.is_empty() || letters.is_empty() || initials[0] != letters[0] {
        return false;
    }
    let (short, longer) = if initials.len() <= letters.len() {
        (&initials, &letters)
    } else {
        (&letters, &initials)
    };
    let mut it = longer.iter();
    short.iter().all(|c| it.any(|l| l == c))
}

/// An organisation phrase at token `i`: capitalised words ending in a head noun ("Foreign
/// Affairs Ministry", "Ministry of Defense", "military", "coast guard"). Returns the last token
/// and the words.
fn org_phrase(doc: &Doc, i: usize) -> Option<(usize, Vec<String>)> {
    let n = doc.tokens.len();
    let s = doc.tokens.get(i)?.sentence;
    // "Ministry of Foreign Affairs"
    if doc.is(i, "ministry") && doc.tokens[i].cap && doc.is(i + 1, "of") {
        let mut j = i + 2;
        while j < n
            && doc.tokens[j].sentence == s
            && doc.tokens[j].cap
            && doc.tokens[j].kind == TokenKind::Word
            && j < i + 6
        {
            j += 1;
        }
        if j > i + 2 {
            return Some((j - 1, (i..j).map(|k| doc.tok(k).to_owned()).collect()));
        }
    }
    // Up to four capitalised modifiers, then a head.
    let mut j = i;
    while j < n
        && j < i + 4
        && doc.tokens[j].sentence == s
        && doc.tokens[j].cap
        && doc.tokens[j].kind == TokenKind::Word
    {
        if head_at(doc, j).is_some()
            && (j + 1 >= n || !doc.tokens[j + 1].cap || head_at(doc, j + 1).is_none())
        {
            break;
        }
        j += 1;
    }
    let len = head_at(doc, j)?;
    let last = j + len - 1;
    Some((last, (i..=last).map(|k| doc.tok(k).to_owned()).collect()))
}

/// Length in tokens of an organisation head at token `i`.
fn head_at(doc: &Doc, i: usize) -> Option<usize> {
    static HEADS: LazyLock<Vec<Vec<&'static str>>> =
        LazyLock::new(|| ORG_HEADS.iter().map(|h| h.split(' ').collect()).collect());
    HEADS
        .iter()
        .filter(|words| words.iter().enumerate().all(|(k, w)| doc.is(i + k, w)))
        .map(|w| w.len())
        .max()
}

/// "Foreign Affairs Ministry" of Japan → "Ministry of Foreign Affairs of Japan";
/// "military" → "Military of South Korea".
fn org_name(words: &[String], country: &str) -> String {
    let country = with_article(country);
    if words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("ministry"))
    {
        return format!("{} of {country}", words.join(" "));
    }
    if words.len() >= 2
        && words
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("ministry"))
    {
        // "foreign ministry" and "Foreign Ministry" are the Ministry of Foreign Affairs.
        let field: Vec<String> = words[..words.len() - 1]
            .iter()
            .map(|w| capitalised(w))
            .collect();
        let field = match field.join(" ").as_str() {
            "Foreign" => "Foreign Affairs".to_owned(),
            other => other.to_owned(),
        };
        return format!("Ministry of {field} of {country}");
    }
    let phrase: Vec<String> = words.iter().map(|w| capitalised(w)).collect();
    format!("{} of {country}", phrase.join(" "))
}

/// Longest title at token `i` (its length in tokens).
fn title_at(doc: &Doc, i: usize) -> Option<usize> {
    static FIRST_WORDS: LazyLock<WordMap<()>> =
        LazyLock::new(|| TITLES.iter().map(|t| (t[0], ())).collect());
    if !doc.tokens.get(i)?.cap || !FIRST_WORDS.contains_key(doc.low(i)) {
        return None;
    }
    TITLES
        .iter()
        .filter(|t| t.iter().enumerate().all(|(k, w)| doc.is(i + k, w)))
        .map(|t| t.len())
        .max()
}

/// Name tokens at `i`: capitalised words (with particles), not places or stop words.
fn name_tokens_at(ctx: &Ctx, i: usize) -> usize {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let Some(s) = doc.tokens.get(i).map(|t| t.sentence) else {
        return 0;
    };
    let mut j = i;
    while j < n && j < i + 5 && doc.tokens[j].sentence == s {
        let t = doc.tokens[j];
        // "Explained Keith, …": a capitalised speech verb is no name.
        let word_ok = t.kind == TokenKind::Word
            && !ctx.covered[j]
            && !NOT_NAMES.contains(&doc.low(j))
            && !is_month_or_weekday(doc.low(j))
            && !SPEECH_VERBS.contains(&doc.low(j));
        let particle = j > i
            && NAME_PARTICLES.contains(&doc.low(j))
            && doc.tokens.get(j + 1).is_some_and(|t| t.cap);
        if word_ok && (t.cap || particle) {
            j += 1;
        } else {
            break;
        }
    }
    j - i
}

fn person_info(
    name: &str,
    tokens: Vec<String>,
    title: Option<&str>,
    country: Option<String>,
    rec: &Recognised,
) -> PartyInfo {
    let role = match (title, &country) {
        (Some(t), _) if is_honorific(t) => None,
        (Some(t), Some(cc)) => Some(format!(
            "{} of {}",
            title_case(t),
            with_article(&country_name(rec, cc))
        )),
        (Some(t), None) => Some(title_case(t)),
        _ => None,
    };
    PartyInfo {
        key: format!("person:{}", name.to_lowercase()),
        name: name.to_owned(),
        kind: PartyKind::Person,
        country,
        role,
        title: title.filter(|t| !is_honorific(t)).map(title_case),
        name_tokens: tokens,
        aliases: Vec::new(),
    }
}

fn title_case(t: &str) -> String {
    t.split(' ')
        .map(|w| {
            if w == "of" {
                return w.to_owned();
            }
            capitalised(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An existing person whose name tokens include all of `tokens` (a later, shorter reference).
fn known_person(table: &PartyTable, tokens: &[String]) -> Option<usize> {
    table.parties.iter().rposition(|p| {
        p.kind == PartyKind::Person
            && !tokens.is_empty()
            && tokens.iter().all(|t| p.name_tokens.iter().any(|n| n == t))
    })
}

/// People: title + name, and full names next to a verb of saying.
fn find_people(ctx: &mut Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        // Title (possibly after a country qualifier, which is itself a covered place or
        // demonym) + name.
        let (country, title_start) = match ctx.country_qualifier(i) {
            Some((cc, next))
                if title_at(doc, next).is_some()
                    && !ctx.covered.get(next).copied().unwrap_or(true) =>
            {
                (Some(cc), next)
            }
            _ => (None, i),
        };
        if ctx.covered[title_start] {
            i += 1;
            continue;
        }
        if let Some(tlen) = title_at(doc, title_start) {
            let mut name_start = title_start + tlen;
            let mut country = country;
            // "President of Ukraine Volodymyr Zelensky"
            if country.is_none()
                && doc.is(name_start, "of")
                && let Some((cc, next)) = ctx.country_qualifier(name_start + 1)
            {
                country = Some(cc);
                name_start = next;
            }
            let nlen = name_tokens_at(ctx, name_start);
            // "President Tom Reyes of Chile"
            if country.is_none()
                && nlen > 0
                && doc.is(name_start + nlen, "of")
                && let Some((cc, _)) = ctx.country_qualifier(name_start + nlen + 1)
            {
                country = Some(cc);
            }
            if nlen > 0 {
                let title = (title_start..title_start + tlen)
                    .map(|k| doc.tok(k))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace(" .", ".");
                let tokens: Vec<String> = (name_start..name_start + nlen)
                    .map(|k| doc.tok(k).to_owned())
                    .collect();
                let name = tokens.join(" ");
                let span = Span::new(
                    doc.tokens[title_start].span.start,
                    doc.tokens[name_start + nlen - 1].span.end,
                );
                let p = match known_person(table, &tokens) {
                    Some(p)
                        if tokens.len() == 1
                            || table.parties[p].name_tokens.len() <= tokens.len() =>
                    {
                        let info = person_info(
                            &table.parties[p].name.clone(),
                            tokens.clone(),
                            Some(&title),
                            country,
                            ctx.rec,
                        );
                        let q = &mut table.parties[p];
                        if q.role.is_none() {
                            q.role = info.role;
                        }
                        if q.title.is_none() {
                            q.title = info.title;
                        }
                        if q.country.is_none() {
                            q.country = info.country;
                        }
                        p
                    }
                    _ => table.party(person_info(&name, tokens, Some(&title), country, ctx.rec)),
                };
                table.mention(span, p, false);
                for k in title_start..name_start + nlen {
                    ctx.covered[k] = true;
                }
                i = name_start + nlen;
                continue;
            }
        }
        // "Fumio Kishida said", "said Fumio Kishida": two or three names next to a speech verb,
        // or before an appositive and one ("Jonathan Banks, a research associate, told …").
        let nlen = name_tokens_at(ctx, i);
        if (2..=3).contains(&nlen) {
            let after = i + nlen;
            // "said Fumio Kishida" (but "told BuzzFeed News" names the listener)
            let before_is_speech = i > 0 && doc.is_any(i - 1, INVERTING_VERBS);
            // "explains newly elected town councillor Dewly Nelson"
            let descriptor = (1..=5).find(|&d| {
                i > d
                    && doc.is_any(i - d - 1, INVERTING_VERBS)
                    && !doc.tokens[i - d - 1].cap
                    && doc.tokens[i - d - 1].sentence == doc.tokens[i].sentence
                    && descriptor_len(doc, i - d, i + 1) == d
            });
            let before_is_speech = before_is_speech || descriptor.is_some();
            let appositive = appositive_then_speech(doc, after).map(|(a, _)| a);
            if doc.is_any(after, SPEECH_VERBS) || before_is_speech || appositive.is_some() {
                let role = appositive
                    .and_then(|a| appositive_role(doc, a))
                    .or_else(|| {
                        descriptor.map(|d| {
                            capitalised(
                                &doc.text[doc.tokens[i - d].span.start..doc.tokens[i - 1].span.end],
                            )
                        })
                    });
                add_untitled_person(ctx, table, i..after, role);
                i = after;
                continue;
            }
        }
        // "Campus Manager Tara Boyle says": a longer run of capitals before a speech verb is a
        // description and a two-word name.
        if (4..=5).contains(&nlen)
            && doc.is_any(i + nlen, SPEECH_VERBS)
            && !doc.tokens[i + nlen].cap
        {
            let name_start = i + nlen - 2;
            let role = capitalised(
                &doc.text[doc.tokens[i].span.start..doc.tokens[name_start - 1].span.end],
            );
            add_untitled_person(ctx, table, name_start..i + nlen, Some(role));
            i += nlen;
            continue;
        }
        i += nlen.max(1);
    }
    find_people_by_surname(ctx, table);
}

/// Last words of organisation names that look like people's names ("Fox News").
const ORGANISATION_LAST_WORDS: &[&str] = &[
    "news",
    "post",
    "times",
    "press",
    "journal",
    "agency",
    "group",
    "council",
    "ministry",
    "department",
    "office",
    "party",
    "institute",
    "university",
    "college",
    "school",
    "association",
    "company",
    "inc",
    "corp",
    "bank",
    "police",
    "service",
    "commission",
    "committee",
    "court",
    "board",
    "foundation",
    "network",
    "radio",
    "television",
    "tv",
    "daily",
    "herald",
    "tribune",
    "guardian",
    "telegraph",
    "gazette",
    "media",
    "magazine",
    "club",
    "team",
    "league",
    "union",
    "center",
    "centre",
    "hospital",
    "church",
    "airlines",
    "airways",
    "reports",
    "today",
    "weekly",
    "review",
    "channel",
    "studios",
];

/// A person named by the tokens `name` without a title (a known one if the name matches), with
/// a mention there.
fn add_untitled_person(
    ctx: &mut Ctx,
    table: &mut PartyTable,
    name: std::ops::Range<usize>,
    role: Option<String>,
) {
    let doc = ctx.doc;
    // "Fox News said", "Reuters Institute said": an organisation, not a person.
    if ORGANISATION_LAST_WORDS.contains(&doc.low(name.end - 1)) {
        return;
    }
    let tokens: Vec<String> = name.clone().map(|k| doc.tok(k).to_owned()).collect();
    let full = tokens.join(" ");
    let p = known_person(table, &tokens).unwrap_or_else(|| {
        let mut info = person_info(&full, tokens, None, None, ctx.rec);
        info.role = role;
        table.party(info)
    });
    table.mention(
        Span::new(
            doc.tokens[name.start].span.start,
            doc.tokens[name.end - 1].span.end,
        ),
        p,
        false,
    );
    for k in name {
        ctx.covered[k] = true;
    }
}

/// "“…,” Robbins said" where the article introduced "Bob Robbins" without a title: a lone
/// capitalised word next to a speech verb whose full name (two or three capitalised words
/// ending in it) the article gives elsewhere makes that full name a person. A lone word with
/// no full name is left alone: "Reuters said" is not a person.
fn find_people_by_surname(ctx: &mut Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let speech = |k: usize| {
        let k = skip_fillers(doc, k, n);
        doc.is_any(k, SPEECH_VERBS) && !doc.tokens[k].cap
    };
    let mut surnames: Vec<&str> = Vec::new();
    for i in 0..n {
        let t = doc.tokens[i];
        if ctx.covered[i] || !t.cap || t.kind != TokenKind::Word || doc.tok(i).chars().count() < 3 {
            continue;
        }
        let alone = name_tokens_at(ctx, i) == 1 && (i == 0 || name_tokens_at(ctx, i - 1) == 0);
        let spoken = speech(i + 1)
            || (i > 0 && doc.is_any(i - 1, INVERTING_VERBS) && !doc.tokens[i - 1].cap);
        if alone && spoken && !surnames.contains(&doc.tok(i)) {
            surnames.push(doc.tok(i));
        }
    }
    for surname in surnames {
        let tokens: Vec<String> = table
            .parties
            .iter()
            .filter(|p| p.kind == PartyKind::Person)
            .flat_map(|p| p.name_tokens.iter().cloned())
            .collect();
        if tokens.iter().any(|t| t == surname) {
            continue; // already a known person's name
        }
        let full = (0..n).find_map(|k| {
            let len = name_tokens_at(ctx, k);
            ((2..=3).contains(&len)
                && doc.tok(k + len - 1) == surname
                && (k == 0 || name_tokens_at(ctx, k - 1) == 0))
                .then_some((k, len))
        });
        let Some((k, len)) = full else { continue };
        add_untitled_person(ctx, table, k..k + len, None);
    }
}

/// The role an appositive gives ("a research associate at the University of Alberta" →
/// "Research associate at the University of Alberta"); none for an age or a relative clause.
fn appositive_role(doc: &Doc, a: std::ops::Range<usize>) -> Option<String> {
    if a.len() < 2 || !doc.is_any(a.start, &["a", "an", "the"]) {
        return None;
    }
    let text = &doc.text[doc.tokens[a.start + 1].span.start..doc.tokens[a.end - 1].span.end];
    Some(capitalised(text))
}

/// A state or organisation mention ending before byte `at` in the same sentence (for "its").
fn last_collective(table: &PartyTable, from: usize, at: usize) -> Option<usize> {
    let lo = table.mentions.partition_point(|m| m.span.start < from);
    let hi = table.mentions.partition_point(|m| m.span.start < at);
    table.mentions[lo..hi]
        .iter()
        .rev()
        .filter(|m| m.span.end <= at)
        .find(|m| {
            matches!(
                table.parties[m.party].kind,
                PartyKind::State | PartyKind::Organization
            )
        })
        .map(|m| m.party)
}

/// A person mention as reference resolution sees it.
#[derive(Clone, Copy, Debug)]
struct Seen {
    pos: usize,
    party: usize,
    sentence: usize,
    quoted: bool,
}

/// Person mentions in text order: those found by name first, and those resolved on the way
/// (which arrive in text order, so one list merged on the fly stays sorted before `at`).
struct History {
    named: Vec<Seen>,
    resolved: Vec<Seen>,
}

impl History {
    /// Mentions before byte `at`, newest first, at most `limit` of them.
    fn before(&self, at: usize, limit: usize) -> impl Iterator<Item = Seen> + '_ {
        let n = self.named.partition_point(|s| s.pos < at);
        let r = self.resolved.partition_point(|s| s.pos < at);
        let mut a = self.named[..n].iter().rev().peekable();
        let mut b = self.resolved[..r].iter().rev().peekable();
        std::iter::from_fn(move || match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => {
                if x.pos >= y.pos {
                    a.next().copied()
                } else {
                    b.next().copied()
                }
            }
            (Some(_), None) => a.next().copied(),
            (None, Some(_)) => b.next().copied(),
            (None, None) => None,
        })
        .take(limit)
    }
}

/// How far back references look (mentions); keeps long texts linear.
const LOOKBACK: usize = 400;

/// Surnames, descriptions, pronouns and plural references, left to right.
fn resolve_references(ctx: &Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut named: Vec<Seen> = table
        .mentions
        .iter()
        .filter(|m| table.parties[m.party].kind == PartyKind::Person)
        .map(|m| {
            let t = doc.token_at_or_after(m.span.start).min(n.saturating_sub(1));
            Seen {
                pos: m.span.start,
                party: m.party,
                sentence: doc.tokens.get(t).map_or(0, |t| t.sentence as usize),
                quoted: n > 0 && ctx.quoted(t),
            }
        })
        .collect();
    named.sort_by_key(|s| s.pos);
    let mut history = History {
        named,
        resolved: Vec::new(),
    };
    let mut new_mentions: Vec<PartyMention> = Vec::new();
    let people: Vec<usize> = (0..table.parties.len())
        .filter(|&p| table.parties[p].kind == PartyKind::Person)
        .collect();
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        let si = t.sentence as usize;
        let quoted = ctx.quoted(i);
        if ctx.covered[i] || table.mention_starting_at(t.span.start).is_some() {
            i += 1;
            continue;
        }
        let seen = |p: usize| Seen {
            pos: t.span.start,
            party: p,
            sentence: si,
            quoted,
        };
        // A surname or given name of a known person.
        if t.cap && t.kind == TokenKind::Word && doc.tok(i).chars().count() > 2 {
            let w = doc.tok(i);
            let cands: Vec<usize> = people
                .iter()
                .copied()
                .filter(|&p| table.parties[p].name_tokens.iter().any(|x| x == w))
                .collect();
            if !cands.is_empty() {
                let p = most_recent(&history, t.span.start, &cands).unwrap_or(cands[0]);
                new_mentions.push(PartyMention {
                    span: t.span,
                    party: p,
                    anaphor: false,
                });
                history.resolved.push(seen(p));
                i += 1;
                continue;
            }
        }
        // "the Japanese leader", "the president"
        if doc.is(i, "the") {
            let (country, after) = match ctx.demonym_at(i + 1) {
                Some((h, next)) => (Some(ctx.rec.demonyms[h].country.clone()), next),
                None => (None, i + 1),
            };
            if let Some(len) = ROLE_NOUNS
                .iter()
                .filter(|r| r.iter().enumerate().all(|(k, w)| doc.is(after + k, w)))
                .map(|r| r.len())
                .max()
            {
                let noun = (after..after + len)
                    .map(|k| doc.low(k))
                    .collect::<Vec<_>>()
                    .join(" ");
                let cands: Vec<usize> = people
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let q = &table.parties[p];
                        country
                            .as_ref()
                            .is_none_or(|c| q.country.as_ref() == Some(c))
                            && q.title.as_ref().is_some_and(|tt| {
                                let tt = tt.to_ascii_lowercase();
                                tt == noun
                                    || (noun == "leader" && is_leader_title(&tt))
                                    || (noun == "minister" && tt.ends_with("minister"))
                            })
                    })
                    .collect();
                if let Some(p) = most_recent(&history, t.span.start, &cands) {
                    let span = Span::new(t.span.start, doc.tokens[after + len - 1].span.end);
                    new_mentions.push(PartyMention {
                        span,
                        party: p,
                        anaphor: true,
                    });
                    let name = table.parties[p].name.clone();
                    let alias = doc.slice(span).to_owned();
                    if alias != name && !table.parties[p].aliases.contains(&alias) {
                        table.parties[p].aliases.push(alias);
                    }
                    history.resolved.push(seen(p));
                    i = after + len;
                    continue;
                }
            }
        }
        // Plural references: "Both leaders", "They", "The leaders of Japan and South Korea".
        if let Some(len) = plural_ref_at(doc, i) {
            let span = Span::new(t.span.start, doc.tokens[i + len - 1].span.end);
            let mut parties = Vec::new();
            // "the leaders of Japan and South Korea": the states named right after.
            if doc.is(i + len, "of") {
                let mut k = i + len + 1;
                while k < n && doc.tokens[k].sentence == t.sentence {
                    if let Some(m) = table.mention_starting_at(doc.tokens[k].span.start).copied() {
                        parties.push(m.party);
                        k = doc.token_at_or_after(m.span.end);
                        if doc.is(k, "and") || doc.is(k, ",") {
                            k += 1;
                            continue;
                        }
                    }
                    break;
                }
            }
            if parties.is_empty() {
                parties = last_group(&history, t.span.start, si);
                // "the two countries": the states of the people last named together.
                if doc.is_any(i + len - 1, &["countries", "nations", "governments"]) {
                    let mut states = Vec::new();
                    for p in parties.iter().filter_map(|&p| {
                        table.parties[p]
                            .country
                            .as_deref()
                            .and_then(|cc| table.state(cc))
                    }) {
                        if !states.contains(&p) {
                            states.push(p);
                        }
                    }
                    parties = states;
                }
            }
            table.plurals.push(PluralRef { span, parties });
            i += len;
            continue;
        }
        // Singular pronouns.
        if doc.is_any(i, &["he", "him", "his", "she", "her", "himself", "herself"]) {
            if let Some(p) = antecedent(&history, t.span.start, si, quoted) {
                new_mentions.push(PartyMention {
                    span: t.span,
                    party: p,
                    anaphor: true,
                });
                history.resolved.push(seen(p));
            }
        } else if doc.is(i, "its") {
            let from = doc.sentences[si].span.start;
            if let Some(p) = last_collective(table, from, t.span.start) {
                new_mentions.push(PartyMention {
                    span: t.span,
                    party: p,
                    anaphor: true,
                });
            }
        }
        i += 1;
    }
    table.mentions.extend(new_mentions);
    table.plurals.sort_by_key(|p| p.span);
}

/// Plural references that stand for a group of parties, and their length in tokens.
fn plural_ref_at(doc: &Doc, i: usize) -> Option<usize> {
    const NOUNS: &[&str] = &[
        "leaders",
        "sides",
        "countries",
        "nations",
        "governments",
        "presidents",
        "ministers",
    ];
    if doc.is(i, "they") {
        return Some(1);
    }
    if doc.is_any(i, &["both", "the"]) {
        let mut j = i + 1;
        if doc.is_any(j, &["two", "three", "four"]) {
            j += 1;
        }
        if doc.is_any(j, NOUNS) {
            return Some(j - i + 1);
        }
    }
    None
}

/// Among `cands`, the one mentioned most recently before `at`.
fn most_recent(history: &History, at: usize, cands: &[usize]) -> Option<usize> {
    history
        .before(at, LOOKBACK)
        .find(|s| cands.contains(&s.party))
        .map(|s| s.party)
}

/// The person a singular pronoun refers to: the first person named earlier in its sentence,
/// else the first person of the nearest earlier sentence (up to three back) naming one —
/// subjects come first; names inside quotes count only for pronouns inside quotes.
fn antecedent(history: &History, at: usize, si: usize, quoted: bool) -> Option<usize> {
    let lowest = si.saturating_sub(3);
    let mut best: Option<Seen> = None;
    for s in history.before(at, LOOKBACK) {
        if s.sentence < lowest {
            break;
        }
        if s.quoted && !quoted {
            continue;
        }
        match best {
            // Same sentence as the best so far: an earlier mention is more subject-like.
            Some(b) if b.sentence == s.sentence => best = Some(s),
            Some(_) => break,
            None => best = Some(s),
        }
    }
    best.map(|s| s.party)
}

/// The people most recently named together (two or more in one sentence, outside quotes).
fn last_group(history: &History, at: usize, si: usize) -> Vec<usize> {
    let mut current: Option<usize> = None;
    let mut group: Vec<usize> = Vec::new();
    for s in history.before(at, LOOKBACK) {
        if s.quoted || s.sentence > si {
            continue;
        }
        if current != Some(s.sentence) {
            if group.len() >= 2 {
                break;
            }
            current = Some(s.sentence);
            group.clear();
        }
        if !group.contains(&s.party) {
            group.push(s.party);
        }
    }
    if group.len() >= 2 {
        group.reverse();
        group
    } else {
        Vec::new()
    }
}
