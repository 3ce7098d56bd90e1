//! The article as written, with quotes (a colour per speaker), place and party mentions and the
//! selected event's evidence highlighted. Highlights are links back to the map.

use egui::accesskit::Role;
use egui::{Align, Color32, RichText, ScrollArea, Sense, Stroke, TextFormat, Ui, WidgetInfo};
use serde::{Deserialize, Serialize};

use crate::index::EventKey;
use crate::library::{Library, LoadedDataset};
use crate::model::{Article, Span};

use super::Action;

/// Which article is open, and where to scroll.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceView {
    /// Dataset index.
    pub dataset: u32,
    /// Article id.
    pub article: String,
    /// The span asked for (a quote, an evidence sentence).
    pub focus: Option<Span>,
    /// Scroll to `focus` on the next frame.
    #[serde(skip)]
    pub scroll_pending: bool,
}

/// What a highlighted run of text stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Quote(usize),
    Place(usize),
    Party(usize),
}

/// A run of text with one look and one meaning.
#[derive(Clone, Debug, PartialEq)]
struct Run {
    span: Span,
    mark: Option<Mark>,
    evidence: bool,
    focused: bool,
    /// Words the selected event rests on, and which part ("who acted").
    why: Option<&'static str>,
}

/// A gentle colour per speaker, stable across runs.
fn speaker_color(name: &str, dark: bool) -> Color32 {
    let h = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    speaker_hue_color(h % 360, dark)
}

/// The speaker fill of hue `degrees` (0–359): deep in the dark theme, pale in the light one,
/// so [`text_on_fill`] reads on every hue.
fn speaker_hue_color(degrees: u32, dark: bool) -> Color32 {
    let c = egui::ecolor::Hsva::new(
        degrees as f32 / 360.0,
        if dark { 0.45 } else { 0.30 },
        // egui's Hsva is linear: 0.12 is about sRGB 97 at full channel.
        if dark { 0.12 } else { 0.97 },
        1.0,
    );
    Color32::from(c)
}

/// Text on a highlight fill: near-white on the dark theme's deep fills, near-black on the light
/// theme's pale ones (the themes' grey text fell below WCAG AA on several).
fn text_on_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(245)
    } else {
        Color32::from_gray(15)
    }
}

