//! Who said each quote: the speaker named after it ("…,” Kishida said), before it ("Yoon said
//! that …"), by "according to", or carried over from the quote it continues. A group that
//! speaks ("Prosecutors said …") is no party yet here; `events::group_speakers` names it when
//! the article is assembled.

use super::lexicon::{INVERTING_VERBS, SPEECH_FILLERS, SPEECH_VERBS};
use super::parties::{PartyTable, Plurality};
use super::quotes::{QuoteFound, inside_quote};
use super::sentences::{Doc, TokenKind};
use super::speech::{appositive_then_speech, descriptor_len, skip_fillers};
use crate::model::{PartyKind, Span};

/// What an attribution rule decided.
enum Attribution {
    /// This party said it.
    Speaker(usize),
    /// The text names a source that is no single party (a plural, a document): no speaker.
    Nobody,
    /// This rule does not apply.
    Unknown,
}

/// Attributes every quote to a speaker, using party mentions (pronouns already resolved).
pub fn attribute(doc: &Doc, quotes: &mut [QuoteFound], parties: &PartyTable) {
    // Quotes whose text names a speaker we could not identify: never a continuation.
    let mut explicit_nobody = vec![false; quotes.len()];
    for qi in 0..quotes.len() {
        let q = quotes[qi].clone();
        // "the Church denied these allegations: “…” They also claimed Paris was a
        // “volunteer”": a body is "they" or "it" in the sentence after it spoke.
        if qi > 0
            && let Some(s) = quotes[qi - 1].speaker
            && speaks_as_one(parties, s)
            && parties.parties[s].kind != PartyKind::Person
            && body_pronoun_speaks(doc, &quotes[qi], &quotes[qi - 1])
        {
            quotes[qi].speaker = Some(s);
            continue;
        }
        let mut decided = after_quote(doc, &q, quotes, parties);
        if matches!(decided, Attribution::Unknown) {
            decided = before_quote(doc, &q, quotes, parties);
        }
        if matches!(decided, Attribution::Unknown) {
            decided = according_to(doc, &q, parties);
        }
        if matches!(decided, Attribution::Unknown) {
            decided = subject_speaker(doc, &q, quotes, parties);
        }
        match decided {
            Attribution::Speaker(p) => quotes[qi].speaker = Some(p),
            Attribution::Nobody => explicit_nobody[qi] = true,
            Attribution::Unknown => {}
        }
    }
    // Continuations: quotes of one group share a speaker; an unattributed whole-sentence quote
    // takes the speaker of the quote just before it (same or previous paragraph), or of a short
    // "X said." sentence right after it.
    for qi in 0..quotes.len() {
        if quotes[qi].speaker.is_some() || explicit_nobody[qi] {
            continue;
        }
        let group = quotes[qi].group;
        // Groups are runs of neighbouring quotes.
        let lo = qi.saturating_sub(8);
        let hi = (qi + 8).min(quotes.len());
        if let Some(s) = quotes[lo..hi]
            .iter()
            .find(|o| o.group == group && o.speaker.is_some())
            .and_then(|o| o.speaker)
        {
            quotes[qi].speaker = Some(s);
            continue;
        }
        // "“…”, it added; and, later, “…”": a quote joined to the one before it by only its
        // attribution and small words goes on in the same voice.
        if qi > 0
            && let Some(s) = quotes[qi - 1].speaker
            && joined_by_small_words(doc, quotes[qi - 1].span.end, quotes[qi].span.start)
        {
            quotes[qi].speaker = Some(s);
            continue;
        }
        if !starts_sentence(doc, &quotes[qi]) || !sentence_like(doc, &quotes[qi]) {
            continue;
        }
        if let Some(s) = following_sentence_speaker(doc, &quotes[qi], parties) {
            quotes[qi].speaker = Some(s);
            continue;
        }
        // "Yayi said he and Bush discussed the economy. “We must diversify.”": a quote that
        // follows, in its paragraph, a sentence whose named subject said or told something.
        if let Some(s) = previous_sentence_speaker(doc, &quotes[qi], quotes, parties) {
            quotes[qi].speaker = Some(s);
            continue;
        }
        if qi > 0
            && let Some(s) = quotes[qi - 1].speaker
        {
            let here = doc
                .sentence_at(quotes[qi].span.start)
                .map(|i| doc.sentences[i].paragraph);
            let there = doc
                .sentence_at(quotes[qi - 1].span.start)
                .map(|i| doc.sentences[i].paragraph);
            let between = Span::new(quotes[qi - 1].span.end, quotes[qi].span.start);
            let between_has_text = has_unquoted_words(doc, quotes, parties, s, between);
            if let (Some(a), Some(b)) = (here, there)
                && a <= b + 1
                && !between_has_text
            {
                quotes[qi].speaker = Some(s);
            }
        }
    }
    // A quote repeating another quote's words (a headline quoting the body) has its speaker.
    let mut by_words: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for q in quotes.iter() {
        if let Some(s) = q.speaker {
            by_words.entry(normalise(doc.slice(q.span))).or_insert(s);
        }
    }
    for q in quotes.iter_mut().filter(|q| q.speaker.is_none()) {
        let key = normalise(doc.slice(q.span));
        if !key.is_empty()
            && let Some(&s) = by_words.get(&key)
        {
            q.speaker = Some(s);
        }
    }
}

/// True when the sentence of `q` opens with "They" or "It" and a verb of saying before the
/// quote, and is the sentence of the earlier quote `before` or the one after it, in its
/// paragraph.
fn body_pronoun_speaks(doc: &Doc, q: &QuoteFound, before: &QuoteFound) -> bool {
    let (Some(si), Some(bi)) = (
        doc.sentence_at(q.span.start),
        doc.sentence_at(before.span.end.saturating_sub(1).max(before.span.start)),
    ) else {
        return false;
    };
    let s = &doc.sentences[si];
    // The sentence after the body spoke, or that sentence's later quotes.
    if !(si == bi + 1 || si == bi) || s.paragraph != doc.sentences[bi].paragraph {
        return false;
    }
    let start = s.tokens.start;
    let quote_at = doc.token_at_or_after(q.span.start);
    if !doc.is_any(start, &["they", "it"]) {
        return false;
    }
    let v = skip_fillers(doc, start + 1, quote_at);
    v < quote_at && !doc.tokens[v].cap && doc.is_any(v, REPORTING_VERBS)
}

/// True when only an attribution and small words stand between two quotes in one paragraph:
/// "it added; and, later,", "he said, then".
fn joined_by_small_words(doc: &Doc, from: usize, to: usize) -> bool {
    const SMALL: &[&str] = &[
        "it",
        "he",
        "she",
        "they",
        "added",
        "said",
        "says",
        "adds",
        "continued",
        "and",
        "then",
        "later",
        "also",
        "further",
        "again",
    ];
    let (Some(a), Some(b)) = (doc.sentence_at(from.saturating_sub(1)), doc.sentence_at(to)) else {
        return false;
    };
    if doc.sentences[a].paragraph != doc.sentences[b].paragraph || to <= from {
        return false;
    }
    let first = doc.token_at_or_after(from);
    let last = doc.token_at_or_after(to);
    let words: Vec<usize> = (first..last)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .collect();
    // At least one connective beyond the attribution, or the quotes are simply separate.
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|&k| doc.is_any(k, SMALL))
        && words
            .iter()
            .any(|&k| doc.is_any(k, &["and", "then", "later", "also", "further", "again"]))
}

/// True when the mention at byte `at` names many who do not speak as one ("Palestinians",
/// "both leaders"); a named armed group ("Hamas", "the Taliban") issues statements like any body.
fn collective_at(parties: &PartyTable, at: usize) -> bool {
    parties.plural_at(at) == Some(Plurality::Plural)
        && !parties
            .mention_starting_at(at)
            .is_some_and(|m| speaks_as_one(parties, m.party))
}

