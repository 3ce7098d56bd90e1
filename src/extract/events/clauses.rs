//! Clauses of a sentence (cut at ";", "and that", ", but", ", while") and the token ranges
//! inside them that are no participants: conditions ("if …") and settings ("on the sidelines of
//! …", "according to …", asides between dashes).

use super::triggers::verbal_trigger_at;
use crate::extract::hits::PlaceHit;
use crate::extract::sentences::{Doc, TokenKind};
use crate::model::Span;

/// Token ranges.
pub(super) type Ranges = Vec<std::ops::Range<usize>>;
/// Clause boundaries of sentence `si`: token ranges. `places` (sorted by start) tell a second
/// place of a pair ("in Paris and Lyon turned violent") from a new subject.
pub(super) fn clauses(doc: &Doc, si: usize, places: &[PlaceHit]) -> Vec<std::ops::Range<usize>> {
    let s = &doc.sentences[si];
    let mut out = Vec::new();
    let mut start = s.tokens.start;
    let mut i = s.tokens.start;
    while i < s.tokens.end {
        let cut = if doc.tok(i) == ";" {
            Some(i + 1)
        } else if doc.is(i, "and") && doc.is(i + 1, "that")
            || doc.tok(i) == ","
                && doc.is_any(i + 1, &["but", "while", "whereas", "although", "though"])
            || doc.tok(i) == "," && doc.is(i + 1, "and") && own_subject_follows(doc, start, i)
        {
            Some(i + 2)
        } else if doc.is(i, "and") && name_then_verb_after_place(doc, start, i, places) {
            Some(i + 1)
        } else {
            None
        };
        if let Some(next) = cut {
            let end = if doc.tok(i) == "," || doc.tok(i) == ";" {
                i
            } else if i > start && doc.tok(i - 1) == "," {
                i - 1
            } else {
                i
            };
            if end > start {
                out.push(start..end);
            }
            start = next.min(s.tokens.end);
            i = next;
        } else {
            i += 1;
        }
    }
    if start < s.tokens.end {
        out.push(start..s.tokens.end);
    }
    out
}
/// "a raid on Gaza and Hamas responded …": "and" after a place a preposition governs, then a
/// name and a past-tense verb of its own, starts a new clause without a comma. (Not "talks
/// between Israel and Hamas ended": the pair of "between" is one subject.)
fn name_then_verb_after_place(doc: &Doc, start: usize, and: usize, places: &[PlaceHit]) -> bool {
    let cap = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.cap && t.kind == TokenKind::Word)
    };
    if and < start + 2 || !cap(and - 1) || !cap(and + 1) {
        return false;
    }
    // ("Protests in Paris and Lyon turned violent": a second place is the pair's.)
    let at = doc.tokens[and + 1].span.start;
    if places
        .get(places.partition_point(|p| p.span.start < at))
        .is_some_and(|p| p.span.start == at)
    {
        return false;
    }
    let governed = (and.saturating_sub(4).max(start)..and - 1)
        .rev()
        .take_while(|&k| cap(k) || doc.is_any(k, &["the", "on", "in", "at", "into", "against"]))
        .any(|k| doc.is_any(k, &["on", "in", "at", "into", "against"]));
    let Some(verb) = (and + 2..(and + 5).min(doc.tokens.len())).find(|&k| !cap(k)) else {
        return false;
    };
    governed
        && doc.tokens[verb].sentence == doc.tokens[and].sentence
        && doc.low(verb).ends_with("ed")
        // ("Hamas backed by Iran" describes; "Hamas responded by firing" acts.)
        && (!doc.is_any(verb + 1, &["by", "with", "in", "from"])
            || doc.low(verb + 2).ends_with("ing"))
}
/// Finite forms of "be" and "have" that a clause's verb may start with.
const FINITE_AUXILIARIES: &[&str] = &["was", "were", "is", "are", "has", "have", "had"];

/// True when ", and" at token `comma` joins a second clause with a subject of its own ("Smith
/// was arrested on Monday, and Bahari was arrested on Tuesday"): the part before has a verb,
/// and after "and" come a few words without punctuation, then a verb. (Not a list: "Smith,
/// Jones, and Brown were arrested" has no verb before the "and".)
fn own_subject_follows(doc: &Doc, start: usize, comma: usize) -> bool {
    // (A participle is no clause's verb: "with Libya, France, and the US providing support".)
    let verb_at = |k: usize| {
        doc.is_any(k, FINITE_AUXILIARIES)
            || verbal_trigger_at(doc, k) && !doc.low(k).ends_with("ing")
    };
    let sentence = doc.tokens[comma].sentence;
    // ("and in addition, …" and "and at the same time" stand before a subject.)
    let first = if doc.is(comma + 2, "in") && doc.is(comma + 3, "addition") {
        comma + 4 + usize::from(doc.is(comma + 4, ","))
    } else if doc.is(comma + 2, "at") && doc.is(comma + 3, "the") && doc.is(comma + 4, "same") {
        comma + 6 + usize::from(doc.is(comma + 6, ","))
    } else {
        comma + 2
    };
    // A subject starts right after "and": not a verb sharing the subject before (", and was
    // released"), an adverb or a phrase before one (", and then attacked", ", and in recent
    // days launched"), nor someone's kin ("and his brother was detained" stays with its owner).
    if first >= doc.tokens.len()
        || verb_at(first)
        || doc.is_any(first, NO_SUBJECT_STARTS)
        || doc.low(first).ends_with("ly")
    {
        return false;
    }
    // The last verb before, with no other comma after it: a comma between makes the "and" end
    // a list ("joined Sudan, Tanzania, and Libya"). (Not the comma of a number or a date:
    // "20,000", "June 19, 2023".)
    let Some(verb) = (start..comma).rev().find(|&k| verb_at(k)) else {
        return false;
    };
    let number = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    if (verb..comma).any(|k| doc.tok(k) == "," && !(number(k - 1) && number(k + 1))) {
        return false;
    }
    (first + 1..(first + 7).min(doc.tokens.len()))
        .take_while(|&k| {
            doc.tokens[k].sentence == sentence
                && doc.tokens[k - 1].kind != TokenKind::Punct
                && !doc.is_any(k - 1, &["to", "who", "which", "that"])
        })
        // ("two firms accused of smuggling": a participle describing a listed noun.)
        .any(|k| verb_at(k) && !doc.is_any(k + 1, &["of", "by", "with"]))
}

