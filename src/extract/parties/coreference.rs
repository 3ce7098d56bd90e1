//! Later references resolved to the parties named earlier: surnames ("Kishida"), descriptions
//! ("the Japanese leader"), singular pronouns and plural references ("both leaders").

use super::gender;
use super::{Ctx, PartyMention, PartyTable, PluralRef};
use crate::extract::lexicon::{SPEECH_VERBS, folded};
use crate::extract::sentences::{Doc, TokenKind, without_arabic_article};
use crate::model::{PartyKind, Span};
use rustc_hash::FxHashMap as HashMap;

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
/// Head nouns of a description that refers back to a person with that role or title.
const DESCRIPTION_HEADS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "governor",
    "commissioner",
    "director",
    "secretary",
    "adviser",
    "advisor",
    "chief",
    "commander",
    "editor",
    "lawyer",
    "chairman",
    "chairwoman",
    "chair",
    "official",
    "analyst",
    "professor",
    "researcher",
    "senator",
    "councillor",
    "councilor",
    "negotiator",
    "envoy",
    "ambassador",
    "minister",
];
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
pub(super) fn resolve_references(ctx: &Ctx, table: &mut PartyTable) {
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
    let genders = gender::genders(doc, table);
    let people: Vec<usize> = (0..table.parties.len())
        .filter(|&p| table.parties[p].kind == PartyKind::Person)
        .collect();
    // Each name a person goes by alone, case and accents folded ("Chávez", "Chavez",
    // "al-Majid" for "Al-Majid", "Maliki" for "al-Maliki") → the people, in table order. One
    // lookup per capitalised word, where scanning everyone made long texts quadratic.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
    for &p in &people {
        let tokens = &table.parties[p].name_tokens;
        // A common given name alone is someone else's: "Hussein" after "Hussein Rashid
        // Mohammed" is Saddam Hussein, "David" beside David and Louise Turpin either. (A
        // first word that is no given name may be a family name: "Yayi" of "Yayi Boni".)
        let given_first = tokens.len() >= 2
            && tokens.first().is_some_and(|t| {
                !crate::extract::lexicon::EAST_ASIAN_FAMILY_NAMES.contains(&t.as_str())
                    && super::people::is_given_name(t)
            });
        for (k, x) in tokens.iter().enumerate() {
            if k == 0 && given_first {
                continue;
            }
            for name in std::iter::once(x.as_str()).chain(without_arabic_article(x)) {
                let ps = by_name.entry(folded(name)).or_default();
                if ps.last() != Some(&p) {
                    ps.push(p);
                }
            }
        }
    }
    let described = described_subjects(doc, table);
    let openings = opening_ends(doc);
    // Sentences wholly inside quotes: a pronoun after a long quote looks past them.
    let quoted_sentences: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| !s.tokens.is_empty() && s.tokens.clone().all(|k| ctx.quoted(k)))
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
            let known: &[usize] = by_name.get(&folded(doc.tok(i))).map_or(&[], Vec::as_slice);
            // After another name word, only someone whose full name the two share: "Saddam
            // Hussein" is not "Hussein Rashid Mohammed" ("Murray Watson" may be "Mr Watson").
            // Worked out only for a known word, so most words cost one lookup.
            let name_before = (!known.is_empty()
                && i > 0
                && doc.tokens[i - 1].cap
                && doc.tokens[i - 1].sentence == t.sentence
                && doc.sentences[si].tokens.start != i - 1
                && super::people::name_tokens_at(ctx, i - 1) >= 2
                && super::people::title_at(doc, i - 1).is_none())
            .then(|| folded(doc.tok(i - 1)));
            let fitting: Vec<usize>;
            let cands: &[usize] = match &name_before {
                None => known,
                Some(w) => {
                    fitting = known
                        .iter()
                        .copied()
                        .filter(|&p| {
                            let tokens = &table.parties[p].name_tokens;
                            tokens.len() < 2 || tokens.iter().any(|t| folded(t) == *w)
                        })
                        .collect();
                    &fitting
                }
            };
            if !cands.is_empty() {
                let p = most_recent(&history, t.span.start, cands).unwrap_or(cands[0]);
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
                // "the leader of the group AntiMadCow", "the president of the club": a role
                // in something else than a state is someone else (not "the president of the
                // republic", "of the European Commission", nor of the person's own state).
                // What "of" after the role names: `None` when nothing binds the role, `Some(None)`
                // for something that is no state, `Some(Some(country))` for a state.
                let of = after + len;
                let role_of: Option<Option<String>> = if !doc.is(of, "of") {
                    None
                } else if doc.is(of + 1, "the")
                    && doc.tokens.get(of + 2).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && !t.cap
                            && !doc.is_any(
                                of + 2,
                                &["country", "republic", "nation", "state", "kingdom", "union"],
                            )
                    })
                {
                    Some(None)
                } else {
                    doc.tokens
                        .get(of + 1)
                        .and_then(|t| table.mention_starting_at(t.span.start))
                        .map(|m| &table.parties[m.party])
                        .filter(|q| q.kind == PartyKind::State)
                        .and_then(|q| q.country.clone())
                        .map(Some)
                };
                let cands: Vec<usize> = people
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let q = &table.parties[p];
                        role_of.as_ref().is_none_or(|state| {
                            state
                                .as_ref()
                                .is_some_and(|c| q.country.as_ref().is_none_or(|qc| qc == c))
                        }) && country
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
            // "the government spokesman", "the mayor": a person the article gave that role
            // ("Abdourahim Said Bakar, a government spokesman").
            if let Some(head) = (after..(after + 3).min(n))
                .take_while(|&k| !doc.tokens[k].cap && doc.tokens[k].kind == TokenKind::Word)
                .find(|&k| doc.is_any(k, DESCRIPTION_HEADS))
            {
                let noun = doc.low(head);
                let cands: Vec<usize> = people
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let q = &table.parties[p];
                        country
                            .as_ref()
                            .is_none_or(|c| q.country.as_ref() == Some(c))
                            && [q.role.as_deref(), q.title.as_deref()]
                                .into_iter()
                                .flatten()
                                .any(|r| {
                                    r.rsplit(' ')
                                        .next()
                                        .is_some_and(|w| w.eq_ignore_ascii_case(noun))
                                })
                    })
                    .collect();
                if let Some(p) = most_recent(&history, t.span.start, &cands) {
                    let span = Span::new(t.span.start, doc.tokens[head].span.end);
                    new_mentions.push(PartyMention {
                        span,
                        party: p,
                        anaphor: true,
                    });
                    history.resolved.push(seen(p));
                    i = head + 1;
                    continue;
                }
            }
        }
        // "the country's military has been placed on high alert": the one state named, as a
        // party or a country, in this sentence or the two before, outside quotes.
        // (Only as an owner: "the country risks …" is a topic more often than a party. None
        // when two states are named: "France condemned the coup in Niger. The country's junta
        // …".)
        if doc.is(i, "the")
            && doc.is(i + 1, "country")
            && doc
                .tokens
                .get(i + 2)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
            && let Some(p) = {
                let from = doc.sentences[si.saturating_sub(2)].span.start;
                let upto = table
                    .mentions
                    .partition_point(|m| m.span.start < t.span.start);
                let mut countries: Vec<&str> = table.mentions[..upto]
                    .iter()
                    .rev()
                    .take_while(|m| m.span.start >= from)
                    .filter(|m| !ctx.quoted(doc.token_at_or_after(m.span.start)))
                    .filter(|m| table.parties[m.party].kind == PartyKind::State)
                    .filter_map(|m| table.parties[m.party].country.as_deref())
                    .collect();
                // (Places are sorted by start, like the mentions.)
                let places = &ctx.rec.places;
                let first = places.partition_point(|h| h.span.start < from);
                countries.extend(
                    places[first..]
                        .iter()
                        .take_while(|h| h.span.start < t.span.start)
                        .filter(|h| h.kind == crate::model::PlaceKind::Country)
                        .filter_map(|h| h.country.as_deref()),
                );
                countries.sort_unstable();
                countries.dedup();
                match countries.as_slice() {
                    [only] => table.state(only),
                    _ => None,
                }
            }
        {
            new_mentions.push(PartyMention {
                span: Span::new(t.span.start, doc.tokens[i + 1].span.end),
                party: p,
                anaphor: true,
            });
            i += 2;
            continue;
        }
        // "The father said", "the wife": of a couple the article names (a man and a woman
        // who share a surname), the one of that gender — unless "of" says whose parent it is.
        if doc.is(i, "the")
            && i + 1 < n
            && let Some(want) = kin_gender(doc.low(i + 1))
            && !doc.is(i + 2, "of")
        {
            let surname = |p: usize| table.parties[p].name_tokens.last().cloned();
            let gender_of = |p: usize| genders.get(p).copied().flatten();
            let cands: Vec<usize> = people
                .iter()
                .copied()
                .filter(|&p| {
                    gender_of(p) == Some(want)
                        && people.iter().any(|&q| {
                            q != p
                                && gender_of(q).is_some_and(|g| g != want)
                                && surname(q).is_some()
                                && surname(q) == surname(p)
                        })
                })
                .collect();
            if let Some(p) = most_recent(&history, t.span.start, &cands) {
                let span = Span::new(t.span.start, doc.tokens[i + 1].span.end);
                new_mentions.push(PartyMention {
                    span,
                    party: p,
                    anaphor: true,
                });
                history.resolved.push(seen(p));
                i += 2;
                continue;
            }
        }
        // "the organization said", "the Commission said", "the youth league said": the body
        // last named whose name has that head noun.
        if doc.is(i, "the")
            && let Some((p, head)) = organisation_by_head(doc, table, i)
        {
            let span = Span::new(t.span.start, doc.tokens[head].span.end);
            new_mentions.push(PartyMention {
                span,
                party: p,
                anaphor: true,
            });
            i = head + 1;
            continue;
        }
        // "Prosecutors said they planned …": "they" are the group just named, no party.
        let group_speaks = doc.is(i, "they")
            && i >= 2
            && doc.is_any(i - 1, SPEECH_VERBS)
            && doc.tokens[i - 2].kind == TokenKind::Word
            && doc.tokens[i - 2].sentence == t.sentence
            && doc.low(i - 2).ends_with('s')
            && (!doc.tokens[i - 2].cap || doc.sentences[si].tokens.start == i - 2)
            && table
                .mention_ending_at(doc.tokens[i - 2].span.end)
                .is_none();
        if group_speaks {
            i += 1;
            continue;
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
            // ("they" points no further back than the sentence before; "both sides",
            // "the two leaders" name their group wherever it was last named.)
            let near_only = doc.is(i, "they") && len == 1;
            // "The leaders issued a statement. They vowed …": a plural reference in the
            // sentence before (or earlier in this one) already names the group "they" means.
            // "support to the people and government of Ukraine as they fight back": the
            // people of a state just named in this sentence are who "they" are.
            if parties.is_empty()
                && near_only
                && let Some(p) = people_of_state_before(doc, table, si, i)
            {
                parties.push(p);
            }
            if parties.is_empty() && near_only {
                let from = doc.sentences[si.saturating_sub(1)].span.start;
                if let Some(r) = table
                    .plurals
                    .iter()
                    .rev()
                    .find(|r| r.span.start >= from && r.span.end <= t.span.start)
                {
                    parties = r.parties.clone();
                }
            }
            if parties.is_empty() {
                parties = last_group(&history, t.span.start, si, near_only);
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
            let want = gender::of_pronoun(doc.low(i));
            let fits = |p: usize| match (want, genders.get(p).copied().flatten()) {
                (Some(w), Some(g)) => w == g,
                _ => true,
            };
            let lowest = lowest_sentence(si, quoted, &quoted_sentences);
            if let Some(p) = antecedent(
                &history,
                t.span.start,
                Scope {
                    si,
                    lowest,
                    quoted,
                    described: &described,
                    openings: &openings,
                },
                fits,
            ) {
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
/// Head nouns of a description that refers back to an organisation named earlier.
const BODY_HEADS: &[&str] = &[
    "organization",
    "organisation",
    "group",
    "party",
    "commission",
    "council",
    "committee",
    "ministry",
    "agency",
    "league",
    "union",
    "company",
    "firm",
    "court",
    "department",
    "office",
    "movement",
    "coalition",
    "alliance",
    "church",
    "network",
    "newspaper",
    "army",
    "military",
    "charity",
    "association",
    "federation",
    "foundation",
    "institute",
    "operator",
];
/// "the organization", "the Commission", "the youth league" at token `i` ("the"): the
/// organisation last named (within [`LOOKBACK`] mentions) whose name has the head noun, or any
/// organisation for the generic "organization" and "group"; and the head's token.
fn organisation_by_head(doc: &Doc, table: &PartyTable, i: usize) -> Option<(usize, usize)> {
    let sentence = doc.tokens[i].sentence;
    // Up to two modifiers before the head: "the youth league", "the rights group".
    let head = (i + 1..(i + 4).min(doc.tokens.len()))
        .take_while(|&k| {
            doc.tokens[k].sentence == sentence && doc.tokens[k].kind == TokenKind::Word
        })
        .find(|&k| doc.is_any(k, BODY_HEADS))?;
    // The head ends the description: "the party leader" is a person.
    if doc.tokens.get(head + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !t.cap
            && !doc.is_any(head + 1, SPEECH_VERBS)
            && !doc.is_any(head + 1, &["reported", "accused", "denied"])
            // ("calling on the guerrilla organization to accept defeat": a word that ends a
            // noun phrase follows.)
            && !doc.is_any(
                head + 1,
                // (Not "in", "from": "the group in Gaza" may be another than the last named.)
                &[
                    "to", "and", "or", "that", "which", "who", "has", "had", "have", "was",
                    "were", "is", "are", "would", "will", "could", "can", "should", "must", "may",
                    "might",
                ],
            )
    }) {
        return None;
    }
    // "The organization in charge of relief, OCHA, appealed": a description whose name
    // follows it between commas refers back to no one.
    if doc.is_any(head + 1, &["in", "on", "at", "for", "from", "with", "to"])
        && (head + 2..(head + 8).min(doc.tokens.len()))
            .take_while(|&k| doc.tokens[k].sentence == sentence)
            .any(|k| doc.is(k, ",") && doc.tokens.get(k + 1).is_some_and(|t| t.cap))
    {
        return None;
    }
    // "the rights group Equality Network": a lowercase description before a name describes
    // that name; it refers back to no one.
    if !doc.tokens[head].cap
        && doc.tokens.get(head + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.cap
                && !crate::extract::lexicon::is_month_or_weekday(doc.low(head + 1))
        })
    {
        return None;
    }
    let noun = doc.low(head);
    let generic = matches!(noun, "organization" | "organisation" | "group");
    let at = doc.tokens[i].span.start;
    let hi = table.mentions.partition_point(|m| m.span.start < at);
    let lo = hi.saturating_sub(LOOKBACK);
    table.mentions[lo..hi]
        .iter()
        .rev()
        .filter(|m| !m.anaphor)
        .map(|m| m.party)
        .find(|&p| {
            let q = &table.parties[p];
            // A state's own body ("the government") is no "organization".
            q.kind == PartyKind::Organization
                && (generic && !crate::model::is_state_body(&q.name)
                    || !generic
                        && q.name
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w.eq_ignore_ascii_case(noun))
                    || (noun == "military" && q.name.to_ascii_lowercase().contains("army")))
        })
        .map(|p| (p, head))
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
/// The earliest sentence a pronoun in sentence `si` looks back to: three sentences, not
/// counting those wholly inside quotes when the pronoun itself is outside them.
fn lowest_sentence(si: usize, quoted: bool, quoted_sentences: &[bool]) -> usize {
    let mut lowest = si;
    let mut counted = 0;
    while lowest > 0 && counted < 3 {
        lowest -= 1;
        if quoted || !quoted_sentences.get(lowest).copied().unwrap_or(false) {
            counted += 1;
        }
    }
    lowest
}

/// Where a pronoun looks for its person.
struct Scope<'a> {
    /// The pronoun's sentence.
    si: usize,
    /// The earliest sentence to look in.
    lowest: usize,
    /// The pronoun is inside a quote.
    quoted: bool,
    /// Per sentence: its subject is someone described (see `described_subjects`).
    described: &'a [bool],
    /// Per sentence: where an opening phrase ends (see `opening_ends`), or 0.
    openings: &'a [usize],
}