/// A person, a body, or a named group (an organisation-table entry such as "Hamas").
fn speaks_as_one(parties: &PartyTable, p: usize) -> bool {
    let info = &parties.parties[p];
    matches!(info.kind, PartyKind::Person | PartyKind::Organization)
        || info.kind == PartyKind::Group && info.key.starts_with("org:")
}

/// A quote that reads as spoken sentences (ends with punctuation, inside the marks or, as
/// British style puts it, right after them: “… in this direction”.), not a headline or a phrase.
fn sentence_like(doc: &Doc, q: &QuoteFound) -> bool {
    let inside = doc
        .slice(q.span)
        .trim_end()
        .ends_with(['.', ',', '!', '?', '…', ':', ';', '—']);
    let after = doc
        .text
        .get(q.span.end..)
        .unwrap_or("")
        .trim_start_matches(['”', '"', '’', '\''])
        .starts_with(['.', '!', '?']);
    inside || after
}

/// Lowercase letters and spaces only, for comparing quotes.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Words between two offsets that are not inside a quote and are more than the attribution of
/// the earlier one ("…,” he said.) — used to decide whether a quote continues the previous one.
/// The speaker's own name does not count: "…,” said Abdourahim Said Bakar, a government
/// spokesman. “…”" is still one speaker talking.
fn has_unquoted_words(
    doc: &Doc,
    quotes: &[QuoteFound],
    parties: &PartyTable,
    speaker: usize,
    between: Span,
) -> bool {
    let mut name: Vec<Span> = parties
        .mentions_in(between)
        .filter(|m| m.party == speaker)
        .map(|m| m.span)
        .collect();
    // Nor does what describes them to the end of the attribution: "…,” said Oliver Miles, a
    // former British ambassador to Libya. “…”", "said Jim Ramstad (R Minnesota), who voted
    // against the bill. “…”".
    if let Some(&last) = name.last() {
        let k = doc.token_at_or_after(last.end);
        let others = parties.mentions_in(between).any(|m| {
            m.party != speaker
                && m.span.start >= last.end
                && parties.parties[m.party].kind == PartyKind::Person
        });
        if k < doc.tokens.len()
            && (doc.is(k, ",") || doc.is(k, "("))
            && !others
            && let Some(si) = doc.sentence_at(doc.tokens[k].span.start)
        {
            let end = doc.sentences[si].span.end.min(between.end);
            name.push(Span::new(doc.tokens[k].span.start, end));
        }
    }
    let first = doc.token_at_or_after(between.start);
    let mut words = 0;
    for i in first..doc.tokens.len() {
        let t = doc.tokens[i];
        if t.span.start >= between.end {
            break;
        }
        if t.kind == TokenKind::Word
            && inside_quote(quotes, t.span.start).is_none()
            && !name
                .iter()
                .any(|n| n.start <= t.span.start && t.span.end <= n.end)
        {
            words += 1;
        }
    }
    // "he said in the meeting" is an attribution, not new narrative.
    words > 6
}

/// True when only punctuation precedes the quote in its sentence.
fn starts_sentence(doc: &Doc, q: &QuoteFound) -> bool {
    let Some(si) = doc.sentence_at(q.span.start) else {
        return false;
    };
    let s = &doc.sentences[si];
    s.tokens
        .clone()
        .take_while(|&i| doc.tokens[i].span.start < q.span.start)
        .all(|i| doc.tokens[i].kind == TokenKind::Punct)
}

/// The party whose mention starts at token `i`, and the token after it.
fn mention_at_token(doc: &Doc, parties: &PartyTable, i: usize) -> Option<(usize, usize)> {
    let t = doc.tokens.get(i)?;
    let m = parties.mention_starting_at(t.span.start)?;
    let next = doc.token_at_or_after(m.span.end);
    Some((m.party, next))
}

/// True when token `i` is a plural subject (a quote from several people has no single speaker).
fn plural_subject(doc: &Doc, parties: &PartyTable, i: usize) -> bool {
    doc.is_any(
        i,
        &[
            "they",
            "we",
            "both",
            "leaders",
            "officials",
            "sides",
            "ministers",
            "statement",
        ],
    ) || parties.plural_at(doc.tokens.get(i).map_or(usize::MAX, |t| t.span.start))
        == Some(Plurality::Plural)
}

