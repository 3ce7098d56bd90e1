//! Shared word lists that several stages read: speech verbs, month and weekday names, person
//! titles. Lowercase unless said otherwise. No logic here beyond trivial lookups.

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
pub const SPEECH_FILLERS: &[&str] = &[
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

/// English month names.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// True for an English month or weekday name in lower case ("may", "sunday").
pub fn is_month_or_weekday(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// English weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `text` with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
