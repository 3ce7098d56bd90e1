//! The app side of `newsmap --db postgres://…`: the server's events for the current view live
//! in the library as one dataset (always the first), replaced whenever an answer arrives; at
//! low zoom the map shows the server's counts per cell instead. Requests and answers go
//! through [`super::Action`]s; the connection lives on the worker thread of
//! [`crate::jobs::server_view`], so a slow or dead server never blocks a frame, and a failed
//! request leaves the last view on screen with a notice.

use std::sync::{Arc, OnceLock};

use crate::jobs::server_view::{ServerView, ViewAnswer, ViewRequest};
use crate::library::server::{Bbox, Cell};

/// The link to a team server.
pub struct ServerLink {
    view: ServerView,
    /// The server, without password ("postgres://user@host:port/db").
    pub name: String,
    /// The last request sent (a new one goes out when the view or dates change).
    pub sent: Option<ViewRequest>,
    /// The request the data on screen answers.
    pub shown: Option<ViewRequest>,
    /// Counts per cell, when the view holds too many events for markers.
    pub cells: Vec<Cell>,
    /// One line for the status bar: what the map shows from the server.
    pub status: String,
    /// The last failure, shown until an answer arrives.
    pub failure: Option<String>,
    /// The egui context, once known, so the worker can wake the UI.
    wake: Arc<OnceLock<egui::Context>>,
}

impl ServerLink {
    /// Starts the worker for `conn`; `name` is what messages call the server.
    pub fn start(conn: String, name: String) -> Self {
        let wake: Arc<OnceLock<egui::Context>> = Arc::new(OnceLock::new());
        let w = wake.clone();
        let view = ServerView::start(conn, move || {
            if let Some(ctx) = w.get() {
                ctx.request_repaint();
            }
        });
        Self {
            view,
            status: format!("connecting to {name}…"),
            name,
            sent: None,
            shown: None,
            cells: Vec::new(),
            failure: None,
            wake,
        }
    }

    /// Lets the worker wake this context.
    pub fn set_context(&self, ctx: &egui::Context) {
        // Set once; later calls find it set.
        self.wake.set(ctx.clone()).unwrap_or(());
    }

    /// Sends `r` to the worker.
    pub fn send(&mut self, r: ViewRequest) {
        self.view.request(r);
        self.sent = Some(r);
    }

    /// Answers that arrived.
    pub fn poll(&self) -> Vec<ViewAnswer> {
        self.view.poll()
    }
}

/// The request for a view: the visible box in degrees (from the map's world rectangle) and
/// the date filter.
pub fn request_for(
    visible: crate::index::projection::WorldRect,
    from: Option<jiff::civil::Date>,
    to: Option<jiff::civil::Date>,
) -> Option<ViewRequest> {
    use crate::index::projection::lonlat_from_world;
    let [w, n] = lonlat_from_world(visible.min);
    let [e, s] = lonlat_from_world(visible.max);
    let bbox = Bbox {
        west: w,
        south: s,
        east: e,
        north: n,
    }
    .clamped()?;
    // Rounded, so sub-pixel jitter of the camera does not send a new request every frame.
    let r = |x: f64| (x * 1e4).round() / 1e4;
    Some(ViewRequest {
        bbox: Bbox {
            west: r(bbox.west),
            south: r(bbox.south),
            east: r(bbox.east),
            north: r(bbox.north),
        },
        from,
        to,
    })
}
