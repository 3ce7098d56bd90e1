//! Dates as precise as the text is: a day, a month or a year, and ranges with open ends.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

use super::Span;

/// Why a text is not a calendar day. `Display` quotes the text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DayError {
    /// Not `YYYY-MM-DD` at all.
    #[error("\"{0}\" is not a date of the form YYYY-MM-DD")]
    Shape(String),
    /// The right shape, but no such day ("2022-02-30").
    #[error("\"{text}\" is not a real date: {why}")]
    Impossible {
        /// The text.
        text: String,
        /// What is impossible about it ("February 2022 has 28 days").
        why: String,
    },
    /// A date followed by something that is not a time of day ("2022-11-13garbage").
    #[error("\"{0}\" has text after the date; use YYYY-MM-DD")]
    Trailing(String),
}

/// Parses a calendar day written `YYYY-MM-DD`: the one day parser of newsmap (command-line
/// options, metadata files, web pages, the app's date fields).
///
/// Its leniency, all of it: whitespace around the text is ignored, and the date part of an
/// ISO 8601 timestamp is taken ("2022-11-13T09:30:00Z", "2022-11-13 09:30"). Nothing else passes:
/// no other order or separator, no missing zeros, no words after the date, no impossible day.
pub fn parse_day(text: &str) -> Result<Date, DayError> {
    let s = text.trim();
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() < 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return Err(DayError::Shape(s.to_owned()));
    }
    let rest = &s[10..];
    if !rest.is_empty() && !is_time_of_day(rest) {
        return Err(DayError::Trailing(s.to_owned()));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let impossible = |why: String| DayError::Impossible {
        text: s[..10].to_owned(),
        why,
    };
    if year < 1 {
        return Err(impossible("there is no year 0000".to_owned()));
    }
    if !(1..=12).contains(&month) {
        return Err(impossible(format!("there is no month {month}")));
    }
    let first = Date::new(year, month as i8, 1).map_err(|e| impossible(e.to_string()))?;
    let days = first.days_in_month();
    if day < 1 || day > days as i16 {
        return Err(impossible(format!(
            "{} {year} has {days} days",
            MONTH_NAMES[(month - 1) as usize]
        )));
    }
    Date::new(year, month as i8, day as i8).map_err(|e| impossible(e.to_string()))
}

/// Reads an optional day through [`parse_day`], so a dataset's impossible or garbled date gets
/// the same message as the command line's ("2022-02-30" … "February 2022 has 28 days").
pub(crate) fn deserialize_optional_day<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Date>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    s.map(|s| parse_day(&s))
        .transpose()
        .map_err(serde::de::Error::custom)
}

