//! newsmap: turns geopolitical news articles into an evidence-linked map of events.
//!
//! Data flows one way: source text → extraction → [`model::Dataset`] → [`index`] → map and panels
//! (the `gui` feature). Nothing outside `map` and `ui` depends on egui.

#![warn(missing_docs)]

pub mod cli;
pub mod eval;
pub mod extract;
pub mod geodata;
pub mod index;
pub mod interchange;
pub mod jobs;
pub mod library;
pub mod model;
pub mod source;
pub mod synthetic;

#[cfg(feature = "gui")]
pub mod map;
#[cfg(feature = "gui")]
pub mod ui;