/// "…,” Kishida told reporters / “…,” said Kishida / “…,” he said.
fn after_quote(
    doc: &Doc,
    q: &QuoteFound,
    quotes: &[QuoteFound],
    parties: &PartyTable,
) -> Attribution {
    // The sentence the quote ends in: a quote of several sentences is attributed after its last.
    let Some(si) = doc.sentence_at(q.span.end.saturating_sub(1).max(q.span.start)) else {
        return Attribution::Unknown;
    };
    let mut end = doc.sentences[si].tokens.end;
    let mut i = doc.token_at_or_after(q.span.end);
    // The quote's own closing mark (a straight '"' would otherwise look like an opening one).
    if i < doc.tokens.len() && doc.tokens[i].kind == TokenKind::Punct {
        i += 1;
    }
    while i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::Punct
        && !matches!(doc.tok(i), "“" | "\"" | "‘")
    {
        i += 1;
    }
    // "…?” said Noma.": a sentence break after the quote's own full stop does not end the
    // attribution when the words after it go on in lower case in the same paragraph.
    if i >= end
        && i < doc.tokens.len()
        && doc.tokens[i].sentence as usize == si + 1
        && !doc.tokens[i].cap
        && doc.sentences[si + 1].paragraph == doc.sentences[si].paragraph
        && doc.tokens[i].span.start.saturating_sub(q.span.end) <= 4
    {
        end = doc.sentences[si + 1].tokens.end;
    }
    if i >= end || inside_quote(quotes, doc.tokens[i].span.start).is_some() {
        return Attribution::Unknown;
    }
    if !doc.tokens[i].cap && doc.is_any(i, INVERTING_VERBS) {
        let mut j = i + 1;
        while j < end && doc.is_any(j, &["by", "the"]) {
            j += 1;
        }
        // "…,” explains newly elected town councillor Dewly Nelson.
        j += descriptor_len(doc, j, end);
        // "said Senate Majority Leader Harry Reid": capitalised words of an office first.
        // (A person among them before a body: "said Senate Majority Leader Harry Reid".)
        let j = (j..(j + 5).min(end))
            .take_while(|&k| doc.tokens[k].cap)
            .find(|&k| mention_at_token(doc, parties, k).is_some())
            .unwrap_or(j);
        // "stated Israel Foreign Ministry spokesman Yigal Palmor", "said Hamas official Ayman
        // Taha", "said one of the judges, Lord Justice Maurice Kay": a person a few words on,
        // before the clause ends, is the one who spoke.
        let person_on = (j..(j + 8).min(end))
            .take_while(|&k| !doc.is_any(k, &[".", ";", ":", "“", "\""]))
            .find(|&k| {
                mention_at_token(doc, parties, k)
                    .is_some_and(|(p, _)| parties.parties[p].kind == PartyKind::Person)
            })
            .filter(|&k| {
                // Not past a second verb or a preposition that starts another phrase.
                !(j..k).any(|x| doc.is_any(x, &["to", "after", "before", "in", "at", "on"]))
            });
        // "said spokesperson for the United Nations High Commissioner for Human Rights, Rupert
        // Colville": however long the office, the person after its comma spoke.
        let person_on = person_on.or_else(|| {
            (j..(j + 16).min(end))
                .take_while(|&k| !doc.is_any(k, &[".", ";", ":", "“", "\"", "to", "after"]))
                .find(|&k| doc.is(k, ","))
                .map(|c| c + 1)
                .filter(|&k| {
                    mention_at_token(doc, parties, k)
                        .is_some_and(|(p, _)| parties.parties[p].kind == PartyKind::Person)
                })
        });
        let j = match mention_at_token(doc, parties, j) {
            Some((p, _)) if parties.parties[p].kind == PartyKind::Person => j,
            _ => person_on.unwrap_or(j),
        };
        // "…,” said a spokesman for the IAEA.": the body an unnamed official speaks for.
        if doc.is_any(j, &["a", "an", "one", "the"])
            && let Some((p, _)) = body_of_unnamed_official(doc, parties, j, end)
        {
            return Attribution::Speaker(p);
        }
        return match mention_at_token(doc, parties, j) {
            Some((p, _)) => Attribution::Speaker(p),
            // "…,” said Scott.": someone we cannot identify, but not the previous speaker;
            // nor is "said a relative".
            None if j < end
                && (doc.tokens[j].cap || doc.is_any(j, &["a", "an", "one", "another"])) =>
            {
                Attribution::Nobody
            }
            None => Attribution::Unknown,
        };
    }
    // "…,” the MDC said.
    let mention = mention_at_token(doc, parties, i).or_else(|| {
        doc.is(i, "the")
            .then(|| mention_at_token(doc, parties, i + 1))
            .flatten()
    });
    if let Some((p, mut next)) = mention {
        if let Some((_, verb)) = appositive_then_speech(doc, next) {
            next = verb;
        }
        next = skip_fillers(doc, next, end);
        // "In failing to “distinguish …”, the UN accused the military": any verb that
        // reports what someone said — but a paper that "reported" it only passes it on.
        if doc.is_any(next, SPEECH_VERBS)
            || doc.is_any(next, REPORTING_VERBS) && !doc.is_any(next, &["reported", "reports"])
        {
            return Attribution::Speaker(p);
        }
        // "…” Iraq government spokesperson Ali al-Dabbagh said": a description that names a
        // state or body, then the person who spoke.
        if let Some(p) = described_speaker(doc, parties, next, end) {
            return Attribution::Speaker(p);
        }
        return Attribution::Unknown;
    }
    // "…,” a spokesman for the IAEA said.", "…,” a NATO official told reporters.": the body
    // an unnamed official speaks for.
    if doc.is_any(i, &["a", "an", "one", "the"])
        && let Some((p, after)) = body_of_unnamed_official(doc, parties, i, end)
        && doc.is_any(skip_fillers(doc, after, end), SPEECH_VERBS)
    {
        return Attribution::Speaker(p);
    }
    // "…,” team member Rodaba Noori told reporters.: a description, then the person.
    if !doc.tokens[i].cap
        && let Some(p) = described_speaker(doc, parties, i, end)
    {
        return Attribution::Speaker(p);
    }
    // "…,” it added.: the body that spoke last.
    if doc.is(i, "it")
        && doc.is_any(skip_fillers(doc, i + 1, end), SPEECH_VERBS)
        && let Some(p) = quotes
            .iter()
            .rev()
            .filter(|o| o.span.end <= q.span.start)
            .take(3)
            .find_map(|o| o.speaker)
            .filter(|&p| parties.parties[p].kind == PartyKind::Organization)
    {
        return Attribution::Speaker(p);
    }
    // "…”, State Secretary for Equal Opportunities and Flemish politician Bianca Debaets
    // said.": however long the description, the person right before the verb spoke.
    if let Some(v) = (i..end.min(i + 25))
        .take_while(|&k| !doc.is_any(k, &[".", ";", "“", "\""]))
        .find(|&k| !doc.tokens[k].cap && doc.is_any(k, SPEECH_VERBS))
        && v > i
        && let Some(m) = parties.mention_ending_at(doc.tokens[v - 1].span.end)
        && parties.parties[m.party].kind == PartyKind::Person
        && !m.anaphor
    {
        return Attribution::Speaker(m.party);
    }
    let mut next = i;
    while next < end && !doc.is_any(next, SPEECH_VERBS) && next < i + 3 {
        next += 1;
    }
    if doc.is_any(next, SPEECH_VERBS) && (i..next).any(|k| plural_subject(doc, parties, k)) {
        return Attribution::Nobody;
    }
    // "…,” Scott said.": a speaker we cannot identify, which rules out continuations.
    if doc.is_any(next, SPEECH_VERBS) && next > i && (i..next).all(|k| doc.tokens[k].cap) {
        return Attribution::Nobody;
    }
    Attribution::Unknown
}

/// A person named within a few lowercase or capitalised words from `from`, and followed by a
/// speech verb: "[Iraq] government spokesperson Ali al-Dabbagh said".
fn described_speaker(doc: &Doc, parties: &PartyTable, from: usize, end: usize) -> Option<usize> {
    let mut k = from;
    while k < end && k < from + 5 && doc.tokens[k].kind == TokenKind::Word {
        if let Some((p, next)) = mention_at_token(doc, parties, k) {
            let verb = skip_fillers(doc, next, end);
            return (parties.parties[p].kind == PartyKind::Person
                && doc.is_any(verb, SPEECH_VERBS)
                && !doc.tokens[verb].cap)
                .then_some(p);
        }
        k += 1;
    }
    None
}

/// "a spokesman for the IAEA", "a NATO official", "an official at the State Department": the
/// body (an organisation or state) an unnamed official at `from` speaks for, and the token
/// after the phrase.
fn body_of_unnamed_official(
    doc: &Doc,
    parties: &PartyTable,
    from: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let limit = (from + 12).min(end);
    let role = (from + 1..limit)
        .take_while(|&k| doc.tokens[k].kind != TokenKind::Punct)
        .find(|&k| {
            doc.is_any(
                k,
                &[
                    "spokesman",
                    "spokeswoman",
                    "spokesperson",
                    "official",
                    "representative",
                ],
            )
        })?;
    // The body before the role word ("a NATO spokesman") or after "for", "of", "at", "from".
    let mut k = from + 1;
    let mut found = None;
    while k < limit && doc.tokens[k].kind != TokenKind::Punct {
        if k > role + 1 && !doc.tokens[k].cap && !doc.is_any(k, &["the", "of", "for", "and"]) {
            break;
        }
        if let Some((p, next)) = mention_at_token(doc, parties, k) {
            let kind = parties.parties[p].kind;
            if kind == PartyKind::Person {
                return None;
            }
            if k < role || doc.is_any(role + 1, &["for", "of", "at", "from", "with"]) {
                found.get_or_insert((p, next.max(role + 1)));
            }
            k = next;
            continue;
        }
        k += 1;
    }
    let (p, after) = found?;
    let after = (after..limit)
        .find(|&x| {
            !doc.tokens[x].cap && !doc.is_any(x, &["the", "of", "for", "and"])
                || doc.tokens[x].kind == TokenKind::Punct
        })
        .unwrap_or(after);
    Some((p, after))
}

