//! The bodies of newsmap's fuzz targets, shared by the cargo-fuzz crate (`tools/fuzz`, run with
//! libFuzzer on nightly) and by `tests/fuzz_corpus.rs`, which replays every committed corpus
//! file through them on stable. Each takes arbitrary bytes, must never panic, and checks the
//! invariants its code promises.

use std::path::Path;

use newsmap::geodata::gazetteer::Gazetteer;
use newsmap::model::{ArticleInput, Dataset, PartialDate, Span, TextFormat, parse_day};

/// A fuzz target: bytes in, a panic on any broken promise.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, as the corpus folders are named.
pub const TARGETS: &[(&str, Target)] = &[
    ("dataset_load", dataset_load),
    ("dataset_validate", dataset_validate),
    ("article_read", article_read),
    ("date_parse", date_parse),
    ("extract", extract),
];

/// The seed article, which `data/seed.json` names by `text_path`.
const SEED_TEXT: &str = newsmap::library::SEED_TEXT;

/// Loads bytes as a dataset (JSON parsing, paths, every check); one that loads must validate
/// clean, every span must slice its article, and it must survive a save and load unchanged.
pub fn dataset_load(data: &[u8]) {
    let texts = |rel: &str| {
        if rel.ends_with(".txt") {
            Ok(SEED_TEXT.to_owned())
        } else {
            Err(format!("\"{rel}\" is not here"))
        }
    };
    let Ok(ds) = Dataset::from_json_with_texts(data, "fuzz.json", &texts) else {
        return;
    };
    assert!(ds.validate().is_empty());
    check_spans(&ds);
    let json = ds.to_json_inline();
    let again = Dataset::from_json_bytes(json.as_bytes(), "again.json", None)
        .unwrap_or_else(|e| panic!("a loaded dataset must load again after saving: {e}"));
    let mut expected = ds.clone();
    for a in &mut expected.articles {
        a.text_path = None;
    }
    assert!(again == expected, "the round trip changed the dataset");
}

/// The bytes of a fuzz input, read one at a time (zeros once they run out).
struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// An offset near `len` (inside it, just past it, far past it, or at the very top of the
    /// range), so spans land inside characters and outside the text too.
    fn offset(&mut self, len: usize) -> usize {
        let b = self.next();
        match b % 4 {
            0 => usize::from(self.next()) * 31 % (len + 8),
            1 => len.saturating_sub(usize::from(self.next())),
            2 => usize::from(self.next()) << 8 | usize::from(self.next()),
            _ => usize::MAX - usize::from(self.next()),
        }
    }
}

/// The seed dataset changed in ways the bytes choose (spans, references, numbers, texts): the
/// validator must never panic, and a dataset it passes must slice cleanly everywhere.
pub fn dataset_validate(data: &[u8]) {
    let mut b = Bytes { data, at: 0 };
    let mut ds = newsmap::library::LoadedDataset::embedded_seed().data;
    let len = ds.articles[0].body().len();
    let steps = usize::from(b.next() % 64);
    for _ in 0..steps {
        let what = b.next();
        let pick = usize::from(b.next());
        let (start, end) = (b.offset(len), b.offset(len));
        match what % 10 {
            0 => {
                let n = ds.quotes.len();
                let q = &mut ds.quotes[pick % n];
                (q.start, q.end) = (start, end);
            }
            1 => {
                let p = pick % ds.places.len();
                if let Some(m) = ds.places[p].mentions.first_mut() {
                    (m.start, m.end) = (start, end);
                }
            }
            2 => {
                let p = pick % ds.parties.len();
                if let Some(m) = ds.parties[p].mentions.last_mut() {
                    (m.start, m.end) = (start, end);
                }
            }
            3 => {
                let e = pick % ds.events.len();
                if let Some(ev) = ds.events[e].evidence.first_mut() {
                    (ev.start, ev.end) = (start, end);
                }
            }
            4 => {
                let e = pick % ds.events.len();
                if let Some(w) = &mut ds.events[e].why {
                    w.trigger = Span::new(start, end);
                }
            }
            5 => {
                let e = pick % ds.events.len();
                if let Some(d) = &mut ds.events[e].date {
                    d.phrase = Some(Span::new(start, end));
                }
            }
            6 => {
                let e = pick % ds.events.len();
                let id = String::from_utf8_lossy(&data[b.at.min(data.len())..]);
                ds.events[e].place = Some(id.chars().take(8).collect());
            }
            7 => {
                let p = pick % ds.places.len();
                ds.places[p].lat = f64::from(start as u32) / 1e6 - 200.0;
                ds.places[p].lon = f64::from_bits(end as u64);
            }
            8 => {
                let q = pick % ds.quotes.len();
                let text = String::from_utf8_lossy(&data[b.at.min(data.len())..]);
                ds.quotes[q].text = text.into_owned();
            }
            _ => {
                let e = pick % ds.events.len();
                ds.events[e].id = ds.events[0].id.clone();
                ds.events[e].confidence = Some(f32::from_bits(start as u32));
            }
        }
    }
    if ds.validate().is_empty() {
        check_spans(&ds);
    }
}

