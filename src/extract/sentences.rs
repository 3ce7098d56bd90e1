//! Paragraphs, sentences and word tokens, each with its UTF-8 byte span.
//!
//! Every later stage works on these tokens. Matching is done on an ASCII-lowercased copy of the
//! text, which keeps byte offsets identical to the original (Unicode lowercasing would not).

use crate::extract::lexicon::{among, among_bytes, same_bytes};
use crate::model::{Span, is_word_char};

/// A `HashMap` keyed by static words, with FxHash: SipHash's resistance to chosen keys is not
/// needed for fixed tables, and hashing dominated their lookups.
pub type WordMap<V> = rustc_hash::FxHashMap<&'static str, V>;

/// Lists longer than this are looked up through a hash set rather than scanned.
const LONG_LIST: usize = 8;

/// The hash every word-list lookup uses: a token's is computed once, in [`Doc::new`], so the
/// hundreds of list tests per sentence probe a table without hashing the word again.
fn word_key(word: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(word);
    h.finish()
}

/// The word table of one long list, with the list it was made from.
type ListTable = (usize, usize, hashbrown::HashTable<&'static [u8]>);

/// Tables of the long word lists, found by where each list lives: open addressing over slots
/// that are filled once and then only read, so a lookup takes no lock and no thread-local.
static LIST_TABLES: [std::sync::OnceLock<ListTable>; 1024] =
    [const { std::sync::OnceLock::new() }; 1024];

/// [`among`] for the rules' long word lists, given the word's [`word_key`]: a list is
/// turned into a hash table the first time any thread asks (each list is one static).
#[inline(never)]
fn among_long(word: &[u8], key: u64, words: &'static [&'static str]) -> bool {
    // (Length too: a slice of a longer list starts where that list does.)
    let (ptr, len) = (words.as_ptr() as usize, words.len());
    let home = ((ptr >> 3) ^ len).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54;
    for probe in 0..LIST_TABLES.len() {
        let slot = &LIST_TABLES[(home + probe) % LIST_TABLES.len()];
        let (p, l, table) = slot.get_or_init(|| (ptr, len, list_table(words)));
        if (*p, *l) == (ptr, len) {
            return table
                .find(key, |x: &&[u8]| {
                    x.len() == word.len() && same_bytes(x, word)
                })
                .is_some();
        }
    }
    among_bytes(word, words)
}

/// A hash table of a word list's words, keyed by [`word_key`].
fn list_table(words: &[&'static str]) -> hashbrown::HashTable<&'static [u8]> {
    let mut table = hashbrown::HashTable::with_capacity(words.len());
    for w in words {
        let w = w.as_bytes();
        let k = word_key(w);
        if table.find(k, |x: &&[u8]| *x == w).is_none() {
            table.insert_unique(k, w, |x: &&[u8]| word_key(x));
        }
    }
    table
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed in), with inner hyphens and apostrophes: "Suk-yeol", "U.S.".
    Word,
    /// Digits only, possibly with an ordinal suffix handled by the date stage: "1965", "2nd".
    Number,
    /// The possessive "’s" / "'s" split off a word.
    Possessive,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Span,
    /// What sort of token.
    pub kind: TokenKind,
    /// Index of the sentence it belongs to.
    pub sentence: u32,
    /// True when the first character is uppercase.
    pub cap: bool,
}

/// A sentence: a byte range, its paragraph, and its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the paragraph (line) it lies in.
    pub paragraph: u32,
    /// Token indices `first..last` (half-open).
    pub tokens: std::ops::Range<usize>,
}

/// The tokenised text every stage reads.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The text as analysed (markup masked out, same byte offsets as the article text).
    pub text: &'a str,
    /// `text` with ASCII letters lowercased: same offsets, cheap case-insensitive matching.
    pub lower: String,
    /// All tokens in text order.
    pub tokens: Vec<Token>,
    /// Each token's [`word_key`] (of its lowercase text), for the word-list tests.
    keys: Vec<u64>,
    /// All sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Paragraph spans (non-empty lines, trimmed).
    pub paragraphs: Vec<Span>,
    /// The lede: index of the first paragraph that reads as prose (eight words or more, not a
    /// headline or dateline line). Found once here because several stages ask for it per
    /// sentence, and scanning for it each time made extraction quadratic.
    pub lede: Option<usize>,
}

/// Longest sentence, in tokens; longer runs are split.
const MAX_SENTENCE_TOKENS: usize = 300;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "adm", "sen", "rep", "gov",
    "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "inc", "corp", "jr", "sr", "mt", "ft", "maj", "cmdr", "rev", "hon", "pres", "co",
    "ltd", "dept", "approx", "est", "fig", "al",
];

