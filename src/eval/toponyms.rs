//! The toponym benchmark: recognition precision and recall of place mentions, resolution
//! accuracy within 161 km (acc@161, the geoparsing field's usual threshold) and end-to-end
//! accuracy, as in Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation".
//!
//! - A predicted mention counts when it overlaps a gold span.
//! - acc@161 is over recognised gold toponyms, using the nearest overlapping prediction.
//! - End-to-end is gold toponyms recognised *and* resolved within 161 km, over all of them.
//!
//! The file format: one article a line,
//! `{"id", "text", "published"?, "toponyms": [{"start", "end", "name", "lat", "lon"}]}`,
//! offsets in code points of `text`, half-open. `tools/convert_geoparsing_benchmarks.py` writes
//! TR-News and GeoWebNews in it.

use serde::Deserialize;

use super::{Offsets, ratio};
use crate::extract::extract;
use crate::geodata::gazetteer::Gazetteer;
use crate::geodata::gazetteer::resolve::km_between;
use crate::model::{ArticleInput, parse_day};

/// The 161 km (100 miles) of acc@161.
pub const ACC_KM: f64 = 161.0;
/// Errors are capped here for the mean.
const MAX_ERROR_KM: f64 = 20_000.0;

/// One gold toponym.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldToponym {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The name as written.
    #[serde(default)]
    pub name: String,
    /// Latitude of the gold place.
    pub lat: f64,
    /// Longitude of the gold place.
    pub lon: f64,
}

/// One article with gold toponyms.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldArticle {
    /// Its id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Publication date, `YYYY-MM-DD`, if known.
    #[serde(default)]
    pub published: Option<String>,
    /// Every place mention with coordinates.
    pub toponyms: Vec<GoldToponym>,
}

/// The scores over a set of articles.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct ToponymScores {
    /// Articles scored.
    pub articles: usize,
    /// Gold toponyms.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Predicted mentions that overlap a gold span, over all predicted.
    pub precision: f64,
    /// Gold toponyms recognised, over all gold.
    pub recall: f64,
    /// F1 of precision and recall.
    pub f1: f64,
    /// Recognised gold toponyms resolved within 161 km, over recognised.
    pub acc161: f64,
    /// Recognised and resolved within 161 km, over all gold.
    pub end_to_end: f64,
    /// Mean error of recognised toponyms, km (capped at 20,000).
    pub mean_km: f64,
}

impl ToponymScores {
    /// Name and value of each figure, in reading order.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        vec![
            ("articles", self.articles.to_string()),
            ("gold toponyms", self.gold.to_string()),
            ("predicted", self.predicted.to_string()),
            ("precision", format!("{:.3}", self.precision)),
            ("recall", format!("{:.3}", self.recall)),
            ("F1", format!("{:.3}", self.f1)),
            ("acc@161", format!("{:.3}", self.acc161)),
            ("end-to-end", format!("{:.3}", self.end_to_end)),
            ("mean km", format!("{:.0}", self.mean_km)),
        ]
    }
}

/// Scores and, for reading, every miss and wrong resolution.
#[derive(Clone, Debug, Default)]
pub struct ToponymReport {
    /// The scores.
    pub scores: ToponymScores,
    /// "id: missed \"Cairo\"", "id: \"Paris\" resolved to Paris (…), 7,000 km off", …
    pub problems: Vec<String>,
}