/// "Yoon said that … was “…”", "Biden described X as “…”": the nearest speech verb before the
/// quote in its sentence, and its subject.
fn before_quote(
    doc: &Doc,
    q: &QuoteFound,
    quotes: &[QuoteFound],
    parties: &PartyTable,
) -> Attribution {
    let Some(si) = doc.sentence_at(q.span.start) else {
        return Attribution::Unknown;
    };
    let s = &doc.sentences[si];
    let mut i = doc.token_at_or_after(q.span.start);
    while i > s.tokens.start {
        i -= 1;
        // Verbs are lowercase in running text ("United States" is no verb).
        if doc.tokens[i].cap
            || inside_quote(quotes, doc.tokens[i].span.start).is_some()
            || !doc.is_any(i, SPEECH_VERBS)
        {
            continue;
        }
        // Subject right before the verb, over adverbs and auxiliaries ("went on to say").
        let mut j = i;
        loop {
            if j > s.tokens.start && doc.is_any(j - 1, SPEECH_FILLERS) {
                j -= 1;
            } else if j >= s.tokens.start + 3
                && doc.is(j - 1, "to")
                && doc.is(j - 2, "on")
                && doc.is_any(j - 3, &["went", "goes", "go"])
            {
                j -= 3;
            } else if j >= s.tokens.start + 3
                && doc.is(j - 1, "to")
                && doc.is_any(j - 2, &["reported", "said", "understood", "believed"])
                && doc.is_any(j - 3, &["is", "was", "are", "were"])
            {
                // "Al-Majid is reported to have said “…”"
                j -= 3;
            } else {
                break;
            }
        }
        // "The judge presiding over the case, Bernard Schwartz, said, “…”": a name between
        // commas right before the verb is the subject it describes.
        if j > s.tokens.start + 1
            && doc.is(j - 1, ",")
            && let Some(m) = parties.mention_ending_at(doc.tokens[j - 2].span.end)
            && parties.parties[m.party].kind == PartyKind::Person
            && doc
                .token_containing(m.span.start)
                .is_some_and(|t| t > s.tokens.start && doc.is(t - 1, ","))
        {
            return Attribution::Speaker(m.party);
        }
        // "including Lord Cormack, who said: “…”"
        if j > s.tokens.start + 2
            && doc.is(j - 1, "who")
            && doc.is(j - 2, ",")
            && let Some(m) = parties.mention_ending_at(doc.tokens[j - 3].span.end)
            && parties.parties[m.party].kind == PartyKind::Person
        {
            return Attribution::Speaker(m.party);
        }
        if j > s.tokens.start {
            let prev = j - 1;
            if let Some(m) = parties.mention_ending_at(doc.tokens[prev].span.end) {
                if let Some(p) = affiliated_person(doc, parties, m.span.start) {
                    return Attribution::Speaker(p);
                }
                if collective_at(parties, m.span.start) {
                    return Attribution::Nobody;
                }
                return Attribution::Speaker(m.party);
            }
            // ("issued a statement saying …": the participle's subject is the sentence's.)
            if plural_subject(doc, parties, prev) && !doc.low(i).ends_with("ing") {
                return Attribution::Nobody;
            }
        }
        // "said Kishida" (not "described Japan as", "told Yoon", nor "warned Israel that …":
        // whom a warning is addressed to, before what it says, is no speaker).
        if doc.is_any(i, INVERTING_VERBS)
            && let Some((p, next)) = mention_at_token(doc, parties, i + 1)
            && !doc.is_any(next, &["that", "to", "of", "against", "about", "not"])
        {
            return Attribution::Speaker(p);
        }
        // No speaker next to this verb: an earlier one may still frame the quote.
    }
    Attribution::Unknown
}

/// "Tom French from the Equality Network said": the person a body's name (starting at
/// `org_start`) qualifies speaks, not the body.
fn affiliated_person(doc: &Doc, parties: &PartyTable, org_start: usize) -> Option<usize> {
    let mut k = doc.token_containing(org_start)?;
    if k > 0 && doc.is(k - 1, "the") {
        k -= 1;
    }
    if k < 2 || !doc.is_any(k - 1, &["from", "of", "at", "with"]) {
        return None;
    }
    let m = parties.mention_ending_at(doc.tokens[k - 2].span.end)?;
    (parties.parties[m.party].kind == PartyKind::Person).then_some(m.party)
}

/// Verbs that report what a subject said, wrote or meant, beyond the verbs of saying: "Lage
/// denied reports … and said that the leader had “…”", "Sharif commented on …: “…”".
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "described",
    "describes",
    "commented",
    "claimed",
    "claims",
    "insisted",
    "stated",
    "states",
    "warned",
    "warns",
    "vowed",
    "vows",
    "wrote",
    "writes",
    "called",
    "calls",
    "urged",
    "urges",
    "explained",
    "noted",
    "argued",
    "declared",
    "announced",
    "replied",
    "responded",
    "asserted",
    "acknowledged",
    "admitted",
    "saying",
    "telling",
    "adding",
    "warning",
    "vowing",
    "calling",
    "shared",
    "praised",
    "commended",
    "criticized",
    "criticised",
    "condemned",
    "denied",
    "thanked",
    "hailed",
    "welcomed",
    "accused",
    "advised",
    "informed",
    "citing",
    "cited",
    "spoke",
    "speaking",
    "thought",
    "believes",
    "believed",
    "recalled",
    "pledged",
    "promised",
    "demanded",
    "demanding",
    "tweeted",
    "posted",
    "remarked",
    "dubbed",
    "termed",
    "branded",
    "characterized",
    "characterised",
    "conceded",
    "confirmed",
    "justified",
    "stressed",
    "emphasized",
    "emphasised",
    "refers",
    "referred",
    "reports",
    "reported",
    "expressed",
    "voiced",
    "complained",
    "suggested",
    "concluded",
    "continues",
    "continued",
    "pleads",
    "pleaded",
    "recommended",
    "read",
    "labelled",
    "labeled",
    "indicated",
    "outlined",
    "detailed",
];

/// Conjunctions that open a clause of their own before the sentence's subject.
const CONCESSIVES: &[&str] = &["while", "although", "though", "because", "since", "whereas"];

/// Words that open a sentence with a phrase before its subject.
const OPENING_WORDS: &[&str] = &[
    "according",
    "as",
    "at",
    "in",
    "on",
    "after",
    "before",
    "during",
    "following",
    "nonetheless",
    "however",
    "meanwhile",
    "speaking",
    "writing",
    "responding",
    "asked",
    "later",
    "earlier",
    "while",
    "although",
    "though",
    "because",
    "since",
    "when",
    "whereas",
];

