//! The app's link to a team server: a worker thread that owns the connection and answers view
//! requests (box, dates) with rows or counts per cell, so the UI never waits on the network.
//! Only the newest request is answered; one that comes in while pages are still being read
//! replaces the old one. A lost connection is reported and made again at the next request.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use jiff::civil::Date;

use crate::library::server::{Bbox, Cell, LEVELS_DEG, Server, ServerError, level_for};
use crate::model::Dataset;

/// Events read per page.
pub const PAGE_ROWS: usize = 500;
/// At most this many events are shown as markers; a view holding more gets counts per cell.
pub const MAX_ROWS: usize = 5_000;

/// What the map shows and asks the server for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewRequest {
    /// The visible box.
    pub bbox: Bbox,
    /// Earliest day (inclusive).
    pub from: Option<Date>,
    /// Latest day (inclusive).
    pub to: Option<Date>,
}

/// The worker's answer to one request.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewAnswer {
    /// Connected (again); `read_only` says why the database may not be written.
    Connected {
        /// The server, without password.
        server: String,
        /// Why it is read-only, if it is.
        read_only: Option<String>,
    },
    /// The events in view, whole.
    Rows {
        /// What was asked.
        request: ViewRequest,
        /// The events with their articles, places, parties and quotes.
        data: Box<Dataset>,
    },
    /// Too many events for markers: counts per cell.
    Cells {
        /// What was asked.
        request: ViewRequest,
        /// The cells.
        cells: Vec<Cell>,
        /// How many events they hold.
        total: u64,
    },
    /// The request failed; the message names the server.
    Failed {
        /// What was asked.
        request: ViewRequest,
        /// Why.
        message: String,
    },
}

/// The running worker; dropping it ends the thread after its current query.
pub struct ServerView {
    requests: Sender<ViewRequest>,
    answers: Receiver<ViewAnswer>,
}

impl ServerView {
    /// Starts the worker for `conn` (a `postgres://` URL or libpq `key=value` string); it
    /// connects at once and reports [`ViewAnswer::Connected`] or a failure. `wake` is called
    /// after each answer (the app asks egui for a frame).
    pub fn start(conn: String, wake: impl Fn() + Send + 'static) -> Self {
        let (requests, rx) = channel::<ViewRequest>();
        let (tx, answers) = channel();
        std::thread::Builder::new()
            .name("newsmap-server".to_owned())
            .spawn(move || worker(conn, rx, tx, wake))
            .map(|_| ())
            .unwrap_or_else(|e| log::error!("cannot start the server thread: {e}"));
        Self { requests, answers }
    }

    /// Asks for a view; an older request still waiting is dropped.
    pub fn request(&self, r: ViewRequest) {
        // The worker only goes away with the app.
        self.requests.send(r).unwrap_or(());
    }

    /// Answers that arrived since the last call.
    pub fn poll(&self) -> Vec<ViewAnswer> {
        self.answers.try_iter().collect()
    }
}

fn worker(
    conn: String,
    requests: Receiver<ViewRequest>,
    answers: Sender<ViewAnswer>,
    wake: impl Fn(),
) {
    let send = |a: ViewAnswer| {
        let ok = answers.send(a).is_ok();
        wake();
        ok
    };
    let mut server: Option<Server> = None;
    let connect = |server: &mut Option<Server>| -> Result<(), ServerError> {
        if server.is_none() {
            let s = Server::connect(&conn)?;
            let answer = ViewAnswer::Connected {
                server: s.describe(),
                read_only: s.read_only().map(str::to_owned),
            };
            *server = Some(s);
            send(answer);
        }
        Ok(())
    };
    if let Err(e) = connect(&mut server) {
        let request = ViewRequest {
            bbox: Bbox::WORLD,
            from: None,
            to: None,
        };
        if !send(ViewAnswer::Failed {
            request,
            message: e.to_string(),
        }) {
            return;
        }
    }
    let mut next: Option<ViewRequest> = None;
    loop {
        let request = match next.take() {
            Some(r) => r,
            None => match requests.recv() {
                Ok(r) => r,
                Err(_) => return, // the app is gone
            },
        };
        // Only the newest request matters.
        let request = requests.try_iter().last().unwrap_or(request);
        let answer = match connect(&mut server) {
            Err(e) => ViewAnswer::Failed {
                request,
                message: e.to_string(),
            },
            Ok(()) => {
                let s = server.as_mut().expect("connected above");
                match answer_view(s, request, &requests) {
                    Ok(Answered::Done(a)) => a,
                    Ok(Answered::Superseded(r)) => {
                        next = Some(r);
                        continue;
                    }
                    Err(e) => {
                        if matches!(e, ServerError::Lost { .. } | ServerError::Connect { .. }) {
                            server = None; // connect again next time
                        }
                        ViewAnswer::Failed {
                            request,
                            message: e.to_string(),
                        }
                    }
                }
            }
        };
        if !send(answer) {
            return;
        }
    }
}

enum Answered {
    Done(ViewAnswer),
    /// A newer request came in between pages.
    Superseded(ViewRequest),
}

/// Rows when the view holds at most [`MAX_ROWS`] events (by the finest counts), else counts
/// per cell of the grid that fits the view's width.
fn answer_view(
    s: &mut Server,
    request: ViewRequest,
    requests: &Receiver<ViewRequest>,
) -> Result<Answered, ServerError> {
    let ViewRequest { bbox, from, to } = request;
    let span = (bbox.east - bbox.west)
        .abs()
        .max((bbox.north - bbox.south).abs());
    let level = level_for(span);
    let cells = s.cells(bbox, from, to, level)?;
    let total: u64 = cells.iter().map(|c| c.count).sum();
    if total as usize > MAX_ROWS {
        return Ok(Answered::Done(ViewAnswer::Cells {
            request,
            cells,
            total,
        }));
    }
    let mut fids = Vec::new();
    let mut after = 0;
    loop {
        let page = s.page(bbox, from, to, after, PAGE_ROWS)?;
        let last = page.last().copied();
        let full = page.len() == PAGE_ROWS;
        fids.extend(page);
        match requests.try_recv() {
            Ok(newer) => return Ok(Answered::Superseded(newer)),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => {}
        }
        match last {
            Some(l) if full && fids.len() < MAX_ROWS => after = l,
            _ => break,
        }
    }
    let data = s.load_events(&fids)?;
    Ok(Answered::Done(ViewAnswer::Rows {
        request,
        data: Box::new(data),
    }))
}

/// The grid sizes, for messages ("counts per 4° cell").
pub fn cell_size_label(span_deg: f64) -> String {
    let size = LEVELS_DEG[level_for(span_deg)];
    format!("{size}°")
}
