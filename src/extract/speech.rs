//! Reported-speech patterns around names: a speech verb after a name, possibly over adverbs
//! ("Kishida also said"), an appositive ("Banks, a research associate, told"), or a description
//! after an inverted verb ("said town councillor Dewly Nelson"). People finding and quote
//! attribution both read them.

use super::lexicon::{SPEECH_FILLERS, SPEECH_VERBS};
use super::sentences::{Doc, TokenKind};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appositives_fillers_and_descriptors() {
        let doc = Doc::new("Jonathan Banks, a research associate, also told reporters.");
        let (appositive, verb) = appositive_then_speech(&doc, 2).expect("an appositive");
        assert_eq!(doc.tok(appositive.start), "a");
        assert_eq!(doc.tok(verb), "told", "over the filler “also”");
        assert!(appositive_then_speech(&Doc::new("Banks, Smith and Lee left."), 1).is_none());
        let doc = Doc::new("said newly elected town councillor Dewly Nelson");
        assert_eq!(descriptor_len(&doc, 1, doc.tokens.len()), 4);
    }
}