fn antecedent(
    history: &History,
    at: usize,
    scope: Scope,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let Scope {
        si,
        lowest,
        quoted,
        described,
        openings,
    } = scope;
    // The mentions of the nearest sentence naming a fitting person, newest first.
    let mut found: Vec<Seen> = Vec::new();
    for s in history.before(at, LOOKBACK) {
        if s.sentence < lowest || found.first().is_some_and(|f| f.sentence != s.sentence) {
            break;
        }
        // "she" passes over a man the text names, "he" over a woman; and over the people of
        // an earlier sentence whose subject is someone described, not named ("The politician
        // was greeted by the First Lady, Carla Bruni"): that someone is who the text follows.
        if s.quoted && !quoted
            || !fits(s.party)
            || s.sentence < si && described.get(s.sentence).copied().unwrap_or(false)
        {
            continue;
        }
        found.push(s);
    }
    // An earlier mention is more subject-like. But in an earlier sentence that opens with a
    // phrase ("Like President Bush, Olmert kept his comments broad"), the people of the phrase
    // are not its subject: the first one named after it is, unless the phrase named them too
    // (an apposition after its comma).
    let earliest = found.last().copied();
    let sentence = earliest?.sentence;
    let opening = openings.get(sentence).copied().unwrap_or(0);
    if sentence < si && opening > 0 {
        let in_opening: Vec<usize> = found
            .iter()
            .filter(|s| s.pos < opening)
            .map(|s| s.party)
            .collect();
        if let Some(s) = found
            .iter()
            .rev()
            .find(|s| s.pos >= opening && !in_opening.contains(&s.party))
        {
            return Some(s.party);
        }
    }
    earliest.map(|s| s.party)
}