/// Words after ", and" that start no subject.
const NO_SUBJECT_STARTS: &[&str] = &[
    "then", "later", "also", "again", "still", "soon", "now", "thus", "so", "in", "on", "at",
    "during", "after", "before", "since", "for", "by", "with", "from", "over", "within", "under",
    "his", "her", "their", "its", "not", "never",
];

/// Token ranges that are conditions ("if North Korea launched a nuclear attack"), open
/// questions ("whether the bombs had been detonated") and general cases ("no matter when the
/// court sentences them"): nothing in them is told as having happened.
pub(super) fn conditions(doc: &Doc, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let open_question =
            doc.is_any(i, &["whether", "whenever"]) || doc.is(i, "no") && doc.is(i + 1, "matter");
        if doc.is_any(i, &["if", "unless"]) || open_question {
            // (Past "no matter when": its own question word is no clause boundary.)
            let mut j = if doc.is(i, "no") { i + 3 } else { i + 1 };
            // ("examining whether the strike was legal after jets killed 20": the question
            // ends where a clause of time or cause begins.)
            while j < range.end
                && doc.tok(j) != ","
                && !(doc.is(j, "and") && verbal_trigger_at(doc, j + 1))
                && !(open_question
                    && doc.is_any(j, &["after", "before", "when", "because", "since", "as"]))
            {
                j += 1;
            }
            out.push(i..j);
            i = j;
        }
        i += 1;
    }
    out
}
/// Token ranges describing the setting, not participants: "on the sidelines of the … summit",
/// "according to …".
pub(super) fn settings(doc: &Doc, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for i in range.clone() {
        if doc.is(i, "sidelines") && doc.is(i + 1, "of") {
            let start = if i >= 2 && doc.is(i - 1, "the") && doc.is(i - 2, "on") {
                i - 2
            } else {
                i
            };
            let mut j = i + 2;
            while j < range.end && !doc.is_any(j, &["in", "on", "at", ","]) {
                j += 1;
            }
            out.push(start..j);
        }
        // "According to X, …" up to its comma; "…, according to X" to the clause end.
        // Without a comma, the source's name ends it: "According to the Saudi Interior
        // Ministry over 345 pilgrims have been killed …".
        if doc.is(i, "according") && doc.is(i + 1, "to") {
            let name_end = (i + 2..range.end)
                .find(|&j| {
                    !(doc.tokens[j].cap
                        || doc.is_any(j, &["the", "of", "and", "’s", "'s"])
                        || doc.tokens[j].kind == crate::extract::sentences::TokenKind::Possessive)
                })
                .unwrap_or(range.end);
            let end = if doc.is(name_end, ",") {
                name_end + 1
            } else if i == range.start || (i > 0 && doc.tokens[i].cap) {
                name_end
            } else {
                range.end
            };
            out.push(i..end);
        }
        // Asides between dashes or in brackets: "—the maritime border between the two Koreas—".
        let closer = match doc.tok(i) {
            "—" | "–" => Some(doc.tok(i)),
            "(" => Some(")"),
            "[" => Some("]"),
            _ => None,
        };
        if let Some(close) = closer
            && let Some(j) = (i + 1..range.end).find(|&j| doc.tok(j) == close)
            && !out.iter().any(|r| r.contains(&i))
        {
            out.push(i..j + 1);
        }
    }
    out
}
pub(super) fn in_any(ranges: &[std::ops::Range<usize>], i: usize) -> bool {
    ranges.iter().any(|r| r.contains(&i))
}
pub(super) fn token_span(doc: &Doc, a: usize, b: usize) -> Span {
    let n = doc.tokens.len();
    if n == 0 || a >= b || a >= n {
        return Span::new(0, 0);
    }
    Span::new(
        doc.tokens[a].span.start,
        doc.tokens[(b - 1).min(n - 1)].span.end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(doc: &Doc, r: &std::ops::Range<usize>) -> String {
        r.clone().map(|i| doc.tok(i)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn clauses_conditions_and_settings() {
        let doc = Doc::new("Japan protested; China agreed, but Korea refused.");
        let c: Vec<String> = clauses(&doc, 0, &[])
            .iter()
            .map(|r| words(&doc, r))
            .collect();
        assert_eq!(c, ["Japan protested", "China agreed", "Korea refused ."]);
        let doc = Doc::new(
            "They vowed a response if Seoul fired, on the sidelines of the summit in Bali.",
        );
        let all = 0..doc.tokens.len();
        let conds: Vec<String> = conditions(&doc, all.clone())
            .iter()
            .map(|r| words(&doc, r))
            .collect();
        assert_eq!(conds, ["if Seoul fired"]);
        let sets: Vec<String> = settings(&doc, all).iter().map(|r| words(&doc, r)).collect();
        assert_eq!(sets, ["on the sidelines of the summit"]);
    }
}
