//! What extraction reads: an article's text and what is known about it. The readers in
//! `source` make these; `extract` consumes them.

use jiff::civil::Date;

/// How the article text is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextFormat {
    /// Plain text.
    #[default]
    Plain,
    /// Markdown: heading marks, emphasis and link targets are ignored (offsets stay the file's).
    Markdown,
}

/// An article to extract from: its text and what is known about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleInput {
    /// The text; every span of the output points into it.
    pub text: String,
    /// Headline, if known.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date: relative dates resolve against it; without it they stay unresolved.
    pub published: Option<Date>,
    /// BCP-47 language tag ("en" when unknown).
    pub language: Option<String>,
    /// How the text is written.
    pub format: TextFormat,
}

impl ArticleInput {
    /// Plain text with nothing else known.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Default::default()
        }
    }

    /// The same input with a publication date.
    pub fn published(mut self, date: Date) -> Self {
        self.published = Some(date);
        self
    }
}

/// `char::is_alphanumeric`, answered without Unicode tables for ASCII and for the General
/// Punctuation block (curly quotes, dashes, ellipses): news text is full of those, and the
/// table lookup for each cost more than the rest of tokenising the character.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Short, capitalised, not ending like a sentence.
pub fn looks_like_headline(line: &str) -> bool {
    let line = line.trim().trim_start_matches('#').trim();
    // Length first: a headline is short, and counting the words of a long paragraph is wasted.
    line.len() <= 200
        && (2..=25).contains(&line.split_whitespace().count())
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“‘\"'".contains(c))
        && !line.ends_with(['.', ',', ';', ':'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_chars_are_exactly_the_alphanumeric_ones() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