/// The gender a word for a parent or spouse names ("father", "wife").
fn kin_gender(word: &str) -> Option<gender::Gender> {
    match word {
        "father" | "husband" => gender::of_pronoun("he"),
        "mother" | "wife" => gender::of_pronoun("she"),
        _ => None,
    }
}

/// Words that open a sentence with a phrase before its subject ("Like President Bush, …",
/// "Following a discussion with Ehud Olmert, …").
const OPENERS: &[&str] = &[
    "like",
    "unlike",
    "following",
    "after",
    "before",
    "despite",
    "during",
    "with",
    "without",
    "in",
    "as",
    "while",
    "besides",
    "alongside",
    "at",
    "on",
    "when",
];

/// Per sentence: the byte where an opening phrase ends (its first comma), or 0 when the
/// sentence opens with its subject.
fn opening_ends(doc: &Doc) -> Vec<usize> {
    doc.sentences
        .iter()
        .map(|s| {
            let first = s.tokens.start;
            if s.tokens.is_empty() || !doc.is_any(first, OPENERS) {
                return 0;
            }
            s.tokens
                .clone()
                .find(|&k| doc.is(k, ","))
                .map_or(0, |k| doc.tokens[k].span.end)
        })
        .collect()
}

/// Nouns for a person a description names without a name ("the Colombian-French politician").
const DESCRIBED_PEOPLE: &[&str] = &[
    "politician",
    "woman",
    "man",
    "hostage",
    "singer",
    "actor",
    "actress",
    "activist",
    "candidate",
    "lawmaker",
    "veteran",
    "writer",
    "former",
];

