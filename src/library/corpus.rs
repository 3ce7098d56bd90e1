//! The corpus as a reader browses it: the open articles grouped by outlet, newest first, with
//! how many events each reports, and which events an outlet's or an article's filter keeps.
//! No egui here: the Sources view only draws what [`Corpus`] has counted.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Library;
use crate::index::EventKey;
use crate::model::{Dataset, Event, IdMaps};

/// What the view shows for an article whose `source` is empty.
pub const UNKNOWN_OUTLET: &str = "Outlet not named";

/// One article of one open dataset, named stably enough to find it again after the library
/// reloads (article ids do not change; dataset indices change only when a dataset closes).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleKey {
    /// Index of the dataset among those loaded.
    pub dataset: u32,
    /// The article's id in that dataset.
    pub id: String,
}

/// The outlet name filters and groups use: the article's `source`, trimmed ("" when none).
pub fn outlet_of(source: &str) -> &str {
    source.trim()
}

/// An outlet's name as shown: [`UNKNOWN_OUTLET`] for the empty name.
pub fn outlet_label(outlet: &str) -> &str {
    if outlet.is_empty() {
        UNKNOWN_OUTLET
    } else {
        outlet
    }
}

/// One article in the Sources view.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleEntry {
    /// Which article.
    pub key: ArticleKey,
    /// Its headline.
    pub title: String,
    /// Its publication day, when known.
    pub published: Option<Date>,
    /// The events it reports, in load order. A syndicated copy reports its original's events.
    pub events: Vec<EventKey>,
    /// For a syndicated copy: the original's headline and outlet.
    pub copy_of: Option<(String, String)>,
}

/// One outlet and its articles.
#[derive(Clone, Debug, PartialEq)]
pub struct OutletGroup {
    /// The outlet's name as filters use it ("" for articles that name none).
    pub name: String,
    /// Its articles, newest first (undated last, then by headline).
    pub articles: Vec<ArticleEntry>,
    /// Distinct events its articles report: an event two of its articles report counts once.
    pub events: usize,
    /// How many of its articles are syndicated copies of another outlet's.
    pub copies: usize,
}

impl OutletGroup {
    /// The name to show.
    pub fn label(&self) -> &str {
        outlet_label(&self.name)
    }
}

/// Every open article, grouped by outlet. Built once per library revision (see
/// [`Corpus::build`]); it costs one pass over the events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corpus {
    /// The library revision it was built from.
    pub revision: u64,
    /// Outlets by name (case-insensitive), the unnamed outlet last.
    pub outlets: Vec<OutletGroup>,
}

impl Corpus {
    /// Groups the library's articles by outlet and counts the events each reports.
    pub fn build(lib: &Library) -> Self {
        let mut groups: HashMap<&str, OutletGroup> = HashMap::new();
        let mut event_sets: HashMap<&str, BTreeSet<EventKey>> = HashMap::new();
        for (di, ds) in lib.datasets.iter().enumerate() {
            let per_article = events_by_article(&ds.data, &ds.ids, di as u32);
            for (ai, a) in ds.data.articles.iter().enumerate() {
                let name = outlet_of(&a.source);
                // A copy has no events of its own: its outlet reprinted the original's.
                let original = a
                    .syndicates
                    .as_ref()
                    .and_then(|o| ds.ids.articles.get(o).copied());
                let events = per_article[original.unwrap_or(ai)].clone();
                let copy_of = original.map(|o| {
                    let o = &ds.data.articles[o];
                    (
                        o.title.clone(),
                        outlet_label(outlet_of(&o.source)).to_owned(),
                    )
                });
                let g = groups.entry(name).or_insert_with(|| OutletGroup {
                    name: name.to_owned(),
                    articles: Vec::new(),
                    events: 0,
                    copies: 0,
                });
                g.copies += copy_of.is_some() as usize;
                event_sets
                    .entry(name)
                    .or_default()
                    .extend(events.iter().copied());
                g.articles.push(ArticleEntry {
                    key: ArticleKey {
                        dataset: di as u32,
                        id: a.id.clone(),
                    },
                    title: a.title.clone(),
                    published: a.published,
                    events,
                    copy_of,
                });
            }
        }
        let mut outlets: Vec<OutletGroup> = groups
            .into_iter()
            .map(|(name, mut g)| {
                g.events = event_sets.get(name).map_or(0, BTreeSet::len);
                g.articles.sort_by(|x, y| {
                    // Newest first; `None` sorts below every day, so reversing puts it last.
                    y.published
                        .cmp(&x.published)
                        .then_with(|| x.title.cmp(&y.title))
                        .then_with(|| x.key.cmp(&y.key))
                });
                g
            })
            .collect();
        outlets.sort_by(|x, y| {
            x.name
                .is_empty()
                .cmp(&y.name.is_empty())
                .then_with(|| x.name.to_lowercase().cmp(&y.name.to_lowercase()))
                .then_with(|| x.name.cmp(&y.name))
        });
        Self {
            revision: lib.revision,
            outlets,
        }
    }