/// "Titus Mung'ou, spokesman for the Red Cross, told AFP “…”", "SK Sharif, senior deputy
/// director, commented on the outbreak: “…”": the person or body the sentence opens with,
/// when a reporting verb follows it before the quote and no other person comes between.
fn subject_speaker(
    doc: &Doc,
    q: &QuoteFound,
    quotes: &[QuoteFound],
    parties: &PartyTable,
) -> Attribution {
    let Some(si) = doc.sentence_at(q.span.start) else {
        return Attribution::Unknown;
    };
    let s = &doc.sentences[si];
    let quote_at = doc.token_at_or_after(q.span.start);
    // The subject: the first mention within the sentence's first six tokens ("US citizen
    // Susan Cohen", "Local district commissioner Ibrahim Noleye").
    // An opening phrase is no subject: "At the press conference, held in Cotonou, Yayi
    // thanked …", "In an interview with the Paper, Dr. Tan … stated": the subject follows its
    // last comma before a name.
    let mut first = s.tokens.start;
    // Any phrase that names nobody before its comma opens the sentence too: "Just a few weeks
    // earlier, …", "To address the issues he mentioned, Chavez complained".
    let nameless_opening = || {
        (first..quote_at.min(first + 12))
            .find(|&j| doc.is(j, ","))
            .is_some_and(|c| {
                !(first..c).any(|j| {
                    parties
                        .mention_starting_at(doc.tokens[j].span.start)
                        .is_some_and(|m| !m.anaphor)
                })
            })
    };
    if doc.tokens[first].cap && (doc.is_any(first, OPENING_WORDS) || nameless_opening()) {
        let mut c = first;
        let mut chosen: Option<usize> = None;
        for _ in 0..3 {
            let Some(next) = (c + 1..quote_at).find(|&j| doc.is(j, ",")) else {
                break;
            };
            c = next;
            // "…, former UN weapons inspector Hans Blix recommended": a name within a few
            // words of the comma, with no punctuation between.
            let names: Vec<_> = (c + 1..(c + 8).min(quote_at))
                .take_while(|&j| doc.tokens[j].kind != TokenKind::Punct)
                .filter_map(|j| parties.mention_starting_at(doc.tokens[j].span.start))
                .collect();
            // "In the letter, delivered by MP Deepak Obhrai last December, Kohail continues,":
            // a name the verb follows outranks one the opening phrase only mentions.
            let speaks = names.iter().any(|m| {
                let v = skip_fillers(doc, doc.token_at_or_after(m.span.end), quote_at);
                v < quote_at && !doc.tokens[v].cap && doc.is_any(v, REPORTING_VERBS)
            });
            if speaks {
                chosen = Some(c + 1);
                break;
            }
            if !names.is_empty() && chosen.is_none() {
                chosen = Some(c + 1);
            }
        }
        match chosen {
            Some(c) => first = c,
            // "While Chan's colleagues declined to comment, a staff member … stated": the
            // opening phrase ended and nobody named follows it; the subject is unnamed.
            None if c > first && doc.is_any(s.tokens.start, CONCESSIVES) => {
                return Attribution::Unknown;
            }
            None => {}
        }
    }
    // Six words, not counting a bracket's: "Conservative MSP (Member of Scottish Parliament)
    // Ruth Davidson".
    let mut window_end = first;
    let mut counted = 0;
    let mut depth = 0usize;
    while window_end < quote_at.max(first + 1) && counted < 6 {
        if doc.is(window_end, "(") {
            depth += 1;
        } else if doc.is(window_end, ")") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            counted += 1;
        }
        window_end += 1;
    }
    let window = Span::new(
        doc.tokens[first].span.start,
        doc.tokens[window_end.max(first + 1) - 1].span.end,
    );
    // "US president Barack Obama": the state qualifies the person who speaks; "Former UN
    // weapons inspector Hans Blix": so does a body.
    let Some(subject) = parties
        .mentions_in(window)
        .find(|m| parties.parties[m.party].kind == PartyKind::Person)
        .or_else(|| {
            parties
                .mentions_in(window)
                .find(|m| parties.parties[m.party].kind != PartyKind::State)
        })
        .or_else(|| parties.mentions_in(window).next())
    else {
        return Attribution::Unknown;
    };
    if !speaks_as_one(parties, subject.party) || collective_at(parties, subject.span.start) {
        return Attribution::Unknown;
    }
    let mut k = doc.token_at_or_after(subject.span.end);
    // Over an appositive: ", a top aide to al-Sadr,".
    // (Not "Kim In-seok, stated, “…”", where the comma comes before the verb.)
    // Nor "Ellen Laipson, the other official, also stated, “…”" past its verb: an appositive
    // holds no verb of saying.
    if doc.is(k, ",")
        && let Some(close) = (k + 1..(k + 14).min(quote_at)).find(|&j| doc.is(j, ","))
        && !(k + 1..close).any(|j| !doc.tokens[j].cap && doc.is_any(j, REPORTING_VERBS))
    {
        k = close + 1;
    }
    // Or between dashes: "Ruth Davidson — who is herself a lesbian — argued".
    if doc.is_any(k, &["—", "–"])
        && let Some(close) = (k + 1..(k + 14).min(quote_at)).find(|&j| doc.is_any(j, &["—", "–"]))
    {
        k = close + 1;
    }
    // "Obama welcomed the deal: “…”", "the Church denied these allegations: “…”": a colon
    // hands the sentence's subject the quote, whatever the verb.
    let mut verb = quote_at >= 2
        && doc.is(quote_at - 2, ":")
        && doc.tokens[quote_at - 2].sentence == doc.tokens[s.tokens.start].sentence;
    // "Chavez criticized Bush, saying he was “…”": the participle's subject is the sentence's,
    // whoever the object is.
    // "issued a statement saying “…”", "by saying “…”" need no comma.
    if (k..quote_at).any(|j| {
        (doc.is(j.saturating_sub(1), ",")
            || doc.is_any(j, &["saying", "stating"])
                && doc.is_any(
                    j.saturating_sub(1),
                    &["statement", "release", "letter", "post", "message", "by"],
                ))
            && doc.is_any(
                j,
                &[
                    "saying",
                    "adding",
                    "calling",
                    "describing",
                    "warning",
                    "vowing",
                    "insisting",
                    "arguing",
                    "noting",
                    "telling",
                    "stating",
                    "writing",
                ],
            )
    }) {
        return Attribution::Speaker(subject.party);
    }
    let mut seen_verb = false;
    // Inside ", the agency where Watson was working," a person is no subject.
    let mut aside = false;
    for j in k..quote_at {
        let t = doc.tokens[j];
        if doc.is(j, ",") {
            aside = !seen_verb && doc.is_any(j + 1, &["the", "a", "an", "where", "which", "whose"]);
            continue;
        }
        if inside_quote(quotes, t.span.start).is_some() {
            continue;
        }
        // "Charles Rangel, who represents a district which Chavez visited, said": a relative
        // clause before the verb names people who are not the subject.
        if !seen_verb && doc.is_any(j, &["who", "which", "whose"]) {
            aside = true;
        }
        // Another person before the verb may be the real subject ("In an interview with the
        // Paper, Dr. Tan … stated"); after it, one who speaks takes the quote ("… told
        // reporters that Maliki said “…”"), one the subject only talks of does not ("thought
        // of al-Megrahi as “…”", "thanked Bush … and praised him for his “…”").
        if let Some(m) = parties.mention_starting_at(t.span.start)
            && !aside
            && m.party != subject.party
            && parties.parties[m.party].kind == PartyKind::Person
        {
            // Its own verb right after it, over adverbs and auxiliaries ("Falk also said").
            let mut v = doc.token_at_or_after(m.span.end);
            while v < quote_at && doc.is_any(v, SPEECH_FILLERS) {
                v += 1;
            }
            let speaks = v < quote_at
                && (!doc.tokens[v].cap && doc.is_any(v, REPORTING_VERBS)
                    || doc.is(v, ",") && doc.is_any(v + 1, &["who", "whose"]));
            if !seen_verb || speaks {
                return Attribution::Unknown;
            }
        }
        if !t.cap && doc.is_any(j, REPORTING_VERBS) {
            verb = true;
            seen_verb = true;
        }
    }
    if verb {
        Attribution::Speaker(subject.party)
    } else {
        Attribution::Unknown
    }
}

