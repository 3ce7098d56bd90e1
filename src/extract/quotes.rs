//! Direct quotations: finding the marks, and attributing each quote to its speaker.
//!
//! Marks are paired within a paragraph. A paragraph that opens a quote and does not close it
//! continues into the next paragraph when that one opens with a quotation mark (the news
//! convention for long quotes); otherwise the quote ends at the paragraph end, so one stray mark
//! never swallows the rest of the article.

use super::parties::{PartyTable, Plurality};
use super::sentences::{Doc, TokenKind};
use crate::model::Span;

/// A quotation found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteFound {
    /// The quoted words, without the marks.
    pub span: Span,
    /// True for a quote in single marks (‘…’).
    pub single: bool,
    /// Quotes continued across paragraphs share a group number (otherwise their own index).
    pub group: usize,
    /// Speaker: index into the party table.
    pub speaker: Option<usize>,
}

/// Verbs that introduce or follow reported speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "described",
    "describes",
    "stated",
    "states",
    "noted",
    "notes",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "declared",
    "declares",
    "announced",
    "announces",
    "explained",
    "explains",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "claimed",
    "claims",
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "continued",
    "remarked",
    "commented",
    "acknowledged",
    "admitted",
    "conceded",
    "suggested",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "called",
    "calls",
    "urged",
    "urges",
    "recalled",
    "observed",
    "affirmed",
    "reiterated",
    "confirmed",
    "cautioned",
    "predicted",
    "recalls",
    "laughed",
    "laughs",
    "quipped",
    "joked",
    "jokes",
    "shrugged",
    "added:",
];

/// Speech verbs that may come before their subject: "…,” said Kishida.
pub const INVERTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "asked",
    "noted",
    "continued",
    "explained",
    "stated",
    "declared",
    "replied",
    "insisted",
    "warned",
    "explains",
    "notes",
    "recalled",
    "recalls",
    "writes",
    "asks",
];

/// Adverbs and auxiliaries that can stand between a speaker and the speech verb.
const SPEECH_FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "has",
    "have",
    "had",
    "once",
    "reportedly",
    "earlier",
    "repeatedly",
    "separately",
    "further",
];

/// The first token from `k` (before `end`) that is not a speech filler ("also", "later").
pub fn skip_fillers(doc: &Doc, mut k: usize, end: usize) -> usize {
    while k < end && doc.is_any(k, SPEECH_FILLERS) {
        k += 1;
    }
    k
}

/// Longest appositive (in tokens) between a speaker's name and the speech verb.
const MAX_APPOSITIVE_TOKENS: usize = 24;

/// An appositive after a speaker's name, then a speech verb: "Jonathan Banks, a research
/// associate at the University of Alberta, told …", "Morgan, 59, said", "Lee, who leads the
/// team, said". `comma` is the token after the name. Returns the tokens between the commas and
/// the speech verb's token.
pub fn appositive_then_speech(doc: &Doc, comma: usize) -> Option<(std::ops::Range<usize>, usize)> {
    if !doc.is(comma, ",") {
        return None;
    }
    let sentence = doc.tokens[comma].sentence;
    let first = comma + 1;
    let mut j = first;
    while j < doc.tokens.len() && doc.tokens[j].sentence == sentence {
        if j >= first + MAX_APPOSITIVE_TOKENS
            || matches!(doc.tok(j), "“" | "”" | "\"" | "‘" | ";" | "(" | ")")
            || doc.is_any(j, SPEECH_VERBS)
        {
            return None;
        }
        if doc.is(j, ",") {
            break;
        }
        j += 1;
    }
    if j == first || !doc.is(j, ",") {
        return None;
    }
    let verb = skip_fillers(doc, j + 1, doc.tokens.len());
    (verb < doc.tokens.len()
        && doc.tokens[verb].sentence == sentence
        && !doc.tokens[verb].cap
        && doc.is_any(verb, SPEECH_VERBS))
    .then_some((first..j, verb))
}

/// Longest lowercase description between an inverted speech verb and the name ("said newly
/// elected town councillor Dewly Nelson").
const MAX_DESCRIPTOR_TOKENS: usize = 5;

