//! Organisations: a table of well-known bodies, acronym definitions ("… Nations (ASEAN)") and
//! "<Country>’s X Ministry" patterns.

use super::states::{country_name, with_article};
use super::{Ctx, PartyInfo, PartyTable};
use crate::extract::lexicon::capitalised;
use crate::extract::sentences::{Doc, TokenKind, WordMap};
use crate::model::{PartyKind, Span};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

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
        &[
            "Congress",
            "US Congress",
            "U.S. Congress",
            "United States Congress",
        ],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "United States Senate",
        &["U.S. Senate", "US Senate", "United States Senate"],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "United States House of Representatives",
        &[
            "U.S. House of Representatives",
            "US House of Representatives",
        ],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "House of Lords",
        &["House of Lords"],
        Some("GB"),
        PartyKind::Organization,
    ),
    (
        "House of Commons",
        &["House of Commons"],
        Some("GB"),
        PartyKind::Organization,
    ),
    (
        "Scottish Parliament",
        &["Scottish Parliament"],
        Some("GB"),
        PartyKind::Organization,
    ),
    ("Knesset", &["Knesset"], Some("IL"), PartyKind::Organization),
    (
        "Bundestag",
        &["Bundestag"],
        Some("DE"),
        PartyKind::Organization,
    ),
    (
        "State Duma",
        &["State Duma", "Duma"],
        Some("RU"),
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
    ("Hamas", &["Hamas"], Some("PS"), PartyKind::Organization),
    (
        "Hezbollah",
        &["Hezbollah", "Hizbollah", "Hizbullah"],
        Some("LB"),
        PartyKind::Organization,
    ),
    ("Fatah", &["Fatah"], Some("PS"), PartyKind::Organization),
    (
        "al-Qaeda",
        &["al-Qaeda", "al-Qaida", "Al-Qaeda", "Al Qaeda", "al Qaeda"],
        None,
        PartyKind::Organization,
    ),
    (
        "al-Qaeda in the Arabian Peninsula",
        &["al-Qaeda in the Arabian Peninsula", "AQAP"],
        Some("YE"),
        PartyKind::Organization,
    ),
    ("Taliban", &["Taliban"], Some("AF"), PartyKind::Organization),
    (
        "al-Shabaab",
        &["al-Shabaab", "al-Shabab", "Al-Shabaab", "Al-Shabab"],
        Some("SO"),
        PartyKind::Organization,
    ),
    (
        "Boko Haram",
        &["Boko Haram"],
        Some("NG"),
        PartyKind::Organization,
    ),
    (
        "Revolutionary Armed Forces of Colombia",
        &["Revolutionary Armed Forces of Colombia", "FARC"],
        Some("CO"),
        PartyKind::Organization,
    ),
    (
        "National Liberation Army",
        &["ELN"],
        Some("CO"),
        PartyKind::Organization,
    ),
    (
        "Kurdistan Workers' Party",
        &[
            "Kurdistan Workers' Party",
            "Kurdistan Workers’ Party",
            "PKK",
        ],
        Some("TR"),
        PartyKind::Organization,
    ),
    (
        "Muslim Brotherhood",
        &["Muslim Brotherhood"],
        Some("EG"),
        PartyKind::Organization,
    ),
    (
        "Mahdi Army",
        &["Mahdi Army"],
        Some("IQ"),
        PartyKind::Organization,
    ),
    (
        "Islamic Revolutionary Guard Corps",
        &[
            "Islamic Revolutionary Guard Corps",
            "Revolutionary Guards",
            "IRGC",
        ],
        Some("IR"),
        PartyKind::Organization,
    ),
    (
        "Federal Bureau of Investigation",
        &["Federal Bureau of Investigation", "FBI"],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "Central Intelligence Agency",
        &["Central Intelligence Agency", "CIA"],
        Some("US"),
        PartyKind::Organization,
    ),
    ("Mossad", &["Mossad"], Some("IL"), PartyKind::Organization),
    (
        "UNICEF",
        &[
            "UNICEF",
            "United Nations Children's Fund",
            "United Nations Children’s Fund",
        ],
        None,
        PartyKind::Organization,
    ),
    (
        "United Nations High Commissioner for Refugees",
        &["UNHCR", "UN refugee agency", "U.N. refugee agency"],
        None,
        PartyKind::Organization,
    ),
    (
        "World Food Programme",
        &["World Food Programme", "World Food Program", "WFP"],
        None,
        PartyKind::Organization,
    ),
    ("World Bank", &["World Bank"], None, PartyKind::Organization),
    ("Interpol", &["Interpol"], None, PartyKind::Organization),
    (
        "Doctors Without Borders",
        &["Doctors Without Borders", "Médecins Sans Frontières", "MSF"],
        None,
        PartyKind::Organization,
    ),
    (
        "Organization of American States",
        &["Organization of American States", "OAS"],
        None,
        PartyKind::Organization,
    ),
    (
        "Economic Community of West African States",
        &["Economic Community of West African States", "ECOWAS"],
        None,
        PartyKind::Organization,
    ),
    (
        "Southern African Development Community",
        &["Southern African Development Community", "SADC"],
        None,
        PartyKind::Organization,
    ),
    (
        "BBC",
        &["BBC", "British Broadcasting Corporation"],
        Some("GB"),
        PartyKind::Organization,
    ),
    ("Reuters", &["Reuters"], None, PartyKind::Organization),
    (
        "Associated Press",
        &["Associated Press"],
        Some("US"),
        PartyKind::Organization,
    ),
    (
        "Agence France-Presse",
        &["Agence France-Presse", "AFP"],
        Some("FR"),
        PartyKind::Organization,
    ),
    (
        "Al Jazeera",
        &["Al Jazeera", "Al-Jazeera"],
        Some("QA"),
        PartyKind::Organization,
    ),
    ("CNN", &["CNN"], Some("US"), PartyKind::Organization),
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
    let mut chars = name.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // "Children's": the tokenizer's possessive token, "'s", is one token.
        if (c == '\'' || c == '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n == 's')
            && name[i..]
                .chars()
                .nth(2)
                .is_none_or(|n| !n.is_alphanumeric())
        {
            if let Some(s) = start.take() {
                out.push(&name[s..i]);
            }
            out.push(&name[i..i + c.len_utf8() + 1]);
            chars.next();
            continue;
        }
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
/// True when `name` is exactly one of the table's names ("Kremlin", "White House").
pub(super) fn is_table_name(name: &str) -> bool {
    let name = name.strip_prefix("the ").unwrap_or(name);
    ORGANISATIONS
        .iter()
        .any(|(_, names, _, _)| names.contains(&name))
}
/// The table organisation whose name, spelt exactly, starts at token `i`.
fn table_name_at(doc: &Doc, i: usize) -> Option<&'static OrgName> {
    // "AU$200", "US$5m": letters glued to a dollar sign name a currency, not a body.
    if doc
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.span.start == doc.tokens[i].span.end && doc.tok(i + 1) == "$")
    {
        return None;
    }
    ORG_INDEX.get(doc.tok(i))?.iter().find(|(_, words)| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| i + k < doc.tokens.len() && doc.tok(i + k) == *w)
    })
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
    "court",
    "supreme court",
    "high court",
    "senate",
    "house of representatives",
    "government",
];
/// Nouns for a ship, which a name in apposition or after "the" names ("the Maersk Alabama, a
/// container ship", "the tanker Front Altair").
const VESSELS: &[&str] = &[
    "ship",
    "vessel",
    "tanker",
    "freighter",
    "frigate",
    "destroyer",
    "warship",
    "cruiser",
    "submarine",
    "corvette",
    "trawler",
    "yacht",
    "ferry",
    "liner",
    "bulker",
    "carrier",
];