    /// How many articles are open.
    pub fn article_count(&self) -> usize {
        self.outlets.iter().map(|g| g.articles.len()).sum()
    }

    /// The article `key`, if it is open.
    pub fn article(&self, key: &ArticleKey) -> Option<&ArticleEntry> {
        self.outlets
            .iter()
            .flat_map(|g| &g.articles)
            .find(|a| &a.key == key)
    }
}

/// The distinct article ids an event names: its article, its sources and its reports.
fn article_ids(e: &Event) -> impl Iterator<Item = &str> {
    let mut seen: Vec<&str> = Vec::with_capacity(2);
    e.articles()
        .chain(e.reports.iter().map(|r| r.article.as_str()))
        .filter(move |id| {
            if seen.contains(id) {
                false
            } else {
                seen.push(id);
                true
            }
        })
}

/// Per article of `ds` (by index): the events that cite it.
fn events_by_article(ds: &Dataset, ids: &IdMaps, dataset: u32) -> Vec<Vec<EventKey>> {
    let mut out = vec![Vec::new(); ds.articles.len()];
    for (ei, e) in ds.events.iter().enumerate() {
        for id in article_ids(e) {
            if let Some(&ai) = ids.articles.get(id) {
                out[ai].push(EventKey {
                    dataset,
                    event: ei as u32,
                });
            }
        }
    }
    out
}

/// Per dataset, per article: is it reported on by one of `outlets`? An original counts when
/// one of the outlets carried a syndicated copy of it.
pub fn articles_of_outlets(lib: &Library, outlets: &BTreeSet<String>) -> Vec<Vec<bool>> {
    lib.datasets
        .iter()
        .map(|ds| {
            let mut marked: Vec<bool> = ds
                .data
                .articles
                .iter()
                .map(|a| outlets.contains(outlet_of(&a.source)))
                .collect();
            for (i, a) in ds.data.articles.iter().enumerate() {
                if marked[i]
                    && let Some(&o) = a.syndicates.as_ref().and_then(|o| ds.ids.articles.get(o))
                {
                    marked[o] = true;
                }
            }
            marked
        })
        .collect()
}

/// Per dataset, per article: is it `key`, or the original `key` is a syndicated copy of?
pub fn article_marks(lib: &Library, key: &ArticleKey) -> Vec<Vec<bool>> {
    lib.datasets
        .iter()
        .enumerate()
        .map(|(di, ds)| {
            let mut marked = vec![false; ds.data.articles.len()];
            if di as u32 == key.dataset
                && let Some(&i) = ds.ids.articles.get(&key.id)
            {
                let a = &ds.data.articles[i];
                let target = a
                    .syndicates
                    .as_ref()
                    .and_then(|o| ds.ids.articles.get(o).copied())
                    .unwrap_or(i);
                marked[target] = true;
            }
            marked
        })
        .collect()
}

