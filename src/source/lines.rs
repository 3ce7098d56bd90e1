//! Articles as JSON Lines, so `newsmap extract` composes with other tools: one object per
//! line, `{"title", "text" | "html", "url", "published", "source"}` (also `author`,
//! `language`; other keys are ignored). `published` is a day (`2024-03-02`) or a timestamp
//! that starts with one (`2024-03-02T08:15:00Z`).

use std::io::BufRead;

use serde::Deserialize;

use super::article_from_html;
use crate::model::{ArticleInput, parse_day};

/// One line's fields.
#[derive(Debug, Deserialize)]
struct Line {
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    published: Option<String>,
    source: Option<String>,
    author: Option<String>,
    language: Option<String>,
}

/// Reads every line of `reader` (named `origin` in messages, e.g. "stdin"): per non-blank
/// line, its article or a message naming the line and what is wrong with it. A line longer
/// than `max_bytes` is refused; a read error ends the input with a message.
pub fn read_lines(
    reader: impl BufRead,
    origin: &str,
    max_bytes: usize,
) -> Vec<(usize, Result<ArticleInput, String>)> {
    let mut out = Vec::new();
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        n += 1;
        // Capped, so an endless line from a pipe ends with a message, not all the memory.
        let read =
            std::io::Read::take(reader.by_ref(), max_bytes as u64 + 1).read_until(b'\n', &mut buf);
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push((n, Err(format!("{origin} line {n}: cannot read it: {e}"))));
                break;
            }
        }
        if buf.len() > max_bytes && !buf.ends_with(b"\n") {
            out.push((
                n,
                Err(format!(
                    "{origin} line {n}: longer than {max_bytes} bytes (see --max-bytes); the rest \
                     of the input is not read"
                )),
            ));
            break;
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            out.push((n, Err(format!("{origin} line {n}: is not UTF-8 text"))));
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        out.push((
            n,
            parse_line(line).map_err(|e| format!("{origin} line {n}: {e}")),
        ));
    }
    out
}

/// One line's article, or what is wrong with it.
fn parse_line(line: &str) -> Result<ArticleInput, String> {
    let l: Line = serde_json::from_str(line.trim()).map_err(|e| {
        format!("not a JSON object of an article ({e}); expected {{\"title\", \"text\" or \"html\", \"url\", \"published\", \"source\"}}")
    })?;
    let published = match l.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => {
            // "2024-03-02T08:15:00Z": the day it starts with.
            let day = p.get(..10).filter(|_| {
                p.len() == 10 || matches!(p.as_bytes().get(10), Some(b'T' | b't' | b' '))
            });
            Some(
                day.and_then(|d| parse_day(d).ok())
                    .ok_or_else(|| format!("\"published\": \"{p}\" is not a date (YYYY-MM-DD)"))?,
            )
        }
    };
    let mut input = match (l.text, l.html) {
        (Some(text), _) if !text.trim().is_empty() => ArticleInput::new(text),
        (_, Some(html)) if !html.trim().is_empty() => {
            article_from_html(&html, l.url.as_deref()).map_err(|e| format!("\"html\": {e}"))?
        }
        (Some(_), _) | (_, Some(_)) => return Err("the article's text is empty".to_owned()),
        (None, None) => return Err("has neither \"text\" nor \"html\"".to_owned()),
    };
    // The line's own fields win over what the page says about itself.
    input.title = l.title.filter(|t| !t.trim().is_empty()).or(input.title);
    input.url = l.url.or(input.url);
    input.source = l.source.or(input.source);
    input.author = l.author.or(input.author);
    input.language = l.language.or(input.language);
    input.published = published.or(input.published);
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(usize, Result<ArticleInput, String>)> {
        read_lines(text.as_bytes(), "stdin", 10_000)
    }

    #[test]
    fn each_line_is_an_article_with_its_fields() {
        let got = read(
            "{\"title\": \"Talks in Oslo\", \"text\": \"Ministers met in Oslo on Monday.\", \
             \"url\": \"https://example.org/a\", \"published\": \"2024-03-02T08:15:00Z\", \
             \"source\": \"Example Wire\", \"extra\": 1}\n\n\
             {\"html\": \"<html><body><article><h1>Storm</h1><p>A storm hit the coast of \
             Norway on Sunday, cutting power to thousands of homes across the region.</p>\
             </article></body></html>\", \"published\": \"2024-03-04\"}\n",
        );
        assert_eq!(got.len(), 2);
        let a = got[0].1.as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks in Oslo"));
        assert_eq!(a.source.as_deref(), Some("Example Wire"));
        assert_eq!(a.published.unwrap().to_string(), "2024-03-02");
        let b = got[1].1.as_ref().unwrap();
        assert!(b.text.contains("storm hit the coast"), "{}", b.text);
        assert_eq!(got[1].0, 3, "the blank line is counted, not read");
    }

    #[test]
    fn a_bad_line_names_its_number_and_the_rest_go_on() {
        let got = read(
            "{\"text\": \"One.\"}\nnot json\n{\"title\": \"x\"}\n\
             {\"text\": \"Two.\", \"published\": \"yesterday\"}\n{\"text\": \"Three.\"}\n",
        );
        let errs: Vec<&String> = got.iter().filter_map(|(_, r)| r.as_ref().err()).collect();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(
            errs[0].starts_with("stdin line 2: not a JSON object"),
            "{}",
            errs[0]
        );
        assert!(
            errs[1].contains("line 3: has neither \"text\" nor \"html\""),
            "{}",
            errs[1]
        );
        assert!(
            errs[2].contains("line 4: \"published\": \"yesterday\""),
            "{}",
            errs[2]
        );
        assert_eq!(got.iter().filter(|(_, r)| r.is_ok()).count(), 2);
    }

    #[test]
    fn an_endless_line_stops_with_a_message() {
        let long = format!("{{\"text\": \"{}\"}}", "a".repeat(20_000));
        let got = read(&long);
        assert_eq!(got.len(), 1);
        assert!(
            got[0]
                .1
                .as_ref()
                .unwrap_err()
                .contains("longer than 10000 bytes")
        );
    }
}
