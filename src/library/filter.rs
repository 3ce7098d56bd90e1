//! Which events pass the user's filters: date range, kinds, a party, free text, outlets and
//! one article.

use std::collections::BTreeSet;
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Library;
use super::corpus::{ArticleKey, article_marks, articles_of_outlets, cites_marked};
use crate::index::dates::DayCounts;
use crate::index::{EventItem, EventKey};
use crate::model::{EventKind, day_number};

/// The filters a user can set. The default passes everything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Earliest day shown (inclusive); events whose range meets `[from, to]` pass.
    pub from: Option<Date>,
    /// Latest day shown (inclusive).
    pub to: Option<Date>,
    /// Kinds shown; empty means all.
    pub kinds: BTreeSet<EventKind>,
    /// Only events with a party of this name.
    pub party: Option<String>,
    /// Case-insensitive text that must occur in the title, a quote or a party name.
    pub text: String,
    /// Only events at least this many articles report (an event with one report counts one);
    /// 0 and 1 pass everything.
    pub min_sources: u32,
    /// Only events an article of one of these outlets reports (names as
    /// [`super::corpus::outlet_of`] gives them; "" is the unnamed outlet); empty means all.
    pub outlets: BTreeSet<String>,
    /// Only the events of this article (the Sources view's click). Not saved: dataset numbers
    /// mean nothing in the next session.
    #[serde(skip)]
    pub article: Option<ArticleKey>,
}

impl Filter {
    /// True when some filter is set.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// True when a filter reads the events themselves (party, text, sources, outlets, an
    /// article), not only the table's kinds and days.
    pub fn needs_events(&self) -> bool {
        self.party.is_some()
            || !self.text.trim().is_empty()
            || self.min_sources > 1
            || !self.outlets.is_empty()
            || self.article.is_some()
    }

    /// True when a date bound is set.
    pub fn has_dates(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The date range as day numbers, open ends as `i32::MIN` and `i32::MAX` (which every
    /// event's range meets).
    pub fn days(&self) -> (i32, i32) {
        (
            self.from.map_or(i32::MIN, day_number),
            self.to.map_or(i32::MAX, day_number),
        )
    }

    /// Per item of `lib.table`: does it pass?
    pub fn apply(&self, lib: &Library) -> Vec<bool> {
        self.apply_with(lib, &|_| false)
    }

    /// Like [`Filter::apply`], where the text also passes events `found` says a full-text
    /// search matched (the library's index over article texts).
    pub fn apply_with(&self, lib: &Library, found: &dyn Fn(EventKey) -> bool) -> Vec<bool> {
        let (from, to) = self.days();
        self.apply_base_with(lib, found)
            .into_iter()
            .zip(lib.table.items.iter())
            .map(|(base, it)| base && it.meets_days(from, to))
            .collect()
    }

    /// Every filter but the dates, per item: what a date change never alters.
    pub fn apply_base_with(&self, lib: &Library, found: &dyn Fn(EventKey) -> bool) -> Vec<bool> {
        let needle = self.text.trim().to_lowercase();
        // Which articles pass, worked out once per dataset rather than once per event.
        let outlets = (!self.outlets.is_empty()).then(|| articles_of_outlets(lib, &self.outlets));
        let article = self.article.as_ref().map(|k| article_marks(lib, k));
        lib.table
            .items
            .iter()
            .map(|it| {
                if !self.kinds.is_empty() && !self.kinds.contains(&it.kind) {
                    return false;
                }
                if let Some(marks) = &outlets
                    && !cites_marked(lib, it.key, marks)
                {
                    return false;
                }
                if let Some(marks) = &article
                    && !cites_marked(lib, it.key, marks)
                {
                    return false;
                }
                if self.party.is_none() && needle.is_empty() && self.min_sources <= 1 {
                    return true;
                }
                let Some(ev) = lib.event(it.key) else {
                    return false;
                };
                if (ev.event.reports.len().max(1) as u32) < self.min_sources {
                    return false;
                }
                if let Some(name) = &self.party
                    && !ev.parties().any(|p| &p.name == name)
                {
                    return false;
                }
                let has = |hay: &str| contains_lowercase(hay, &needle);
                needle.is_empty()
                    || found(it.key)
                    || has(&ev.event.title)
                    || ev.quotes().any(|q| has(&q.text))
                    || ev
                        .parties()
                        .any(|p| has(&p.name) || p.aliases.iter().any(|a| has(a)))
                    || ev.place().is_some_and(|p| has(&p.name))
            })
            .collect()
    }
}

/// Where a reader of [`Passing`] has got to: a generation and a position in its log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    generation: u64,
    at: usize,
}

/// Which items pass the filters, kept up to date as they change. A date change flips only the
/// items [`crate::index::dates::DateIndex::changed_between`] names, and logs each flip, so the
/// map, the list and the timeline catch up by replaying the log instead of looking at every
/// event again. Any other change starts a new generation, which readers rebuild from.
#[derive(Clone, Debug, Default)]
pub struct Passing {
    /// Per item: passes every filter but the dates (shared with grid builds on worker threads).
    base: Arc<Vec<bool>>,
    /// Per item: passes every filter.
    shown: Vec<bool>,
    count: usize,
    days: (i32, i32),
    generation: u64,
    /// (item, passes now) for every flip since the generation began, in order.
    log: Vec<(u32, bool)>,
    /// The shown events per day, for the timeline's histogram.
    day_counts: DayCounts,
}

impl Passing {
    /// The answers for `table` under `filter`, when the filter needs only the table's items
    /// ([`Filter::needs_events`] is false); `None` otherwise. For worker threads: the app
    /// takes the answers with [`Passing::adopt`].
    pub fn for_items(filter: &Filter, table: &crate::index::EventTable) -> Option<Passing> {
        if filter.needs_events() {
            return None;
        }
        let base: Vec<bool> = table
            .items
            .iter()
            .map(|it| filter.kinds.is_empty() || filter.kinds.contains(&it.kind))
            .collect();
        let (from, to) = filter.days();
        let shown: Vec<bool> = base
            .iter()
            .zip(table.items.iter())
            .map(|(b, it)| *b && it.meets_days(from, to))
            .collect();
        let day_counts = count_days(&table.items, &shown, table.dates.extent());
        Some(Passing {
            count: shown.iter().filter(|s| **s).count(),
            base: Arc::new(base),
            shown,
            days: (from, to),
            generation: 0,
            log: Vec::new(),
            day_counts,
        })
    }

