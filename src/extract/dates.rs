//! Temporal expressions, resolved against the publication date as HeidelTime's news mode does.
//!
//! Absolute dates ("Nov. 2, 2022", "2 November", "May 2022", "1965", "1910–1945",
//! "between 1910 and 1945") need no anchor except a missing year, which comes from the
//! publication date. Relative ones ("on Sunday", "yesterday", "last week", "since May",
//! "earlier this month") resolve only when the publication date is known; otherwise they are
//! kept as phrases with no value rather than guessed.

use jiff::civil::Date;

use super::lexicon::{MONTHS, WEEKDAYS};
use super::sentences::{Doc, TokenKind};
use crate::model::{DateRange, PartialDate, Span, date_from_day_number, day_number};

/// How a date phrase relates to the event it dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRole {
    /// The event happened at that time ("on Sunday", "in 1965", "between 1910 and 1945").
    At,
    /// The event began then and goes on until publication ("since May").
    Since,
    /// The event happened before then ("before 2020", "previously").
    Before,
    /// The event happened after then ("after 2019").
    After,
    /// "prior to / after / following their meeting": dated by another event of the article.
    Anchored,
}

/// A date phrase found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// The words that gave the date, e.g. "on Sunday", "since he took office in May".
    pub span: Span,
    /// Sentence index.
    pub sentence: usize,
    /// First and last token of the phrase.
    pub tokens: (usize, usize),
    /// The resolved range; `None` when it could not be resolved (no publication date, or an
    /// anchored phrase the event stage resolves).
    pub range: Option<DateRange>,
    /// How it relates to the event.
    pub role: DateRole,
    /// True when it needed the publication date (a relative expression or a missing year).
    pub relative: bool,
}

fn month_of(word: &str) -> Option<i8> {
    if let Some(i) = MONTHS.iter().position(|m| *m == word) {
        return Some(i as i8 + 1);
    }
    let abbr = match word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(abbr)
}

fn number_word(word: &str) -> Option<i32> {
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "several" | "few" => return None,
        w => return w.parse::<i32>().ok().filter(|n| (1..=1000).contains(n)),
    })
}

/// Words before a bare year that make it a year rather than a count ("in 2019", "a 1965 treaty").
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "of",
    "a",
    "an",
    "the",
    "until",
    "till",
    "before",
    "after",
    "from",
    "between",
    "during",
    "early",
    "late",
    "mid",
    "through",
    "throughout",
    "to",
    "and",
    "around",
    "circa",
    "c",
    "year",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "for",
    "on",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Day-level arithmetic on civil dates.
fn add_days(d: Date, n: i32) -> Option<Date> {
    let z = day_number(d).checked_add(n)?;
    let out = date_from_day_number(z);
    (day_number(out) == z && (1..=9999).contains(&out.year())).then_some(out)
}

fn day_range(a: Date, b: Date) -> DateRange {
    DateRange {
        start: Some(PartialDate::day(a)),
        end: Some(PartialDate::day(b)),
        phrase: None,
    }
}

fn point(p: PartialDate) -> DateRange {
    DateRange {
        start: Some(p),
        end: Some(p),
        phrase: None,
    }
}

fn valid_year(y: i32) -> Option<i16> {
    (1..=9999).contains(&y).then_some(y as i16)
}

fn month_date(y: i32, m: i8) -> Option<PartialDate> {
    Some(PartialDate::month(valid_year(y)?, m))
}

fn full_date(y: i32, m: i8, d: i32) -> Option<PartialDate> {
    let d = Date::new(valid_year(y)?, m, i8::try_from(d).ok()?).ok()?;
    Some(PartialDate::day(d))
}

/// Does the sentence talk about the future ("will", "is set to", "next")? Decides which way a
/// bare weekday or a month without a year resolves.
fn future_context(doc: &Doc, sentence: usize, before: usize) -> bool {
    let range = doc.sentences[sentence].tokens.clone();
    (range.start..before.min(range.end)).any(|i| {
        doc.is_any(
            i,
            &[
                "will",
                "shall",
                "upcoming",
                "scheduled",
                "planned",
                "plans",
                "expected",
                "set",
                "slated",
                "forthcoming",
            ],
        ) || (doc.is(i, "to")
            && doc.is_any(i + 1, &["be", "hold", "meet", "visit", "travel"])
            && i > range.start
            && doc.is_any(
                i - 1,
                &["set", "due", "expected", "scheduled", "plans", "planned"],
            ))
    })
}

