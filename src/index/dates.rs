//! When: every item ordered by its first day and by its last day, so that a date-range change
//! finds the few items whose answer can change with binary searches, and the items meeting a
//! range are found without a pass over every event.

use super::EventItem;

/// An item's date range and index, in the order of [`DateIndex`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Dated {
    first: i32,
    last: i32,
    item: u32,
}

/// Items sorted by first day (ties by last day, then item) and by last day.
#[derive(Default)]
pub struct DateIndex {
    /// Every item by (first, last, item); items with an open start (`i32::MIN`) come first.
    by_first: Vec<Dated>,
    /// Number of items with an open start (the head of `by_first`).
    open_start: usize,
    /// (last day, item) of every item, sorted.
    by_last: Vec<(i32, u32)>,
    /// Items with a bounded start and an open end, by first day: they meet every range that
    /// begins before it ends, however late, so no span bounds them.
    open_end: Vec<(i32, u32)>,
    /// The longest `last - first` of an item with both ends bounded.
    max_span: i32,
    /// First and last bounded day of the data.
    extent: Option<(i32, i32)>,
}

/// Shown events per day over the data's extent, each counted at its first and at its last
/// counted day (an open end counts at its bounded day only, as the timeline draws it). Kept up
/// to date flip by flip, its prefix sums say how many events meet any stretch of days in two
/// lookups: the timeline's histogram costs a pass over days, not over events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DayCounts {
    origin: i32,
    first: Vec<u32>,
    last: Vec<u32>,
}

/// The days an item counts in: its range, an open end's bounded day, `None` when undated.
fn counted_days(it: &EventItem) -> Option<(i32, i32)> {
    match (it.first_day, it.last_day) {
        (i32::MIN, i32::MAX) => None,
        (i32::MIN, l) => Some((l, l)),
        (f, i32::MAX) => Some((f, f)),
        (f, l) => Some((f, l)),
    }
}

impl DayCounts {
    /// No events counted, over the days `extent` (first, last) spans.
    pub fn new(extent: Option<(i32, i32)>) -> Self {
        let (origin, len) = extent.map_or((0, 0), |(a, b)| (a, (b - a) as usize + 1));
        Self {
            origin,
            first: vec![0; len],
            last: vec![0; len],
        }
    }

    /// Counts `it` in (`shown`) or out. An item outside the extent is not counted.
    pub fn count(&mut self, it: &EventItem, shown: bool) {
        let Some((a, b)) = counted_days(it) else {
            return;
        };
        let (Some(fa), Some(lb)) = (self.slot(a), self.slot(b)) else {
            return;
        };
        if shown {
            self.first[fa] += 1;
            self.last[lb] += 1;
        } else {
            self.first[fa] = self.first[fa].saturating_sub(1);
            self.last[lb] = self.last[lb].saturating_sub(1);
        }
    }

    fn slot(&self, day: i32) -> Option<usize> {
        let k = day.checked_sub(self.origin)?;
        (k >= 0 && (k as usize) < self.first.len()).then_some(k as usize)
    }

    /// The prefix sums, for counting many stretches.
    pub fn prefix(&self) -> DayPrefix {
        let sums = |v: &[u32]| {
            let mut out = Vec::with_capacity(v.len() + 1);
            let mut run = 0u64;
            out.push(0);
            for &c in v {
                run += c as u64;
                out.push(run);
            }
            out
        };
        DayPrefix {
            origin: self.origin,
            first: sums(&self.first),
            last: sums(&self.last),
        }
    }
}

/// Prefix sums of [`DayCounts`]: `first[k]` events count from a day before `origin + k`.
#[derive(Clone, Debug, Default)]
pub struct DayPrefix {
    origin: i32,
    first: Vec<u64>,
    last: Vec<u64>,
}

impl DayPrefix {
    /// How many counted events meet the stretch `[start, end)` (in days, day `d` being
    /// `[d, d + 1)`): those that begin before its end, less those that ended before its start.
    pub fn meeting(&self, start: f64, end: f64) -> u64 {
        if self.first.is_empty() || end <= start {
            return 0;
        }
        let n = self.first.len() - 1;
        let at = |v: &[u64], day: f64| {
            let k = (day - self.origin as f64).clamp(0.0, n as f64) as usize;
            v[k]
        };
        // An event [f, l + 1) meets [start, end) when f < end and l + 1 > start; the ones with
        // l < floor(start) began even earlier, so they are among the first count.
        at(&self.first, end.ceil()) - at(&self.last, start.floor())
    }
}