impl<'a> Doc<'a> {
    /// Splits `text` into paragraphs, sentences and tokens.
    pub fn new(text: &'a str) -> Self {
        let lower = text.to_ascii_lowercase();
        let mut doc = Doc {
            text,
            lower,
            tokens: Vec::new(),
            keys: Vec::new(),
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            lede: None,
        };
        for para in paragraph_spans(text) {
            let index = doc.paragraphs.len() as u32;
            doc.paragraphs.push(para);
            doc.split_paragraph(para, index);
        }
        doc.keys = doc
            .tokens
            .iter()
            .map(|t| word_key(&doc.lower.as_bytes()[t.span.start..t.span.end]))
            .collect();
        doc.lede = doc.paragraphs.iter().position(|p| {
            let text = doc.slice(*p);
            text.split_whitespace().nth(7).is_some() && !crate::model::looks_like_headline(text)
        });
        doc
    }

    /// The token's text.
    pub fn tok(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.span.start..t.span.end]
    }

    /// The token's text, ASCII-lowercased.
    pub fn low(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lower[t.span.start..t.span.end]
    }

    /// True when token `i` exists and its lowercase text is `word`.
    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.tokens.len() && self.low(i) == word
    }

    /// True when token `i` exists and its lowercase text is one of `words`.
    // Inline: the rules ask this hundreds of times per sentence, mostly of short lists, where
    // the call cost more than the comparison.
    #[inline]
    pub fn is_any(&self, i: usize, words: &'static [&'static str]) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let word = &self.lower.as_bytes()[t.span.start..t.span.end];
        if words.len() <= LONG_LIST {
            among_bytes(word, words)
        } else {
            among_long(word, self.keys[i], words)
        }
    }

    /// The text from token `first` to the end of token `last - 1` ("" when empty).
    pub fn tokens_text(&self, first: usize, last: usize) -> String {
        if first >= last || last > self.tokens.len() {
            return String::new();
        }
        self.slice(Span::new(
            self.tokens[first].span.start,
            self.tokens[last - 1].span.end,
        ))
        .to_owned()
    }

    /// Text of a span ("" if it does not fit).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The index of the first token starting at or after byte `at`.
    pub fn token_at_or_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }

    /// The index of the token containing byte `at`, if any.
    pub fn token_containing(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= at);
        (i < self.tokens.len() && self.tokens[i].span.start <= at).then_some(i)
    }

    /// The sentence containing byte `at` (the nearest one before it when `at` is between sentences).
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= at);
        i.checked_sub(1)
    }

    /// Tokenises one paragraph and splits it into sentences.
    fn split_paragraph(&mut self, para: Span, para_index: u32) {
        let first = self.tokens.len();
        tokenize(self.text, para, &mut self.tokens);
        let last = self.tokens.len();
        let mut start_tok = first;
        let mut i = first;
        while i < last {
            // Text without full stops (lists, garbage) is cut into bounded pieces so that
            // per-sentence work stays linear.
            if i + 1 - start_tok >= MAX_SENTENCE_TOKENS {
                self.push_sentence(start_tok, i + 1, para_index);
                start_tok = i + 1;
                i += 1;
                continue;
            }
            if self.ends_sentence(i, last) {
                // Closing quotes and brackets after the full stop belong to this sentence.
                let mut end = i + 1;
                while end < last && is_closer(self.tok(end)) {
                    end += 1;
                }
                self.push_sentence(start_tok, end, para_index);
                start_tok = end;
                i = end;
            } else {
                i += 1;
            }
        }
        if start_tok < last {
            self.push_sentence(start_tok, last, para_index);
        }
    }

    fn push_sentence(&mut self, first: usize, last: usize, para: u32) {
        let index = self.sentences.len() as u32;
        for t in &mut self.tokens[first..last] {
            t.sentence = index;
        }
        let span = Span::new(
            self.tokens[first].span.start,
            self.tokens[last - 1].span.end,
        );
        self.sentences.push(Sentence {
            span,
            paragraph: para,
            tokens: first..last,
        });
    }

    /// True when token `i` (a '.', '!', '?' or '…') ends a sentence.
    fn ends_sentence(&self, i: usize, last: usize) -> bool {
        let t = self.tok(i);
        // "… made in the U.S. Nearly 1,300 Palestinians …": an abbreviation's full stop ends
        // the sentence when a word that opens sentences follows it.
        if t.len() > 2 && t.ends_with('.') && t[..t.len() - 1].contains('.') {
            return i + 1 < last
                && self.tokens[i + 1].cap
                && self.tokens[i + 1].span.start > self.tokens[i].span.end
                && SENTENCE_OPENERS.contains(&self.low(i + 1));
        }
        if !matches!(t, "." | "!" | "?" | "…") {
            return false;
        }
        let mut next = i + 1;
        while next < last && is_closer(self.tok(next)) {
            next += 1;
        }
        if next >= last {
            return true;
        }
        let n = &self.tokens[next];
        // "A 6.1 magnitude earthquake": a decimal point, with digits touching it on both sides.
        if t == "."
            && i > 0
            && next == i + 1
            && n.kind == TokenKind::Number
            && n.span.start == self.tokens[i].span.end
            && self.tokens[i - 1].kind == TokenKind::Number
            && self.tokens[i - 1].span.end == self.tokens[i].span.start
        {
            return false;
        }
        let starts_well = n.cap || n.kind == TokenKind::Number || is_opener(self.tok(next));
        if !starts_well {
            return false;
        }
        if t == "." && i > 0 && self.tokens[i - 1].span.end == self.tokens[i].span.start {
            let prev = self.low(i - 1);
            let single_initial = prev.len() == 1 && self.tokens[i - 1].cap;
            if single_initial || among(prev, ABBREVIATIONS) {
                return false;
            }
        }
        true
    }
}