/// Finds and resolves all date phrases of the document.
pub fn find_dates(doc: &Doc, published: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let start = out.len();
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            match match_at(doc, i, s.tokens.end, si, published) {
                Some(m) => {
                    i = m.tokens.1 + 1;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        combine_in_sentence(doc, &mut out, start, si);
    }
    for m in &mut out {
        if let Some(r) = &mut m.range {
            r.phrase = Some(m.span);
        }
    }
    out
}

/// A mention from tokens `a..=b`.
fn mention(
    doc: &Doc,
    a: usize,
    b: usize,
    sentence: usize,
    range: Option<DateRange>,
    role: DateRole,
    relative: bool,
) -> DateMention {
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end);
    DateMention {
        span,
        sentence,
        tokens: (a, b),
        range,
        role,
        relative,
    }
}

/// A simple date expression starting at token `i` (with its leading preposition, if any).
fn match_at(
    doc: &Doc,
    i: usize,
    end: usize,
    si: usize,
    published: Option<Date>,
) -> Option<DateMention> {
    let w = doc.low(i);
    // A leading preposition is part of the phrase when a date follows it.
    let (role, lead) = match w {
        "on" | "in" | "at" | "during" | "by" => (DateRole::At, true),
        "since" => (DateRole::Since, true),
        "before" | "until" | "till" => (DateRole::Before, true),
        "after" => (DateRole::After, true),
        _ => (DateRole::At, false),
    };
    if lead && i + 1 < end {
        if let Some(mut m) = match_core(doc, i + 1, end, si, published) {
            m.span.start = doc.tokens[i].span.start;
            m.tokens.0 = i;
            apply_role(&mut m, role, published);
            return Some(m);
        }
        if w == "since" {
            return since_clause(doc, i, end, si, published);
        }
        if matches!(w, "before" | "after") || (w == "prior" && doc.is(i + 1, "to")) {
            return anchored(doc, i, end, si);
        }
        return None;
    }
    if w == "prior" && doc.is(i + 1, "to")
        || w == "following"
        || w == "ahead" && doc.is(i + 1, "of")
    {
        return anchored(doc, i, end, si);
    }
    match_core(doc, i, end, si, published)
}

/// "since he took office in May": "since" governs a date a few words later in its clause.
fn since_clause(
    doc: &Doc,
    i: usize,
    end: usize,
    si: usize,
    published: Option<Date>,
) -> Option<DateMention> {
    let limit = (i + 8).min(end);
    let mut j = i + 1;
    while j < limit {
        if doc.tokens[j].kind == TokenKind::Punct {
            return None;
        }
        if doc.is_any(j, &["in", "on"])
            && let Some(mut m) = match_core(doc, j + 1, end, si, published)
        {
            m.span.start = doc.tokens[i].span.start;
            m.tokens.0 = i;
            apply_role(&mut m, DateRole::Since, published);
            return Some(m);
        }
        j += 1;
    }
    None
}

/// "prior to their meeting", "after the talks", "following the summit".
fn anchored(doc: &Doc, i: usize, end: usize, si: usize) -> Option<DateMention> {
    let mut j = i + 1;
    if doc.is(i, "prior") || doc.is(i, "ahead") {
        j += 1;
    }
    if j < end
        && doc.is_any(
            j,
            &[
                "the", "their", "his", "her", "its", "this", "that", "those", "these",
            ],
        )
    {
        j += 1;
    }
    while j < end
        && doc.is_any(
            j,
            &[
                "first",
                "formal",
                "bilateral",
                "trilateral",
                "previous",
                "latest",
                "recent",
            ],
        )
    {
        j += 1;
    }
    const OCCASIONS: &[&str] = &[
        "meeting",
        "meetings",
        "talks",
        "summit",
        "visit",
        "call",
        "conference",
        "session",
        "trip",
    ];
    // ("after talks with Ehud Olmert": no determiner and someone to talk with is a meeting
    // told here, not one told elsewhere to date by.)
    let told_here = !(i + 1..j).any(|k| {
        doc.is_any(
            k,
            &[
                "the", "their", "his", "her", "its", "this", "that", "those", "these",
            ],
        )
    }) && doc.is(j + 1, "with");
    (j < end && doc.is_any(j, OCCASIONS) && !told_here)
        .then(|| mention(doc, i, j, si, None, DateRole::Anchored, false))
}