/// Reads bytes as an article file: the first byte picks plain text, Markdown or HTML. A text
/// that reads must be non-empty UTF-8 without NUL bytes, and extract into a valid dataset.
pub fn article_read(data: &[u8]) {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = newsmap::source::decode_text(body, "fuzz.txt") else {
        return;
    };
    assert!(!text.trim().is_empty() && !text.contains('\0'));
    let input = match kind % 3 {
        0 => ArticleInput::new(text),
        1 => ArticleInput {
            text,
            format: TextFormat::Markdown,
            ..Default::default()
        },
        _ => match newsmap::source::article_from_html(&text, Some("https://example.com/a")) {
            Ok(a) => a,
            Err(_) => return,
        },
    };
    if input.text.trim().is_empty() {
        return;
    }
    let ds = newsmap::extract::extract(&input, Gazetteer::embedded());
    assert!(ds.validate().is_empty(), "{:?}", ds.validate());
}

/// Parses bytes as a day, a partial date and a dataset's `published` field: never a panic, and
/// what parses prints back as what it means.
pub fn date_parse(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = parse_day(s) {
        let printed = d.to_string();
        assert!(s.trim().starts_with(&printed), "{s:?} parsed as {printed}");
        assert_eq!(parse_day(&printed), Ok(d));
    }
    if let Ok(p) = PartialDate::parse(s) {
        assert!(p.first_day() <= p.last_day());
        assert_eq!(PartialDate::parse(&p.to_string()), Ok(p));
    }
    let json = serde_json::json!({
        "format": "newsmap/1",
        "articles": [{"id": "a", "title": "t", "text": "x", "published": s}],
    });
    // Valid or an error naming the field; either way no panic.
    if let Err(e) = Dataset::from_json_bytes(json.to_string().as_bytes(), "d.json", None) {
        assert!(e.to_string().contains("articles[0].published"), "{e}");
    }
}

/// Extracts events from bytes taken as text: the dataset must validate, every quote must equal
/// its span's text, and it must load again from its own JSON.
pub fn extract(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let published = parse_day("2022-11-13").expect("a real day");
    let input = ArticleInput::new(text).published(published);
    let ds = newsmap::extract::extract(&input, Gazetteer::embedded());
    assert!(ds.validate().is_empty(), "{:?}", ds.validate());
    check_spans(&ds);
    let again = Dataset::from_json_bytes(ds.to_json_inline().as_bytes(), "x.json", None)
        .unwrap_or_else(|e| panic!("extracted output must load: {e}"));
    assert!(again == ds, "the extracted dataset changed through JSON");
}

/// Every span of a dataset lies on character boundaries of its article, and every quote's
/// text is its span's text.
pub fn check_spans(ds: &Dataset) {
    let text_of = |id: &str| ds.article(id).map(|a| a.body()).unwrap_or("");
    let ok = |text: &str, s: Span| {
        assert!(
            text.get(s.start..s.end).is_some(),
            "span {s:?} is not on character boundaries of a {}-byte text",
            text.len()
        );
    };
    for q in &ds.quotes {
        let t = text_of(&q.article);
        ok(t, q.span());
        assert_eq!(&t[q.start..q.end], q.text);
    }
    for m in ds
        .places
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(ds.parties.iter().flat_map(|p| &p.mentions))
    {
        ok(text_of(&m.article), m.span());
    }
    for e in &ds.events {
        let primary = e.primary_article().map(text_of).unwrap_or("");
        for ev in &e.evidence {
            ok(ev.article.as_deref().map_or(primary, text_of), ev.span());
        }
        if let Some(w) = &e.why {
            for s in [Some(w.trigger), w.actor, w.target, w.place]
                .into_iter()
                .flatten()
            {
                ok(primary, s);
            }
        }
        if let Some(p) = e.date.as_ref().and_then(|d| d.phrase) {
            ok(primary, p);
        }
    }
}

/// Runs every file of `dir` through `target`.
pub fn replay(dir: &Path, target: Target) -> usize {
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let bytes = std::fs::read(&p).unwrap();
        let name = p.display().to_string();
        if let Err(panic) = std::panic::catch_unwind(|| target(&bytes)) {
            std::panic::resume_unwind(Box::new(format!("{name}: {panic:?}")));
        }
        n += 1;
    }
    n
}
