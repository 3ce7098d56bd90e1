//! Online tiles against real HTTP servers on 127.0.0.1: tiles arrive and are drawn with the
//! right User-Agent and a disk cache; a dead server gives one quiet notice and the offline
//! basemap keeps working.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use newsmap::index::{ScreenFromWorld, world_from_lonlat};
use newsmap::map::tiles::{OnlineTiles, TileServer, install_failure_log};

fn png_tile() -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(256, 256, image::Rgba([200, 220, 240, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Serves the same PNG for every request; records each request's User-Agent.
fn tile_server() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let agents = Arc::new(Mutex::new(Vec::new()));
    let seen = agents.clone();
    let body = png_tile();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let seen = seen.clone();
            let body = body.clone();
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 1024];
                // Keep-alive: answer every request on the connection.
                loop {
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        match s.read(&mut chunk) {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let end = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
                    let head = String::from_utf8_lossy(&buf[..end]).to_string();
                    buf.drain(..end);
                    let ua = head
                        .lines()
                        .find_map(|l| {
                            l.strip_prefix("user-agent: ")
                                .or_else(|| l.strip_prefix("User-Agent: "))
                        })
                        .unwrap_or("")
                        .to_owned();
                    seen.lock().unwrap().push(ua);
                    let header = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nCache-Control: max-age=86400\r\n\r\n",
                        body.len()
                    );
                    if s.write_all(header.as_bytes())
                        .and_then(|_| s.write_all(&body))
                        .is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
    (format!("http://{addr}/{{z}}/{{x}}/{{y}}.png"), agents)
}

fn server(url_template: String) -> TileServer {
    TileServer {
        url_template,
        attribution: "test tiles",
        attribution_url: "http://127.0.0.1/",
        max_zoom: 19,
    }
}

/// Paints frames until `done` or a generous deadline.
fn paint_until(tiles: &mut OnlineTiles, ctx: &egui::Context, done: impl Fn(&OnlineTiles) -> bool) {
    let t = ScreenFromWorld::new(world_from_lonlat(127.0, 37.0), 6.0, [400.0, 300.0]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0));
            tiles.paint(ui.painter(), rect, &t);
        });
        // No renderer here: acknowledge the texture uploads.
        out.textures_delta.clear();
        if done(tiles) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn tiles_load_from_the_server_with_our_user_agent_and_a_disk_cache() {
    let (url, agents) = tile_server();
    let cache = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let mut tiles = OnlineTiles::new(server(url), Some(cache.path().to_owned()), ctx.clone());
    paint_until(&mut tiles, &ctx, |t| {
        t.health().drawn == t.health().wanted && t.health().wanted > 0
    });
    let h = tiles.health();
    assert!(h.wanted > 0 && h.drawn == h.wanted, "{h:?}");
    assert_eq!(h.notice(), None);
    let agents = agents.lock().unwrap();
    assert!(!agents.is_empty());
    assert!(
        agents.iter().all(|a| a.starts_with("newsmap/")),
        "{agents:?}"
    );
    let cached = walk(cache.path());
    assert!(cached > 0, "tiles are cached on disk");
}

#[test]
fn a_dead_tile_server_gives_one_quiet_notice() {
    install_failure_log();
    // A port nobody listens on: connections are refused at once.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let ctx = egui::Context::default();
    let mut tiles = OnlineTiles::new(
        server(format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png")),
        None,
        ctx.clone(),
    );
    paint_until(&mut tiles, &ctx, |t| t.health().failures > 0);
    let h = tiles.health();
    assert!(h.failures > 0, "{h:?}");
    assert_eq!(h.drawn, 0);
    assert_eq!(
        h.notice(),
        Some("Online tiles unavailable (offline?) — showing the built-in basemap.")
    );
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