/// Turns an "at" range into since/before/after by the leading preposition.
fn apply_role(m: &mut DateMention, role: DateRole, published: Option<Date>) {
    m.role = role;
    let Some(r) = m.range.take() else { return };
    m.range = match role {
        DateRole::At | DateRole::Anchored => Some(r),
        // "since May": from then until the report, open when the report's date is unknown.
        DateRole::Since => Some(DateRange {
            start: r.start,
            end: published.map(PartialDate::day),
            phrase: None,
        }),
        DateRole::Before => r
            .first_day()
            .and_then(|d| add_days(d, -1))
            .map(|d| DateRange {
                start: None,
                end: Some(PartialDate::day(d)),
                phrase: None,
            }),
        DateRole::After => r
            .last_day()
            .and_then(|d| add_days(d, 1))
            .map(|d| DateRange {
                start: Some(PartialDate::day(d)),
                end: None,
                phrase: None,
            }),
    };
}

/// A date expression without its leading preposition.
fn match_core(
    doc: &Doc,
    i: usize,
    end: usize,
    si: usize,
    published: Option<Date>,
) -> Option<DateMention> {
    let t = doc.tokens[i];
    let w = doc.low(i);
    // "Nov. 2, 2022", "November 2", "May 2022", "May"
    if t.cap
        && let Some(m) = month_of(w)
    {
        return month_first(doc, i, end, si, m, published);
    }
    // "2 November 2022", "2nd of November"
    if t.kind == TokenKind::Number || is_ordinal(w) {
        if let Some(m) = day_first(doc, i, end, si, published) {
            return Some(m);
        }
        if t.kind == TokenKind::Number {
            return year_expression(doc, i, end, si);
        }
    }
    // "1950-53", "1910-1945" written as one word
    if w.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && let Some((a, b)) = w.split_once('-')
        && a.len() == 4
        && (b.len() == 2 || b.len() == 4)
        && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    {
        let y: i32 = a.parse().ok()?;
        let y2: i32 = if b.len() == 2 {
            y / 100 * 100 + b.parse::<i32>().ok()?
        } else {
            b.parse().ok()?
        };
        if (1000..=2100).contains(&y) && y2 > y && y2 <= 2100 {
            let r = DateRange {
                start: Some(PartialDate::year(y as i16)),
                end: Some(PartialDate::year(y2 as i16)),
                phrase: None,
            };
            return Some(mention(doc, i, i, si, Some(r), DateRole::At, false));
        }
    }
    // "1990s"
    if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w[..4].parse().ok()?;
        if y % 10 == 0 && (1000..=2100).contains(&y) {
            let r = DateRange {
                start: Some(PartialDate::year(y as i16)),
                end: Some(PartialDate::year(y as i16 + 9)),
                phrase: None,
            };
            return Some(mention(doc, i, i, si, Some(r), DateRole::At, false));
        }
    }
    // "early 2023", "mid-2022", "late May"
    if matches!(w, "early" | "late" | "mid" | "mid-") && i + 1 < end {
        let next = if doc.is(i + 1, "-") { i + 2 } else { i + 1 };
        if next < end
            && let Some(mut m) = match_core(doc, next, end, si, published)
        {
            m.span.start = t.span.start;
            m.tokens.0 = i;
            return Some(m);
        }
    }
    if let Some(rest) = w.strip_prefix("mid-")
        && rest.len() == 4
        && let Ok(y) = rest.parse::<i32>()
        && (1000..=2100).contains(&y)
    {
        return Some(mention(
            doc,
            i,
            i,
            si,
            Some(point(PartialDate::year(y as i16))),
            DateRole::At,
            false,
        ));
    }
    relative_expression(doc, i, end, si, published)
}

fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// "The battle has entered its third day" counts back from publication only as the
/// sentence's main clause with no other date ("entered its third day on Friday", "In March
/// 2019 …"), and no other happening it would date ("As the strike entered its third day,
/// police arrested …", "… after an earthquake killed 300").
fn counts_back_from_publication(doc: &Doc, si: usize, at: usize) -> bool {
    !doc.sentences[si].tokens.clone().any(|k| {
        let w = doc.low(k);
        crate::extract::lexicon::is_month_or_weekday(w)
            || matches!(w, "today" | "yesterday" | "tonight")
            || doc.tokens[k].kind == TokenKind::Number && doc.tok(k).len() == 4
            || k < at && matches!(w, "as" | "when" | "while")
            || k > at && matches!(w, "after" | "since")
    })
}

/// "third" or "3rd" as 3; up to a month.
fn ordinal_count(w: &str) -> Option<i32> {
    const WORDS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as i32 + 1);
    }
    if is_ordinal(w) {
        day_number_of(w)
    } else {
        None
    }
}

fn day_number_of(w: &str) -> Option<i32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let d: i32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_at(doc: &Doc, i: usize, end: usize) -> Option<i32> {
    if i >= end || doc.tokens[i].kind != TokenKind::Number || doc.tok(i).len() != 4 {
        return None;
    }
    let y: i32 = doc.tok(i).parse().ok()?;
    (1000..=2100).contains(&y).then_some(y)
}