/// Words that open sentences and rarely follow an abbreviation inside one ("the U.S. Nearly
/// 1,300 …", but "the U.S. capital", "U.S. President").
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "however",
    "it",
    "he",
    "she",
    "they",
    "we",
    "this",
    "these",
    "those",
    "there",
    "nearly",
    "some",
    "many",
    "most",
    "after",
    "before",
    "while",
    "when",
    "if",
    "meanwhile",
    "also",
    "according",
    "since",
    "its",
    "his",
    "her",
    "their",
    "our",
    "i",
];

/// Paragraph spans, trimmed. Usually one line is one paragraph (as in the seed articles); in
/// hard-wrapped text (blank lines between blocks whose lines mostly end mid-sentence) a
/// paragraph is a block of lines.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at + (line.len() - line.trim_start().len());
        let end = at + line.trim_end().len();
        lines.push((start.min(end), end));
        at += line.len();
    }
    let blank = |l: &(usize, usize)| l.0 >= l.1;
    let mut followed = 0;
    let mut open_ended = 0;
    for w in lines.windows(2) {
        if !blank(&w[0]) && !blank(&w[1]) {
            followed += 1;
            let last = text[w[0].0..w[0].1].chars().next_back();
            if !last.is_some_and(|c| ".!?”\"’:)]".contains(c)) {
                open_ended += 1;
            }
        }
    }
    let wrapped = lines.iter().any(blank) && followed > 0 && open_ended * 2 >= followed;
    let mut out: Vec<Span> = Vec::new();
    let mut prev_blank = true;
    for l in &lines {
        if blank(l) {
            prev_blank = true;
            continue;
        }
        match out.last_mut() {
            Some(p) if wrapped && !prev_blank => p.end = l.1,
            _ => out.push(Span::new(l.0, l.1)),
        }
        prev_blank = false;
    }
    out
}

/// Closing quotation marks and brackets that stay with the sentence before them.
fn is_closer(t: &str) -> bool {
    matches!(t, "”" | "’" | "\"" | "'" | ")" | "]" | "»")
}

/// Opening quotation marks and brackets that can start a sentence.
fn is_opener(t: &str) -> bool {
    matches!(t, "“" | "‘" | "\"" | "'" | "(" | "[" | "«")
}

/// Length of an initialism such as "U.S." at the start of `b` (at least two letter-period
/// pairs, not followed by a letter), else 0.
fn initialism_len(b: &[u8]) -> usize {
    let mut n = 0;
    while n + 1 < b.len() && b[n].is_ascii_uppercase() && b[n + 1] == b'.' {
        n += 2;
    }
    if n >= 4 && !b.get(n).is_some_and(|c| c.is_ascii_alphanumeric()) {
        n
    } else {
        0
    }
}