    /// Takes answers computed elsewhere ([`Passing::for_items`]) as a new generation, so every
    /// reader rebuilds from them.
    pub fn adopt(&mut self, other: Passing) {
        let generation = self.generation + 1;
        *self = Passing {
            generation,
            ..other
        };
    }

    /// Recomputes everything (after the data or a filter other than the dates changed).
    pub fn reset(&mut self, filter: &Filter, lib: &Library, found: &dyn Fn(EventKey) -> bool) {
        self.base = Arc::new(filter.apply_base_with(lib, found));
        self.days = filter.days();
        self.recompute_dates(lib);
    }

    /// Every item's date answer again, from `base`: a new generation.
    fn recompute_dates(&mut self, lib: &Library) {
        let (from, to) = self.days;
        self.shown.clear();
        self.shown.extend(
            self.base
                .iter()
                .zip(lib.table.items.iter())
                .map(|(b, it)| *b && it.meets_days(from, to)),
        );
        self.count = self.shown.iter().filter(|s| **s).count();
        self.day_counts = count_days(&lib.table.items, &self.shown, lib.table.dates.extent());
        self.generation += 1;
        self.log.clear();
    }

    /// Moves the date range to the filter's: flips only the items whose answer changes (or,
    /// when that is most of them, starts a new generation).
    pub fn set_dates(&mut self, filter: &Filter, lib: &Library) {
        let new = filter.days();
        let n = lib.table.items.len();
        if self.base.len() != n {
            self.reset(filter, lib, &|_| false);
            return;
        }
        let old = self.days;
        self.days = new;
        let cost = lib.table.dates.changed_count(old, new);
        // Readers replay the log; past a fraction of the items a rebuild is cheaper for them.
        if cost > n / 8 + 256 || self.log.len() + cost > n / 2 + 1024 {
            self.recompute_dates(lib);
            return;
        }
        let items = &lib.table.items;
        for i in lib.table.dates.changed_between(old, new) {
            let now = self.base[i as usize] && items[i as usize].meets_days(new.0, new.1);
            let was = &mut self.shown[i as usize];
            if *was != now {
                *was = now;
                self.day_counts.count(&items[i as usize], now);
                if now {
                    self.count += 1;
                } else {
                    self.count -= 1;
                }
                self.log.push((i, now));
            }
        }
    }