/// Picks the year for a month (and day) written without one, HeidelTime-style: the publication
/// year, moved back (or on) a year when that would put a past (future) event on the wrong side.
fn infer_year(
    doc: &Doc,
    si: usize,
    at: usize,
    month: i8,
    day: Option<i32>,
    published: Date,
) -> i32 {
    let year = published.year() as i32;
    let future = future_context(doc, si, at);
    // Compare the earliest (past) or latest (future) day the phrase can mean with the
    // publication day; a few days' slack keeps "November 15" in a report of the 13th.
    let key = (month, day.unwrap_or(if future { 31 } else { 1 }) as i8);
    let slack = (published.month(), published.day().saturating_add(7));
    let pubkey = (published.month(), published.day());
    if !future && key > pubkey && (day.is_none() || key > slack) {
        year - 1
    } else if future && key < pubkey {
        year + 1
    } else {
        year
    }
}

fn month_first(
    doc: &Doc,
    i: usize,
    end: usize,
    si: usize,
    month: i8,
    published: Option<Date>,
) -> Option<DateMention> {
    let mut j = i + 1;
    if j < end && doc.tok(j) == "." {
        j += 1;
    }
    // "May" is also a verb: a bare "May" needs a date-like neighbour.
    let bare_may = doc.low(i) == "may";
    if j < end
        && let Some(day) = day_number_of(doc.low(j))
            .filter(|_| doc.tokens[j].kind == TokenKind::Number || is_ordinal(doc.low(j)))
    {
        let mut k = j + 1;
        if k < end && doc.tok(k) == "," {
            k += 1;
        }
        if let Some(y) = year_at(doc, k, end) {
            let r = full_date(y, month, day).map(point);
            return Some(mention(doc, i, k, si, r, DateRole::At, false));
        }
        let r = published
            .and_then(|p| full_date(infer_year(doc, si, i, month, Some(day), p), month, day))
            .map(point);
        return Some(mention(doc, i, j, si, r, DateRole::At, true));
    }
    if let Some(y) = year_at(doc, j, end) {
        return Some(mention(
            doc,
            i,
            j,
            si,
            month_date(y, month).map(point),
            DateRole::At,
            false,
        ));
    }
    if j < end
        && doc.is(j, "of")
        && let Some(y) = year_at(doc, j + 1, end)
    {
        return Some(mention(
            doc,
            i,
            j + 1,
            si,
            month_date(y, month).map(point),
            DateRole::At,
            false,
        ));
    }
    if bare_may {
        let prev_ok = i > 0
            && doc.is_any(
                i - 1,
                &[
                    "in", "since", "until", "by", "from", "early", "late", "mid", "last", "next",
                    "this", "between", "and", "to", "through", "before", "after", "of", "during",
                ],
            );
        if !prev_ok {
            return None;
        }
    }
    // The abbreviation "Mar." etc. alone is too ambiguous without a day or year.
    if doc.low(i).len() < 3 || (doc.low(i).len() <= 4 && MONTHS[(month - 1) as usize] != doc.low(i))
    {
        return None;
    }
    // "in November last year": the month of the year named relative to publication.
    if doc.is_any(i + 1, &["last", "this", "next"]) && doc.is(i + 2, "year") && i + 2 < end {
        let shift = match doc.low(i + 1) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let r = published
            .and_then(|p| month_date(p.year() as i32 + shift, month))
            .map(point);
        return Some(mention(doc, i, i + 2, si, r, DateRole::At, true));
    }
    let r = published
        .and_then(|p| month_date(infer_year(doc, si, i, month, None, p), month))
        .map(point);
    Some(mention(doc, i, i, si, r, DateRole::At, true))
}

fn day_first(
    doc: &Doc,
    i: usize,
    end: usize,
    si: usize,
    published: Option<Date>,
) -> Option<DateMention> {
    let day = day_number_of(doc.low(i))?;
    let mut j = i + 1;
    if j < end && doc.is(j, "of") {
        j += 1;
    }
    if j >= end || !doc.tokens[j].cap {
        return None;
    }
    let month = month_of(doc.low(j))?;
    let mut k = j + 1;
    if k < end && doc.tok(k) == "." {
        k += 1;
    }
    let mut y_at = k;
    if y_at < end && doc.tok(y_at) == "," {
        y_at += 1;
    }
    if let Some(y) = year_at(doc, y_at, end) {
        return Some(mention(
            doc,
            i,
            y_at,
            si,
            full_date(y, month, day).map(point),
            DateRole::At,
            false,
        ));
    }
    let r = published
        .and_then(|p| full_date(infer_year(doc, si, i, month, Some(day), p), month, day))
        .map(point);
    Some(mention(doc, i, j, si, r, DateRole::At, true))
}