/// Runs the extractor on every article and scores its places.
pub fn score(articles: &[GoldArticle], gaz: &Gazetteer) -> ToponymReport {
    let (mut n_pred, mut tp_pred, mut n_gold, mut recognised, mut resolved) = (0, 0, 0, 0, 0);
    let mut errors_km = Vec::new();
    let mut problems = Vec::new();
    for a in articles {
        let mut input = ArticleInput::new(a.text.clone());
        input.published = a.published.as_deref().and_then(|p| parse_day(p).ok());
        let ds = extract(&input, gaz);
        // Predictions as (byte span, lat, lon, name).
        let preds: Vec<(usize, usize, f64, f64, &str)> = ds
            .places
            .iter()
            .flat_map(|p| {
                p.mentions
                    .iter()
                    .map(move |m| (m.start, m.end, p.lat, p.lon, p.name.as_str()))
            })
            .collect();
        let offsets = Offsets::new(&a.text);
        let gold: Vec<(usize, usize, &GoldToponym)> = a
            .toponyms
            .iter()
            .filter_map(|g| Some((offsets.byte(g.start)?, offsets.byte(g.end)?, g)))
            .collect();
        let overlaps = |s: usize, e: usize, gs: usize, ge: usize| s < ge && gs < e;
        n_pred += preds.len();
        for &(s, e, _, _, name) in &preds {
            if gold.iter().any(|&(gs, ge, _)| overlaps(s, e, gs, ge)) {
                tp_pred += 1;
            } else {
                problems.push(format!(
                    "{}: not a gold toponym: {:?} ({name})",
                    a.id,
                    &a.text[s..e]
                ));
            }
        }
        for &(gs, ge, g) in &gold {
            n_gold += 1;
            let best = preds
                .iter()
                .filter(|&&(s, e, ..)| overlaps(s, e, gs, ge))
                .map(|&(_, _, lat, lon, name)| (km_between(g.lat, g.lon, lat, lon), name))
                .min_by(|x, y| x.0.total_cmp(&y.0));
            match best {
                None => problems.push(format!("{}: missed {:?}", a.id, g.name)),
                Some((d, name)) => {
                    recognised += 1;
                    errors_km.push(d.min(MAX_ERROR_KM));
                    if d <= ACC_KM {
                        resolved += 1;
                    } else {
                        problems.push(format!(
                            "{}: {:?} resolved to {name}, {d:.0} km off",
                            a.id, g.name
                        ));
                    }
                }
            }
        }
    }
    let precision = ratio(tp_pred, n_pred);
    let recall = ratio(recognised, n_gold);
    ToponymReport {
        scores: ToponymScores {
            articles: articles.len(),
            gold: n_gold,
            predicted: n_pred,
            precision,
            recall,
            f1: if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            },
            acc161: ratio(resolved, recognised),
            end_to_end: ratio(resolved, n_gold),
            mean_km: if errors_km.is_empty() {
                0.0
            } else {
                errors_km.iter().sum::<f64>() / errors_km.len() as f64
            },
        },
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::parse_jsonl;

    #[test]
    fn scores_a_small_sample_written_in_the_format() {
        // Two articles written for this test: a right place, a missed one, a wrong sense and a
        // place the gold does not have, with a non-ASCII name so offsets are code points.
        let sample = r#"
{"id": "t1", "text": "Talks in Zürich ended. Delegates flew to Lima.", "toponyms": [{"start": 9, "end": 15, "name": "Zürich", "lat": 47.37, "lon": 8.54}, {"start": 40, "end": 44, "name": "Lima", "lat": -12.05, "lon": -77.04}]}
{"id": "t2", "text": "A storm hit Paris, Texas, and an unnamed hamlet.", "published": "2024-03-02", "toponyms": [{"start": 12, "end": 17, "name": "Paris", "lat": 33.66, "lon": -95.56}, {"start": 40, "end": 47, "name": "hamlet", "lat": 0.0, "lon": 0.0}]}
"#;
        let articles: Vec<GoldArticle> = parse_jsonl(sample, "sample.jsonl").unwrap();
        let r = score(&articles, Gazetteer::embedded());
        let s = &r.scores;
        assert_eq!((s.articles, s.gold), (2, 4));
        assert!(s.recall > 0.7 && s.recall < 0.8, "3 of 4 recognised: {s:?}");
        assert_eq!(s.acc161, 1.0, "{:?}", r.problems);
        assert!(r.problems.iter().any(|p| p.contains("missed \"hamlet\"")));
        assert!(s.precision > 0.0 && s.precision <= 1.0);
    }
}
