//! People: a title and a name ("Japanese Prime Minister Fumio Kishida"), or a full name next to a
//! verb of saying ("Fumio Kishida said", "said newly elected councillor Dewly Nelson").

use super::states::{country_name, with_article};
use super::{Ctx, PartyInfo, PartyTable};
use crate::extract::hits::Recognised;
use crate::extract::lexicon::among;
use crate::extract::lexicon::{
    EAST_ASIAN_FAMILY_NAMES, INVERTING_VERBS, NAME_PARTICLES, PERSON_TITLES, SPEECH_VERBS,
    TitleUse, capitalised, folded, is_month_or_weekday,
};
use crate::extract::sentences::{Doc, TokenKind, WordMap};
use crate::extract::speech::{appositive_then_speech, descriptor_len, skip_fillers};
use crate::model::{PartyKind, Span};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// [`PERSON_TITLES`] as the token sequences the tokenizer makes ("gen." → "gen", ".").
static TITLES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    PERSON_TITLES
        .iter()
        .filter(|(_, u)| *u != TitleUse::Names)
        .map(|(t, _)| {
            t.split(' ')
                .flat_map(|w| match w.strip_suffix('.') {
                    Some(stem) => vec![stem, "."],
                    None => vec![w],
                })
                .collect()
        })
        .collect()
});
/// Titles that are courtesies, not offices.
fn is_honorific(title: &str) -> bool {
    matches!(
        title.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "dr"
    )
}
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
/// Longest title at token `i` (its length in tokens).
pub(super) fn title_at(doc: &Doc, i: usize) -> Option<usize> {
    if !doc.tokens.get(i)?.cap {
        return None;
    }
    title_len(doc, i)
}
/// A title at `i` in any case: "North Korean leader Kim Jong Un", "the opposition leader Ana
/// Morales". Lowercase, it names an office only when a full name or a country goes with it.
fn any_case_title_at(doc: &Doc, i: usize) -> Option<(usize, bool)> {
    if let Some(len) = title_at(doc, i) {
        return Some((len, false));
    }
    if doc.tokens.get(i)?.kind != TokenKind::Word {
        return None;
    }
    title_len(doc, i).map(|len| (len, true))
}
/// The length in tokens of the longest title at `i`, whatever its case.
fn title_len(doc: &Doc, i: usize) -> Option<usize> {
    // The titles by their first word: most tokens start none, and the rest start few.
    static BY_FIRST_WORD: LazyLock<WordMap<Vec<&'static [&'static str]>>> = LazyLock::new(|| {
        let mut map: WordMap<Vec<&'static [&'static str]>> = WordMap::default();
        for t in TITLES.iter() {
            map.entry(t[0]).or_default().push(t.as_slice());
        }
        map
    });
    BY_FIRST_WORD
        .get(doc.low(i))?
        .iter()
        .filter(|t| t.iter().enumerate().all(|(k, w)| doc.is(i + k, w)))
        .map(|t| t.len())
        .max()
}
/// True when the gazetteer knows `word` as a common given name, or it is one of the given names
/// of people in world news that the gazetteer's US census list lacks ("Barack", "Kamala",
/// "Olaf"). One that names a place too ("Franklin") reaches here only when place finding
/// judged it a person's.
pub(crate) fn is_given_name(word: &str) -> bool {
    let gaz = crate::geodata::gazetteer::Gazetteer::embedded();
    gaz.lookup(word).is_some_and(|info| {
        info.flags
            .has(crate::geodata::gazetteer::NameFlags::GIVEN_NAME)
    }) || crate::extract::lexicon::is_news_given_name(word)
}
/// The words of a name, an initial's full stop kept with it ("L.").
fn name_words(doc: &Doc, range: std::ops::Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in range {
        match out.last_mut() {
            Some(last) if doc.tok(k) == "." => last.push('.'),
            _ => out.push(doc.tok(k).to_owned()),
        }
    }
    out
}
/// Name tokens at `i`: capitalised words (with particles), not places or stop words.
pub(super) fn name_tokens_at(ctx: &Ctx, i: usize) -> usize {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let Some(s) = doc.tokens.get(i).map(|t| t.sentence) else {
        return 0;
    };
    // "Activist Omar Haddad tweeted": a role word is capitalised only by the sentence it opens.
    let opens_sentence = doc
        .sentences
        .get(s as usize)
        .is_some_and(|sentence| sentence.tokens.start == i);
    if opens_sentence && doc.is_any(i, PERSON_ROLES) && doc.tokens.get(i + 1).is_some_and(|t| t.cap)
    {
        return 0;
    }
    let mut j = i;
    while j < n && j < i + 5 && doc.tokens[j].sentence == s {
        let t = doc.tokens[j];
        // "Explained Keith, …": a capitalised speech verb is no name.
        // "Abdourahim Said Bakar": between two names, a capitalised "Said" is a name too.
        let inner_name = j > i
            && t.cap
            && doc.tokens.get(j + 1).is_some_and(|n| {
                n.cap && n.sentence == s && n.kind == TokenKind::Word && !ctx.covered[j + 1]
            });
        // "James L. Jones": a middle initial's full stop belongs to the name.
        let initial_stop = j > i
            && doc.tok(j) == "."
            && doc.tok(j - 1).len() == 1
            && doc.tok(j - 1).chars().all(|c| c.is_ascii_uppercase())
            && doc.tokens.get(j + 1).is_some_and(|n| {
                n.cap && n.sentence == s && n.kind == TokenKind::Word && !ctx.covered[j + 1]
            });
        if initial_stop {
            j += 1;
            continue;
        }
        let particle = j > i
            && !t.cap
            && doc.is_any(j, NAME_PARTICLES)
            && doc.tokens.get(j + 1).is_some_and(|t| t.cap);
        // (The shape first: most words are lowercase, and the word lists cost more.)
        let word_ok = (t.cap || particle)
            && t.kind == TokenKind::Word
            && !ctx.covered[j]
            && (inner_name || !doc.is_any(j, NOT_NAMES) && !doc.is_any(j, SPEECH_VERBS))
            && !is_month_or_weekday(doc.low(j));
        if word_ok {
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
        key: format!("person:{}", folded(name)),
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
pub(super) fn find_people(ctx: &mut Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        // Title (possibly after a country qualifier, which is itself a covered place or
        // demonym) + name.
        let (country, title_start) = match ctx.country_qualifier(i) {
            Some((cc, next))
                if any_case_title_at(doc, next).is_some()
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
        if let Some((tlen, lowercase)) = any_case_title_at(doc, title_start) {
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
            let mut nlen = name_tokens_at(ctx, name_start);
            // "Afghanistan's president, Hamid Karzai criticized …": the name after a comma.
            if nlen == 0 && doc.is(name_start, ",") {
                let n2 = name_tokens_at(ctx, name_start + 1);
                if (2..=3).contains(&n2)
                    && doc
                        .tokens
                        .get(name_start + 1 + n2)
                        .is_none_or(|t| !t.cap && t.kind != TokenKind::Possessive)
                {
                    name_start += 1;
                    nlen = n2;
                }
            }
            // A lowercase office needs a country or a full name: "the leader said" names nobody.
            // After a verb of saying it describes the speaker, and the speech rule below keeps
            // the whole description as the role ("explains newly elected town councillor …").
            let describes_speaker = lowercase
                && (1..=5).any(|d| {
                    title_start > d
                        && doc.is_any(title_start - d, INVERTING_VERBS)
                        && doc.tokens[title_start - d].sentence == doc.tokens[title_start].sentence
                });
            if lowercase && (country.is_none() && nlen < 2 || describes_speaker) {
                nlen = 0;
            }
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
                let tokens = name_words(doc, name_start..name_start + nlen);
                let name = tokens.join(" ");
                // A lowercase office is a description before the name ("explains town
                // councillor Dewly Nelson"): the mention is the name alone.
                let mention_start = if lowercase { name_start } else { title_start };
                let span = Span::new(
                    doc.tokens[mention_start].span.start,
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
            // ("said the Golden Dawn would march": a body named with "the" is the subject of
            // what was said, going on to a verb of its own, not who said it.)
            let own_verb = i > 0
                && doc.is(i - 1, "the")
                && doc.tokens.get(after).is_some_and(|t| {
                    !t.cap
                        && t.kind == TokenKind::Word
                        && (doc.is_any(
                            after,
                            &[
                                "would", "will", "had", "has", "have", "was", "were", "is", "are",
                                "could", "should", "can", "may", "might", "must", "did", "does",
                            ],
                        ) || doc.low(after).ends_with("ed") && !doc.is(after, "and"))
                });
            let before_is_speech = (before_is_speech || descriptor.is_some()) && !own_verb;
            let appositive = appositive_then_speech(doc, after).map(|(a, _)| a);
            // "Kim In-seok, stated, “…”": a comma between the name and its verb.
            let comma_speech = doc.is(after, ",")
                && doc.is_any(after + 1, SPEECH_VERBS)
                && !doc.tokens.get(after + 1).is_some_and(|t| t.cap);
            // "One of the victims from Saraf Jidad recalled": a name inside a phrase of place
            // is not who speaks.
            let in_place_phrase = i > 0
                && (doc.is_any(i - 1, &["in", "near", "into", "from"])
                    || doc.is(i - 1, "at") && doc.is(after, ","));
            if (doc.is_any(after, SPEECH_VERBS) || appositive.is_some()) && !in_place_phrase
                || before_is_speech
                || comma_speech
            {
                // "said Abdourahim Said Bakar, a government spokesman.": the description after
                // the name, up to the clause's end.
                let trailing = (before_is_speech && doc.is(after, ",")).then(|| {
                    let end = (after + 1..(after + 10).min(n))
                        .find(|&k| {
                            doc.tokens[k].sentence != doc.tokens[after].sentence
                                || doc.is_any(k, &[",", ".", ";", ":"])
                        })
                        .unwrap_or((after + 10).min(n));
                    after + 1..end
                });
                let role = appositive
                    .or(trailing)
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
        // "Nassar al-Rubaie, a Shiite member of Parliament,": a full name and an appositive
        // that gives a person's role.
        if (2..=3).contains(&nlen)
            && let Some(a) = person_appositive(doc, i + nlen)
        {
            let role = appositive_role(doc, a);
            add_untitled_person(ctx, table, i..i + nlen, role);
            i += nlen;
            continue;
        }
        // "Israel Foreign Ministry spokesman Yigal Palmor", "Hamas official Ayman Taha": a
        // lowercase role word right before a full name; "A spokesman for Gaddafi, Moussa
        // Ibrahim, said": a name between commas after one.
        if (2..=3).contains(&nlen) && i > 0 {
            let role_before = !doc.tokens[i - 1].cap && doc.is_any(i - 1, PERSON_ROLES);
            // ("The Secretary-General of the MDC, Tendai Biti,": a capitalised role after an
            // article is still a role noun.)
            let appositive_after_role = doc.is(i - 1, ",")
                && doc.is(i + nlen, ",")
                && (i.saturating_sub(6)..i - 1).any(|k| {
                    (!doc.tokens[k].cap || k > 0 && doc.is_any(k - 1, &["the", "a", "an"]))
                        && doc.is_any(k, PERSON_ROLES)
                        && doc.tokens[k].sentence == doc.tokens[i].sentence
                });
            // "director of operations for the Iraqi Armed Forces Hussein Rashid Mohammed was":
            // a role, the body it is held in, then the name.
            let role_of_body = ctx.covered[i - 1]
                && doc.tokens[i - 1].cap
                && !doc.tokens.get(i + nlen).is_some_and(|t| t.cap)
                // "… for the United Nations High Commissioner for Human Rights": more of the
                // body's name, not a person's.
                && !doc.is_any(i + nlen, &["of", "for", "and", "on", "in"])
                && title_at(doc, i).is_none()
                && (i.saturating_sub(10)..i - 1).any(|k| {
                    !doc.tokens[k].cap
                        && doc.is_any(k, PERSON_ROLES)
                        && doc.is_any(k + 1, &["of", "for", "at"])
                        && (k + 1..i).all(|j| {
                            doc.tokens[j].kind == TokenKind::Word
                                && doc.tokens[j].sentence == doc.tokens[i].sentence
                                && !doc.is_any(j, SPEECH_VERBS)
                                && !doc.is_any(j, &["and", "or", "is", "was", "are", "were"])
                        })
                });
            if role_before || appositive_after_role || role_of_body {
                let role = role_before.then(|| capitalised(doc.tok(i - 1)));
                add_untitled_person(ctx, table, i..i + nlen, role);
                i += nlen;
                continue;
            }
        }
        // "Winston Churchill met …": a common given name and a surname, with running text
        // after them, are a person's name wherever they stand.
        // (Not after a preposition of place: "In Saraf Jidad, which …", "victims from Saraf
        // Jidad, who …" name a village.)
        let placed = i > 0
            && (doc.is_any(i - 1, &["in", "near", "into"])
                || doc.is_any(i - 1, &["from", "at"]) && doc.is(i + nlen, ","));
        if (2..=3).contains(&nlen)
            && (is_given_name(doc.tok(i)) || east_asian_name(doc, i, nlen))
            && !doc.tokens.get(i + nlen).is_some_and(|t| t.cap)
            && !placed
        {
            add_untitled_person(ctx, table, i..i + nlen, None);
            i += nlen;
            continue;
        }
        // "Maxime Bernier was forced to resign", "In May, Maxime Bernier resigned": two names
        // opening the clause, right before a verb in the past, are a person's, however rare
        // the given name. (Not a storm's or a mountain's: "Hurricane Katrina struck".)
        let clause_opening = i == doc.sentences[doc.tokens[i].sentence as usize].tokens.start
            || i >= 3 && doc.is(i - 1, ",") && {
                let start = doc.sentences[doc.tokens[i].sentence as usize].tokens.start;
                // An opening phrase of time: "In May,", "On Monday,", "Last week,".
                i - 1 - start <= 3
                    && doc.is_any(start, &["in", "on", "last", "earlier", "later", "then"])
            };
        // (What befalls a person, told in the passive: not "Kalameh Sabz was founded"; and no
        // verb of a firm's or a paper's: "Goldman Sachs reported", "Air Canada announced".)
        let past_verb = |k: usize| {
            doc.tokens
                .get(k)
                .is_some_and(|t| !t.cap && t.kind == TokenKind::Word)
                && (doc.low(k).ends_with("ed")
                    && !doc.is_any(k, &["need", "red", "bed", "shed"])
                    && !doc.is_any(k, FIRMS_VERBS)
                    || doc.is_any(k, &["was", "were"]) && doc.is_any(k + 1, BEFALLS_PEOPLE))
        };
        if nlen == 2
            && clause_opening
            && past_verb(i + nlen)
            && !doc.is_any(
                i,
                &[
                    "hurricane",
                    "typhoon",
                    "cyclone",
                    "storm",
                    "tropical",
                    "mount",
                    "lake",
                    "river",
                    "operation",
                    "the",
                    "a",
                    "an",
                    "this",
                    "that",
                    "these",
                    "those",
                ],
            )
            && (i..i + nlen).all(|k| {
                doc.tokens[k].kind == TokenKind::Word
                    && doc.tok(k).chars().skip(1).any(|c| c.is_lowercase())
            })
        {
            add_untitled_person(ctx, table, i..i + nlen, None);
            i += nlen;
            continue;
        }
        // "Campus Manager Tara Boyle says", "said Senate Majority Leader Harry Reid": a longer
        // run of capitals next to a speech verb is a description and a two-word name.
        if (4..=5).contains(&nlen)
            && (doc.is_any(i + nlen, SPEECH_VERBS) && !doc.tokens[i + nlen].cap
                || i > 0 && doc.is_any(i - 1, INVERTING_VERBS) && !doc.tokens[i - 1].cap)
        {
            let name_start = i + nlen - 2;
            let role = capitalised(
                &doc.text[doc.tokens[i].span.start..doc.tokens[name_start - 1].span.end],
            );
            add_untitled_person(ctx, table, name_start..i + nlen, Some(role));
            i += nlen;
            continue;
        }
        // "Health Minister Ivan Lewis", "Foreign Office Minister …": a title inside a run of
        // capitals starts a name of its own.
        i = (i + 1..i + nlen)
            .find(|&k| title_at(doc, k).is_some())
            .unwrap_or(i + nlen.max(1));
    }
    find_people_by_surname(ctx, table);
}
/// Family names of [`EAST_ASIAN_FAMILY_NAMES`] that are also words or other names in English
/// news ("Le Monde", "Sun Microsystems", "Ho Chi Minh City", "Hong Kong"): they start a
/// person's name only before a hyphenated given name ("Ban Ki-moon").
const AMBIGUOUS_FAMILY_NAMES: &[&str] = &[
    "Le", "Do", "He", "Ho", "Ma", "Lu", "Ye", "Oh", "Ban", "Song", "Hong", "Ly", "Vo", "Su", "Lam",
    "Chan", "Wong", "Sun", "Han", "Lai", "Pan", "Ding", "Hua", "Wen", "Tang", "Lin", "Lim", "Moon",
    "Kang", "Jung", "Shin", "Park", "Yu", "Du", "Long", "Tran", "Cho",
];
/// "Xi Jinping", "Li Qiang", "Moon Jae-in": an East Asian family name first, then a given name
/// of one word (hyphenated when the family name is also an English word or another name).
fn east_asian_name(doc: &Doc, i: usize, nlen: usize) -> bool {
    let family = doc.tok(i);
    EAST_ASIAN_FAMILY_NAMES.contains(&family)
        && !is_given_name(family)
        && (doc.tok(i + 1).contains('-') || !AMBIGUOUS_FAMILY_NAMES.contains(&family))
        && (2..=3).contains(&nlen)
}
/// A person's country from an apposition beside the name: "Ahmed Shafik, Egypt's acting
/// prime minister,", "James Jones, a U.S. security adviser", "the former prime minister of
/// Egypt, Ahmed Nazif,".
pub(super) fn countries_from_appositions(ctx: &Ctx, table: &mut PartyTable) {
    let doc = ctx.doc;
    let mut found = Vec::new();
    for m in &table.mentions {
        if m.anaphor
            || table.parties[m.party].kind != PartyKind::Person
            || table.parties[m.party].country.is_some()
        {
            continue;
        }
        let Some(first) = doc.token_containing(m.span.start) else {
            continue;
        };
        let last = doc.token_at_or_after(m.span.end);
        let sentence = doc.tokens[first].sentence;
        let in_sentence = |k: usize| doc.tokens.get(k).is_some_and(|t| t.sentence == sentence);
        let bounded = |k: usize| doc.is_any(k, &[",", ";", ":", "."]) || !in_sentence(k);
        let after = doc.is(last, ",").then(|| {
            let end = (last + 1..last + 10)
                .find(|&k| bounded(k))
                .unwrap_or(last + 10);
            last + 1..end
        });
        let before = (first > 1 && doc.is(first - 1, ",")).then(|| {
            let start = (first.saturating_sub(10)..first - 1)
                .rev()
                .find(|&k| bounded(k))
                .map_or(first.saturating_sub(10), |k| k + 1);
            start..first - 1
        });
        if let Some(cc) = after
            .into_iter()
            .chain(before)
            .find_map(|a| apposition_country(ctx, a))
        {
            found.push((m.party, cc));
        }
    }
    for (p, cc) in found {
        table.parties[p].country.get_or_insert(cc);
    }
}
/// The country an office in apposition names: "(a/the) [former] Egyptian/Egypt's …" or "the
/// … minister of Egypt".
fn apposition_country(ctx: &Ctx, a: std::ops::Range<usize>) -> Option<String> {
    let doc = ctx.doc;
    if a.len() < 2 || a.len() > 9 {
        return None;
    }
    let mut k = a.start;
    let det = doc.is_any(k, &["a", "an", "the"]);
    if det {
        k += 1;
    }
    if doc.is_any(
        k,
        &["former", "acting", "then", "outgoing", "top", "senior"],
    ) {
        k += 1;
    }
    if let Some((cc, next)) = ctx.country_qualifier(k)
        && next < a.end
        && (any_case_title_at(doc, next).is_some() || doc.is_any(next, PERSON_ROLES) || {
            !doc.tokens[next].cap && doc.tokens[next].kind == TokenKind::Word
        })
    {
        return Some(cc);
    }
    if !det {
        return None;
    }
    (k..a.end).find_map(|t| {
        let (len, _) = any_case_title_at(doc, t)?;
        (doc.is(t + len, "of"))
            .then(|| ctx.country_qualifier(t + len + 1))
            .flatten()
            .filter(|(_, next)| *next <= a.end)
            .map(|(cc, _)| cc)
    })
}
/// Last words of organisation names that look like people's names ("Fox News").
const ORGANISATION_LAST_WORDS: &[&str] = &[
    "news",
    "paper",
    "daily",
    "herald",
    "tribune",
    "gazette",
    "democrats",
    "republicans",
    "conservatives",
    "socialists",
    "liberals",
    "greens",
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
    "management",
    "information",
    "authority",
    "services",
    "administration",
    "organization",
    "organisation",
    "corporation",
    "federation",
    "movement",
    "front",
    "alliance",
    "coalition",
    "fund",
    "institution",
    "tribunal",
    "assembly",
    "campaign",
    "project",
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
    // "Fox News said", "Reuters Institute said": an organisation, not a person; "also a
    // Labour MSP": an office ("MSP", "MP") or anything after "a" is a role, not a name.
    let last = doc.tok(name.end - 1);
    if doc.is_any(name.end - 1, ORGANISATION_LAST_WORDS)
        || last.len() >= 2 && last.chars().all(|c| c.is_ascii_uppercase())
        || name.start > 0 && doc.is_any(name.start - 1, &["a", "an"])
    {
        return;
    }
    let tokens = name_words(doc, name.clone());
    let span = Span::new(
        doc.tokens[name.start].span.start,
        doc.tokens[name.end - 1].span.end,
    );
    // "the Somali Red Crescent Society said", "European Naval Force": a body the
    // organisation table does not know, speaking.
    if doc.is_any(name.end - 1, BODY_WORDS) {
        let full = tokens.join(" ");
        let p = table.party(PartyInfo::organisation(
            format!("org:{}", folded(&full)),
            full,
            None,
        ));
        table.mention(span, p, false);
        for k in name {
            ctx.covered[k] = true;
        }
        return;
    }
    let full = tokens.join(" ");
    let p = known_person(table, &tokens).unwrap_or_else(|| {
        let mut info = person_info(&full, tokens, None, None, ctx.rec);
        info.role = role;
        table.party(info)
    });
    table.mention(span, p, false);
    for k in name {
        ctx.covered[k] = true;
    }
}
/// "“…,” Robbins said" where the article introduced "Bob Robbins" without a title: a lone
/// capitalised word next to a speech verb whose full name (two or three capitalised words
/// ending in it, or starting with it for an East Asian family name) the article gives elsewhere
/// makes that full name a person. A lone word with
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
    if surnames.is_empty() {
        return;
    }
    // Full names of two or three words, by their last word and by their first: found in one
    // pass, because a scan of the whole text per surname made long articles quadratic. Each
    // is checked again when used, since names added meanwhile cover words.
    let full_at = |ctx: &Ctx, k: usize| {
        let len = name_tokens_at(ctx, k);
        ((2..=3).contains(&len) && (k == 0 || name_tokens_at(ctx, k - 1) == 0)).then_some(len)
    };
    let wanted: HashSet<&str> = surnames.iter().copied().collect();
    let mut by_word: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
    for k in 0..n {
        let first = doc.tok(k);
        let last_wanted = |len: usize| wanted.contains(doc.tok(k + len - 1));
        // Only where a wanted surname could end or (East Asian) begin a two- or three-word name.
        let near = |j: usize| j < n && wanted.contains(doc.tok(j));
        if !doc.tokens[k].cap || !(near(k) || near(k + 1) || near(k + 2)) {
            continue;
        }
        if let Some(len) = full_at(ctx, k) {
            if last_wanted(len) {
                by_word
                    .entry(doc.tok(k + len - 1))
                    .or_default()
                    .push((k, len));
            }
            if wanted.contains(first) && among(first, EAST_ASIAN_FAMILY_NAMES) {
                by_word.entry(first).or_default().push((k, len));
            }
        }
    }
    let mut known: HashSet<String> = HashSet::default();
    let mut seen = 0;
    for surname in surnames {
        for p in &table.parties[seen..] {
            if p.kind == PartyKind::Person {
                known.extend(p.name_tokens.iter().map(|t| folded(t)));
            }
        }
        seen = table.parties.len();
        if known.contains(&folded(surname)) {
            continue; // already a known person's name
        }
        // Built in text order, so the first that still fits is the earliest, as before.
        let mut candidates = by_word.get(surname).into_iter().flatten().copied();
        let full = candidates.find(|&(k, len)| {
            // "Lai Changxing … Lai said": East Asian names put the family name first.
            let family_first = doc.tok(k) == surname && among(surname, EAST_ASIAN_FAMILY_NAMES);
            full_at(ctx, k) == Some(len) && (doc.tok(k + len - 1) == surname || family_first)
        });
        let Some((k, len)) = full else { continue };
        add_untitled_person(ctx, table, k..k + len, None);
    }
}
/// Words that end a body's name, never a person's: "Red Crescent Society", "Patrol Unit".
const BODY_WORDS: &[&str] = &[
    "society",
    "museum",
    "unit",
    "service",
    "authority",
    "council",
    "committee",
    "agency",
    "office",
    "ministry",
    "department",
    "party",
    "front",
    "movement",
    "army",
    "forces",
    "force",
    "bank",
    "company",
    "corporation",
    "institute",
    "university",
    "court",
    "commission",
    "union",
    "association",
    "organization",
    "organisation",
    "group",
    "center",
    "centre",
    "foundation",
    "network",
    "bureau",
    "command",
    "guard",
    "police",
    "navy",
    "brigade",
    "battalion",
    "hospital",
    "school",
    "board",
    "fund",
    "trust",
    "league",
    "alliance",
    "coalition",
];

/// Nouns that make an appositive a person's description ("a top aide to al-Sadr").
const PERSON_ROLES: &[&str] = &[
    "member",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "official",
    "adviser",
    "advisor",
    "leader",
    "director",
    "chief",
    "head",
    "professor",
    "analyst",
    "commander",
    "lawyer",
    "president",
    "secretary",
    "ambassador",
    "envoy",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "widow",
    "brother",
    "sister",
    "resident",
    "witness",
    "survivor",
    "activist",
    "journalist",
    "correspondent",
    "researcher",
    "fellow",
    "senator",
    "lawmaker",
    "legislator",
    "cleric",
    "priest",
    "general",
    "officer",
    "soldier",
    "student",
    "teacher",
    "doctor",
    "farmer",
    "politician",
    "candidate",
    "deputy",
    "representative",
    "economist",
    "expert",
    "veteran",
    "founder",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "consultant",
    "negotiator",
    "councillor",
    "councilor",
    "citizen",
    "worker",
    "manager",
    "executive",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "major",
    "judge",
    "prosecutor",
    "attorney",
    "author",
    "writer",
    "reporter",
    "editor",
    "nurse",
    "surgeon",
    "scientist",
    "diplomat",
    "commissioner",
    "bishop",
    "imam",
    "rabbi",
    "man",
    "woman",
    "boy",
    "girl",
    "secretary-general",
    "director-general",
    "vice-president",
    "vice-chairman",
    "commander-in-chief",
];
/// The appositive after a name at `comma`, when it describes a person: ", a top aide to
/// al-Sadr," or ", 24, a witness". Ends at the next comma or full stop, within 10 tokens.
fn person_appositive(doc: &Doc, comma: usize) -> Option<std::ops::Range<usize>> {
    if !doc.is(comma, ",") {
        return None;
    }
    let sentence = doc.tokens[comma].sentence;
    let mut first = comma + 1;
    // An age first: "Yasmeen Afdhal, 24,"; alone, it is enough ("Afdhal, 24, who works …").
    if doc.tokens.get(first)?.kind == TokenKind::Number && doc.is(first + 1, ",") {
        let age = doc
            .tok(first)
            .parse::<u32>()
            .is_ok_and(|n| (1..=120).contains(&n));
        first += 2;
        if age && !doc.is_any(first, &["a", "an", "the"]) {
            return Some(first..first);
        }
    }
    // "Jarret Brachman, consultant to the US government,": a bare role noun.
    let bare_role = doc.tokens.get(first).is_some_and(|t| !t.cap)
        && doc.is_any(first, PERSON_ROLES)
        && doc.tokens[first].sentence == sentence;
    // "Besir Atalay, Turkey's interior minister,": a country's possessive stands for "the".
    let owner = doc.tokens.get(first).is_some_and(|t| t.cap)
        && doc
            .tokens
            .get(first + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive && t.sentence == sentence);
    if !bare_role && !owner && !doc.is_any(first, &["a", "an", "the"]) {
        return None;
    }
    let first = if bare_role {
        // Read it as though an article stood before it.
        first - 1
    } else if owner {
        first + 1
    } else {
        first
    };
    let end = (first + 1..(first + 10).min(doc.tokens.len()))
        .take_while(|&k| doc.tokens[k].sentence == sentence)
        .find(|&k| doc.is_any(k, &[",", ".", ";", ":", "(", "“", "\""]))
        .unwrap_or((first + 10).min(doc.tokens.len()));
    // The head noun comes before any "of", "to", "for", "at": "a member of Parliament".
    let head_end = (first + 1..end)
        .find(|&k| doc.is_any(k, &["of", "to", "for", "at", "in", "with", "from", "who"]))
        .unwrap_or(end);
    // ("Ehud Olmert, the Israeli Prime Minister,": an office's title may be capitalised, when
    // it ends the head, not "the General Assembly".)
    (first + 1..head_end)
        .any(|k| {
            doc.is_any(k, PERSON_ROLES)
                && (!doc.tokens[k].cap
                    || doc.is_any(k, CAPITALISED_OFFICES)
                        && (k + 1 == head_end || !doc.tokens[k + 1].cap))
        })
        .then_some(first..end)
}
/// Participles of what befalls a person: "Maxime Bernier was arrested".
const BEFALLS_PEOPLE: &[&str] = &[
    "arrested",
    "detained",
    "killed",
    "shot",
    "wounded",
    "injured",
    "elected",
    "appointed",
    "sentenced",
    "charged",
    "convicted",
    "accused",
    "forced",
    "released",
    "freed",
    "kidnapped",
    "abducted",
    "jailed",
    "executed",
    "murdered",
    "dismissed",
    "ousted",
    "fired",
    "questioned",
    "born",
    "hospitalised",
    "hospitalized",
    "acquitted",
    "pardoned",
    "extradited",
    "deported",
    "expelled",
    "banned",
    "barred",
];
/// Verbs in the past that a firm, a paper or a body does as often as a person.
const FIRMS_VERBS: &[&str] = &[
    "founded",
    "established",
    "formed",
    "created",
    "launched",
    "based",
    "reported",
    "announced",
    "published",
    "released",
    "posted",
    "owned",
    "listed",
    "merged",
    "acquired",
    "closed",
    "opened",
    "expanded",
    "increased",
    "dropped",
    "gained",
    "declined",
    "collapsed",
    "crashed",
    "started",
    "ended",
    "employed",
    "operated",
    "produced",
    "recorded",
    "registered",
    "filed",
    "marched",
    "rallied",
    "protested",
    "demonstrated",
    "called",
    "claimed",
    "issued",
    "stated",
    "warned",
    "urged",
    "welcomed",
    "condemned",
    "opposed",
    "supported",
    "backed",
];
/// Roles written capitalised as titles of office ("the Israeli Prime Minister").
const CAPITALISED_OFFICES: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "ambassador",
    "envoy",
    "senator",
    "governor",
    "mayor",
    "commissioner",
    "chairman",
    "spokesman",
    "secretary-general",
];
/// The role an appositive gives ("a research associate at the University of Alberta" →
/// "Research associate at the University of Alberta"); none for an age or a relative clause.
fn appositive_role(doc: &Doc, a: std::ops::Range<usize>) -> Option<String> {
    if a.len() < 2 || !doc.is_any(a.start, &["a", "an", "the"]) {
        return None;
    }
    let text = &doc.text[doc.tokens[a.start + 1].span.start..doc.tokens[a.end - 1].span.end];
    Some(capitalised(text))
}

#[cfg(test)]
mod tests {
    use super::super::{party_of, table_for};
    use crate::model::PartyKind;

    #[test]
    fn a_bodys_name_next_to_a_verb_of_saying_is_a_body() {
        let text = "The head of the Somali Red Crescent Society said the camp was attacked.";
        let t = table_for(text);
        let p = party_of(&t, text, "Red Crescent Society", 0).expect("the society");
        assert_eq!(p.kind, PartyKind::Organization);
    }

    #[test]
    fn a_title_and_a_name_make_a_person_with_a_role() {
        let text = "Japanese Prime Minister Fumio Kishida arrived. Officer Jane Keller said so.";
        let t = table_for(text);
        let k = party_of(&t, text, "Prime Minister", 0).expect("Kishida");
        assert_eq!(k.name, "Fumio Kishida");
        assert_eq!(k.kind, PartyKind::Person);
        assert_eq!(k.role.as_deref(), Some("Prime Minister of Japan"));
        assert_eq!(k.country.as_deref(), Some("JP"));
        let o = party_of(&t, text, "Officer", 0).expect("Keller");
        assert_eq!(
            (o.name.as_str(), o.role.as_deref()),
            ("Jane Keller", Some("Officer"))
        );
    }

    #[test]
    fn an_office_or_a_political_party_is_no_person() {
        let text = "Rosa Mamani, also a Green MLA, said no. Ana Quispe from the Andean \
                    Democrats said yes.";
        let t = table_for(text);
        let names: Vec<(&str, PartyKind)> = t
            .parties
            .iter()
            .map(|p| (p.name.as_str(), p.kind))
            .collect();
        assert!(
            !names.iter().any(|(n, k)| {
                *k == PartyKind::Person && (n.contains("MLA") || n.contains("Democrats"))
            }),
            "{names:?}"
        );
    }

    #[test]
    fn an_office_then_a_comma_then_the_name() {
        let text = "Peru's president, Tomas Quispe criticized the plan.";
        let t = table_for(text);
        let q = party_of(&t, text, "Tomas Quispe", 0).expect("Quispe");
        assert_eq!(q.kind, PartyKind::Person);
        assert_eq!(q.country.as_deref(), Some("PE"));
    }

    #[test]
    fn an_apposition_gives_a_person_their_country() {
        let text = "Tomas Varga, Peru's acting prime minister, resigned. Later, the former \
                    foreign minister of Chile, Rosa Mamani, spoke.";
        let t = table_for(text);
        let v = party_of(&t, text, "Tomas Varga", 0).expect("Varga");
        assert_eq!(v.country.as_deref(), Some("PE"));
        let m = party_of(&t, text, "Rosa Mamani", 0).expect("Mamani");
        assert_eq!(m.country.as_deref(), Some("CL"));
    }

    #[test]
    fn a_name_ending_in_an_organisation_word_is_no_person() {
        let text = "Eastern Land Information Management said the wells were dry.";
        let t = table_for(text);
        assert!(
            t.parties.iter().all(|p| p.kind != PartyKind::Person),
            "{:?}",
            t.parties
        );
    }

    #[test]
    fn one_person_whatever_the_accents_and_however_first_named() {
        let text = "President Nuñez arrives\n\nPresident Rafael Núñez landed in Lima on \
                    Monday. Nunez said the talks would be hard.";
        let t = table_for(text);
        let people: Vec<&str> = t
            .parties
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                p.kind == PartyKind::Person && t.mentions.iter().any(|m| m.party == *i)
            })
            .map(|(_, p)| p.name.as_str())
            .collect();
        assert_eq!(people, ["Rafael Núñez"], "{:?}", t.parties);
    }

    #[test]
    fn a_family_name_first_surname_finds_its_full_name() {
        let text = "Zheng Wenhua was sentenced on Wednesday. “I had no choice,” Zheng said.";
        let t = table_for(text);
        let z = party_of(&t, text, "Zheng", 1).expect("the family name speaks for Zheng Wenhua");
        assert_eq!(
            (z.name.as_str(), z.kind),
            ("Zheng Wenhua", PartyKind::Person)
        );
    }

    #[test]
    fn a_full_name_beside_a_speech_verb_is_a_person_and_an_outlet_is_not() {
        let text = "“It rained,” said Dewly Nelson. Jonathan Banks, a research associate at the \
                    university, told reporters it was wet. Fox News said it rained.";
        let t = table_for(text);
        assert_eq!(party_of(&t, text, "Dewly", 0).unwrap().name, "Dewly Nelson");
        let banks = party_of(&t, text, "Jonathan", 0).unwrap();
        assert_eq!(
            banks.role.as_deref(),
            Some("Research associate at the university")
        );
        assert!(
            party_of(&t, text, "Fox", 0).is_none(),
            "an outlet is no person"
        );
    }

    #[test]
    fn a_name_before_a_countrys_office_is_a_person() {
        let text = "The envoy met Tarek Mansour, Egypt's deputy health minister, on Friday.";
        let t = table_for(text);
        let p = party_of(&t, text, "Tarek Mansour", 0).expect("a person");
        assert_eq!(p.kind, PartyKind::Person);
    }

    #[test]
    fn a_village_named_in_a_phrase_of_place_is_no_speaker() {
        let text = "One of the victims from Umm Kadada recalled the attack. A witness from Umm \
                    Kadada, who was around 80 years old, said it began at dawn. Fatima Nur said \
                    so too.";
        let t = table_for(text);
        assert!(
            t.parties.iter().all(|p| p.name != "Umm Kadada"),
            "{:?}",
            t.parties
        );
        let nur = party_of(&t, text, "Fatima Nur", 0).expect("a speaker by name");
        assert_eq!(nur.kind, PartyKind::Person);
    }

    #[test]
    fn an_east_asian_family_name_first_makes_a_name_without_a_title() {
        let text = "Li Qiang met Wang Yi and Moon Jae-in in Beijing. Le Monde and Hong Kong \
                    Airlines reported it.";
        let t = table_for(text);
        for name in ["Li Qiang", "Wang Yi", "Moon Jae-in"] {
            let p = party_of(&t, text, name, 0).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(p.kind, PartyKind::Person, "{name}");
        }
        // Family names that are words or other names need a hyphenated given name.
        assert!(party_of(&t, text, "Le Monde", 0).is_none_or(|p| p.kind != PartyKind::Person));
        assert!(party_of(&t, text, "Hong Kong", 0).is_none_or(|p| p.kind != PartyKind::Person));
    }

    #[test]
    fn a_secretary_general_beside_a_name_makes_a_person() {
        for text in [
            "Tendai Biti, the secretary-general of the MDC, was arrested.",
            "The Secretary-General of the MDC, Tendai Biti, appeared in court.",
        ] {
            let t = table_for(text);
            let p = party_of(&t, text, "Tendai Biti", 0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(p.kind, PartyKind::Person, "{text}");
        }
    }

    #[test]
    fn a_given_name_of_world_news_starts_a_name_the_census_list_lacks() {
        let text = "Olaf Brenner met Kamala Ortiz in Lima on Monday to discuss the harvest.";
        let t = table_for(text);
        let o = party_of(&t, text, "Olaf", 0).expect("Olaf Brenner");
        assert_eq!(
            (o.name.as_str(), o.kind),
            ("Olaf Brenner", PartyKind::Person)
        );
        let k = party_of(&t, text, "Kamala", 0).expect("Kamala Ortiz");
        assert_eq!(k.name, "Kamala Ortiz");
        // "Obama" is a town in Japan too; after "Barack" it is a surname, not a place.
        let text = "Barack Obama spoke to reporters in Lima about the harvest on Monday.";
        let t = table_for(text);
        let b = party_of(&t, text, "Barack", 0).expect("Barack Obama");
        assert_eq!(b.name, "Barack Obama");
        let doc = crate::extract::sentences::Doc::new(text);
        let rec = crate::extract::hits::Recognised::find(
            &doc,
            crate::geodata::gazetteer::Gazetteer::embedded(),
        );
        assert!(
            rec.places
                .iter()
                .all(|p| &text[p.span.start..p.span.end] != "Obama"),
            "{:?}",
            rec.places
        );
    }

    #[test]
    fn the_marine_corps_is_no_one_named_marine() {
        let text = "A U.S. Marine Corps helicopter crashed near Lima on Monday, officials said.";
        let t = table_for(text);
        assert!(
            !t.parties
                .iter()
                .any(|p| p.kind == PartyKind::Person && p.name.contains("Marine")),
            "{:?}",
            t.parties
        );
    }

    #[test]
    fn a_body_named_with_the_after_said_is_no_speaker() {
        let text = "Soto said the Golden Dawn would march on Monday.";
        let t = table_for(text);
        assert!(
            t.parties
                .iter()
                .all(|p| p.name != "Golden Dawn" || p.kind != PartyKind::Person),
            "{:?}",
            t.parties
        );
        // An inverted speaker still is one.
        let text = "\"We will march,\" said Nuno Vidal on Monday.";
        let t = table_for(text);
        assert!(
            t.parties
                .iter()
                .any(|p| p.name == "Nuno Vidal" && p.kind == PartyKind::Person)
        );
    }
}