/// A four-digit year with the cues that make it one, and year ranges ("1910–1945", "1910-45").
fn year_expression(doc: &Doc, i: usize, end: usize, si: usize) -> Option<DateMention> {
    let y = year_at(doc, i, end)?;
    // Ranges written with a dash: "1910–1945", "1910-45".
    if i + 2 < end
        && matches!(doc.tok(i + 1), "–" | "-" | "—")
        && doc.tokens[i + 2].kind == TokenKind::Number
    {
        let second = doc.tok(i + 2);
        let y2 = match second.len() {
            4 => second.parse::<i32>().ok(),
            2 => second.parse::<i32>().ok().map(|n| y / 100 * 100 + n),
            _ => None,
        };
        if let Some(y2) = y2.filter(|&y2| y2 > y && y2 <= 2100) {
            let r = DateRange {
                start: Some(PartialDate::year(y as i16)),
                end: Some(PartialDate::year(y2 as i16)),
                phrase: None,
            };
            return Some(mention(doc, i, i + 2, si, Some(r), DateRole::At, false));
        }
    }
    let s = &doc.sentences[si];
    let cue = i > s.tokens.start
        && (doc.is_any(i - 1, YEAR_CUES) || doc.tokens[i - 1].kind == TokenKind::Possessive);
    let at_start_comma = i == s.tokens.start && doc.is(i + 1, ",");
    // "2,000 troops" never reaches here ("2" "," "000"); "1500 soldiers" has no cue.
    let counted = i + 1 < end
        && doc.is_any(
            i + 1,
            &[
                "people",
                "troops",
                "soldiers",
                "missiles",
                "km",
                "kilometers",
                "kilometres",
                "miles",
                "meters",
                "metres",
                "tons",
                "tonnes",
                "dollars",
                "euros",
                "men",
                "women",
                "children",
                "civilians",
                "rounds",
                "shells",
                "feet",
            ],
        );
    if (cue || at_start_comma) && !counted {
        return Some(mention(
            doc,
            i,
            i,
            si,
            Some(point(PartialDate::year(y as i16))),
            DateRole::At,
            false,
        ));
    }
    None
}