    /// Per item of the library's table: does it pass?
    pub fn shown(&self) -> &[bool] {
        &self.shown
    }

    /// Per item: does it pass every filter but the dates?
    pub fn base(&self) -> &[bool] {
        &self.base
    }

    /// [`Passing::base`], shared.
    pub fn base_shared(&self) -> Arc<Vec<bool>> {
        Arc::clone(&self.base)
    }

    /// The shown events per day (see [`DayCounts`]).
    pub fn day_counts(&self) -> &DayCounts {
        &self.day_counts
    }

    /// How many items pass.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The date range as day numbers (see [`Filter::days`]).
    pub fn days(&self) -> (i32, i32) {
        self.days
    }

    /// Bumped whenever every item may have changed.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Where a reader that has seen everything up to now stands.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            generation: self.generation,
            at: self.log.len(),
        }
    }

    /// The flips since `cursor`, or `None` when the reader must rebuild (a new generation, or
    /// no cursor yet).
    pub fn since(&self, cursor: Option<Cursor>) -> Option<&[(u32, bool)]> {
        let c = cursor?;
        (c.generation == self.generation && c.at <= self.log.len()).then(|| &self.log[c.at..])
    }
}

/// The shown items counted per day over `extent`.
fn count_days(items: &[EventItem], shown: &[bool], extent: Option<(i32, i32)>) -> DayCounts {
    let mut counts = DayCounts::new(extent);
    for (it, _) in items.iter().zip(shown).filter(|(_, s)| **s) {
        counts.count(it, true);
    }
    counts
}