/// True when some article `event` cites is marked in `marks` (see [`articles_of_outlets`]).
pub fn cites_marked(lib: &Library, key: EventKey, marks: &[Vec<bool>]) -> bool {
    let (Some(ds), Some(m)) = (
        lib.datasets.get(key.dataset as usize),
        marks.get(key.dataset as usize),
    ) else {
        return false;
    };
    let Some(e) = ds.data.events.get(key.event as usize) else {
        return false;
    };
    article_ids(e).any(|id| {
        ds.ids
            .articles
            .get(id)
            .is_some_and(|&i| m.get(i).copied().unwrap_or(false))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::LoadedDataset;
    use crate::library::filter::Filter;
    use crate::model::Dataset;

    /// Three outlets: Yonhap with two articles (one reporting the launch Reuters also reports),
    /// Reuters with one, and a site that syndicated Reuters' story; one article names no outlet.
    fn corpus_json() -> String {
        serde_json::json!({
            "format": "newsmap/1",
            "articles": [
                {"id": "a1", "title": "Missile launched", "source": "Reuters",
                 "published": "2024-05-13", "text": "North Korea fired a missile on Monday."},
                {"id": "a2", "title": "Pyongyang fires missile", "source": " Yonhap ",
                 "published": "2024-05-13", "text": "North Korea launched a missile on Monday."},
                {"id": "a3", "title": "Ministers meet in Seoul", "source": "Yonhap",
                 "published": "2024-06-01", "text": "The ministers met in Seoul on Saturday."},
                {"id": "a4", "title": "Missile launched (wire)", "source": "Daily Example",
                 "published": "2024-05-14", "text": "North Korea fired a missile on Monday.",
                 "syndicates": "a1"},
                {"id": "a5", "title": "Untitled notes", "source": "",
                 "text": "Talks were held."}
            ],
            "places": [{"id": "p1", "name": "Seoul", "kind": "city", "lat": 37.56, "lon": 126.97}],
            "events": [
                {"id": "e1", "sources": ["a1", "a2"], "kind": "MOBILIZE",
                 "title": "North Korea fires a missile",
                 "date": {"start": "2024-05-13", "end": "2024-05-13"}, "place": "p1",
                 "evidence": [{"start": 0, "end": 10}],
                 "reports": [{"article": "a1", "title": "fires a missile"},
                             {"article": "a2", "title": "launches a missile", "merged": "same day"}]},
                {"id": "e2", "article": "a3", "kind": "CONSULT", "title": "Ministers meet",
                 "date": {"start": "2024-06-01", "end": "2024-06-01"}, "place": "p1",
                 "evidence": [{"start": 0, "end": 10}]},
                {"id": "e3", "article": "a5", "kind": "CONSULT", "title": "Talks",
                 "date": null, "place": null, "evidence": [{"start": 0, "end": 5}]}
            ]
        })
        .to_string()
    }

    fn lib() -> Library {
        let ds = Dataset::from_json_bytes(corpus_json().as_bytes(), "corpus.json", None)
            .unwrap_or_else(|e| panic!("{e}"));
        Library::new(vec![LoadedDataset::new("corpus", None, ds)])
    }

    fn outlet<'a>(c: &'a Corpus, name: &str) -> &'a OutletGroup {
        c.outlets
            .iter()
            .find(|g| g.name == name)
            .unwrap_or_else(|| panic!("no outlet {name:?} in {c:?}"))
    }

    #[test]
    fn articles_are_grouped_by_outlet_and_sorted_newest_first() {
        let c = Corpus::build(&lib());
        let names: Vec<&str> = c.outlets.iter().map(|g| g.label()).collect();
        // Case-insensitive order, the unnamed outlet last; " Yonhap " is Yonhap.
        assert_eq!(
            names,
            ["Daily Example", "Reuters", "Yonhap", UNKNOWN_OUTLET],
            "{c:?}"
        );
        assert_eq!(c.article_count(), 5);
        let yonhap = outlet(&c, "Yonhap");
        let titles: Vec<&str> = yonhap.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Ministers meet in Seoul", "Pyongyang fires missile"]
        );
        assert_eq!(yonhap.events, 2);
        assert_eq!(yonhap.articles[1].events.len(), 1);
        assert_eq!(outlet(&c, "Reuters").events, 1);
        assert_eq!(outlet(&c, "").events, 1);
    }

    #[test]
    fn a_syndicated_copy_is_marked_and_carries_the_originals_events() {
        let c = Corpus::build(&lib());
        let copy = outlet(&c, "Daily Example");
        assert_eq!(copy.copies, 1);
        let a = &copy.articles[0];
        assert_eq!(
            a.copy_of,
            Some(("Missile launched".to_owned(), "Reuters".to_owned()))
        );
        let original = &outlet(&c, "Reuters").articles[0];
        assert_eq!(a.events, original.events);
        assert_eq!(original.copy_of, None);
        assert_eq!(outlet(&c, "Reuters").copies, 0);
    }

    /// Ids of the events that pass `f`.
    fn passing_ids(lib: &Library, f: &Filter) -> Vec<String> {
        f.apply(lib)
            .iter()
            .zip(lib.events())
            .filter(|(s, _)| **s)
            .map(|(_, e)| e.event.id.clone())
            .collect()
    }

    #[test]
    fn an_outlet_filter_keeps_the_events_its_articles_report() {
        let lib = lib();
        let titles = |f: &Filter| passing_ids(&lib, f);
        let only = |names: &[&str]| Filter {
            outlets: names.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        assert_eq!(titles(&only(&["Reuters"])), ["e1"]);
        assert_eq!(titles(&only(&["Yonhap"])), ["e1", "e2"]);
        // The copy's outlet reprinted the launch.
        assert_eq!(titles(&only(&["Daily Example"])), ["e1"]);
        assert_eq!(titles(&only(&[""])), ["e3"]);
        assert_eq!(titles(&only(&["Reuters", ""])), ["e1", "e3"]);
        assert!(titles(&only(&["Nobody"])).is_empty());
        // It composes with the other filters.
        let consult = Filter {
            kinds: [crate::model::EventKind::Consult].into(),
            ..only(&["Yonhap"])
        };
        assert_eq!(titles(&consult), ["e2"]);
        assert!(only(&["Reuters"]).is_active());
    }

    #[test]
    fn an_article_filter_keeps_its_events_and_a_copy_its_originals() {
        let lib = lib();
        let ids = |id: &str| -> Vec<String> {
            let f = Filter {
                article: Some(ArticleKey {
                    dataset: 0,
                    id: id.into(),
                }),
                ..Default::default()
            };
            passing_ids(&lib, &f)
        };
        assert_eq!(ids("a2"), ["e1"]);
        assert_eq!(ids("a3"), ["e2"]);
        assert_eq!(ids("a4"), ["e1"]);
        // An article that is not open keeps nothing rather than everything.
        assert!(ids("a99").is_empty());
    }
}