/// Weekdays and expressions relative to the publication date.
fn relative_expression(
    doc: &Doc,
    i: usize,
    end: usize,
    si: usize,
    published: Option<Date>,
) -> Option<DateMention> {
    let w = doc.low(i);
    let rel = |a: usize, b: usize, r: Option<DateRange>| {
        Some(mention(doc, a, b, si, r, DateRole::At, true))
    };
    let p = published;
    // "The battle has entered the third day", "the offensive reached its fifth day": it has
    // gone on since that many days before.
    if matches!(w, "its" | "the")
        && i > 0
        && doc.is_any(
            i - 1,
            &[
                "entered", "enters", "entering", "reached", "reaches", "into",
            ],
        )
        && i + 2 < end
        && doc.is(i + 2, "day")
        && let Some(n) = ordinal_count(doc.low(i + 1)).filter(|&n| n >= 2)
        && counts_back_from_publication(doc, si, i)
    {
        let r = p.and_then(|p| Some(day_range(add_days(p, 1 - n)?, p)));
        return rel(i, i + 2, r);
    }
    // Weekdays, optionally "last"/"this"/"next" before and "night"/"morning" after.
    if let Some(wd) = WEEKDAYS
        .iter()
        .position(|d| *d == w)
        .filter(|_| doc.tokens[i].cap)
    {
        let mut last = i;
        if i + 1 < end && doc.is_any(i + 1, &["night", "morning", "afternoon", "evening"]) {
            last = i + 1;
        }
        let future = future_context(doc, si, i);
        return rel(
            i,
            last,
            p.and_then(|p| weekday_near(p, wd as i32, future, false))
                .map(|d| day_range(d, d)),
        );
    }
    if matches!(w, "last" | "next" | "this" | "past" | "coming") && i + 1 < end {
        let unit = doc.low(i + 1);
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == unit) {
            let r = p.and_then(|p| match w {
                "last" | "past" => weekday_near(p, wd as i32, false, true),
                "next" | "coming" => weekday_near(p, wd as i32, true, true),
                _ => weekday_near(p, wd as i32, future_context(doc, si, i), false),
            });
            return rel(i, i + 1, r.map(|d| day_range(d, d)));
        }
        let shift = match w {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        if let Some(r) = unit_range(unit, shift, p) {
            return rel(i, i + 1, r);
        }
    }
    // "earlier this month", "later this week", "earlier this year"
    if matches!(w, "earlier" | "later") && doc.is(i + 1, "this") && i + 2 < end {
        let unit = doc.low(i + 2);
        if let Some(r) = unit_range(unit, 0, p) {
            let r = r.and_then(|r| {
                let today = PartialDate::day(p?);
                Some(if w == "earlier" {
                    DateRange {
                        start: r.start.map(|s| PartialDate::day(s.first_day())),
                        end: Some(today),
                        phrase: None,
                    }
                } else {
                    DateRange {
                        start: Some(today),
                        end: r.end.map(|e| PartialDate::day(e.last_day())),
                        phrase: None,
                    }
                })
            });
            return rel(i, i + 2, r);
        }
    }
    // "This afternoon, the former prime minister was taken into custody": the day published.
    if w == "this" && doc.is_any(i + 1, &["morning", "afternoon", "evening"]) {
        return rel(i, i + 1, p.map(|d| day_range(d, d)));
    }
    match w {
        "today" | "tonight" => return rel(i, i, p.map(|d| day_range(d, d))),
        "yesterday" => {
            return rel(
                i,
                i,
                p.and_then(|d| add_days(d, -1)).map(|d| day_range(d, d)),
            );
        }
        "tomorrow" => {
            return rel(
                i,
                i,
                p.and_then(|d| add_days(d, 1)).map(|d| day_range(d, d)),
            );
        }
        "previously" | "recently" => {
            let r = p.map(|d| DateRange {
                start: None,
                end: Some(PartialDate::day(d)),
                phrase: None,
            });
            return Some(mention(doc, i, i, si, r, DateRole::At, true));
        }
        _ => {}
    }
    // "in recent days/weeks", "in the coming days/weeks/months", "in the past week"
    if w == "recent" && i + 1 < end && doc.is_any(i + 1, &["days", "weeks", "months"]) {
        let back = match doc.low(i + 1) {
            "days" => 7,
            "weeks" => 31,
            _ => 183,
        };
        let r = p.and_then(|d| Some(day_range(add_days(d, -back)?, d)));
        let start = if i > 0 && doc.is(i - 1, "in") {
            i - 1
        } else {
            i
        };
        return rel(start, i + 1, r);
    }
    if w == "the"
        && doc.is_any(i + 1, &["coming", "next"])
        && doc.is_any(i + 2, &["days", "weeks", "months"])
    {
        let r = p.map(|d| DateRange {
            start: Some(PartialDate::day(d)),
            end: None,
            phrase: None,
        });
        return rel(i, i + 2, r);
    }
    // "three days ago", "a week ago", "two years ago"
    if let Some(n) = number_word(w)
        && i + 2 < end
        && doc.is(i + 2, "ago")
    {
        let unit = doc.low(i + 1).trim_end_matches('s');
        let r = p.and_then(|d| match unit {
            "day" => add_days(d, -n).map(|x| day_range(x, x)),
            "week" => {
                let mid = add_days(d, -7 * n)?;
                Some(day_range(add_days(mid, -3)?, add_days(mid, 3)?))
            }
            "month" => {
                let months = d.year() as i32 * 12 + d.month() as i32 - 1 - n;
                month_date(months.div_euclid(12), (months.rem_euclid(12) + 1) as i8).map(point)
            }
            "year" => valid_year(d.year() as i32 - n).map(|y| point(PartialDate::year(y))),
            _ => None,
        });
        if matches!(unit, "day" | "week" | "month" | "year") {
            return rel(i, i + 2, r);
        }
    }
    None
}

/// The range of "this/last/next week|month|year|weekend" (shift 0, -1, 1); `Some(None)` when the
/// unit is known but there is no publication date.
fn unit_range(unit: &str, shift: i32, published: Option<Date>) -> Option<Option<DateRange>> {
    if !matches!(unit, "week" | "month" | "year" | "weekend") {
        return None;
    }
    let Some(p) = published else {
        return Some(None);
    };
    let r = match unit {
        "week" | "weekend" => {
            let monday = add_days(p, -(p.weekday().to_monday_zero_offset() as i32) + 7 * shift);
            monday.and_then(|m| {
                if unit == "weekend" {
                    Some(day_range(add_days(m, 5)?, add_days(m, 6)?))
                } else {
                    Some(day_range(m, add_days(m, 6)?))
                }
            })
        }
        "month" => {
            let months = p.year() as i32 * 12 + p.month() as i32 - 1 + shift;
            month_date(months.div_euclid(12), (months.rem_euclid(12) + 1) as i8).map(point)
        }
        _ => valid_year(p.year() as i32 + shift).map(|y| point(PartialDate::year(y))),
    };
    Some(r)
}

