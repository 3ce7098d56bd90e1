//! Merging reports across articles, measured on `tests/data/merge_gold.jsonl`: every article is
//! extracted, its events are paired with gold events ([`super::events::match_events`]), the
//! whole set is clustered as the library clusters it ([`crate::library::merge::clusters`]), and
//! pairs of events from different articles are scored.
//!
//! - **precision**: of the cross-article pairs the library joined (both events matched to gold),
//!   the share that gold says are one event;
//! - **recall**: of the cross-article pairs gold says are one event and whose two events were
//!   both extracted, the share joined — merging's own recall;
//! - **end-to-end recall**: the same over every gold pair, extracted or not;
//! - **syndication**: article pairs the library's copy test ([`crate::library::store::same_text`])
//!   flags, against gold `syndicates`.

use std::collections::HashMap;

use super::events::{GoldArticle, match_events};
use super::ratio;
use crate::extract::extract_with_ids;
use crate::geodata::gazetteer::Gazetteer;
use crate::library::merge::{Summary, clusters, same_event};
use crate::library::store::same_text;
use crate::model::{Dataset, FORMAT, IdMaps};

/// The figures.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct MergeScores {
    /// Articles.
    pub articles: usize,
    /// Gold cross-article pairs of one event.
    pub gold_pairs: usize,
    /// Of those, pairs whose two events were both extracted.
    pub extracted_pairs: usize,
    /// Cross-article pairs joined, among matched events.
    pub joined_pairs: usize,
    /// Joined pairs that gold says are one event.
    pub right_pairs: usize,
    /// `right_pairs / joined_pairs`.
    pub precision: f64,
    /// `right_pairs / extracted_pairs`.
    pub recall: f64,
    /// `right_pairs / gold_pairs`.
    pub end_to_end_recall: f64,
    /// Gold syndicated pairs.
    pub gold_copies: usize,
    /// Article pairs flagged as copies.
    pub flagged_copies: usize,
    /// Flagged pairs that are gold copies.
    pub right_copies: usize,
}

impl MergeScores {
    /// Name and value of each figure, in reading order.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        vec![
            ("articles", self.articles.to_string()),
            (
                "merge precision",
                format!(
                    "{:.3}  ({} of {})",
                    self.precision, self.right_pairs, self.joined_pairs
                ),
            ),
            (
                "merge recall",
                format!(
                    "{:.3}  ({} of {})",
                    self.recall, self.right_pairs, self.extracted_pairs
                ),
            ),
            (
                "end-to-end",
                format!(
                    "{:.3}  ({} of {})",
                    self.end_to_end_recall, self.right_pairs, self.gold_pairs
                ),
            ),
            (
                "copies found",
                format!(
                    "{} of {} ({} flagged)",
                    self.right_copies, self.gold_copies, self.flagged_copies
                ),
            ),
        ]
    }
}

/// Scores and what went wrong, for reading.
#[derive(Clone, Debug, Default)]
pub struct MergeReport {
    /// The figures.
    pub scores: MergeScores,
    /// One line per wrong join and per missed one, with the reason.
    pub problems: Vec<String>,
}