/// True if `hay`, lowercased, contains `needle` (already lowercase). Long texts are lowercased
/// a piece at a time, so searching a 200 MB title takes no 200 MB copy.
fn contains_lowercase(hay: &str, needle: &str) -> bool {
    const PIECE: usize = 64 * 1024;
    if hay.len() <= PIECE {
        return hay.to_lowercase().contains(needle);
    }
    // Each piece is searched with the end of the previous one in front, so a match across the
    // seam is found too.
    let overlap = needle.len();
    let mut carried = String::new();
    let mut at = 0;
    while at < hay.len() {
        let mut end = (at + PIECE).min(hay.len());
        while !hay.is_char_boundary(end) {
            end += 1;
        }
        let piece = carried + &hay[at..end].to_lowercase();
        if piece.contains(needle) {
            return true;
        }
        let mut keep = piece.len().saturating_sub(overlap);
        while !piece.is_char_boundary(keep) {
            keep -= 1;
        }
        carried = piece[keep..].to_owned();
        at = end;
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_texts_are_searched_piece_by_piece() {
        let mut hay = "ä".repeat(100_000);
        hay.push_str("MIDDLE");
        hay.push_str(&"x".repeat(100_000));
        assert!(!super::contains_lowercase(&hay, "äxmiddlex"));
        assert!(super::contains_lowercase(&hay, "ämiddlex"));
        assert!(!super::contains_lowercase(&hay, "absent"));
        // A match across the seam between two pieces.
        let seam = format!("{}ABCDEF{}", "y".repeat(64 * 1024 - 3), "z".repeat(70_000));
        assert!(super::contains_lowercase(&seam, "yabcdefz"));
    }

    use super::*;
    use crate::library::LoadedDataset;

    fn seed() -> Library {
        Library::new(vec![LoadedDataset::embedded_seed()])
    }

    fn count(f: &Filter, lib: &Library) -> usize {
        f.apply(lib).iter().filter(|s| **s).count()
    }

    #[test]
    fn date_filter_keeps_ranges_that_meet_it() {
        let lib = seed();
        let all = lib.event_count();
        assert_eq!(count(&Filter::default(), &lib), all);
        let from_14 = Filter {
            from: Some("2022-11-14".parse().unwrap()),
            ..Default::default()
        };
        let n = count(&from_14, &lib);
        assert!(n < all);
        // Nothing in the seed is known to happen after publication day.
        let passing: Vec<_> = from_14
            .apply(&lib)
            .iter()
            .zip(lib.events())
            .filter(|(s, _)| **s)
            .map(|(_, e)| e.event.title.clone())
            .collect();
        assert!(passing.is_empty(), "{passing:?}");
        let colonial = Filter {
            from: Some("1930-01-01".parse().unwrap()),
            to: Some("1930-12-31".parse().unwrap()),
            ..Default::default()
        };
        assert!(
            colonial
                .apply(&lib)
                .iter()
                .zip(lib.events())
                .any(|(s, e)| *s && e.date_label() == "1910–1945")
        );
    }

    #[test]
    fn party_kind_and_text_filters() {
        let lib = seed();
        let biden = Filter {
            party: Some("Joe Biden".into()),
            ..Default::default()
        };
        let n = count(&biden, &lib);
        assert!(n >= 1 && n < lib.event_count());
        let consult = Filter {
            kinds: BTreeSet::from([EventKind::Consult]),
            ..Default::default()
        };
        assert!(
            consult
                .apply(&lib)
                .iter()
                .zip(lib.events())
                .all(|(s, e)| *s == (e.event.kind == EventKind::Consult))
        );
        let text = Filter {
            text: "PROVOCATION".into(),
            ..Default::default()
        };
        assert!(count(&text, &lib) >= 1);
        let none = Filter {
            text: "zzzz-no-such-text".into(),
            ..Default::default()
        };
        assert_eq!(count(&none, &lib), 0);
    }

    #[test]
    fn passing_follows_date_moves_and_logs_every_flip() {
        // Sixty copies of the seed: enough events that a jump starts a new generation.
        let lib = Library::new(vec![LoadedDataset::embedded_seed(); 60]);
        let kinds = Filter {
            kinds: BTreeSet::from([EventKind::Consult, EventKind::Threaten, EventKind::Agree]),
            ..Default::default()
        };
        let mut passing = Passing::default();
        passing.reset(&kinds, &lib, &|_| false);
        let mut mirror = passing.shown().to_vec();
        let mut cursor = Some(passing.cursor());
        let start = day_number("2022-09-01".parse().unwrap());
        let date = crate::model::date_from_day_number;
        // Small steps (flips logged), jumps (a new generation), open ends, the 1930s.
        let old = day_number("1930-01-01".parse().unwrap());
        let steps = (0..40)
            .map(|i| (Some(start + 3 * i), Some(start + 3 * i + 10)))
            .chain([
                (Some(old), Some(old + 365)),
                (Some(start + 60), None),
                (None, Some(start + 70)),
                (None, None),
                (Some(start + 73), Some(start + 74)),
            ]);
        let mut generations = std::collections::HashSet::new();
        for (from, to) in steps {
            let f = Filter {
                from: from.map(date),
                to: to.map(date),
                ..kinds.clone()
            };
            passing.set_dates(&f, &lib);
            assert_eq!(passing.shown(), f.apply(&lib).as_slice());
            assert_eq!(
                passing.count(),
                f.apply(&lib).iter().filter(|s| **s).count()
            );
            // A reader replaying the log sees the same, or is told to rebuild.
            match passing.since(cursor) {
                Some(flips) => {
                    for &(i, now) in flips {
                        mirror[i as usize] = now;
                    }
                }
                None => mirror = passing.shown().to_vec(),
            }
            cursor = Some(passing.cursor());
            generations.insert(passing.generation());
            assert_eq!(mirror, passing.shown());
            // The per-day counts the timeline reads follow the flips too.
            let afresh = count_days(&lib.table.items, passing.shown(), lib.table.dates.extent());
            assert_eq!(*passing.day_counts(), afresh);
        }
        assert!(generations.len() > 1, "no jump started a new generation");
        assert!(!passing.log.is_empty(), "no flips were logged");
    }

    /// The answers a worker computes for an item-only filter are the app's own.
    #[test]
    fn answers_computed_on_a_worker_match() {
        let lib = Library::new(vec![LoadedDataset::embedded_seed(); 3]);
        let f = Filter {
            kinds: BTreeSet::from([EventKind::Consult, EventKind::Threaten]),
            from: Some("2022-11-01".parse().unwrap()),
            ..Default::default()
        };
        let worker = Passing::for_items(&f, &lib.table).expect("kinds and dates need no events");
        let mut here = Passing::default();
        here.reset(&f, &lib, &|_| false);
        assert_eq!(worker.shown(), here.shown());
        assert_eq!(worker.base(), here.base());
        assert_eq!(worker.count(), here.count());
        let mut adopted = here.clone();
        adopted.adopt(worker);
        assert!(
            adopted.generation() > here.generation(),
            "readers must rebuild"
        );
        let text = Filter {
            text: "missile".into(),
            ..f
        };
        assert!(Passing::for_items(&text, &lib.table).is_none());
    }
}
