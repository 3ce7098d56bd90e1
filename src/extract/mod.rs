//! Text → dataset: sentences, places, dates, parties, quotes and events, each with the span it
//! came from. No egui here; the CLI and the app call the extractor.

pub mod hits;