/// "…, according to Japan’s Foreign Affairs Ministry": the named source, or nobody for a
/// document ("according to the joint statement").
fn according_to(doc: &Doc, q: &QuoteFound, parties: &PartyTable) -> Attribution {
    let Some(si) = doc.sentence_at(q.span.start) else {
        return Attribution::Unknown;
    };
    let s = &doc.sentences[si];
    for i in s.tokens.clone() {
        if doc.is(i, "according") && doc.is(i + 1, "to") {
            // "According to the ABC, the Church denied these allegations: “…”": the source
            // reports who spoke; the sentence's own subject and verb name the speaker.
            let quote_at = doc.token_at_or_after(q.span.start);
            if i == s.tokens.start
                && let Some(c) = (i + 2..quote_at).find(|&k| doc.is(k, ","))
                && let Some(v) = (c + 1..quote_at)
                    .find(|&k| !doc.tokens[k].cap && doc.is_any(k, REPORTING_VERBS))
                && (c + 1..v).any(|k| {
                    parties
                        .mention_starting_at(doc.tokens[k].span.start)
                        .is_some()
                })
            {
                return Attribution::Unknown;
            }
            // "Lage, who is in Bolivia, said that Castro sends “fraternal greetings”
            // according to Prensa Latina": a source named after the quote passes on what the
            // subject before it said.
            if i > quote_at
                && let Some(v) = (s.tokens.start..quote_at)
                    .find(|&k| !doc.tokens[k].cap && doc.is_any(k, REPORTING_VERBS))
                && (s.tokens.start..v).any(|k| {
                    parties
                        .mention_starting_at(doc.tokens[k].span.start)
                        .is_some()
                })
            {
                return Attribution::Unknown;
            }
            let mut j = i + 2;
            if let Some((p, _)) = mention_at_token(doc, parties, j) {
                // "according to Russian President Vladimir Putin": the nationality word
                // qualifies the person who speaks.
                if parties.parties[p].kind == PartyKind::State
                    && let Some(person) = (j + 1..(j + 6).min(s.tokens.end))
                        .take_while(|&k| !doc.is_any(k, &[",", "and", ";"]))
                        .filter_map(|k| mention_at_token(doc, parties, k))
                        .map(|(p, _)| p)
                        .find(|&p| parties.parties[p].kind == PartyKind::Person)
                {
                    return Attribution::Speaker(person);
                }
                return Attribution::Speaker(p);
            }
            if doc.is(j, "the") {
                j += 1;
                if let Some((p, _)) = mention_at_token(doc, parties, j) {
                    return Attribution::Speaker(p);
                }
            }
            return Attribution::Nobody;
        }
    }
    Attribution::Unknown
}