/// Splits `para` into runs: each run has the innermost mark covering it.
fn runs(
    para: Span,
    marks: &[(Span, Mark)],
    evidence: &[Span],
    focus: Option<Span>,
    why: &[(Span, &'static str)],
) -> Vec<Run> {
    let mut cuts = vec![para.start, para.end];
    for (s, _) in marks {
        cuts.extend([s.start, s.end]);
    }
    for (s, _) in why {
        cuts.extend([s.start, s.end]);
    }
    for s in evidence.iter().chain(focus.iter()) {
        cuts.extend([s.start, s.end]);
    }
    cuts.retain(|&c| c >= para.start && c <= para.end);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Run> = Vec::new();
    for w in cuts.windows(2) {
        let span = Span::new(w[0], w[1]);
        if span.is_empty() {
            continue;
        }
        let inside = |s: &Span| s.start <= span.start && span.end <= s.end;
        let mark = marks
            .iter()
            .filter(|(s, _)| inside(s))
            .min_by_key(|(s, _)| s.len())
            .map(|(_, m)| *m);
        let evidence = evidence.iter().any(inside);
        let focused = focus.is_some_and(|f| inside(&f));
        let why = why.iter().find(|(s, _)| inside(s)).map(|(_, w)| *w);
        match out.last_mut() {
            Some(last)
                if last.mark == mark
                    && last.evidence == evidence
                    && last.focused == focused
                    && last.why == why
                    && last.span.end == span.start =>
            {
                last.span.end = span.end;
            }
            _ => out.push(Run {
                span,
                mark,
                evidence,
                focused,
                why,
            }),
        }
    }
    out
}

/// Paragraph byte ranges (lines), without their newline.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    out.push(Span::new(start, text.len()));
    out.retain(|p| !text[p.start..p.end].trim().is_empty());
    out
}

impl SourceView {
    /// Shows the article; returns actions (select an event, centre on a place, close).
    pub fn ui(&mut self, ui: &mut Ui, lib: &Library, selected: Option<EventKey>) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(ds) = lib.datasets.get(self.dataset as usize) else {
            ui.label("This article is no longer open.");
            return actions;
        };
        let Some(article) = ds
            .ids
            .articles
            .get(&self.article)
            .map(|&i| &ds.data.articles[i])
        else {
            ui.label("This article is no longer open.");
            return actions;
        };
        header_ui(ui, article);
        ui.separator();
        legend_ui(ui);
        ui.separator();

        let dark = ui.visuals().dark_mode;
        let mut marks: Vec<(Span, Mark)> = Vec::new();
        for (i, q) in ds
            .data
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.article == article.id)
        {
            marks.push((q.span(), Mark::Quote(i)));
        }
        for (i, p) in ds.data.places.iter().enumerate() {
            marks.extend(
                p.mentions
                    .iter()
                    .filter(|m| m.article == article.id)
                    .map(|m| (m.span(), Mark::Place(i))),
            );
        }
        for (i, p) in ds.data.parties.iter().enumerate() {
            marks.extend(
                p.mentions
                    .iter()
                    .filter(|m| m.article == article.id)
                    .map(|m| (m.span(), Mark::Party(i))),
            );
        }
        let selected_here = selected
            .filter(|k| k.dataset == self.dataset)
            .and_then(|k| lib.event(k))
            .filter(|ev| ev.event.primary_article() == Some(article.id.as_str()));
        let why: Vec<(Span, &'static str)> = selected_here
            .and_then(|ev| ev.event.why.as_ref())
            .map(|w| {
                [
                    (Some(w.trigger), "what happened"),
                    (w.actor, "who acted"),
                    (w.target, "to whom"),
                    (w.place, "where"),
                ]
                .into_iter()
                .filter_map(|(s, what)| s.map(|s| (s, what)))
                .collect()
            })
            .unwrap_or_default();
        let evidence: Vec<Span> = selected
            .filter(|k| k.dataset == self.dataset)
            .and_then(|k| lib.event(k))
            .map(|ev| {
                ev.event
                    .evidence
                    .iter()
                    .filter(|e| ev.event.evidence_article(e) == Some(article.id.as_str()))
                    .map(|e| e.span())
                    .collect()
            })
            .unwrap_or_default();

        let text = article.body();
        let scroll_to = self.scroll_pending.then_some(self.focus).flatten();
        self.scroll_pending = false;
        ScrollArea::vertical()
            .id_salt("source-text")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(720.0));
                for para in paragraphs(text) {
                    ui.horizontal_wrapped(|ui| {
                        ui.spacing_mut().item_spacing.x = 0.0;
                        for run in runs(para, &marks, &evidence, self.focus, &why) {
                            let s = &text[run.span.start..run.span.end];
                            let resp = run_ui(ui, ds, s, &run, dark);
                            if scroll_to.is_some_and(|f| {
                                f.start >= run.span.start && f.start < run.span.end
                            }) {
                                resp.scroll_to_me(Some(Align::Center));
                            }
                            if resp.clicked()
                                && let Some(mark) = run.mark
                            {
                                actions.extend(click_action(self.dataset, ds, &article.id, mark));
                                self.focus = Some(run.span);
                            }
                        }
                    });
                    ui.add_space(8.0);
                }
            });
        actions
    }
}

fn header_ui(ui: &mut Ui, a: &Article) {
    ui.label(
        RichText::new(crate::model::shorten(
            &a.title,
            super::long_text::TITLE_CHARS,
        ))
        .heading(),
    );
    ui.horizontal_wrapped(|ui| {
        if !a.source.is_empty() {
            ui.label(RichText::new(&a.source).strong());
        }
        if let Some(p) = a.published {
            ui.label(format!("· published {p}"));
        }
        if let Some(au) = &a.author {
            ui.label(format!("· by {au}"));
        }
    });
    if let Some(url) = &a.url {
        ui.hyperlink_to(format!("Open original: {url}"), url);
    }
}