/// The side panel's list order: every item by (first day, last day, item), as
/// [`DateIndex`] sorts them, with each item's rank and position beside it. Built with the table
/// on a worker thread, so that no frame sorts a million events when the data changes.
#[derive(Default)]
pub struct DateOrder {
    /// Item indices by date.
    pub by_date: Vec<u32>,
    /// Rank in `by_date` of each item.
    pub rank_of: Vec<u32>,
    /// World positions in `by_date` order, so a scan of the view reads memory in order.
    pub points: Vec<Option<[f64; 2]>>,
    /// Number of items with an open start (the head of `by_date`).
    pub open_start: usize,
    /// Ranks of the items with a bounded start and an open end.
    pub open_end: Vec<u32>,
    /// Ranks of the items with no place.
    pub unplaced: Vec<u32>,
}

impl DateOrder {
    /// The order of `dates`, an index over `items`.
    pub fn new(items: &[EventItem], dates: &DateIndex) -> Self {
        let by_date: Vec<u32> = dates.by_first.iter().map(|d| d.item).collect();
        let mut rank_of = vec![0; items.len()];
        for (r, &i) in by_date.iter().enumerate() {
            rank_of[i as usize] = r as u32;
        }
        let points: Vec<Option<[f64; 2]>> =
            by_date.iter().map(|&i| items[i as usize].world).collect();
        let open_end = (dates.open_start..by_date.len())
            .filter(|&r| items[by_date[r] as usize].last_day == i32::MAX)
            .map(|r| r as u32)
            .collect();
        let unplaced = (0..by_date.len() as u32)
            .filter(|&r| points[r as usize].is_none())
            .collect();
        Self {
            open_start: dates.open_start,
            by_date,
            rank_of,
            points,
            open_end,
            unplaced,
        }
    }
}

impl DateIndex {
    /// Sorts the items' days (per data change).
    pub fn new(items: &[EventItem]) -> Self {
        let mut by_first: Vec<Dated> = items
            .iter()
            .enumerate()
            .map(|(i, it)| Dated {
                first: it.first_day,
                last: it.last_day,
                item: i as u32,
            })
            .collect();
        by_first.sort_unstable_by_key(|d| (d.first, d.last, d.item));
        let mut by_last: Vec<(i32, u32)> = by_first.iter().map(|d| (d.last, d.item)).collect();
        by_last.sort_unstable();
        let open_start = by_first.partition_point(|d| d.first == i32::MIN);
        let open_end: Vec<(i32, u32)> = by_first[open_start..]
            .iter()
            .filter(|d| d.last == i32::MAX)
            .map(|d| (d.first, d.item))
            .collect();
        let bounded = |d: &&Dated| d.first != i32::MIN && d.last != i32::MAX;
        let max_span = by_first
            .iter()
            .filter(bounded)
            .map(|d| d.last.saturating_sub(d.first))
            .max()
            .unwrap_or(0);
        let mut lo = i32::MAX;
        let mut hi = i32::MIN;
        for d in &by_first {
            for day in [d.first, d.last] {
                if day != i32::MIN && day != i32::MAX {
                    lo = lo.min(day);
                    hi = hi.max(day);
                }
            }
        }
        Self {
            by_first,
            open_start,
            by_last,
            open_end,
            max_span,
            extent: (lo <= hi).then_some((lo, hi)),
        }
    }

    /// First and last bounded day of every item (either end counts).
    pub fn extent(&self) -> Option<(i32, i32)> {
        self.extent
    }

    /// The longest span, in days, of an item with both ends bounded.
    pub fn max_span(&self) -> i32 {
        self.max_span
    }