/// "T09:30", " 09:30:00Z", "T09:30:00.123+09:00": what may follow a date in a timestamp.
fn is_time_of_day(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 6
        && matches!(b[0], b'T' | b' ')
        && b[1..3].iter().all(u8::is_ascii_digit)
        && b[3] == b':'
        && b[4..6].iter().all(u8::is_ascii_digit)
        && rest[6..]
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-' | b'Z' | b'z'))
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date known to the year, the month or the day (`"1910"`, `"2022-05"`, `"2022-11-13"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Year (1..=9999).
    pub year: i16,
    /// Month 1..=12, when known.
    pub month: Option<i8>,
    /// Day of the month, when known (only with a month).
    pub day: Option<i8>,
}

const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PartialDate {
    /// A known day.
    pub fn day(date: Date) -> Self {
        Self {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// Some day in a month.
    pub fn month(year: i16, month: i8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// Some day in a year.
    pub fn year(year: i16) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the day exists.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("\"{s}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
            return Err(bad());
        }
        if parts[1..].iter().any(|p| p.len() != 2) {
            return Err(bad());
        }
        let num = |p: &str| -> Result<i16, String> {
            if p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse::<i16>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = num(parts[0])?;
        if year < 1 {
            return Err(format!("\"{s}\": year 0000 does not exist"));
        }
        let month = parts.get(1).map(|p| num(p)).transpose()?;
        let day = parts.get(2).map(|p| num(p)).transpose()?;
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("\"{s}\": month {m} is not 1..12"));
        }
        if day.is_some() {
            parse_day(s).map_err(|e| e.to_string())?;
        }
        Ok(Self {
            year,
            month: month.map(|m| m as i8),
            day: day.map(|d| d as i8),
        })
    }

    /// The first day this date can mean.
    pub fn first_day(&self) -> Date {
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("validated on parse")
    }

    /// The last day this date can mean.
    pub fn last_day(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d).expect("validated on parse"),
            (Some(m), None) => Date::new(self.year, m, 1)
                .expect("valid month")
                .last_of_month(),
            _ => Date::new(self.year, 12, 31).expect("valid year"),
        }
    }

    /// True when the day is known.
    pub fn is_day(&self) -> bool {
        self.day.is_some()
    }

    /// Human label: "13 Nov 2022", "May 2022", "1910".
    pub fn label(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTH_ABBR[(m - 1) as usize], self.year),
            (Some(m), None) => format!("{} {}", MONTH_ABBR[(m - 1) as usize], self.year),
            _ => format!("{}", self.year),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// When an event happened: inclusive bounds, each as precise as the text; `None` = unbounded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// Earliest possible date; `None` when the text gives no lower bound.
    pub start: Option<PartialDate>,
    /// Latest possible date; `None` when the text gives no upper bound.
    pub end: Option<PartialDate>,
    /// The words that gave the date ("on Sunday").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<Span>,
}

/// How precisely an event is dated (ACLED's time precision, plus the longer cases).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimePrecision {
    /// A known day (ACLED 1).
    Day,
    /// Within a week (ACLED 2).
    Week,
    /// Within a month (ACLED 3).
    Month,
    /// Within a year.
    Year,
    /// A longer span.
    Span,
    /// One or both ends are open.
    Open,
}

impl TimePrecision {
    /// Short words for people.
    pub fn label(self) -> &'static str {
        match self {
            TimePrecision::Day => "exact day",
            TimePrecision::Week => "within a week",
            TimePrecision::Month => "within a month",
            TimePrecision::Year => "within a year",
            TimePrecision::Span => "a period",
            TimePrecision::Open => "open-ended",
        }
    }
}

impl DateRange {
    /// A single known day.
    pub fn on(day: Date) -> Self {
        Self {
            start: Some(PartialDate::day(day)),
            end: Some(PartialDate::day(day)),
            phrase: None,
        }
    }

    /// First day the event can have happened on, if bounded.
    pub fn first_day(&self) -> Option<Date> {
        self.start.map(|d| d.first_day())
    }

    /// Last day the event can have happened on, if bounded.
    pub fn last_day(&self) -> Option<Date> {
        self.end.map(|d| d.last_day())
    }

    /// How precise the range is.
    pub fn precision(&self) -> TimePrecision {
        let (Some(a), Some(b)) = (self.first_day(), self.last_day()) else {
            return TimePrecision::Open;
        };
        let days = (b - a).get_days().abs() + 1;
        match days {
            1 => TimePrecision::Day,
            2..=7 => TimePrecision::Week,
            _ if days <= 31 => TimePrecision::Month,
            _ if days <= 366 => TimePrecision::Year,
            _ => TimePrecision::Span,
        }
    }

    /// True when the range and `[from, to]` share at least one day (open ends meet everything).
    pub fn meets(&self, from: Option<Date>, to: Option<Date>) -> bool {
        let starts_before_to = match (self.first_day(), to) {
            (Some(a), Some(t)) => a <= t,
            _ => true,
        };
        let ends_after_from = match (self.last_day(), from) {
            (Some(b), Some(f)) => b >= f,
            _ => true,
        };
        starts_before_to && ends_after_from
    }

    /// Human label: "13 Nov 2022", "May–Nov 2022", "1910–1945", "before 13 Nov 2022".
    pub fn label(&self) -> String {
        match (self.start, self.end) {
            (None, None) => "date unknown".to_owned(),
            (None, Some(e)) => format!("before {}", e.label()),
            (Some(s), None) => format!("since {}", s.label()),
            (Some(s), Some(e)) if s == e => s.label(),
            (Some(s), Some(e)) => range_label(s, e),
        }
    }
}

/// "May–13 Nov 2022", "1–3 Nov 2022", "1910–1945": drop the parts both ends share.
fn range_label(s: PartialDate, e: PartialDate) -> String {
    if s.year != e.year || s.month.is_none() || e.month.is_none() {
        return format!("{}–{}", s.label(), e.label());
    }
    let (sm, em) = (s.month.unwrap_or(1), e.month.unwrap_or(1));
    let abbr = |m: i8| MONTH_ABBR[(m - 1) as usize];
    match (s.day, e.day) {
        (None, None) => format!("{}–{} {}", abbr(sm), abbr(em), s.year),
        (Some(sd), Some(ed)) if sm == em => format!("{sd}–{ed} {} {}", abbr(sm), s.year),
        (Some(sd), Some(ed)) => format!("{sd} {}–{ed} {} {}", abbr(sm), abbr(em), s.year),
        (None, Some(ed)) => format!("{}–{ed} {} {}", abbr(sm), abbr(em), s.year),
        (Some(sd), None) => format!("{sd} {}–{} {}", abbr(sm), abbr(em), s.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: Option<&str>, e: Option<&str>) -> DateRange {
        DateRange {
            start: s.map(|s| PartialDate::parse(s).unwrap()),
            end: e.map(|e| PartialDate::parse(e).unwrap()),
            phrase: None,
        }
    }

    #[test]
    fn parses_partial_dates_and_rejects_impossible_ones() {
        assert_eq!(PartialDate::parse("1910").unwrap(), PartialDate::year(1910));
        assert_eq!(
            PartialDate::parse("2022-05").unwrap(),
            PartialDate::month(2022, 5)
        );
        assert!(
            PartialDate::parse("2022-02-30")
                .unwrap_err()
                .contains("February 2022 has 28 days")
        );
        assert!(PartialDate::parse("2022-13").is_err());
        assert!(PartialDate::parse("22-11-13").is_err());
        assert!(PartialDate::parse("2022-1-13").is_err());
        assert!(PartialDate::parse("2022-11-13T00").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn partial_dates_cover_their_whole_period() {
        let m = PartialDate::parse("2024-02").unwrap();
        assert_eq!(m.first_day().to_string(), "2024-02-01");
        assert_eq!(m.last_day().to_string(), "2024-02-29");
        assert_eq!(PartialDate::year(1945).last_day().to_string(), "1945-12-31");
    }

    #[test]
    fn labels_read_like_people_write() {
        assert_eq!(
            r(Some("2022-11-13"), Some("2022-11-13")).label(),
            "13 Nov 2022"
        );
        assert_eq!(r(Some("2022-05"), Some("2022-11")).label(), "May–Nov 2022");
        assert_eq!(
            r(Some("2022-05"), Some("2022-11-13")).label(),
            "May–13 Nov 2022"
        );
        assert_eq!(r(Some("1910"), Some("1945")).label(), "1910–1945");
        assert_eq!(r(None, Some("2022-11-13")).label(), "before 13 Nov 2022");
        assert_eq!(
            r(Some("2022-11-01"), Some("2022-11-03")).label(),
            "1–3 Nov 2022"
        );
        assert_eq!(r(Some("1965"), Some("1965")).label(), "1965");
    }

    #[test]
    fn precision_and_overlap() {
        assert_eq!(
            r(Some("2022-11-13"), Some("2022-11-13")).precision(),
            TimePrecision::Day
        );
        assert_eq!(
            r(Some("2022-11"), Some("2022-11")).precision(),
            TimePrecision::Month
        );
        assert_eq!(
            r(Some("1910"), Some("1945")).precision(),
            TimePrecision::Span
        );
        assert_eq!(r(None, Some("2022-11-13")).precision(), TimePrecision::Open);
        let d = |s: &str| s.parse::<Date>().unwrap();
        let summit = r(Some("2022-11-13"), Some("2022-11-13"));
        assert!(summit.meets(Some(d("2022-11-13")), None));
        assert!(!summit.meets(Some(d("2022-11-14")), None));
        let open = r(None, Some("2022-11-13"));
        assert!(open.meets(None, Some(d("1900-01-01"))));
        assert!(!open.meets(Some(d("2022-11-14")), None));
    }
}

/// Days since 1970-01-01 (negative before), for fast comparisons and histograms.
pub fn day_number(d: Date) -> i32 {
    // Howard Hinnant's days_from_civil.
    let (y, m, dd) = (d.year() as i32, d.month() as i32, d.day() as i32);
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`day_number`]).
pub fn date_from_day_number(z: i32) -> Date {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    Date::new(y.clamp(-9999, 9999) as i16, m as i8, d as i8).unwrap_or(Date::MIN)
}

#[cfg(test)]
mod day_tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(Date::new(1970, 1, 1).unwrap()), 0);
        assert_eq!(day_number(Date::new(2022, 11, 13).unwrap()), 19309);
        for z in [-30000, -1, 0, 1, 19309, 40000] {
            assert_eq!(day_number(date_from_day_number(z)), z);
        }
    }

    #[test]
    fn one_day_parser_states_its_leniency() {
        let d = |s: &str| parse_day(s).map(|d| d.to_string());
        assert_eq!(d("2022-11-13").unwrap(), "2022-11-13");
        assert_eq!(d("  2022-11-13\n").unwrap(), "2022-11-13");
        assert_eq!(d("2022-11-13T09:30:00Z").unwrap(), "2022-11-13");
        assert_eq!(d("2022-11-13 09:30").unwrap(), "2022-11-13");
        assert_eq!(d("2022-11-13T09:30:00.5+09:00").unwrap(), "2022-11-13");
        assert_eq!(d("2024-02-29").unwrap(), "2024-02-29");
        let err = |s: &str| parse_day(s).unwrap_err().to_string();
        assert_eq!(
            err("2022-02-30"),
            "\"2022-02-30\" is not a real date: February 2022 has 28 days"
        );
        assert!(
            err("2022-13-01").contains("there is no month 13"),
            "{}",
            err("2022-13-01")
        );
        assert!(err("0000-01-01").contains("no year 0000"));
        assert!(err("2022-11-13garbage").contains("text after the date"));
        assert!(err("2022-11-13T9").contains("text after the date"));
        for bad in [
            "13/11/2022",
            "2022-1-13",
            "22-11-13",
            "",
            "2022/11/13",
            "２０２２-11-13",
        ] {
            assert!(matches!(parse_day(bad), Err(DayError::Shape(_))), "{bad}");
        }
    }
}