/// Words that may follow a ship noun that heads its phrase ("a ship carrying grain").
const AFTER_VESSEL: &[&str] = &[
    "that",
    "which",
    "carrying",
    "owned",
    "operated",
    "flagged",
    "registered",
    "bound",
    "with",
    "from",
    "en",
];

/// Named ships: "the Maersk Alabama, a US-flagged container ship" and "the tanker Front
/// Altair" name a ship, not the US state of Alabama; every later mention of the name is the
/// ship too ("the crew of Maersk Alabama"). A ship is an organisation here: it acts and is
/// acted on, and no place lies inside its name.
fn find_vessels(ctx: &mut Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let cap_word = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.cap && t.kind == TokenKind::Word)
    };
    // A capitalised run of one to four words from `first`; its last token.
    // (Not a day or a month: "seized the tanker Friday"; nor a place or a known body: "the
    // tanker Iran seized".)
    let run_from = |first: usize| -> Option<usize> {
        let mut last = first;
        while cap_word(last + 1) && last + 1 - first < 4 {
            last += 1;
        }
        let whole_place = ctx
            .place_at(first)
            .is_some_and(|(_, after)| after == last + 1);
        (cap_word(first)
            && !cap_word(last + 1)
            && !crate::extract::lexicon::is_month_or_weekday(doc.low(first))
            && !whole_place
            && !is_table_name(&doc.tokens_text(first, last + 1)))
        .then_some(last)
    };
    // "a bulk carrier", "an aircraft carrier", but not "the national carrier" (an airline).
    let vessel_at = |k: usize| {
        doc.is_any(k, VESSELS)
            && !doc.tokens[k].cap
            && (!doc.is(k, "carrier")
                || k > 0 && doc.is_any(k - 1, &["bulk", "aircraft", "car", "gas", "ore", "lng"]))
    };
    let heads_phrase = |v: usize| {
        doc.tokens
            .get(v + 1)
            .is_none_or(|t| t.kind == TokenKind::Punct)
            || doc.is_any(v + 1, AFTER_VESSEL)
    };
    let mut names: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        // "the tanker Front Altair"
        // (The cheap tests first: this runs at every token.)
        if i > 0
            && doc.is(i - 1, "the")
            && vessel_at(i)
            && let Some(last) = run_from(i + 1)
        {
            names.push((i + 1, last));
        }
        // "the Maersk Alabama, a US-flagged container ship"
        if doc.is(i, ",")
            && i > 0
            && doc.is_any(i + 1, &["a", "an", "the"])
            // ("Kim Sung-ho, the owner of the trawler": a person who has one.)
            && let Some(v) = (i + 2..(i + 7).min(n))
                .take_while(|&k| {
                    (doc.tokens[k].kind != TokenKind::Punct || doc.is(k, "-"))
                        && !doc.is_any(k, &["of", "for", "on", "aboard", "from"])
                })
                .find(|&k| vessel_at(k))
            && heads_phrase(v)
        {
            let last = i - 1;
            let mut first = last;
            while first > 0 && cap_word(first - 1) && !doc.is(first - 1, "the") && last - first < 3
            {
                first -= 1;
            }
            // Two words at least, or one after "the": a lone place before a comma is the place
            // ("Aden, a port city").
            if cap_word(last)
                && (last > first || first > 0 && doc.is(first - 1, "the"))
                && run_from(first) == Some(last)
            {
                names.push((first, last));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let mut words: Vec<Vec<String>> = Vec::new();
    for (first, last) in names {
        let w: Vec<String> = (first..=last).map(|k| doc.low(k).to_owned()).collect();
        if !words.contains(&w) {
            words.push(w);
        }
    }
    // Every mention of each name.
    for w in &words {
        let mut party = None;
        let mut i = 0;
        while i + w.len() <= n {
            let here = w
                .iter()
                .enumerate()
                .all(|(k, x)| doc.low(i + k) == x.as_str())
                && (i == 0 || !cap_word(i - 1) || doc.is(i - 1, "the"))
                && !cap_word(i + w.len());
            if !here {
                i += 1;
                continue;
            }
            let last = i + w.len() - 1;
            let span = Span::new(doc.tokens[i].span.start, doc.tokens[last].span.end);
            let p = *party.get_or_insert_with(|| {
                table.party(PartyInfo::organisation(
                    format!("vessel:{}", w.join(" ")),
                    doc.slice(span).to_owned(),
                    None,
                ))
            });
            table.mention(span, p, false);
            for k in i..=last {
                ctx.covered[k] = true;
            }
            i = last + 1;
        }
    }
}

/// Table organisations, acronym definitions and "<Country>’s X Ministry" patterns.
pub(super) fn find_organisations(ctx: &mut Ctx, table: &mut PartyTable) {
    find_vessels(ctx, table);
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut i = 0;
    // acronym → party, from definitions such as "… Nations (ASEAN)"
    let mut acronyms: HashMap<String, usize> = HashMap::default();
    // Head noun → the named organisations with it ("church" → Church of Scientology).
    let mut by_head: HashMap<String, Vec<usize>> = HashMap::default();
    // The words before the head of a named organisation, and its party, by the first of those
    // words (a scan of them all at each capitalised word made long articles quadratic).
    let mut short_forms: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::default();
    // Governments named so far ("the Iraqi government"), for a later "the government".
    let mut governments: Vec<usize> = Vec::new();
    while i < n {
        // "Tokyo Electric Power Company", "the Church of Scientology", "National Council for
        // Peace and Order": a name no table holds, told by its head noun.
        if let Some((start, last, head)) = named_org(ctx, i) {
            let head_word = doc.low(head).to_string();
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[last].span.end);
            // "Supreme Iraqi Criminal Tribunal": a state's body, of the state its name gives.
            // (A nationality word only, and never an international body's: "International
            // Criminal Tribunal for Rwanda" is the UN's.)
            let country = (doc.is_any(head, STATE_BODIES)
                && !doc.is_any(start, &["international", "special", "joint", "united"]))
            .then(|| {
                (start..=last)
                    .find_map(|k| ctx.demonym_at(k))
                    .map(|(h, _)| ctx.rec.demonyms[h].country.clone())
            })
            .flatten();
            let p = add_organisation(table, doc.slice(span).to_owned(), country, span, None);
            for k in start..=last {
                ctx.covered[k] = true;
            }
            by_head.entry(head_word).or_default().push(p);
            // "Haw Par Corporation" … "Haw Par has pledged": two or more words before the
            // head name the organisation alone.
            if head > start + 1 && head == last {
                let words: Vec<String> = (start..head).map(|k| doc.low(k).to_string()).collect();
                short_forms
                    .entry(words[0].clone())
                    .or_default()
                    .push((words, p));
            }
            i = last + 1;
            continue;
        }
        if doc.tokens[i].cap
            && !ctx.covered[i]
            && let Some((words, p)) =
                short_forms
                    .get(doc.low(i))
                    .into_iter()
                    .flatten()
                    .find(|(words, _)| {
                        words.iter().enumerate().all(|(k, w)| {
                            doc.tokens.get(i + k).is_some_and(|t| t.cap)
                                && doc.low(i + k) == w.as_str()
                        }) && doc.tokens.get(i + words.len()).is_none_or(|t| !t.cap)
                    })
        {
            let last = i + words.len() - 1;
            table.mention(
                Span::new(doc.tokens[i].span.start, doc.tokens[last].span.end),
                *p,
                false,
            );
            for k in i..=last {
                ctx.covered[k] = true;
            }
            i = last + 1;
            continue;
        }
        // "the government of Zimbabwe": the same body as "Zimbabwe's government".
        if doc.is(i, "government")
            && doc.is(i + 1, "of")
            && let Some((cc, after)) = ctx.country_qualifier(i + 2)
        {
            let last = if doc
                .tokens
                .get(after - 1)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
            {
                after - 2
            } else {
                after - 1
            };
            let name = org_name(&["government".to_owned()], &country_name(ctx.rec, &cc));
            let span = Span::new(doc.tokens[i].span.start, doc.tokens[last].span.end);
            let p = add_organisation(table, name, Some(cc), span, Some(doc.slice(span)));
            for k in i..=last {
                ctx.covered[k] = true;
            }
            governments.push(p);
            i = last + 1;
            continue;
        }
        // "the government" after a country's government was named: that government.
        if doc.is(i, "government")
            && i > 0
            && doc.is(i - 1, "the")
            && !ctx.covered[i]
            && let Some(&p) = governments.last()
        {
            table.mention(doc.tokens[i].span, p, false);
            ctx.covered[i] = true;
            i += 1;
            continue;
        }
        // "The Church denied …" after "the Church of Scientology": the capitalised head alone
        // names the one organisation of the article with that head.
        if i > 0
            && doc.is(i - 1, "the")
            && doc.tokens[i].cap
            && !ctx.covered[i]
            && doc
                .tokens
                .get(i + 1)
                .is_none_or(|t| !t.cap || t.sentence != doc.tokens[i].sentence)
            && let Some(ps) = by_head.get(doc.low(i))
            && let Some(&p) = ps.first()
            && ps.iter().all(|&q| q == p)
        {
            table.mention(doc.tokens[i].span, p, false);
            ctx.covered[i] = true;
            i += 1;
            continue;
        }
        if ctx.covered[i] && ctx.country_qualifier(i).is_none() {
            i += 1;
            continue;
        }
        // "<Country>’s Foreign Affairs Ministry", "the South Korean military" (but a name the
        // table holds is that body: "Korean Central News Agency" is North Korea's)
        if let Some((cc, after)) = ctx.country_qualifier(i)
            && table_name_at(doc, i).is_none()
            && let Some((head_end, mut words)) = org_phrase(doc, after)
        {
            // "United States Department of State", "Japan's Ministry of Foreign Affairs": the
            // head's own "of" phrase belongs to the name.
            let mut head_end = head_end;
            if doc.is(head_end + 1, "of")
                && ctx.country_qualifier(head_end + 2).is_none()
                && doc
                    .tokens
                    .get(head_end + 2)
                    .is_some_and(|t| t.cap && t.kind == TokenKind::Word)
            {
                let mut j = head_end + 2;
                while doc
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| t.cap && t.kind == TokenKind::Word)
                    && doc.tokens[j + 1].sentence == doc.tokens[j].sentence
                {
                    j += 1;
                }
                words.extend((head_end + 1..=j).map(|k| doc.tok(k).to_owned()));
                head_end = j;
            }
            let span = Span::new(doc.tokens[i].span.start, doc.tokens[head_end].span.end);
            // A country's name written before it is part of the name as written.
            let written = ctx.place_at(i).is_some()
                && doc.tokens[after - 1].kind != TokenKind::Possessive
                && words.iter().any(|w| w == "of");
            let name = if written {
                doc.slice(span).to_owned()
            } else {
                org_name(&words, &country_name(ctx.rec, &cc))
            };
            let p = add_organisation(table, name, Some(cc), span, Some(doc.slice(span)));
            for k in after..=head_end {
                ctx.covered[k] = true;
            }
            if doc.is(head_end, "government") {
                governments.push(p);
            }
            i = head_end + 1;
            continue;
        }
        // (A nationality word covers "Korean", but the table's name starting there is longer.)
        if ctx.covered[i] && (table_name_at(doc, i).is_none() || ctx.country_qualifier(i).is_none())
        {
            i += 1;
            continue;
        }
        // Table names, exact spelling.
        if let Some((oi, words)) = table_name_at(doc, i) {
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
        // Acronym definition: "Association of Southeast Nations (ASEAN)".
        if doc.tok(i) == "("
            && i + 2 < n
            && doc.tok(i + 2) == ")"
            && is_acronym(doc.tok(i + 1))
            // "the Ministry of Manpower's (MOM) inspectorate": the name ends before the 's.
            && let long_end = if i > 1 && doc.tokens[i - 1].kind == TokenKind::Possessive {
                i - 1
            } else {
                i
            }
            && let Some(long_start) = long_form_start(ctx, long_end, doc.tok(i + 1))
        {
            let acronym = doc.tok(i + 1);
            let long_span = Span::new(
                doc.tokens[long_start].span.start,
                doc.tokens[long_end - 1].span.end,
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
        // "the United States Department of State (DoS)": a short form in brackets right after
        // a body's name is that body's, also where it is used again.
        if doc.tok(i) == "("
            && i > 0
            && i + 2 < n
            && doc.tok(i + 2) == ")"
            && is_short_form(doc.tok(i + 1))
            && let Some(p) = table
                .mentions
                .iter()
                .rev()
                .take(8)
                .find(|m| m.span.end == doc.tokens[i - 1].span.end)
                .map(|m| m.party)
            && table.parties[p].kind == PartyKind::Organization
            && !names_the_cause(&table.parties[p].name, doc.tok(i + 1))
        {
            let short = doc.tok(i + 1).to_owned();
            table.mention(doc.tokens[i + 1].span, p, false);
            ctx.covered[i + 1] = true;
            if !table.parties[p].aliases.contains(&short) {
                table.parties[p].aliases.push(short.clone());
            }
            acronyms.insert(short, p);
            i += 3;
            continue;
        }
        // A defined acronym used again.
        if let Some(&p) = acronyms.get(doc.tok(i)) {
            table.mention(doc.tokens[i].span, p, false);
            ctx.covered[i] = true;
        }
        i += 1;
    }
    acronyms_by_initials(ctx, table);
}

/// "A spokesperson for NISA said" in an article that names the Nuclear and Industrial Safety
/// Agency without defining its acronym: an acronym no rule took whose letters are exactly the
/// initials of one named organisation (with or without its small words: "MOM", Ministry of
/// Manpower) is that organisation.
fn acronyms_by_initials(ctx: &mut Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let initials = |name: &str, all: bool| -> String {
        name.split_whitespace()
            .filter(|w| all || w.starts_with(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    let bodies: Vec<(usize, String, String)> = table
        .parties
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PartyKind::Organization && p.name.contains(' '))
        .map(|(i, p)| (i, initials(&p.name, false), initials(&p.name, true)))
        .collect();
    if bodies.is_empty() {
        return;
    }
    for i in 0..doc.tokens.len() {
        let w = doc.tok(i);
        if ctx.covered[i]
            || w.len() < 3
            || !is_acronym(w)
            || w.contains('-')
            || table
                .mention_starting_at(doc.tokens[i].span.start)
                .is_some()
        {
            continue;
        }
        let mut fits = bodies
            .iter()
            .filter(|(_, capitals, all)| capitals == w || all == w);
        if let (Some(&(p, ..)), None) = (fits.next(), fits.next()) {
            table.mention(doc.tokens[i].span, p, false);
            ctx.covered[i] = true;
            let short = w.to_owned();
            if !table.parties[p].aliases.contains(&short) {
                table.parties[p].aliases.push(short);
            }
        }
    }
}
/// Head nouns that end an organisation's name ("Tokyo Electric Power Company", "Sunday
/// Telegraph") or open it ("Church of Scientology", "Committee to Protect Journalists").
const NAME_HEADS: &[&str] = &[
    "institution",
    "institute",
    "foundation",
    "agency",
    "association",
    "organization",
    "organisation",
    "commission",
    "committee",
    "council",
    "party",
    "movement",
    "front",
    "league",
    "network",
    "church",
    "company",
    "corporation",
    "times",
    "telegraph",
    "herald",
    "guardian",
    "journal",
    "tribune",
    "gazette",
    "airways",
    "airlines",
    "campaign",
    "department",
    "ministry",
    "court",
    "tribunal",
    "government",
    "fund",
    "bank",
    "university",
    "federation",
    "coalition",
    "alliance",
    "congress",
    "democrats",
    "republicans",
];
/// Heads of a state's own bodies: a nationality in the name says whose ("Supreme Iraqi
/// Criminal Tribunal"); a company's does not ("Turkish Airlines" is no organ of Turkey).
const STATE_BODIES: &[&str] = &["ministry", "court", "tribunal", "government", "department"];
/// Words that join the parts of a name ("Council for Peace and Order").
const NAME_JOINERS: &[&str] = &["of", "for", "and", "on", "to", "against", "the", "&"];
/// A named organisation at token `i`: capitalised words with a head noun from
/// [`NAME_HEADS`], either last ("Tokyo Electric Power Company") or first and followed by
/// "of"/"for"/"to" ("Church of Scientology"). Returns its first, last and head tokens.
/// Names a country qualifies ("the Kenyan Health Ministry") are left to the country-body rule.
fn named_org(ctx: &Ctx, i: usize) -> Option<(usize, usize, usize)> {
    let doc = ctx.doc;
    let t = doc.tokens.get(i)?;
    if !t.cap
        || t.kind != TokenKind::Word
        || (i > 0 && doc.tokens[i - 1].cap && !doc.is(i - 1, "the"))
        // Not from the middle of a name: "Justice and Equality Movement". (A place before the
        // "and" is no part of it: "Chad and Darfur Liberation Movement leaders".)
        || (i > 1
            && doc.is_any(i - 1, NAME_JOINERS)
            && !doc.is(i - 1, "the")
            && doc.tokens[i - 2].cap
            && doc.tokens[i - 2].kind == TokenKind::Word
            && !{
                // (Place hits are sorted by start.)
                let at = doc.tokens[i - 2].span;
                let places = &ctx.rec.places;
                let k = places.partition_point(|h| h.span.start <= at.start);
                k > 0 && at.end <= places[k - 1].span.end
            })
    {
        return None;
    }
    let start = if doc.is(i, "the") { i + 1 } else { i };
    let sentence = t.sentence;
    let word = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.sentence == sentence && t.cap && t.kind == TokenKind::Word && !ctx.quoted(k)
        })
    };
    if !word(start) {
        return None;
    }
    // The capitalised run, joiners inside it.
    let mut last = start;
    let mut k = start + 1;
    while k < doc.tokens.len() && k - start < 12 {
        if word(k) || doc.tokens[k].kind == TokenKind::Possessive && word(k + 1) {
            last = k;
            k += 1;
        } else if doc.is_any(k, NAME_JOINERS) && !doc.tokens[k].cap && word(k + 1) {
            k += 1;
        } else if doc.is_any(k, &["of", "for", "against"]) && doc.is(k + 1, "the") && word(k + 2) {
            // "Campaign Against the Free Trade Area of the Americas"
            k += 2;
        } else {
            break;
        }
    }
    // A table name starts here, or the acronym rule defines this name: "Movement for
    // Democratic Change (MDC)".
    // (Not an acronym of only the name's tail: "Campaign Against the Free Trade Area of the
    // Americas (FTAA)".)
    if table_name_at(doc, start).is_some()
        || doc.is(last + 1, "(")
            && doc.tokens.get(last + 2).is_some_and(|_| {
                let run = doc.slice(Span::new(
                    doc.tokens[start].span.start,
                    doc.tokens[last].span.end,
                ));
                is_acronym(doc.tok(last + 2)) && initials_fit(run, doc.tok(last + 2))
            })
    {
        return None;
    }
    let is_head = |k: usize| word(k) && doc.is_any(k, NAME_HEADS);
    let qualified_body =
        |h: usize| ctx.country_qualifier(start).is_some() && head_at(doc, h).is_some();
    // Head last: the last head with a modifier before it, then "of/for …" after it.
    // Its modifiers run right up to the head ("Officials of the Water Company" is no name).
    let modifiers_from = |h: usize| {
        let mut m = h;
        while m > start && (word(m - 1) || doc.tokens[m - 1].kind == TokenKind::Possessive) {
            m -= 1;
        }
        m
    };
    if let Some(h) = (start + 1..=last).rev().find(|&h| is_head(h))
        && modifiers_from(h) == start
        && !qualified_body(h)
        && (start..h).any(|m| word(m) && !doc.is_any(m, NAME_HEADS))
    {
        let mut end = h;
        if doc.is_any(h + 1, &["of", "for"]) && word(h + 2) {
            end = last;
        }
        // Not a run of places and names only ("Paris Court" is rare; "Lebanon Party" rarer).
        return Some((start, end, h));
    }
    // Head first: "Church of Scientology", "Committee to Protect Journalists".
    if is_head(start)
        && doc.is_any(start + 1, &["of", "for", "to", "against"])
        && last > start + 1
        && !qualified_body(start)
        && !(doc.is(start, "ministry") || doc.is(start, "government"))
    {
        return Some((start, last, start));
    }
    None
}
/// An organisation party (found again by its name) and its mention at `span`; `alias` is the
/// wording when it differs from the name ("the Kenyan government").
fn add_organisation(
    table: &mut PartyTable,
    name: String,
    country: Option<String>,
    span: Span,
    alias: Option<&str>,
) -> usize {
    let mut info = PartyInfo::organisation(format!("org:{}", name.to_lowercase()), name, country);
    info.aliases = alias.map(str::to_owned).into_iter().collect();
    let p = table.party(info);
    table.mention(span, p, false);
    p
}
/// A short form such as "DoS", "MoD" or "KCNA": letters only, capitalised, with at least two
/// capitals.
fn is_short_form(w: &str) -> bool {
    (2..=8).contains(&w.len())
        && w.chars().all(|c| c.is_ascii_alphabetic())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.chars().filter(char::is_ascii_uppercase).count() >= 2
}
fn is_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
}
/// Start of the capitalised phrase ending right before token `paren` (the "(" of a short form,
/// or the possessive before it); `short` is the short form in the brackets.
fn long_form_start(ctx: &Ctx, paren: usize, short: &str) -> Option<usize> {
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
        } else if start.is_none() && t.kind == TokenKind::Word && t.cap && paren - k <= 2 {
            // "Revolutionary Armed Forces of Colombia (FARC)": a place may end the name.
        } else if start.is_some()
            && t.kind == TokenKind::Word
            && t.cap
            && short.chars().next() == doc.tok(k).chars().next()
        {
            // "Tokyo Electric Power Company (TEPCO)": a place may open it, when the short
            // form starts with its letter.
            start = Some(k);
            break;
        } else {
            break;
        }
        j = k;
        if paren - j > 10 {
            break;
        }
    }
    // A country written out ("the Republic of Korea (ROK)") is a place, not an organisation;
    // a place that only opens the name ("Tokyo Electric Power Company") is part of it.
    let start = start?;
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[paren - 1].span.end);
    // (A place that only ends the name, "… of Colombia", is part of it.)
    let overlaps_place = ctx
        .rec
        .places
        .iter()
        .any(|h| h.span.start <= span.start && h.span.end >= span.end);
    (!overlaps_place && doc.tokens[start].cap).then_some(start)
}
/// The short form abbreviates only what the body's name is for or against, not the body:
/// "Campaign Against the Free Trade Area of the Americas (FTAA)".
fn names_the_cause(name: &str, short: &str) -> bool {
    if initials_fit(name, short) {
        return false;
    }
    let lower = name.to_lowercase();
    [
        " against the ",
        " against ",
        " for the ",
        " for ",
        " of the ",
    ]
    .iter()
    // (`get`: lowercasing may shift offsets in a name that is not ASCII.)
    .filter_map(|j| lower.find(j).and_then(|at| name.get(at + j.len()..)))
    .any(|cause| initials_fit(cause, short))
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

#[cfg(test)]
mod tests {
    use super::super::{party_of, table_for};
    use crate::model::PartyKind;

    #[test]
    fn ministries_acronyms_and_known_bodies() {
        let text = "Japan’s Foreign Affairs Ministry spoke first. The Coalition for Rural Roads \
                    (CRR) met, and the CRR agreed. NATO said so.";
        let t = table_for(text);
        let m = party_of(&t, text, "Japan’s", 0).expect("the ministry");
        assert_eq!(m.name, "Ministry of Foreign Affairs of Japan");
        assert_eq!(m.kind, PartyKind::Organization);
        let long = party_of(&t, text, "Coalition", 0).expect("defined by its acronym");
        let again = party_of(&t, text, "CRR", 1).expect("the acronym again");
        assert_eq!(long.name, again.name);
        assert_eq!(
            party_of(&t, text, "NATO", 0).unwrap().name,
            "North Atlantic Treaty Organization"
        );
        // A table name with a possessive inside it, either apostrophe.
        for text in [
            "Peru asked the United Nations Children's Fund for aid.",
            "Peru asked the United Nations Children’s Fund for aid.",
        ] {
            let t = table_for(text);
            assert_eq!(
                party_of(&t, text, "United", 0).map(|p| p.name.as_str()),
                Some("UNICEF"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_country_body_keeps_its_of_phrase_and_its_short_form() {
        let text = "The Peru Department of Fisheries (DoF) closed the bay. The DoF said so.";
        let t = table_for(text);
        let d = party_of(&t, text, "Peru Department", 0).expect("the department");
        assert_eq!(d.name, "Peru Department of Fisheries");
        assert_eq!(d.country.as_deref(), Some("PE"));
        let again = party_of(&t, text, "DoF", 1).expect("the short form again");
        assert_eq!(again.name, d.name);
    }

    #[test]
    fn another_countrys_congress_is_not_the_us_congress() {
        let text = "The Andean People's Congress met. Congress passed the bill. The U.S. Congress \
                    voted.";
        let t = table_for(text);
        let andean = party_of(&t, text, "Andean", 0).expect("a congress of its own");
        assert_eq!(andean.name, "Andean People's Congress");
        let us = party_of(&t, text, "Congress passed", 0).expect("Congress alone");
        assert_eq!(us.name, "United States Congress");
        let congresses: Vec<&str> = t
            .parties
            .iter()
            .filter(|p| p.name.contains("Congress"))
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(congresses.len(), 2, "{congresses:?}");
    }

    #[test]
    fn a_short_form_after_a_possessive_and_one_never_defined() {
        let text = "Inspectors of the Ministry of Labour’s (MOL) unit came. MOL said so. The \
                    Andean Water Safety Agency met. A spokesman for AWSA spoke.";
        let t = table_for(text);
        let mol = party_of(&t, text, "MOL said", 0).expect("defined after the possessive");
        assert_eq!(mol.name, "Ministry of Labour");
        let awsa = party_of(&t, text, "AWSA", 0).expect("the initials of a named body");
        assert_eq!(awsa.name, "Andean Water Safety Agency");
    }

    #[test]
    fn a_bracket_at_the_very_end_is_no_short_form() {
        let text = "Seoul (";
        let t = table_for(text);
        assert!(t.parties.is_empty());
    }

    #[test]
    fn a_place_may_open_a_name_its_short_form_defines() {
        let text = "Lima Water Works Company (LWWC) raised prices. LWWC said so. The Republic \
                    of Korea (ROK) objected.";
        let t = table_for(text);
        let c = party_of(&t, text, "LWWC", 1).expect("the short form again");
        assert_eq!(c.name, "Lima Water Works Company");
        assert!(
            party_of(&t, text, "Republic", 0).is_none_or(|p| p.kind != PartyKind::Organization)
        );
    }

    #[test]
    fn organisations_no_table_holds_are_told_by_their_head_noun() {
        let text = "Officials of the Holm Brothers Company met the League of Lamplighters. \
                    Holm Brothers has apologised. The League said nothing. The Northern Ferry \
                    Workers Union (NFWU) struck, and the Kenyan Health Ministry replied.";
        let t = table_for(text);
        let company = party_of(&t, text, "Holm", 0).expect("head last");
        assert_eq!(company.name, "Holm Brothers Company");
        assert_eq!(company.kind, PartyKind::Organization);
        let guild = party_of(&t, text, "League", 0).expect("head first");
        assert_eq!(guild.name, "League of Lamplighters");
        assert_eq!(
            party_of(&t, text, "Holm", 1).map(|p| &p.name),
            Some(&company.name),
            "the words before the head name it alone"
        );
        assert_eq!(
            party_of(&t, text, "League", 1).map(|p| &p.name),
            Some(&guild.name),
            "the head alone after \"the\""
        );
        let union = party_of(&t, text, "NFWU", 0).expect("defined by its acronym");
        assert_eq!(union.name, "Northern Ferry Workers Union");
        let ministry = party_of(&t, text, "Kenyan", 0).expect("a country's body");
        assert_eq!(ministry.country.as_deref(), Some("KE"));
        // "of the" inside a name.
        let text = "Activists from the Campaign Against the Open Sky Treaty of the Andes (OSTA) \
                    met. The Bank of Lima and the Justice and Equality Movement (JEM) spoke.";
        let t = table_for(text);
        assert_eq!(
            party_of(&t, text, "Campaign", 0).map(|p| p.name.as_str()),
            Some("Campaign Against the Open Sky Treaty of the Andes")
        );
        // The short form is the treaty's, not the campaign's.
        assert!(
            party_of(&t, text, "OSTA", 0)
                .is_none_or(|p| p.name != "Campaign Against the Open Sky Treaty of the Andes")
        );
        // A name is not found again from its middle.
        assert_eq!(
            party_of(&t, text, "Justice", 0).map(|p| p.name.as_str()),
            Some("Justice and Equality Movement")
        );
        assert!(
            party_of(&t, text, "Equality", 0).is_none(),
            "{:?}",
            t.parties
        );
        // A place before "and" is no part of the name after it.
        let text = "Chad and Darfur Liberation Movement leaders signed a ceasefire.";
        let t = table_for(text);
        assert_eq!(
            party_of(&t, text, "Darfur", 0).map(|p| p.name.as_str()),
            Some("Darfur Liberation Movement")
        );
    }

    #[test]
    fn a_countrys_government_is_one_body_however_written() {
        let text = "Donors urged the government of Malawi to act. The Malawian government \
                    refused, and the government said it had no funds.";
        let t = table_for(text);
        let first = party_of(&t, text, "government", 0).expect("government of Malawi");
        assert_eq!(first.name, "Government of Malawi");
        assert_eq!(first.country.as_deref(), Some("MW"));
        for (surface, nth) in [("Malawian", 0), ("government", 2)] {
            assert_eq!(
                party_of(&t, text, surface, nth).map(|p| &p.name),
                Some(&first.name),
                "{surface} #{nth}"
            );
        }
    }

    #[test]
    fn a_body_its_demonym_opens_is_one_party() {
        let text = "The Iraqi army fought militants. A Chinese court sentenced him.";
        let t = table_for(text);
        let army = party_of(&t, text, "Iraqi", 0).expect("the army");
        assert_eq!(army.name, "Army of Iraq");
        assert!(
            t.parties.iter().all(|p| p.kind != PartyKind::State),
            "no separate state party: {:?}",
            t.parties
        );
        let court = party_of(&t, text, "Chinese", 0).expect("the court");
        assert_eq!(court.country.as_deref(), Some("CN"));
        let text = "The U.S. Senate passed the bill. The House of Lords debated it.";
        let t = table_for(text);
        let senate = party_of(&t, text, "U.S.", 0).expect("the Senate");
        assert_eq!(senate.kind, PartyKind::Organization);
        assert_eq!(senate.country.as_deref(), Some("US"));
        assert_eq!(
            party_of(&t, text, "House", 0).unwrap().name,
            "House of Lords"
        );
        assert!(
            t.parties.iter().all(|p| p.kind != PartyKind::State),
            "{:?}",
            t.parties
        );
    }

    #[test]
    fn a_name_the_table_holds_beats_a_nationality_word_before_a_body() {
        let text = "The Korean Central News Agency said the army was on alert.";
        let t = table_for(text);
        let p = party_of(&t, text, "Korean Central News Agency", 0).expect("the agency");
        assert_eq!(p.country.as_deref(), Some("KP"), "{p:?}");
    }

    #[test]
    fn a_states_court_named_with_its_nationality_is_that_states() {
        let text = "The Supreme Chilean Electoral Tribunal ruled on Friday. The Chilean Copper \
                    Company agreed.";
        let t = table_for(text);
        let court = party_of(&t, text, "Supreme", 0).expect("the tribunal");
        assert_eq!(court.name, "Supreme Chilean Electoral Tribunal");
        assert_eq!(court.country.as_deref(), Some("CL"));
        // A company is no organ of the state its name gives.
        let firm = party_of(&t, text, "Chilean Copper", 0).expect("the company");
        assert_eq!(firm.country, None);
    }

    #[test]
    fn a_named_ship_is_a_party_and_no_place() {
        let text = "The Maersk Ohio, a Liberian-flagged bulk carrier, was boarded off Yemen. The \
                    crew of Maersk Ohio hid. Rebels seized the tanker Nile Star. Aden, a port \
                    city, was calm.";
        let t = table_for(text);
        let ship = party_of(&t, text, "Maersk Ohio, a", 0).expect("the ship");
        assert_eq!(ship.name, "Maersk Ohio");
        assert_eq!(ship.kind, PartyKind::Organization);
        let again = party_of(&t, text, "Maersk Ohio hid", 0).expect("named again");
        assert_eq!(again.name, "Maersk Ohio");
        assert_eq!(
            party_of(&t, text, "Nile Star", 0).map(|p| p.name.as_str()),
            Some("Nile Star")
        );
        // A port in apposition is the port.
        assert!(party_of(&t, text, "Aden", 0).is_none_or(|p| p.name != "Aden"));
    }

    #[test]
    fn no_ship_is_made_of_an_owner_a_day_a_state_or_an_airline() {
        let text = "Kim Sung-ho, the owner of the trawler, said the crew was safe. Iranian forces \
                    seized the tanker Friday. Kenya Airways, the national carrier, suspended \
                    flights.";
        let t = table_for(text);
        let kim = party_of(&t, text, "Kim Sung-ho", 0).expect("the owner");
        assert_eq!(kim.kind, PartyKind::Person);
        assert!(
            t.parties.iter().all(|p| p.name != "Friday"),
            "{:?}",
            t.parties
        );
        let airlines = t
            .parties
            .iter()
            .filter(|p| p.name == "Kenya Airways")
            .count();
        assert_eq!(airlines, 1, "{:?}", t.parties);
    }

    #[test]
    fn a_currency_code_is_no_body() {
        let text = "The fee rose from AU$150 to US$900. The AU met in Addis Ababa.";
        let t = table_for(text);
        assert!(party_of(&t, text, "AU$", 0).is_none(), "{:?}", t.parties);
        let au = party_of(&t, text, "AU met", 0).expect("the African Union");
        assert_eq!(au.name, "African Union");
    }
}