/// Appends the tokens of `text[span]` to `out` (sentence indices are filled in later).
fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let part = &text[span.start..span.end];
    let mut iter = part.char_indices().peekable();
    while let Some((rel, c)) = iter.next() {
        let start = span.start + rel;
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            // A possessive after a word: "Korea’s", "Korea's".
            if (c == '’' || c == '\'')
                && out
                    .last()
                    .is_some_and(|t: &Token| t.span.end == start && t.kind == TokenKind::Word)
                && let Some(&(_, 's')) = iter.peek()
            {
                let after = start + c.len_utf8() + 1;
                if !text[after..span.end]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
                {
                    iter.next();
                    out.push(Token {
                        span: Span::new(start, after),
                        kind: TokenKind::Possessive,
                        sentence: 0,
                        cap: false,
                    });
                    continue;
                }
            }
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
                sentence: 0,
                cap: false,
            });
            continue;
        }
        let cap = c.is_uppercase();
        // "U.S.", "U.N.": single capitals joined by periods stay one word.
        let initials = initialism_len(&bytes[start..span.end]);
        if initials > 0 {
            while iter
                .peek()
                .is_some_and(|&(r, _)| span.start + r < start + initials)
            {
                iter.next();
            }
            out.push(Token {
                span: Span::new(start, start + initials),
                kind: TokenKind::Word,
                sentence: 0,
                cap,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        loop {
            match iter.peek() {
                Some(&(_, d)) if is_word_char(d) => {
                    all_digits &= d.is_ascii_digit();
                    end += d.len_utf8();
                    iter.next();
                }
                // Inner hyphen or apostrophe followed by a letter: "Suk-yeol", "it’s" stays
                // split only for the possessive "’s" (handled above, when "s" ends the word).
                Some(&(_, d @ ('-' | '\'' | '’'))) => {
                    let after = end + d.len_utf8();
                    let next = text[after..span.end].chars().next();
                    let possessive = d != '-'
                        && next == Some('s')
                        && !text[after + 1..span.end]
                            .chars()
                            .next()
                            .is_some_and(is_word_char);
                    if next.is_some_and(is_word_char) && !possessive {
                        all_digits = false;
                        end = after;
                        iter.next();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        let kind = if all_digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        // "al-Maliki", "el-Sisi": an Arabic article before a capitalised name is part of a name.
        let cap = cap || arabic_article_name(&text[start..end]);
        out.push(Token {
            span: Span::new(start, end),
            kind,
            sentence: 0,
            cap,
        });
    }
}

/// True for "al-Maliki", "el-Sisi", "ash-Shaara": an Arabic article, a hyphen and a
/// capitalised name.
fn arabic_article_name(word: &str) -> bool {
    without_arabic_article(word)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase)
}

/// "Maliki" for "al-Maliki" (any case of the article): a name without its Arabic article, as
/// articles often shorten it.
pub fn without_arabic_article(word: &str) -> Option<&str> {
    // The article is two or three letters: look for its hyphen there only (most words have none).
    let b = word.as_bytes();
    let hyphen = [2, 3].into_iter().find(|&k| b.get(k) == Some(&b'-'))?;
    let (article, rest) = (&word[..hyphen], &word[hyphen + 1..]);
    [
        "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ud",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(article))
    .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(doc: &Doc) -> Vec<String> {
        (0..doc.tokens.len())
            .map(|i| doc.tok(i).to_owned())
            .collect()
    }

    #[test]
    fn tokens_keep_names_and_split_possessives() {
        let doc = Doc::new("North Korea’s leader met Yoon Suk-yeol in the U.S. capital.");
        assert_eq!(
            words(&doc),
            [
                "North", "Korea", "’s", "leader", "met", "Yoon", "Suk-yeol", "in", "the", "U.S.",
                "capital", "."
            ]
        );
        assert_eq!(doc.tokens[2].kind, TokenKind::Possessive);
    }

    #[test]
    fn sentences_split_at_full_stops_but_not_abbreviations() {
        let doc = Doc::new(
            "It happened on Nov. 2, 2022. Mr. Kim left. “We won.” He smiled. A 6.1 quake \
             hit. Bombs made in the U.S. It said so. The U.S. President spoke.\nNew paragraph",
        );
        let s: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            s,
            [
                "It happened on Nov. 2, 2022.",
                "Mr. Kim left.",
                "“We won.”",
                "He smiled.",
                "A 6.1 quake hit.",
                "Bombs made in the U.S.",
                "It said so.",
                "The U.S. President spoke.",
                "New paragraph"
            ]
        );
        assert_eq!(doc.sentences[8].paragraph, 1);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "\n\n",
            "’’’",
            "“”“",
            "a’",
            "U.",
            "U.S",
            "é’s",
            "x-",
            "'s",
            "\u{0}\u{1}",
        ] {
            let d = Doc::new(t);
            for s in &d.sentences {
                assert!(s.span.end <= t.len());
            }
        }
    }
}