fn legend_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.weak("Highlights:");
        ui.label(
            RichText::new("quote")
                .background_color(speaker_color("legend", ui.visuals().dark_mode)),
        );
        ui.label(
            RichText::new("place")
                .underline()
                .color(place_color(ui.visuals().dark_mode)),
        );
        ui.label(RichText::new("party").strong());
        ui.label(
            RichText::new("evidence of the selected event")
                .background_color(evidence_color(ui.visuals().dark_mode)),
        );
        ui.label(
            RichText::new("why newsmap thinks so")
                .strong()
                .underline()
                .color(why_color(ui.visuals().dark_mode)),
        );
        ui.weak("· click one to find it on the map");
    });
}

fn place_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x7c, 0xc4, 0xff)
    } else {
        Color32::from_rgb(0x0b, 0x5c, 0xad)
    }
}

fn why_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xf0, 0x6a, 0xd0)
    } else {
        Color32::from_rgb(0xa3, 0x1a, 0x86)
    }
}

fn evidence_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4a, 0x42, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xf3, 0xb0)
    }
}

fn run_ui(ui: &mut Ui, ds: &LoadedDataset, s: &str, run: &Run, dark: bool) -> egui::Response {
    let mut fmt = TextFormat {
        color: ui.visuals().text_color(),
        font_id: egui::FontId::proportional(15.0),
        ..Default::default()
    };
    if run.evidence {
        fmt.background = evidence_color(dark);
    }
    let mut label = None;
    match run.mark {
        Some(Mark::Quote(i)) => {
            let q = &ds.data.quotes[i];
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| ds.ids.parties.get(s))
                .map(|&p| ds.data.parties[p].name.as_str());
            fmt.background = speaker_color(speaker.unwrap_or("unattributed"), dark);
            fmt.italics = true;
            label = Some(format!(
                "Quote by {}: {s}",
                speaker.unwrap_or("nobody named")
            ));
        }
        Some(Mark::Place(i)) => {
            fmt.color = place_color(dark);
            fmt.underline = Stroke::new(1.0, place_color(dark));
            label = Some(format!(
                "Place {}: {s}",
                crate::model::shorten(&ds.data.places[i].name, super::long_text::NAME_CHARS)
            ));
        }
        Some(Mark::Party(i)) => {
            fmt.color = ui.visuals().strong_text_color();
            fmt.font_id = egui::FontId::new(15.0, egui::FontFamily::Proportional);
            fmt.underline = Stroke::new(1.0, ui.visuals().weak_text_color());
            label = Some(format!(
                "Party {}: {s}",
                crate::model::shorten(&ds.data.parties[i].name, super::long_text::NAME_CHARS)
            ));
        }
        None => {}
    }
    if let Some(what) = run.why {
        // The words an event rests on stand out by weight and a heavy underline, so they read
        // on any highlight colour.
        fmt.color = ui.visuals().strong_text_color();
        fmt.underline = Stroke::new(2.5, why_color(dark));
        label = Some(match label {
            Some(l) => format!("Why ({what}): {l}"),
            None => format!("Why ({what}): {s}"),
        });
    }
    if run.focused {
        fmt.underline = Stroke::new(2.0, Color32::from_rgb(0xff, 0x9f, 0x1c));
    }
    // On a fill, text takes the colour made for fills (places keep theirs, which is tested
    // against the evidence fill too).
    if fmt.background != Color32::TRANSPARENT && !matches!(run.mark, Some(Mark::Place(_))) {
        fmt.color = text_on_fill(dark);
    }
    let mut job = egui::text::LayoutJob::default();
    job.append(s, 0.0, fmt);
    let widget = egui::Label::new(job).sense(if run.mark.is_some() || run.why.is_some() {
        Sense::click()
    } else {
        Sense::hover()
    });
    let resp = ui.add(widget);
    if let Some(l) = label {
        resp.widget_info(|| WidgetInfo::labeled(Role::Link, true, &l));
        return resp
            .on_hover_text(l)
            .on_hover_cursor(egui::CursorIcon::PointingHand);
    }
    resp
}