/// Length of a lowercase description starting at token `i` (before `end`) that a capitalised
/// name follows, or 0.
pub fn descriptor_len(doc: &Doc, i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end
        && j < i + MAX_DESCRIPTOR_TOKENS
        && doc.tokens[j].kind == TokenKind::Word
        && !doc.tokens[j].cap
        && !doc.is_any(
            j,
            &[
                "he", "she", "they", "it", "that", "this", "and", "or", "to", "her", "his",
                "their", "its", "our", "my", "your", "by", "with", "for", "of",
            ],
        )
    {
        j += 1;
    }
    if j > i && j < end && doc.tokens[j].cap && doc.tokens[j].kind == TokenKind::Word {
        j - i
    } else {
        0
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    Straight,
    OpenSingle,
    CloseSingle,
}

/// Classifies the character at byte `at` as a quotation mark, if it is one.
fn mark_at(text: &str, at: usize, c: char) -> Option<Mark> {
    if !matches!(c, '“' | '„' | '«' | '”' | '»' | '"' | '‘' | '’' | '\'') {
        return None;
    }
    let prev = text[..at].chars().next_back();
    let next = text[at + c.len_utf8()..].chars().next();
    let boundary_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    match c {
        '“' | '„' | '«' => Some(Mark::OpenDouble),
        '”' | '»' => Some(Mark::CloseDouble),
        '"' => Some(Mark::Straight),
        // ‘ opens unless it stands for elided digits ("the ‘90s").
        '‘' => (!next.is_some_and(|n| n.is_ascii_digit())).then_some(Mark::OpenSingle),
        // ’ between letters is an apostrophe ("it’s"), after an s it may be a plural possessive.
        '’' => {
            let letter_before = prev.is_some_and(char::is_alphanumeric);
            let letter_after = next.is_some_and(char::is_alphanumeric);
            ((!letter_before || !letter_after) && !boundary_before).then_some(Mark::CloseSingle)
        }
        '\'' => {
            let letter_before = prev.is_some_and(char::is_alphanumeric);
            let letter_after = next.is_some_and(char::is_alphanumeric);
            if letter_before && letter_after {
                None
            } else if boundary_before && letter_after {
                Some(Mark::OpenSingle)
            } else if !boundary_before {
                Some(Mark::CloseSingle)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Finds every quotation (span without marks) in the document's paragraphs.
pub fn find_quotes(doc: &Doc) -> Vec<QuoteFound> {
    let text = doc.text;
    let mut out: Vec<QuoteFound> = Vec::new();
    // An open double quote carried over from the previous paragraph: its group.
    let mut carried_group: Option<usize> = None;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let mut open_double: Option<usize> = None; // byte after the opening mark
        let mut open_single: Option<usize> = None;
        let mut group_for_open: Option<usize> = None;
        if let Some(g) = carried_group.take() {
            // Continues only if this paragraph opens with a quotation mark.
            let first = text[para.start..para.end].chars().next();
            if matches!(first, Some('“' | '"' | '„' | '«')) {
                open_double = Some(para.start + first.map_or(0, char::len_utf8));
                group_for_open = Some(g);
            }
        }
        let skip_first = group_for_open.is_some();
        for (rel, c) in text[para.start..para.end].char_indices() {
            let at = para.start + rel;
            if skip_first && rel == 0 {
                continue;
            }
            let Some(mark) = mark_at(text, at, c) else {
                continue;
            };
            let after = at + c.len_utf8();
            match mark {
                Mark::OpenDouble => {
                    if open_double.is_none() {
                        open_double = Some(after);
                        open_single = None;
                        group_for_open = None;
                    }
                }
                Mark::Straight => match open_double {
                    None => {
                        open_double = Some(after);
                        open_single = None;
                        group_for_open = None;
                    }
                    Some(start) => {
                        push(&mut out, Span::new(start, at), false, group_for_open.take());
                        open_double = None;
                    }
                },
                Mark::CloseDouble => {
                    if let Some(start) = open_double.take() {
                        push(&mut out, Span::new(start, at), false, group_for_open.take());
                    }
                    open_single = None;
                }
                // Single marks quote only outside double quotes (inside, they nest).
                Mark::OpenSingle => {
                    if open_double.is_none() && open_single.is_none() {
                        open_single = Some(after);
                    }
                }
                Mark::CloseSingle => {
                    if open_double.is_none()
                        && let Some(start) = open_single.take()
                    {
                        push(&mut out, Span::new(start, at), true, None);
                    }
                }
            }
        }
        if let Some(start) = open_double {
            // Unclosed at the paragraph end: a quote up to here; it continues if the next
            // paragraph opens with a mark.
            let next_opens = doc
                .paragraphs
                .get(pi + 1)
                .and_then(|n| text[n.start..n.end].chars().next())
                .is_some_and(|c| matches!(c, '“' | '"' | '„' | '«'));
            let end = trim_end_space(text, start, para.end);
            let idx = push(
                &mut out,
                Span::new(start, end),
                false,
                group_for_open.take(),
            );
            if next_opens {
                carried_group = Some(out[idx].group);
            }
        }
    }
    out.retain(|q| !q.span.is_empty());
    out
}

fn trim_end_space(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn push(out: &mut Vec<QuoteFound>, span: Span, single: bool, group: Option<usize>) -> usize {
    let idx = out.len();
    out.push(QuoteFound {
        span,
        single,
        group: group.unwrap_or(idx),
        speaker: None,
    });
    idx
}

/// True when byte `at` lies inside one of the quotes (sorted by start).
pub fn inside_quote(quotes: &[QuoteFound], at: usize) -> Option<usize> {
    let i = quotes.partition_point(|q| q.span.start <= at);
    let i = i.checked_sub(1)?;
    (at < quotes[i].span.end).then_some(i)
}

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
        let mut decided = after_quote(doc, &q, quotes, parties);
        if matches!(decided, Attribution::Unknown) {
            decided = before_quote(doc, &q, quotes, parties);
        }
        if matches!(decided, Attribution::Unknown) {
            decided = according_to(doc, &q, parties);
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
        if !starts_sentence(doc, &quotes[qi]) || !sentence_like(doc.slice(quotes[qi].span)) {
            continue;
        }
        if let Some(s) = following_sentence_speaker(doc, &quotes[qi], parties) {
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
            let between_has_text =
                has_unquoted_words(doc, quotes, quotes[qi - 1].span.end, quotes[qi].span.start);
            if let (Some(a), Some(b)) = (here, there)
                && a <= b + 1
                && !between_has_text
            {
                quotes[qi].speaker = Some(s);
            }
        }
    }
    // A quote repeating another quote's words (a headline quoting the body) has its speaker.
    let mut by_words: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
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

/// A quote that reads as spoken sentences (ends with punctuation), not a headline or a phrase.
fn sentence_like(q: &str) -> bool {
    q.trim_end()
        .ends_with(['.', ',', '!', '?', '…', ':', ';', '—'])
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
fn has_unquoted_words(doc: &Doc, quotes: &[QuoteFound], from: usize, to: usize) -> bool {
    let first = doc.token_at_or_after(from);
    let mut words = 0;
    for i in first..doc.tokens.len() {
        let t = doc.tokens[i];
        if t.span.start >= to {
            break;
        }
        if t.kind == TokenKind::Word && inside_quote(quotes, t.span.start).is_none() {
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
        return match mention_at_token(doc, parties, j) {
            Some((p, _)) => Attribution::Speaker(p),
            // "…,” said Scott.": someone we cannot identify, but not the previous speaker.
            None if j < end && doc.tokens[j].cap => Attribution::Nobody,
            None => Attribution::Unknown,
        };
    }
    if let Some((p, mut next)) = mention_at_token(doc, parties, i) {
        if let Some((_, verb)) = appositive_then_speech(doc, next) {
            next = verb;
        }
        next = skip_fillers(doc, next, end);
        if doc.is_any(next, SPEECH_VERBS) {
            return Attribution::Speaker(p);
        }
        return Attribution::Unknown;
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
        // Subject right before the verb, over adverbs and auxiliaries.
        let mut j = i;
        while j > s.tokens.start && doc.is_any(j - 1, SPEECH_FILLERS) {
            j -= 1;
        }
        if j > s.tokens.start {
            let prev = j - 1;
            if let Some(m) = parties.mention_ending_at(doc.tokens[prev].span.end) {
                if parties.plural_at(m.span.start) == Some(Plurality::Plural) {
                    return Attribution::Nobody;
                }
                return Attribution::Speaker(m.party);
            }
            if plural_subject(doc, parties, prev) {
                return Attribution::Nobody;
            }
        }
        // "said Kishida" (not "described Japan as", "told Yoon")
        if doc.is_any(i, INVERTING_VERBS)
            && let Some((p, _)) = mention_at_token(doc, parties, i + 1)
        {
            return Attribution::Speaker(p);
        }
        // No speaker next to this verb: an earlier one may still frame the quote.
    }
    Attribution::Unknown
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
            let mut j = i + 2;
            if let Some((p, _)) = mention_at_token(doc, parties, j) {
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

    fn spans(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        find_quotes(&doc)
            .iter()
            .map(|q| doc.slice(q.span).to_owned())
            .collect()
    }

    #[test]
    fn curly_straight_and_single_marks() {
        assert_eq!(spans("He said “we won,” and left."), ["we won,"]);
        assert_eq!(spans("He said \"we won\" and left."), ["we won"]);
        assert_eq!(
            spans("‘More Aligned Than Ever’\nIt’s the leaders’ view."),
            ["More Aligned Than Ever"]
        );
        assert_eq!(
            spans("A “serious threat” and “pending issues”."),
            ["serious threat", "pending issues"]
        );
    }

    #[test]
    fn quotes_across_paragraphs_share_a_group() {
        let text = "“We came to talk.\n“We leave with a deal,” she said.";
        let doc = Doc::new(text);
        let q = find_quotes(&doc);
        assert_eq!(q.len(), 2);
        assert_eq!(doc.slice(q[0].span), "We came to talk.");
        assert_eq!(doc.slice(q[1].span), "We leave with a deal,");
        assert_eq!(q[0].group, q[1].group);
    }

    #[test]
    fn unbalanced_marks_resynchronise_at_the_paragraph_end() {
        let text =
            "He said “this never closes.\nLater, “this one does,” she said. And “so does this.”";
        let s = spans(text);
        assert_eq!(s, ["this never closes.", "this one does,", "so does this."]);
    }

    #[test]
    fn only_marks_and_odd_text() {
        for t in [
            "“”“”\"\"\"",
            "”",
            "“",
            "‘’‘",
            "\"",
            "'''",
            "“\n“\n“",
            "a’b’c",
        ] {
            let doc = Doc::new(t);
            for q in find_quotes(&doc) {
                assert!(q.span.start <= q.span.end && q.span.end <= t.len());
                assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
            }
        }
    }
}