/// The person (or else the body) the sentence before quote `q` (same paragraph, no quote of
/// its own) opens with, when a reporting verb follows them, perhaps past a clause between
/// commas: "Abdullahi Nor, who said he was a spokesman for the pirates, commented on the
/// incident. “…”", "A member of the opposition, Mathew Batsiua, claimed …. “…”".
fn previous_sentence_speaker(
    doc: &Doc,
    q: &QuoteFound,
    quotes: &[QuoteFound],
    parties: &PartyTable,
) -> Option<usize> {
    let si = doc.sentence_at(q.span.start)?;
    let prev = doc.sentences.get(si.checked_sub(1)?)?;
    // A paragraph that opens with a sentence that is nothing but the quote goes on from the
    // paragraph before: "Paris also claims that her passport was taken away. ¶ “I was
    // basically hauled in …”"
    let whole_paragraph = || {
        let own = &doc.sentences[si];
        let para = doc.paragraphs[own.paragraph as usize];
        let outside = |a: usize, b: usize| {
            doc.text
                .get(a..b)
                .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
        };
        outside(para.start, q.span.start) && outside(q.span.end, own.span.end.max(q.span.end))
    };
    if (prev.paragraph != doc.sentences[si].paragraph && !whole_paragraph())
        || quotes
            .iter()
            .any(|o| o.span.start >= prev.span.start && o.span.start < prev.span.end)
    {
        return None;
    }
    // The first mentions, people first: "In a release from Amnesty International put out
    // Friday, the organization said that …" has the organization speak, not its first name.
    let opening: Vec<_> = parties
        .mentions_in(prev.span)
        .take_while(|m| doc.token_at_or_after(m.span.start) <= prev.tokens.start + 14)
        .filter(|m| parties.plural_at(m.span.start) != Some(Plurality::Plural))
        .collect();
    let mut people = opening
        .iter()
        .filter(|m| parties.parties[m.party].kind == PartyKind::Person);
    let mut bodies = opening
        .iter()
        .filter(|m| parties.parties[m.party].kind == PartyKind::Organization);
    let end = prev.tokens.end;
    let speaks = |mention: Span| {
        let mut v = doc.token_at_or_after(mention.end);
        // Over ", who said he was a spokesman," or the comma closing an appositive.
        if v < end && doc.is(v, ",") {
            if doc.is_any(v + 1, REPORTING_VERBS) {
                v += 1;
            } else if let Some(close) = (v + 1..(v + 16).min(end)).find(|&j| doc.is(j, ",")) {
                v = close + 1;
            }
        }
        while v < end && doc.is_any(v, SPEECH_FILLERS) {
            v += 1;
        }
        v < end
            && !doc.tokens[v].cap
            && (doc.is_any(v, SPEECH_VERBS) || doc.is_any(v, REPORTING_VERBS))
    };
    // Only the first person may speak, as before; a body only when no person opens.
    match people.next() {
        Some(m) => speaks(m.span).then_some(m.party),
        None => bodies.find(|m| speaks(m.span)).map(|m| m.party),
    }
}
/// A short sentence right after the quote, in its paragraph, that names the speaker:
/// “We will win.” Kishida said.
fn following_sentence_speaker(doc: &Doc, q: &QuoteFound, parties: &PartyTable) -> Option<usize> {
    let si = doc.sentence_at(q.span.end)?;
    let next = doc.sentences.get(si + 1)?;
    if next.paragraph != doc.sentences[si].paragraph || next.tokens.len() > 8 {
        return None;
    }
    let (p, after) = mention_at_token(doc, parties, next.tokens.start)?;
    doc.is_any(after, SPEECH_VERBS).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::hits::Recognised;
    use crate::geodata::gazetteer::Gazetteer;

    fn speakers(text: &str) -> Vec<Option<String>> {
        let doc = Doc::new(text);
        let rec = Recognised::find(&doc, Gazetteer::embedded());
        let mut quotes = crate::extract::quotes::find_quotes(&doc);
        let table = crate::extract::parties::find_parties(&doc, &rec, &quotes);
        attribute(&doc, &mut quotes, &table);
        quotes
            .iter()
            .map(|q| q.speaker.map(|p| table.parties[p].name.clone()))
            .collect()
    }

    #[test]
    fn any_phrase_that_names_nobody_opens_a_sentence() {
        let s = speakers(
            "Senator Rosa Mamani spoke on Monday. Just a few weeks earlier, on March 3, 2019, \
             former EU trade envoy Peter Holt recommended a pause, stating, “the quota is \
             unfair.” To answer the points she raised, Holt complained that “We were never \
             asked.” As the head of the Peruvian Senate, Ana Quispe, put it: “We wait.”",
        );
        assert_eq!(
            s,
            [
                Some("Peter Holt".into()),
                Some("Peter Holt".into()),
                Some("Ana Quispe".into())
            ]
        );
    }

    #[test]
    fn a_source_after_the_quote_passes_on_what_the_subject_said() {
        let s = speakers(
            "Nora Falk, who is in Lima for the summit, said that Reiner sends his \
             “warmest greetings” according to Peruvian news agency Andina.",
        );
        assert_eq!(s, [Some("Nora Falk".into())]);
    }

    #[test]
    fn whom_a_warning_is_addressed_to_is_no_speaker() {
        let s = speakers(
            "Hezbollah released a video on Monday, and warned Israel that any raid would \
             “open the gates of war”.",
        );
        assert_eq!(s, [Some("Hezbollah".into())]);
    }

    #[test]
    fn a_body_that_accuses_after_the_quote_said_it_but_a_paper_reporting_it_did_not() {
        let s = speakers(
            "In failing to “protect the villages”, Hezbollah accused the army of neglect.",
        );
        assert_eq!(s, [Some("Hezbollah".into())]);
        let s = speakers(
            "Nora Falk wrote to an applicant on Tuesday. She also claimed the fee had been set \
             “a year ago”, The Sydney Morning Herald reported.",
        );
        assert_ne!(s, [Some("Sydney Morning Herald".into())]);
    }

    #[test]
    fn a_paragraph_that_opens_with_a_bare_quote_goes_on_from_the_one_before() {
        let s = speakers(
            "Nora Falk claims she was held for a year. Falk also claims that her passport was \
             taken.\n\n“I was told to stay and keep quiet.” Her brother had left in 2001.",
        );
        assert_eq!(s, [Some("Nora Falk".into())]);
        // A quote inside a sentence of its own words stays with that sentence.
        let s = speakers(
            "Nora Falk claims she was held for a year.\n\nThe sign read “Stay out” in red.",
        );
        assert_eq!(s, [None]);
    }

    #[test]
    fn a_body_that_speaks_in_the_sentence_before_says_the_quote() {
        let s = speakers(
            "In a release from Amnesty International put out Friday, the organization said \
             that the arrests were a warning. “It is shocking that reporters are detained.”",
        );
        assert_eq!(s, [Some("Amnesty International".into())]);
    }

    #[test]
    fn a_bracket_or_an_aside_between_dashes_hides_no_subject() {
        let s = speakers(
            "Green MLA (Member of the Lima Assembly) Rosa Mamani — who is herself a farmer — \
             argued in the Assembly that the bill “matters to us all.” “We waited long \
             enough”, Secretary for Rural Affairs and Andean Greens politician Ana Quispe said.",
        );
        assert_eq!(s, [Some("Rosa Mamani".into()), Some("Ana Quispe".into())]);
    }

    #[test]
    fn the_name_a_verb_follows_outranks_one_an_opening_phrase_mentions() {
        let s = speakers(
            "Tomas Varga wrote to the minister. In the letter, delivered by MP Ana Quispe last \
             May, Varga continues, “I have been in jail for two years.” “Nobody came,” said a \
             relative.",
        );
        assert_eq!(s, [Some("Tomas Varga".into()), None]);
    }

    #[test]
    fn a_quote_joined_by_small_words_goes_on_in_the_same_voice() {
        let s = speakers(
            "“The border is closed,” said the Andean Solidarity Movement. “We warned them”, it \
             added; and, later, “Troops will stay.”",
        );
        let m = Some("Andean Solidarity Movement".to_owned());
        assert_eq!(s, [m.clone(), m.clone(), m]);
    }

    #[test]
    fn a_named_armed_group_speaks_and_a_people_does_not() {
        assert_eq!(
            speakers("Hezbollah said “We will fight.” The Taliban warned that “the war goes on.”"),
            [Some("Hezbollah".into()), Some("Taliban".into())]
        );
        assert_eq!(speakers("Palestinians said “We will stay.”"), [None]);
    }

    #[test]
    fn a_union_of_states_that_calls_for_something_speaks() {
        let s = speakers(
            "Rockets were fired on Monday. The European Union called for an “immediate halt” \
             to the fighting. Senator Ana Quispe spoke. She labelled the rebels as “thieves”.",
        );
        assert_eq!(
            s,
            [Some("European Union".into()), Some("Ana Quispe".into())]
        );
    }

    #[test]
    fn after_a_clause_of_its_own_an_unnamed_subject_speaks() {
        let s = speakers(
            "Tomas Varga died. While Varga's colleagues declined to comment to the paper, a \
             guard at the resort, who saw it, stated, “It all happened very quickly.”",
        );
        assert_eq!(s, [None]);
    }

    #[test]
    fn a_body_is_they_in_the_sentence_after_it_spoke() {
        let s = speakers(
            "The Andean Solidarity Movement denied it: “She was never forced. She chose to \
             stay.” They also claimed she was a “volunteer” with a “grudge”.",
        );
        let m = Some("Andean Solidarity Movement".to_owned());
        assert_eq!(s, [m.clone(), m.clone(), m]);
    }

    #[test]
    fn a_body_that_outlines_something_says_it() {
        let s = speakers(
            "On its website, the Andean Solidarity Movement outlined four demands, “fair \
             wages, clean water, roads and schools”.",
        );
        assert_eq!(s, [Some("Andean Solidarity Movement".into())]);
    }

    #[test]
    fn a_relative_clause_before_the_verb_names_no_subject() {
        let s = speakers(
            "Senator Ana Quispe (Green) who represents a Lima district which Rosa Mamani \
             recently visited said “Nobody asked us.”",
        );
        assert_eq!(s, [Some("Ana Quispe".into())]);
    }

    #[test]
    fn an_opening_phrase_ends_a_few_words_before_the_name() {
        let s = speakers(
            "Earlier, on March 3, 2019, former EU trade envoy Peter Holt recommended a pause, \
             stating, “the quota is unfair.”",
        );
        assert_eq!(s[0].as_deref(), Some("Peter Holt"));
    }

    #[test]
    fn according_to_a_source_the_subject_who_says_it_speaks() {
        let s = speakers(
            "The Coastal Fishers Association met. According to the Lima Herald, the Coastal \
             Fishers Association denied the reports: “We never fished there.”",
        );
        assert_eq!(s[0].as_deref(), Some("Coastal Fishers Association"));
    }

    #[test]
    fn a_person_from_a_body_speaks_not_the_body() {
        let s = speakers(
            "Peter Holt from the Coastal Fishers Association said “the quota is unfair”. \
             The Coastal Fishers Association said “we will appeal”.",
        );
        assert_eq!(s[0].as_deref(), Some("Peter Holt"));
        assert_eq!(s[1].as_deref(), Some("Coastal Fishers Association"));
    }

    #[test]
    fn the_sentence_before_names_who_speaks_past_a_clause() {
        let s = speakers(
            "Peter Holt, who said he fished the bay for forty years, commented on the ban. \
             “We were never asked.”",
        );
        assert_eq!(s[0].as_deref(), Some("Peter Holt"));
    }

    #[test]
    fn according_to_a_national_leader_is_the_leader() {
        let s = speakers("The deal is “a betrayal,” according to Polish President Andrzej Duda.");
        assert_eq!(s[0].as_deref(), Some("Andrzej Duda"));
    }

    #[test]
    fn a_long_office_before_the_name_is_no_person() {
        let s =
            speakers("“We want a durable truce,” said Assistant Secretary of State Lena Ortiz.");
        assert_eq!(s[0].as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn the_mayor_is_the_lord_mayor_named_before() {
        let s = speakers(
            "Cork's Lord Mayor Peter Walsh opened the bridge on Monday. “It took ten years,” \
             the mayor said.",
        );
        assert_eq!(s[0].as_deref(), Some("Peter Walsh"));
    }

    #[test]
    fn reported_to_have_said_and_a_name_capitalised_at_the_start() {
        let s = speakers(
            "Former minister Ali Hassan al-Rawi was sentenced on Monday. Al-Rawi is reported to \
             have said “God is great” as he left.",
        );
        assert_eq!(s[0].as_deref(), Some("Ali Hassan al-Rawi"));
    }

    #[test]
    fn after_before_and_continued() {
        let s = speakers(
            "“We will respond,” said Prime Minister Fumio Kishida. “It is serious.”\n\
             President Yoon Suk-yeol said the launch was “a provocation”.",
        );
        let kishida = Some("Fumio Kishida".to_owned());
        assert_eq!(s[0], kishida);
        assert_eq!(s[1], kishida, "continues the quote before it");
        assert_eq!(s[2].as_deref(), Some("Yoon Suk-yeol"));
    }

    #[test]
    fn arabic_names_bodies_and_appositives_speak() {
        let s = speakers(
            "Prime Minister Adel al-Hakim spoke in Mosul. “We stay,” al-Hakim said.\n\
             Farid al-Nouri, a senior member of the council, objected. “No,” he said.\n\
             The National Unity Party (NUP) lost. “It was rigged,” the NUP said. “We appeal,” the \
             party said.\n\
             One farmer, Lena Ortiz, stated, “The rain never came.”\n\
             “Enough,” said Senate Majority Leader Tom Varga.\n\
             Mayor Ines Holt criticized Varga, saying he was “out of touch”.\n\
             President Omar Diallo welcomed the deal: “A new start.”\n\
             Ada Kovacs, the other analyst, also stated, “It will fail.”",
        );
        let want = [
            "Adel al-Hakim",
            "Farid al-Nouri",
            "National Unity Party",
            "National Unity Party",
            "Lena Ortiz",
            "Tom Varga",
            "Ines Holt",
            "Omar Diallo",
            "Ada Kovacs",
        ];
        assert_eq!(s.len(), want.len(), "{s:?}");
        for (got, want) in s.iter().zip(want) {
            assert_eq!(got.as_deref(), Some(want), "{s:?}");
        }
    }

    #[test]
    fn a_person_the_subject_talks_of_does_not_take_the_quote() {
        for (text, who) in [
            (
                "Minister Hana Kowalczyk denied reports that Omar Adeyemi had resigned and said that \
                 the talks were “going well, and we expect a deal”.",
                "Hana Kowalczyk",
            ),
            (
                "Ana Pike, a teacher from Leeds, thought of Ivan Mora as “a bully who \
                 never listens”.",
                "Ana Pike",
            ),
        ] {
            assert_eq!(speakers(text), [Some(who.to_owned())], "{text}");
        }
        let falk =
            speakers("Mayor Ivo Brandt told reporters that Nora Falk said it was “a disgrace”.");
        assert_ne!(
            falk[0].as_deref(),
            Some("Ivo Brandt"),
            "Falk speaks the words"
        );
        let soto = speakers("In a talk with Tom Ruiz, Dr. Alma Soto stated, “The dam will hold.”");
        assert_ne!(
            soto[0].as_deref(),
            Some("Tom Ruiz"),
            "Soto is the subject, not Ruiz"
        );
    }

    #[test]
    fn an_opening_phrase_is_not_the_subject() {
        for (text, who) in [
            (
                "At the news conference, held in Lyon, Mayor Ines Varga praised the plan as “a \
                 fresh start for the valley”.",
                "Ines Varga",
            ),
            (
                "In an interview with the Daily Courier, Dr. Emil Sato, a geologist, stated, \
                 “The river is rising.”",
                "Emil Sato",
            ),
        ] {
            assert_eq!(speakers(text), [Some(who.to_owned())], "{text}");
        }
    }

    #[test]
    fn tweets_and_labels_report_speech() {
        for (text, who) in [
            (
                "Activist Omar Haddad tweeted that the country is “on the right track”.",
                "Omar Haddad",
            ),
            (
                "Writer Ruth Okafor dubbed the dispute “a war of attrition”.",
                "Ruth Okafor",
            ),
        ] {
            assert_eq!(speakers(text), [Some(who.to_owned())], "{text}");
        }
    }

    #[test]
    fn a_second_quote_continues_past_a_described_attribution() {
        let s = speakers(
            "Talks resumed in Geneva on Monday.\n\
             “It may take weeks,” said Nadia Brel, a former French envoy to the region. “Nobody \
             wants to be first to leave the table.”\n\
             “Each family must feel safe”, Brel said. “It is the duty of the state to protect \
             them”. Officials declined to comment.",
        );
        let brel = Some("Nadia Brel".to_owned());
        assert_eq!(s, [brel.clone(), brel.clone(), brel.clone(), brel]);
    }

    #[test]
    fn a_plural_source_is_nobody() {
        assert_eq!(speakers("“We agree,” they said."), [None]);
    }

    #[test]
    fn described_and_appositive_speakers() {
        // A name between commas before the verb; "went on to say".
        assert_eq!(
            speakers(
                "The judge in the trial, Marta Ekholm, said, “The sentence is fair.” \
                 Ekholm went on to say the pair had “shown remorse early”."
            ),
            [Some("Marta Ekholm".into()), Some("Marta Ekholm".into())]
        );
        // A description after the quote, then the name.
        assert_eq!(
            speakers("“We need help now,” team member Rodaba Noori told reporters."),
            [Some("Rodaba Noori".into())]
        );
        // A title inside a run of capitals starts the name.
        assert_eq!(
            speakers("Health Minister Ivan Petrov said “the wards are full”."),
            [Some("Ivan Petrov".into())]
        );
    }

    #[test]
    fn speakers_a_sentence_away_or_described_first() {
        // The sentence before, in the same paragraph, says who speaks.
        assert_eq!(
            speakers("Mayor Ana Quispe said the two sides discussed roads. “We must build.”"),
            [Some("Ana Quispe".into())]
        );
        // An age or a bare role after a name makes a person.
        assert_eq!(
            speakers("Sabri Oduya, 24, who works at the market, described it: “It was loud.”"),
            [Some("Sabri Oduya".into())]
        );
        assert_eq!(
            speakers("Odel Brachvik, consultant to the government, said, “He was careful.”"),
            [Some("Odel Brachvik".into())]
        );
        // A body that describes the person is not the speaker; a statement says it.
        assert_eq!(
            speakers("Former UN weapons inspector Hans Blix urged restraint, stating, “It helps.”"),
            [Some("Hans Blix".into())]
        );
        assert_eq!(
            speakers("The group Amnesty International issued a statement saying “We reject it.”"),
            [Some("Amnesty International".into())]
        );
        // A family name before a given name is a person's, also when it names a town.
        assert_eq!(
            speakers("Lai Changxing was sentenced. “I have no regrets,” Lai said."),
            [Some("Lai Changxing".into())]
        );
    }

    #[test]
    fn a_role_word_before_a_name_and_who_said() {
        assert_eq!(
            speakers(
                "“We think the lull helps,” stated Israel Foreign Ministry spokesman Yigal Palmor."
            ),
            [Some("Yigal Palmor".into())]
        );
        assert_eq!(
            speakers("“The calm is over”, said Hamas official Ayman Taha, after talks."),
            [Some("Ayman Taha".into())]
        );
        assert_eq!(
            speakers("A spokesman for the colonel, Moussa Ibrahim, said: “We will fight.”"),
            [Some("Moussa Ibrahim".into())]
        );
        assert_eq!(
            speakers("Opponents spoke, including Lord Patrick Cormack, who said: “We lost.”"),
            [Some("Patrick Cormack".into())]
        );
        // After a given name a nationality word is a surname.
        assert_eq!(
            speakers("Tom French from the Equality Network said of the vote: “We won.”"),
            [Some("Tom French".into())]
        );
        let kay = speakers("“No grounds,” said one of the judges, Lord Justice Maurice Kay.");
        assert!(
            kay[0]
                .as_deref()
                .is_some_and(|n| n.ends_with("Maurice Kay")),
            "{kay:?}"
        );
    }

    #[test]
    fn the_person_after_a_long_office_and_its_comma_spoke() {
        assert_eq!(
            speakers(
                "“We have received reports on the killing of one journalist, Tomas Varga, in \
                 the north,” said spokesperson for the United Nations High Commissioner for \
                 Human Rights, Ana Lund."
            ),
            [Some("Ana Lund".to_owned())]
        );
    }

    #[test]
    fn a_speaker_may_indicate_or_signal_what_he_quotes() {
        let s = speakers(
            "In a Wall Street Journal interview published on Friday Donald Trump indicated he \
             wishes to keep sanctions against Russia \"at least for a period of time,\" but to \
             remove them later.",
        );
        assert_eq!(s, [Some("Donald Trump".into())]);
    }

    #[test]
    fn an_unnamed_official_after_the_quote_speaks_for_the_body() {
        for text in [
            "“We have raised the level,” a spokesman for the International Atomic Energy \
             Agency said.",
            "“We have raised the level,” said a spokesman for the International Atomic Energy \
             Agency.",
            "“We have raised the level,” a NATO official told reporters.",
        ] {
            let s = speakers(text);
            assert_eq!(s.len(), 1, "{text}");
            assert!(s[0].is_some(), "{text}: {s:?}");
        }
    }
}