/// The weekday `wd` (0 = Monday) nearest the publication date: on or before it for past events,
/// on or after it for future ones; `strict` excludes the publication day itself.
fn weekday_near(published: Date, wd: i32, future: bool, strict: bool) -> Option<Date> {
    let today = published.weekday().to_monday_zero_offset() as i32;
    let mut delta = if future {
        (wd - today).rem_euclid(7)
    } else {
        -((today - wd).rem_euclid(7))
    };
    if strict && delta == 0 {
        delta = if future { 7 } else { -7 };
    }
    add_days(published, delta)
}

/// Joins mentions of one sentence into ranges: "between A and B", "from A to B", "A to B".
fn combine_in_sentence(doc: &Doc, out: &mut Vec<DateMention>, first: usize, si: usize) {
    let mut k = first;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let gap = a.tokens.1 + 1..b.tokens.0;
        let joined =
            gap.len() == 1 && doc.is_any(gap.start, &["and", "to", "until", "through", "–", "-"]);
        let a_lead = a.tokens.0;
        let opener = a_lead > doc.sentences[si].tokens.start
            && doc.is_any(a_lead - 1, &["between", "from"])
            || doc.is_any(a_lead, &["from"]);
        let between_and = doc.is(gap.start, "and");
        if joined && (!between_and || opener) && a.role == DateRole::At && b.role == DateRole::At {
            let start_tok = if a_lead > doc.sentences[si].tokens.start
                && doc.is_any(a_lead - 1, &["between", "from"])
            {
                a_lead - 1
            } else {
                a_lead
            };
            let range = match (&a.range, &b.range) {
                (Some(x), Some(y))
                    if x.first_day().is_some()
                        && y.last_day().is_some()
                        && x.first_day() <= y.last_day() =>
                {
                    Some(DateRange {
                        start: x.start,
                        end: y.end,
                        phrase: None,
                    })
                }
                (Some(_), Some(_)) => {
                    k += 1;
                    continue;
                }
                _ => None,
            };
            let relative = a.relative || b.relative;
            let merged = mention(
                doc,
                start_tok,
                b.tokens.1,
                si,
                range,
                DateRole::At,
                relative,
            );
            out[k] = merged;
            out.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        let doc = Doc::new(text);
        let p = published.map(|p| p.parse::<Date>().unwrap());
        find_dates(&doc, p)
            .into_iter()
            .map(|m| {
                let v = match &m.range {
                    Some(r) => format!(
                        "{}..{}",
                        r.start.map(|d| d.to_string()).unwrap_or_default(),
                        r.end.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    None => "?".to_owned(),
                };
                (doc.slice(m.span).to_owned(), v)
            })
            .collect()
    }

    fn one(text: &str, published: Option<&str>) -> (String, String) {
        let d = dates(text, published);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        d.into_iter().next().unwrap()
    }

    const P: Option<&str> = Some("2022-11-13"); // a Sunday

    #[test]
    fn the_nth_day_of_something_runs_back_from_publication() {
        assert_eq!(
            one("The siege of the port has entered its fourth day.", P),
            ("its fourth day".into(), "2022-11-10..2022-11-13".into())
        );
        assert_eq!(
            one("The strike reached the 10th day.", P),
            ("the 10th day".into(), "2022-11-04..2022-11-13".into())
        );
        // Not a count of days gone by.
        assert!(dates("On the third day they rested.", P).is_empty());
        // Nor when the sentence dates it, or it only sets the scene for another happening.
        assert_eq!(
            dates("The protest entered its third day on Friday.", P),
            vec![("on Friday".into(), "2022-11-11..2022-11-11".into())]
        );
        assert!(
            dates(
                "As the strike entered its third day, police arrested 20.",
                P
            )
            .is_empty()
        );
    }

    #[test]
    fn a_slated_date_is_ahead() {
        assert_eq!(
            one(
                "Varga, who is slated to face Quispe in a run-off on November 27, spoke.",
                P
            ),
            ("on November 27".into(), "2022-11-27..2022-11-27".into())
        );
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            one("They met on Nov. 2, 2022, in Seoul.", P),
            ("on Nov. 2, 2022".into(), "2022-11-02..2022-11-02".into())
        );
        assert_eq!(
            one("The talks ended 2 November.", P),
            ("2 November".into(), "2022-11-02..2022-11-02".into())
        );
        assert_eq!(
            one("The talks ended November 2.", P),
            ("November 2".into(), "2022-11-02..2022-11-02".into())
        );
        assert_eq!(
            one("It was signed in 1965.", P),
            ("in 1965".into(), "1965..1965".into())
        );
        assert_eq!(
            one("under a 1965 treaty", P),
            ("1965".into(), "1965..1965".into())
        );
        assert_eq!(
            one("It grew in 2019.", None),
            ("in 2019".into(), "2019..2019".into())
        );
        assert_eq!(
            one("It started in May 2022 and ended.", None),
            ("in May 2022".into(), "2022-05..2022-05".into())
        );
        assert_eq!(
            one("The 12th of March 2021 was cold.", None),
            ("12th of March 2021".into(), "2021-03-12..2021-03-12".into())
        );
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            one("colonial rule between 1910 and 1945.", None),
            ("between 1910 and 1945".into(), "1910..1945".into())
        );
        assert_eq!(
            one("colonial rule from 1910 to 1945.", None),
            ("from 1910 to 1945".into(), "1910..1945".into())
        );
        assert_eq!(
            one("colonial rule (1910–1945).", None),
            ("1910–1945".into(), "1910..1945".into())
        );
        assert_eq!(
            one("the war of 1950-53 ended", None),
            ("1950-53".into(), "1950..1953".into())
        );
        assert_eq!(
            one("the occupation in the 1990s", None),
            ("1990s".into(), "1990..1999".into())
        );
    }

    #[test]
    fn counts_are_not_years() {
        assert!(dates("Some 1500 soldiers crossed.", P).is_empty());
        assert!(dates("They fired 2000 rounds.", P).is_empty());
        assert!(dates("You may go.", P).is_empty());
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        assert_eq!(
            one("They met on Sunday.", P),
            ("on Sunday".into(), "2022-11-13..2022-11-13".into())
        );
        assert_eq!(
            one("They met on Friday.", P),
            ("on Friday".into(), "2022-11-11..2022-11-11".into())
        );
        assert_eq!(
            one("They will meet on Friday.", P),
            ("on Friday".into(), "2022-11-18..2022-11-18".into())
        );
        assert_eq!(
            one("It rained yesterday.", P),
            ("yesterday".into(), "2022-11-12..2022-11-12".into())
        );
        assert_eq!(
            one("It rains today.", P),
            ("today".into(), "2022-11-13..2022-11-13".into())
        );
        assert_eq!(
            one("This afternoon, police arrested him.", P),
            ("This afternoon".into(), "2022-11-13..2022-11-13".into())
        );
        assert_eq!(
            one("They met last week.", P),
            ("last week".into(), "2022-10-31..2022-11-06".into())
        );
        assert_eq!(
            one("They meet next week.", P),
            ("next week".into(), "2022-11-14..2022-11-20".into())
        );
        assert_eq!(
            one("They met earlier this month.", P),
            ("earlier this month".into(), "2022-11-01..2022-11-13".into())
        );
        assert_eq!(
            one("It has fired missiles since May.", P),
            ("since May".into(), "2022-05..2022-11-13".into())
        );
        assert_eq!(
            one("since he took office in May, it has", P),
            (
                "since he took office in May".into(),
                "2022-05..2022-11-13".into()
            )
        );
        assert_eq!(
            one("Talks start in the coming days.", P),
            ("in the coming days".into(), "2022-11-13..".into())
        );
        assert_eq!(
            one("He left two years ago.", P),
            ("two years ago".into(), "2020..2020".into())
        );
        assert_eq!(
            one("Japan previously argued so.", P),
            ("previously".into(), "..2022-11-13".into())
        );
        assert_eq!(
            one("They met in December.", P),
            ("in December".into(), "2021-12..2021-12".into())
        );
    }

    #[test]
    fn without_publication_date_relative_phrases_stay_unresolved() {
        assert_eq!(
            one("They met on Sunday.", None),
            ("on Sunday".into(), "?".into())
        );
        assert_eq!(
            one("They met last week.", None),
            ("last week".into(), "?".into())
        );
        assert_eq!(
            one("It has fired missiles since May.", None),
            ("since May".into(), "?".into())
        );
        assert_eq!(
            one("It happened since 2019.", None),
            ("since 2019".into(), "2019..".into())
        );
    }

    #[test]
    fn anchored_phrases() {
        let d = dates("Prior to their meeting, they called.", P);
        assert_eq!(d, [("Prior to their meeting".to_owned(), "?".to_owned())]);
    }

    #[test]
    fn a_month_of_a_year_named_relative_to_publication() {
        assert_eq!(
            one("They met in March last year.", P),
            ("in March last year".into(), "2021-03..2021-03".into())
        );
        assert_eq!(
            one("They will meet in December this year.", P),
            ("in December this year".into(), "2022-12..2022-12".into())
        );
    }
}
