//! Optional online raster tiles (OpenStreetMap by default) drawn over the offline basemap.
//! walkers' `HttpTiles` fetches on its own thread with a disk cache; we draw the tiles
//! ourselves so the offline basemap stays underneath and shows wherever a tile is missing.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use egui::{Color32, Context, Mesh, Painter, Rect, pos2};
use walkers::sources::{Attribution, TileSource};
use walkers::{HeaderValue, HttpOptions, HttpTiles, Tile, TileId, Tiles};

use crate::index::projection::{ScreenFromWorld, TILE_PX};

/// Recent tile-fetch failures from walkers' warnings (numbered, newest last), collected by
/// [`TileFailureLog`]. Each layer counts those that name its own server.
static TILE_FAILURES: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
/// Number of the next failure message.
static NEXT_FAILURE: AtomicUsize = AtomicUsize::new(0);
/// Failure messages kept; older ones have been counted by then (layers poll every frame).
const KEPT_FAILURES: usize = 512;

/// The User-Agent for tile requests: the OSM tile policy asks apps to identify themselves.
pub fn user_agent() -> String {
    format!(
        "newsmap/{} (desktop news-event map; offline-first, tiles optional)",
        env!("CARGO_PKG_VERSION")
    )
}

/// A tile server: URL template with `{z}`, `{x}`, `{y}`, and its attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct TileServer {
    /// e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`.
    pub url_template: String,
    /// Text to show.
    pub attribution: &'static str,
    /// Where the attribution links to.
    pub attribution_url: &'static str,
    /// Deepest zoom the server has.
    pub max_zoom: u8,
}

impl TileServer {
    /// OpenStreetMap's standard tiles.
    pub fn openstreetmap() -> Self {
        Self {
            url_template: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_owned(),
            attribution: "© OpenStreetMap contributors",
            attribution_url: "https://www.openstreetmap.org/copyright",
            max_zoom: 19,
        }
    }
}

impl TileSource for TileServer {
    fn tile_url(&self, t: TileId) -> String {
        self.url_template
            .replace("{z}", &t.zoom.to_string())
            .replace("{x}", &t.x.to_string())
            .replace("{y}", &t.y.to_string())
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: self.attribution,
            url: self.attribution_url,
            logo_light: None,
            logo_dark: None,
        }
    }

    fn max_zoom(&self) -> u8 {
        self.max_zoom
    }
}

/// What the tile layer has managed so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TileHealth {
    /// Tiles drawn in the last frame.
    pub drawn: usize,
    /// Tiles wanted in the last frame.
    pub wanted: usize,
    /// Tiles ever drawn.
    pub ever_drawn: usize,
    /// Failed fetches since the layer started.
    pub failures: usize,
}

impl TileHealth {
    /// One quiet line when tiles cannot be fetched, or `None` while all is well.
    pub fn notice(&self) -> Option<&'static str> {
        match (self.failures, self.ever_drawn) {
            (0, _) => None,
            (_, 0) => Some("Online tiles unavailable (offline?) — showing the built-in basemap."),
            _ => Some("Some online tiles failed to load; the built-in basemap fills the gaps."),
        }
    }
}

/// The online layer.
pub struct OnlineTiles {
    tiles: HttpTiles,
    server: TileServer,
    /// Failure messages numbered below this were already looked at.
    next_failure: usize,
    /// `scheme://host:port/` of the server, which walkers' error messages contain.
    origin: String,
    health: TileHealth,
}

impl OnlineTiles {
    /// Starts a layer for `server`, caching tiles under `cache_dir`.
    pub fn new(server: TileServer, cache_dir: Option<std::path::PathBuf>, ctx: Context) -> Self {
        let origin = origin_of(&server.url_template);
        let options = HttpOptions {
            cache: cache_dir,
            user_agent: HeaderValue::from_str(&user_agent()).ok(),
            ..Default::default()
        };
        let tiles = HttpTiles::with_options(server.clone(), options, ctx);
        Self {
            tiles,
            server,
            next_failure: NEXT_FAILURE.load(Ordering::Relaxed),
            origin,
            health: TileHealth::default(),
        }
    }