/// Extracts every article, clusters all events together and scores the pairs.
pub fn score(articles: &[GoldArticle], gaz: &Gazetteer) -> MergeReport {
    let mut all = Dataset {
        format: FORMAT.to_owned(),
        ..Default::default()
    };
    // For each event of `all`: (gold article index, gold same_as) when matched.
    let mut gold_of: Vec<Option<(usize, String)>> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let n = ai + 1;
        let ds = extract_with_ids(&a.input(), gaz, &format!("a{n}"), &format!("a{n}-"));
        let pred_of_gold = match_events(a, &ds);
        let mut mine: Vec<Option<(usize, String)>> = vec![None; ds.events.len()];
        for (gi, pi) in pred_of_gold.iter().enumerate() {
            if let (Some(pi), Some(same)) = (pi, &a.events[gi].same_as) {
                mine[*pi] = Some((ai, same.clone()));
            }
        }
        gold_of.extend(mine);
        all.articles.extend(ds.articles);
        all.places.extend(ds.places);
        all.parties.extend(ds.parties);
        all.quotes.extend(ds.quotes);
        all.events.extend(ds.events);
    }
    let c = clusters(&all);
    let ids = IdMaps::new(&all);
    let mut s = MergeScores {
        articles: articles.len(),
        ..Default::default()
    };
    let mut problems = Vec::new();

    // Gold pairs: distinct articles sharing a same_as (an id twice in one article counts once).
    let mut where_gold: HashMap<&str, Vec<usize>> = HashMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for e in &a.events {
            if let Some(id) = &e.same_as {
                let v = where_gold.entry(id).or_default();
                if !v.contains(&ai) {
                    v.push(ai);
                }
            }
        }
    }
    s.gold_pairs = where_gold
        .values()
        .map(|v| v.len() * v.len().saturating_sub(1) / 2)
        .sum();

    let matched: Vec<usize> = (0..all.events.len())
        .filter(|&i| gold_of[i].is_some())
        .collect();
    let mut seen_gold_pairs: std::collections::HashSet<(usize, usize, String)> = Default::default();
    let title = |i: usize| {
        let e = &all.events[i];
        format!("{} \"{}\"", e.primary_article().unwrap_or(""), e.title)
    };
    for (x, &i) in matched.iter().enumerate() {
        for &j in &matched[x + 1..] {
            let (Some((ai, gi)), Some((aj, gj))) = (&gold_of[i], &gold_of[j]) else {
                continue;
            };
            if ai == aj {
                continue;
            }
            let joined = c.head[i] == c.head[j];
            let same = gi == gj;
            if same {
                // Two extracted events of one article may both match one gold id; count the
                // article pair once.
                let key = ((*ai).min(*aj), (*ai).max(*aj), gi.clone());
                if !seen_gold_pairs.insert(key) {
                    continue;
                }
                s.extracted_pairs += 1;
            }
            if joined {
                s.joined_pairs += 1;
                s.right_pairs += same as usize;
                if !same {
                    problems.push(format!(
                        "wrong join: {} + {} (gold {gi} ≠ {gj}): {}",
                        title(i),
                        title(j),
                        c.why.get(&j).or(c.why.get(&i)).map_or("", String::as_str)
                    ));
                }
            } else if same {
                let why = why_apart(&all, &ids, i, j);
                problems.push(format!(
                    "missed join ({gi}): {} + {}: {why}",
                    title(i),
                    title(j)
                ));
            }
        }
    }
    s.precision = ratio(s.right_pairs, s.joined_pairs);
    s.recall = ratio(s.right_pairs, s.extracted_pairs);
    s.end_to_end_recall = ratio(s.right_pairs, s.gold_pairs);

    // Copies.
    let index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let gold_copy = |i: usize, j: usize| {
        let of = |x: usize| {
            articles[x]
                .syndicates
                .as_deref()
                .and_then(|s| index.get(s).copied())
        };
        of(i) == Some(j) || of(j) == Some(i)
    };
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            let gold = gold_copy(i, j);
            s.gold_copies += gold as usize;
            if same_text(&articles[i].text, &articles[j].text) {
                s.flagged_copies += 1;
                s.right_copies += gold as usize;
                if !gold {
                    problems.push(format!(
                        "wrong copy: {} and {}",
                        articles[i].id, articles[j].id
                    ));
                }
            } else if gold {
                problems.push(format!(
                    "missed copy: {} and {}",
                    articles[i].id, articles[j].id
                ));
            }
        }
    }
    MergeReport {
        scores: s,
        problems,
    }
}

/// Why two events were not joined, in the merge rule's words.
fn why_apart(ds: &Dataset, ids: &IdMaps, i: usize, j: usize) -> String {
    let (a, b) = (&ds.events[i], &ds.events[j]);
    let (x, y) = (Summary::of(ds, ids, a), Summary::of(ds, ids, b));
    if let Some(why) = same_event(&x, &y) {
        return format!("would join ({why}) but an earlier cluster took one of them");
    }
    let place = |s: &Summary| {
        s.place
            .as_ref()
            .map_or("no place".to_owned(), |p| p.name.clone())
    };
    let days = |s: &Summary| {
        s.days
            .map_or("no date".to_owned(), |(d0, d1)| format!("days {d0}–{d1}"))
    };
    let parties = |s: &Summary| {
        s.parties
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        "{} {} {} [{}] vs {} {} {} [{}]",
        x.kind.code(),
        days(&x),
        place(&x),
        parties(&x),
        y.kind.code(),
        days(&y),
        place(&y),
        parties(&y)
    )
}