/// Per sentence: its subject is a person described, not named ("The Colombian-French
/// politician was greeted …"), so the people it names after are not who it is about.
fn described_subjects(doc: &Doc, table: &PartyTable) -> Vec<bool> {
    doc.sentences
        .iter()
        .map(|s| {
            let start = s.tokens.start;
            doc.is(start, "the")
                && (start + 1..(start + 6).min(s.tokens.end))
                    .take_while(|&k| {
                        (doc.tokens[k].kind == TokenKind::Word || doc.is(k, "-"))
                            && table
                                .mention_starting_at(doc.tokens[k].span.start)
                                .is_none_or(|m| table.parties[m.party].kind != PartyKind::Person)
                    })
                    .any(|k| !doc.tokens[k].cap && doc.is_any(k, DESCRIBED_PEOPLE))
        })
        .collect()
}

/// The people most recently named together (two or more in one sentence, outside quotes).
/// A party named as "the people/government/forces of <party>" in the dozen tokens before
/// `i` (a "they" right after "as", "while" or "because"), within sentence `si`, where that
/// phrase is what a preposition governs ("support to the people of Ukraine as they fight"),
/// not a verb's object ("rebels attacked the forces of Mali, and they killed …").
fn people_of_state_before(doc: &Doc, table: &PartyTable, si: usize, i: usize) -> Option<usize> {
    const OWNED: &[&str] = &[
        "people",
        "government",
        "governments",
        "forces",
        "troops",
        "citizens",
        "population",
    ];
    if i == 0 || !doc.is_any(i - 1, &["as", "while", "because"]) {
        return None;
    }
    let first = doc.sentences[si].tokens.start.max(i.saturating_sub(12));
    (first + 1..i - 1).rev().find_map(|k| {
        if !doc.is(k, "of") || !doc.is_any(k - 1, OWNED) {
            return None;
        }
        // Back over "the people and government" to the preposition.
        let lo = k.saturating_sub(6).max(first);
        let head = (lo..k - 1)
            .rev()
            .find(|&j| !doc.is_any(j, OWNED) && !doc.is_any(j, &["the", "and", "its", "their"]))?;
        if !doc.is_any(head, &["to", "for", "with", "of"]) || (head..i).any(|j| doc.is(j, ",")) {
            return None;
        }
        let m = table.mention_starting_at(doc.tokens.get(k + 1)?.span.start)?;
        (m.span.end <= doc.tokens[i].span.start).then_some(m.party)
    })
}