    /// Every item as (item, first, last): open starts, then open ends, then the rest by first
    /// day, the order cluster cells keep their members in.
    pub fn in_cell_order(&self) -> impl Iterator<Item = (u32, i32, i32)> + '_ {
        let open_start = self.by_first[..self.open_start].iter();
        let bounded_start = self.by_first[self.open_start..].iter();
        open_start
            .map(|d| (d.item, d.first, d.last))
            .chain(
                self.open_end
                    .iter()
                    .map(|&(first, item)| (item, first, i32::MAX)),
            )
            .chain(
                bounded_start
                    .filter(|d| d.last != i32::MAX)
                    .map(|d| (d.item, d.first, d.last)),
            )
    }

    /// Number of items indexed.
    pub fn len(&self) -> usize {
        self.by_first.len()
    }

    /// True when no items are indexed.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Items whose [`EventItem::meets_days`] answer may differ between range `old` and range
    /// `new` (`(from, to)` day numbers, `i32::MIN`/`i32::MAX` for open ends). Some may appear
    /// twice or not change at all; every item that changes is among them.
    pub fn changed_between(
        &self,
        old: (i32, i32),
        new: (i32, i32),
    ) -> impl Iterator<Item = u32> + '_ {
        // `first <= to` flips for firsts in (min to, max to]; `last >= from` for lasts in
        // [min from, max from).
        let (t0, t1) = (old.1.min(new.1), old.1.max(new.1));
        let (f0, f1) = (old.0.min(new.0), old.0.max(new.0));
        let a = self.by_first.partition_point(|d| d.first <= t0);
        let b = self.by_first.partition_point(|d| d.first <= t1);
        let c = self.by_last.partition_point(|d| d.0 < f0);
        let e = self.by_last.partition_point(|d| d.0 < f1);
        let firsts = if t0 == t1 {
            &[][..]
        } else {
            &self.by_first[a..b]
        };
        let lasts = if f0 == f1 {
            &[][..]
        } else {
            &self.by_last[c..e]
        };
        firsts
            .iter()
            .map(|d| d.item)
            .chain(lasts.iter().map(|d| d.1))
    }

    /// How many items [`DateIndex::changed_between`] would yield (to choose between it and a
    /// full pass).
    pub fn changed_count(&self, old: (i32, i32), new: (i32, i32)) -> usize {
        let (t0, t1) = (old.1.min(new.1), old.1.max(new.1));
        let (f0, f1) = (old.0.min(new.0), old.0.max(new.0));
        let n = |lo: usize, hi: usize| hi - lo;
        let firsts = if t0 == t1 {
            0
        } else {
            n(
                self.by_first.partition_point(|d| d.first <= t0),
                self.by_first.partition_point(|d| d.first <= t1),
            )
        };
        let lasts = if f0 == f1 {
            0
        } else {
            n(
                self.by_last.partition_point(|d| d.0 < f0),
                self.by_last.partition_point(|d| d.0 < f1),
            )
        };
        firsts + lasts
    }

    /// The slices of candidates for the range `[from, to]`: open starts, bounded firsts from
    /// `from - max_span` up to `to`, and open ends that start before that window.
    fn candidates(&self, from: i32, to: i32) -> (&[Dated], &[Dated], &[(i32, u32)]) {
        let lo_day = from.saturating_sub(self.max_span);
        let lo = self
            .by_first
            .partition_point(|d| d.first < lo_day)
            .max(self.open_start);
        let hi = self.by_first.partition_point(|d| d.first <= to).max(lo);
        // Open ends that start before the window still meet it; those inside it are in it.
        let early_open = self.open_end.partition_point(|d| d.0 < lo_day);
        (
            &self.by_first[..self.open_start],
            &self.by_first[lo..hi],
            &self.open_end[..early_open],
        )
    }

    /// About how many items [`DateIndex::meeting`] looks at for `[from, to]`.
    pub fn meeting_cost(&self, from: i32, to: i32) -> usize {
        let (a, b, c) = self.candidates(from, to);
        a.len() + b.len() + c.len()
    }

    /// Every item whose range meets `[from, to]`, each once; cost grows with the items in and
    /// near the range, not with all items. Order: open starts, then by first day, then open
    /// ends that began long before.
    pub fn meeting(&self, from: i32, to: i32) -> impl Iterator<Item = u32> + '_ {
        let (open, window, early) = self.candidates(from, to);
        let meets = move |d: &&Dated| d.first <= to && d.last >= from;
        open.iter()
            .filter(meets)
            .chain(window.iter().filter(meets))
            .map(|d| d.item)
            .chain(early.iter().filter(move |d| d.0 <= to).map(|d| d.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::EventKey;
    use crate::model::EventKind;

    fn items(days: &[(i32, i32)]) -> Vec<EventItem> {
        days.iter()
            .enumerate()
            .map(|(i, &(first_day, last_day))| EventItem {
                key: EventKey {
                    dataset: 0,
                    event: i as u32,
                },
                world: None,
                first_day,
                last_day,
                kind: EventKind::Consult,
            })
            .collect()
    }

    /// A mix of single days, long spans, open starts, open ends and undated items.
    fn mixed() -> Vec<EventItem> {
        let mut days = Vec::new();
        for i in 0..300 {
            let f = (i * 37) % 200;
            days.push(match i % 9 {
                0 => (f, f + 60),
                1 => (i32::MIN, f),
                2 => (f, i32::MAX),
                3 => (i32::MIN, i32::MAX),
                4 => (f, f + 3),
                _ => (f, f),
            });
        }
        items(&days)
    }

    fn ranges() -> Vec<(i32, i32)> {
        let mut r = vec![
            (i32::MIN, i32::MAX),
            (i32::MIN, 50),
            (120, i32::MAX),
            (-1000, -900),
            (500, 600),
        ];
        for a in (-10..220).step_by(13) {
            for w in [0, 1, 7, 45, 90] {
                r.push((a, a + w));
            }
        }
        r
    }

    #[test]
    fn meeting_finds_exactly_the_items_that_meet() {
        let items = mixed();
        let index = DateIndex::new(&items);
        for (from, to) in ranges() {
            let mut got: Vec<u32> = index.meeting(from, to).collect();
            got.sort();
            let n = got.len();
            got.dedup();
            assert_eq!(got.len(), n, "an item twice for {from}..{to}");
            let want: Vec<u32> = (0..items.len() as u32)
                .filter(|&i| items[i as usize].meets_days(from, to))
                .collect();
            assert_eq!(got, want, "{from}..{to}");
        }
    }

    #[test]
    fn changed_between_covers_every_flip() {
        let items = mixed();
        let index = DateIndex::new(&items);
        let rs = ranges();
        for old in &rs {
            for new in rs.iter().step_by(7) {
                let cand: std::collections::HashSet<u32> =
                    index.changed_between(*old, *new).collect();
                assert!(cand.len() <= index.changed_count(*old, *new));
                for (i, it) in items.iter().enumerate() {
                    if it.meets_days(old.0, old.1) != it.meets_days(new.0, new.1) {
                        assert!(cand.contains(&(i as u32)), "{old:?} → {new:?}: item {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn extent_and_span() {
        let index = DateIndex::new(&items(&[(i32::MIN, 5), (10, 12), (20, i32::MAX)]));
        assert_eq!(index.extent(), Some((5, 20)));
        assert_eq!(index.max_span(), 2);
        assert_eq!(
            DateIndex::new(&items(&[(i32::MIN, i32::MAX)])).extent(),
            None
        );
    }

    #[test]
    fn day_counts_say_how_many_meet_any_stretch() {
        let items = mixed();
        let index = DateIndex::new(&items);
        let mut counts = DayCounts::new(index.extent());
        for it in &items {
            counts.count(it, true);
        }
        // Hide every third item, as a filter would flip it.
        for it in items.iter().step_by(3) {
            counts.count(it, false);
        }
        let shown = |i: usize| !i.is_multiple_of(3);
        let prefix = counts.prefix();
        for (a, b) in ranges() {
            if a == i32::MIN || b == i32::MAX {
                continue;
            }
            // Day `d` is [d, d + 1): the stretch [a, b + 1) covers days a..=b.
            let expected = items
                .iter()
                .enumerate()
                .filter(|(i, _)| shown(*i))
                .filter_map(|(_, it)| counted_days(it))
                .filter(|&(f, l)| f <= b && l >= a)
                .count() as u64;
            assert_eq!(
                prefix.meeting(a as f64, b as f64 + 1.0),
                expected,
                "{a}..={b}"
            );
        }
        // Fractions of a day meet the day they fall in.
        let day_40 = prefix.meeting(40.0, 41.0);
        assert_eq!(prefix.meeting(40.25, 40.5), day_40);
        assert_eq!(prefix.meeting(41.0, 41.0), 0);
    }

    #[test]
    fn the_list_order_is_the_date_order_with_ranks() {
        let mut items = mixed();
        for (i, it) in items.iter_mut().enumerate() {
            it.world = (!i.is_multiple_of(4)).then_some([i as f64, 0.0]);
        }
        let index = DateIndex::new(&items);
        let order = DateOrder::new(&items, &index);
        let mut sorted: Vec<u32> = (0..items.len() as u32).collect();
        sorted.sort_by_key(|&i| (items[i as usize].first_day, items[i as usize].last_day, i));
        assert_eq!(order.by_date, sorted);
        for (r, &i) in order.by_date.iter().enumerate() {
            assert_eq!(order.rank_of[i as usize] as usize, r);
            assert_eq!(order.points[r], items[i as usize].world);
        }
        assert!(
            order
                .unplaced
                .iter()
                .all(|&r| order.points[r as usize].is_none())
        );
        assert_eq!(order.unplaced.len(), items.len().div_ceil(4));
        assert!(
            order.by_date[..order.open_start]
                .iter()
                .all(|&i| items[i as usize].first_day == i32::MIN)
        );
    }
}