    /// The server in use.
    pub fn server(&self) -> &TileServer {
        &self.server
    }

    /// How the layer is doing.
    pub fn health(&self) -> TileHealth {
        self.health
    }

    /// Draws the tiles covering the view at the nearest zoom level.
    pub fn paint(&mut self, painter: &Painter, rect: Rect, t: &ScreenFromWorld) {
        let zoom = (t.scale / TILE_PX)
            .log2()
            .round()
            .clamp(0.0, self.server.max_zoom as f64) as u8;
        let n = 1u32 << zoom;
        let visible = t.visible([rect.width(), rect.height()]);
        let to_tile = |v: f64| ((v * n as f64).floor().max(0.0) as u32).min(n - 1);
        let (x0, x1) = (to_tile(visible.min[0]), to_tile(visible.max[0]));
        let (y0, y1) = (to_tile(visible.min[1]), to_tile(visible.max[1]));
        let mut drawn = 0;
        let mut wanted = 0;
        for y in y0..=y1 {
            for x in x0..=x1 {
                wanted += 1;
                let id = TileId { x, y, zoom };
                let Some(piece) = self.tiles.at(id) else {
                    continue;
                };
                // Raster is the only kind without walkers' `vector` feature.
                #[allow(irrefutable_let_patterns)]
                let Tile::Raster(texture) = &piece.tile else {
                    continue;
                };
                let w0 = [x as f64 / n as f64, y as f64 / n as f64];
                let w1 = [(x + 1) as f64 / n as f64, (y + 1) as f64 / n as f64];
                let [ax, ay] = t.apply(w0);
                let [bx, by] = t.apply(w1);
                let mut mesh = Mesh::with_texture(texture.id());
                mesh.add_rect_with_uv(
                    Rect::from_min_max(pos2(ax, ay), pos2(bx, by)),
                    piece.uv,
                    Color32::WHITE,
                );
                painter.add(mesh);
                drawn += 1;
            }
        }
        self.health.drawn = drawn;
        self.health.wanted = wanted;
        self.health.ever_drawn += drawn.min(1);
        if let Ok(log) = TILE_FAILURES.lock() {
            let new = log.iter().filter(|(n, _)| *n >= self.next_failure);
            self.health.failures += new.filter(|(_, msg)| msg.contains(&self.origin)).count();
            self.next_failure = log.last().map_or(self.next_failure, |(n, _)| n + 1);
        }
    }
}

/// A `log` sink that counts walkers' tile-fetch warnings (so the app can show one notice
/// instead of a stream of errors) and passes newsmap's own warnings to stderr.
pub struct TileFailureLog;

impl log::Log for TileFailureLog {
    fn enabled(&self, m: &log::Metadata) -> bool {
        m.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        if record.target().starts_with("walkers") {
            let n = NEXT_FAILURE.fetch_add(1, Ordering::Relaxed);
            if let Ok(mut log) = TILE_FAILURES.lock() {
                log.push((n, record.args().to_string()));
                let excess = log.len().saturating_sub(KEPT_FAILURES);
                log.drain(..excess);
            }
        } else if record.target().starts_with("newsmap") {
            eprintln!("{}: {}", record.level(), record.args());
        }
    }

    fn flush(&self) {}
}

/// `scheme://host[:port]` of a URL template (walkers' fetch errors quote the URL).
fn origin_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    url[..end].to_owned()
}

/// Installs [`TileFailureLog`] (once per process; later calls do nothing).
pub fn install_failure_log() {
    if log::set_boxed_logger(Box::new(TileFailureLog)).is_ok() {
        log::set_max_level(log::LevelFilter::Warn);
    }
}

/// The per-user tile cache folder.
pub fn default_cache_dir() -> Option<std::path::PathBuf> {
    directories::ProjectDirs::from("org", "newsmap", "newsmap").map(|d| d.cache_dir().join("tiles"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_what_error_messages_quote() {
        assert_eq!(
            origin_of("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "https://tile.openstreetmap.org"
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8080/{z}/{x}/{y}.png"),
            "http://127.0.0.1:8080"
        );
    }
}