fn last_group(history: &History, at: usize, si: usize, near_only: bool) -> Vec<usize> {
    let mut current: Option<usize> = None;
    let mut group: Vec<usize> = Vec::new();
    for s in history.before(at, LOOKBACK) {
        if s.quoted || s.sentence > si {
            continue;
        }
        if current != Some(s.sentence) {
            // "Hundreds protested in Hebron. They clashed with …": "they" points into the
            // sentence before at the farthest, never past a sentence about others.
            if group.len() >= 2 || near_only && s.sentence + 1 < si {
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

#[cfg(test)]
mod tests {
    use super::super::{party_of, table_for};

    #[test]
    fn surnames_descriptions_and_pronouns_find_their_person() {
        let text = "South Korean President Yoon Suk-yeol met Japanese Prime Minister Fumio Kishida. \
                    Yoon spoke first. The Japanese leader replied. He said little.";
        let t = table_for(text);
        assert_eq!(party_of(&t, text, "Yoon", 1).unwrap().name, "Yoon Suk-yeol");
        assert_eq!(
            party_of(&t, text, "The Japanese leader", 0).unwrap().name,
            "Fumio Kishida"
        );
        assert_eq!(party_of(&t, text, "He", 0).unwrap().name, "Fumio Kishida");
    }

    #[test]
    fn a_lone_word_of_someone_elses_name_is_not_theirs() {
        // The last word of another full name, and a common given name alone.
        let text = "Former director of operations for the Kenyan Army Hussein Rashid Kiprono \
                    was sentenced on Monday. The general served under Sabiti Kiprono \
                    for years.";
        let t = table_for(text);
        // A role, the body it is held in, then the name.
        assert_eq!(
            party_of(&t, text, "Hussein Rashid Kiprono", 0)
                .unwrap()
                .name,
            "Hussein Rashid Kiprono"
        );
        assert!(
            party_of(&t, text, "Kiprono", 1).is_none_or(|p| p.name != "Hussein Rashid Kiprono"),
            "{:?}",
            t.mentions
        );
        let text = "Omar Rashid Kiprono was sentenced on Monday. Omar was silent.";
        let t = table_for(text);
        assert!(party_of(&t, text, "Omar", 1).is_none(), "{:?}", t.mentions);
        // A surname after a given name the text never gave is still that person's.
        let text = "Mr Watson was hurt on Monday. Briton Murray Watson was abducted.";
        let t = table_for(text);
        assert_eq!(party_of(&t, text, "Watson", 1).unwrap().name, "Watson");
    }

    #[test]
    fn a_description_before_a_name_refers_back_to_no_one() {
        let text = "The Andes Fair Vote Network rallied in Lima. Later the rights group Free \
                    Speech Network marched. Then the rights group said it was done.";
        let t = table_for(text);
        let name = |s: &str| party_of(&t, text, s, 0).map(|p| p.name.clone());
        // The description and its name: the second network, not the first.
        assert!(
            name("the rights group Free").is_none_or(|n| n == "Free Speech Network"),
            "{:?}",
            t.mentions
        );
        // Alone, it refers back.
        assert_eq!(
            name("the rights group said").as_deref(),
            Some("Free Speech Network")
        );
    }

    #[test]
    fn they_after_a_group_that_speaks_is_that_group() {
        let text = "President Ana Diaz met President Luis Soto. Prosecutors said they would \
                    charge him.";
        let t = table_for(text);
        let at = text.find("they").unwrap();
        assert!(
            t.plurals.iter().all(|p| p.span.start != at) && t.mention_starting_at(at).is_none(),
            "{:?}",
            t.plurals
        );
    }

    /// The names of the parties the plural reference starting at byte `at` stands for.
    fn plural_names(t: &super::PartyTable, at: usize) -> Vec<&str> {
        let r = t
            .plurals
            .iter()
            .find(|p| p.span.start == at)
            .expect("a plural reference");
        r.parties
            .iter()
            .map(|&p| t.parties[p].name.as_str())
            .collect()
    }

    #[test]
    fn both_leaders_are_the_two_last_named_together() {
        let text = "President Ana Diaz met President Luis Soto. Both leaders smiled.";
        let t = table_for(text);
        let at = text.find("Both").unwrap();
        let names = plural_names(&t, at);
        assert_eq!(names, ["Ana Diaz", "Luis Soto"]);
    }

    #[test]
    fn she_follows_a_described_subject_past_the_people_it_meets() {
        let text = "Ingrid Olsen arrived in Paris today. Ingrid Olsen said she was happy. The \
                    Danish-French writer was greeted by the First Lady, Mrs Tamsin Reyd. She \
                    thanked France.";
        let t = table_for(text);
        assert_eq!(party_of(&t, text, "She", 0).unwrap().name, "Ingrid Olsen");
    }

    #[test]
    fn a_pronoun_after_a_long_quote_looks_past_its_sentences() {
        let text = "“I ran. I hid. I waited. I shot twice,” Tomas Varga told the court. “I shouted. \
                    Nobody answered. I was afraid. I fired.” Acting out the events, he wept.";
        let t = table_for(text);
        assert_eq!(
            party_of(&t, text, "he wept", 0).unwrap().name,
            "Tomas Varga"
        );
    }

    #[test]
    fn he_is_the_subject_after_an_opening_phrase_not_who_it_names() {
        let text = "Following a meeting with Tomas Reiner, the mayor of Tarsa, Governor Ada \
                    Lund spoke briefly. She praised the city. Like President Nicolas Duval, \
                    Prime Minister Pavel Dorin kept his remarks short. He left early.";
        let t = table_for(text);
        assert_eq!(party_of(&t, text, "She", 0).unwrap().name, "Ada Lund");
        assert_eq!(party_of(&t, text, "He", 0).unwrap().name, "Pavel Dorin");
    }

    #[test]
    fn the_father_and_the_mother_of_a_named_couple() {
        let text = "Judge Ana Ruiz sentenced Mr Pedro Salgado and his wife, Mrs Rosa \
                    Salgado, on Friday. The father said he was sorry. The mother said \
                    nothing. The father of a victim wept.";
        let t = table_for(text);
        assert_eq!(
            party_of(&t, text, "The father", 0).unwrap().name,
            "Pedro Salgado"
        );
        assert_eq!(
            party_of(&t, text, "The mother", 0).unwrap().name,
            "Rosa Salgado"
        );
        assert!(party_of(&t, text, "The father", 1).is_none());
    }

    #[test]
    fn she_passes_over_a_man_and_he_over_a_woman() {
        let text = "Ingrid Olsen met President Nicolas Duval in Paris. She thanked him. \
                    Mrs Tamsin Reyd greeted Duval. He smiled.";
        let t = table_for(text);
        assert_eq!(party_of(&t, text, "She", 0).unwrap().name, "Ingrid Olsen");
        assert_eq!(party_of(&t, text, "him", 0).unwrap().name, "Nicolas Duval");
        assert_eq!(party_of(&t, text, "He", 0).unwrap().name, "Nicolas Duval");
    }

    #[test]
    fn they_after_the_people_of_a_state_is_that_state() {
        let text = "Secretary Ann Blake met Catherine Colonna in Paris. They discussed support \
                    to the people and government of Ukraine as they fight back against Russia.";
        let t = table_for(text);
        let at = text.find("they fight").unwrap();
        let names = plural_names(&t, at);
        assert_eq!(names, ["Ukraine"]);
    }

    #[test]
    fn the_leader_of_a_group_is_not_the_leader_named_before() {
        let text = "President Luis Soto apologized on Friday. The leader of the group Vigil was \
                    arrested. The president of Peru spoke.";
        let t = table_for(text);
        assert!(party_of(&t, text, "The leader", 0).is_none());
    }

    #[test]
    fn they_after_a_verbs_object_of_a_state_is_not_that_state() {
        let text = "Rebels attacked the forces of Mali near Gao, and they said they killed 30.";
        let t = table_for(text);
        let at = text.find("they said").unwrap();
        let r = t.plurals.iter().find(|p| p.span.start == at);
        assert!(
            r.is_none_or(|r| r.parties.iter().all(|&p| t.parties[p].name != "Mali")),
            "{r:?}"
        );
    }

    #[test]
    fn the_country_is_the_state_last_named() {
        let text = "Yesterday, Peru fired shells. The country's military was placed on alert.";
        let t = table_for(text);
        assert_eq!(party_of(&t, text, "The country", 0).unwrap().name, "Peru");
    }

    #[test]
    fn a_body_described_before_a_preposition_is_the_body_named_before() {
        let text = "Rebels of the National Liberation Army (ELN) hold nine hostages. Soto called \
                    on the guerrilla organization to free them. The party leader spoke.";
        let t = table_for(text);
        let army = Some("National Liberation Army".to_owned());
        let at = text.find("the guerrilla").unwrap();
        let described = t
            .mention_starting_at(at)
            .map(|m| t.parties[m.party].name.clone());
        assert_eq!(described, army);
        // A description whose own name follows between commas is that name's.
        let named = "The National Liberation Army (ELN) holds nine hostages. The group in charge \
                     of relief, Caritas, sent food.";
        let at = named.find("The group").unwrap();
        assert!(table_for(named).mention_starting_at(at).is_none());
        // "The group in Cusco" may be another body than the one last named.
        let two = "The National Liberation Army (ELN) and the Shining Path met. The group in \
                   Cusco agreed.";
        let at = two.find("The group").unwrap();
        assert!(table_for(two).mention_starting_at(at).is_none());
        // "the party leader" is a person, not the body.
        let leader = text.find("The party").unwrap();
        assert!(
            t.mention_starting_at(leader)
                .is_none_or(|m| t.parties[m.party].kind != crate::model::PartyKind::Organization)
        );
    }
}