/// A click on a highlight: quote → its event; place → the first event there (or just centre);
/// party → the first event it takes part in, in this article.
fn click_action(dataset: u32, ds: &LoadedDataset, article: &str, mark: Mark) -> Vec<Action> {
    let events = ds
        .data
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.articles().any(|a| a == article));
    let key = |i: usize| EventKey {
        dataset,
        event: i as u32,
    };
    let pick = match mark {
        Mark::Quote(qi) => {
            let id = &ds.data.quotes[qi].id;
            events.clone().find(|(_, e)| e.quotes.contains(id))
        }
        Mark::Place(pi) => {
            let id = &ds.data.places[pi].id;
            events.clone().find(|(_, e)| e.place.as_ref() == Some(id))
        }
        Mark::Party(pi) => {
            let id = &ds.data.parties[pi].id;
            events.clone().find(|(_, e)| e.parties.contains(id))
        }
    };
    match (pick, mark) {
        (Some((i, _)), _) => vec![Action::SelectAndCenter(key(i))],
        (None, Mark::Place(pi)) => vec![Action::CenterOn {
            lat: ds.data.places[pi].lat,
            lon: ds.data.places[pi].lon,
        }],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_take_the_innermost_mark_and_cover_the_paragraph() {
        let para = Span::new(0, 40);
        let marks = vec![
            (Span::new(5, 30), Mark::Quote(0)),
            (Span::new(10, 15), Mark::Party(1)),
        ];
        let r = runs(
            para,
            &marks,
            &[Span::new(0, 40)],
            Some(Span::new(5, 30)),
            &[(Span::new(10, 15), "who acted")],
        );
        let spans: Vec<(usize, usize)> = r.iter().map(|r| (r.span.start, r.span.end)).collect();
        assert_eq!(spans, vec![(0, 5), (5, 10), (10, 15), (15, 30), (30, 40)]);
        assert_eq!(r[2].mark, Some(Mark::Party(1)));
        assert_eq!(r[1].mark, Some(Mark::Quote(0)));
        assert!(r.iter().all(|r| r.evidence));
        assert!(r[1].focused && !r[0].focused);
        assert_eq!(r[2].why, Some("who acted"));
        assert_eq!(r[1].why, None);
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        let p = paragraphs("a\n\nbc\n");
        assert_eq!(p, vec![Span::new(0, 1), Span::new(3, 5)]);
    }

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_highlight_meets_wcag_aa_in_both_themes() {
        // Known values first, so the formula itself is checked.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::from_gray(0x77), Color32::WHITE) - 4.48).abs() < 0.01);
        let mut worst = (f64::MAX, String::new());
        for dark in [true, false] {
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            let theme = if dark { "dark" } else { "light" };
            // (text, fill, what): every pair `run_ui` can produce.
            let mut pairs = vec![
                (
                    text_on_fill(dark),
                    evidence_color(dark),
                    "evidence".to_owned(),
                ),
                (
                    place_color(dark),
                    evidence_color(dark),
                    "place in evidence".into(),
                ),
                (place_color(dark), visuals.window_fill, "place".into()),
                (
                    place_color(dark),
                    visuals.panel_fill,
                    "place on a panel".into(),
                ),
            ];
            for hue in 0..360 {
                pairs.push((
                    text_on_fill(dark),
                    speaker_hue_color(hue, dark),
                    format!("quote, hue {hue}"),
                ));
            }
            for (fg, bg, what) in pairs {
                let c = contrast(fg, bg);
                assert!(
                    c >= 4.5,
                    "{theme} theme, {what}: {fg:?} on {bg:?} is {c:.2}:1, under 4.5:1"
                );
                if c < worst.0 {
                    worst = (c, format!("{theme} {what}"));
                }
            }
        }
        eprintln!("lowest highlight contrast: {:.2}:1 ({})", worst.0, worst.1);
    }
}
