//! Direct quotations: pairing the quotation marks (attribution to speakers is [`super::speakers`]).
//!
//! Marks are paired within a paragraph. A paragraph that opens a quote and does not close it
//! continues into the next paragraph when that one opens with a quotation mark (the news
//! convention for long quotes); otherwise the quote ends at the paragraph end, so one stray mark
//! never swallows the rest of the article.

use super::sentences::Doc;
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
    // Marks around nothing but spaces ("“ ”", a stray pair) quote nobody.
    out.retain(|q| {
        text.get(q.span.start..q.span.end)
            .is_some_and(|t| !t.trim().is_empty())
    });
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
    fn whitespace_only_quotes_are_dropped() {
        assert_eq!(spans("He said “ ” and “\u{a0}\t” then “yes”."), ["yes"]);
        assert!(spans("“   \n“ \n").is_empty());
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
