//! What the app asks the server for: the events in the view's box and date range, page by
//! page, and at low zoom counts per grid cell instead of rows.
//!
//! Counts come from `event_cells`, which a trigger keeps per cell of four grids (16°, 4°, 1°,
//! ¼°) and per pair of months (first and last month an event can be in), so a world view
//! sums a few thousand rows however many events there are. Months make the date filter of
//! counts month-wide: a range is widened to whole months ([`Server::cells`] says so). Rows are
//! exact ([`Server::page`]).

use jiff::civil::Date;

use super::{Server, pg_error};
use crate::model::day_number;

/// Cell sizes of the count grids, in degrees, coarsest first.
pub const LEVELS_DEG: [f64; 4] = [16.0, 4.0, 1.0, 0.25];

/// A box in degrees (WGS 84). `west > east` is not used: the map does not wrap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bbox {
    /// Western longitude.
    pub west: f64,
    /// Southern latitude.
    pub south: f64,
    /// Eastern longitude.
    pub east: f64,
    /// Northern latitude.
    pub north: f64,
}

impl Bbox {
    /// The whole world.
    pub const WORLD: Bbox = Bbox {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    };

    /// Clamped to the world, with corners in order; `None` for NaN.
    pub fn clamped(self) -> Option<Bbox> {
        let v = [self.west, self.south, self.east, self.north];
        if v.iter().any(|x| !x.is_finite()) {
            return None;
        }
        Some(Bbox {
            west: self.west.min(self.east).clamp(-180.0, 180.0),
            east: self.west.max(self.east).clamp(-180.0, 180.0),
            south: self.south.min(self.north).clamp(-90.0, 90.0),
            north: self.south.max(self.north).clamp(-90.0, 90.0),
        })
    }
}

/// The events of one grid cell that pass the view's dates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    /// Mean longitude of its events.
    pub lon: f64,
    /// Mean latitude of its events.
    pub lat: f64,
    /// How many.
    pub count: u64,
}

/// The grid for a view `span_deg` degrees wide: the finest whose cells are at least 1/48 of
/// the view, so a screen holds a few hundred cells at most.
pub fn level_for(span_deg: f64) -> usize {
    let want = span_deg / 48.0;
    LEVELS_DEG
        .iter()
        .rposition(|&size| size >= want)
        .unwrap_or(0)
}

/// The month number `newsmap_month` gives a day: year * 12 + month - 1.
fn month_of(d: Date) -> i32 {
    d.year() as i32 * 12 + d.month() as i32 - 1
}

impl Server {
    /// Counts per cell of grid `level` ([`LEVELS_DEG`]) in `bbox`, of the located events whose
    /// dates meet `[from, to]` widened to whole months (undated events always count).
    pub fn cells(
        &mut self,
        bbox: Bbox,
        from: Option<Date>,
        to: Option<Date>,
        level: usize,
    ) -> Result<Vec<Cell>, super::ServerError> {
        let level = level.min(LEVELS_DEG.len() - 1);
        let size = LEVELS_DEG[level];
        let b = bbox.clamped().unwrap_or(Bbox::WORLD);
        let cell = |deg: f64, origin: f64| ((deg + origin) / size).floor() as i32;
        let (x0, x1) = (cell(b.west, 180.0), cell(b.east, 180.0));
        let (y0, y1) = (cell(b.south, 90.0), cell(b.north, 90.0));
        let fm = from.map_or(i32::MIN, month_of);
        let tm = to.map_or(i32::MAX, month_of);
        let server = self.info.describe();
        let rows = self
            .client
            .query(
                "SELECT sum(slon) / sum(n), sum(slat) / sum(n), sum(n)::int8 FROM event_cells
                 WHERE level = $1 AND cx BETWEEN $2 AND $3 AND cy BETWEEN $4 AND $5
                   AND fm <= $7 AND lm >= $6
                 GROUP BY cx, cy HAVING sum(n) > 0",
                &[&(level as i16), &x0, &x1, &y0, &y1, &fm, &tm],
            )
            .map_err(|e| pg_error(&server, e))?;
        Ok(rows
            .iter()
            .map(|r| Cell {
                lon: r.get(0),
                lat: r.get(1),
                count: r.get::<_, i64>(2) as u64,
            })
            .collect())
    }

    /// Counts per `size_deg` cell straight from the events (`ST_SnapToGrid … GROUP BY`), with
    /// the exact date filter: what [`Server::cells`] answers from its table, for comparison.
    pub fn cells_exact(
        &mut self,
        bbox: Bbox,
        from: Option<Date>,
        to: Option<Date>,
        size_deg: f64,
    ) -> Result<Vec<Cell>, super::ServerError> {
        let b = bbox.clamped().unwrap_or(Bbox::WORLD);
        let (d0, d1) = days(from, to);
        let server = self.info.describe();
        let rows = self
            .client
            .query(
                "SELECT avg(ST_X(geom)), avg(ST_Y(geom)), count(*) FROM events
                 WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
                   AND (day_first IS NULL OR day_first <= $7)
                   AND (day_last IS NULL OR day_last >= $6)
                 GROUP BY ST_SnapToGrid(geom, -180, -90, $5, $5)",
                &[&b.west, &b.south, &b.east, &b.north, &size_deg, &d0, &d1],
            )
            .map_err(|e| pg_error(&server, e))?;
        Ok(rows
            .iter()
            .map(|r| Cell {
                lon: r.get(0),
                lat: r.get(1),
                count: r.get::<_, i64>(2) as u64,
            })
            .collect())
    }

    /// One page of the events in `bbox` whose dates meet `[from, to]` (open ends and undated
    /// events pass, as in the app's filter): up to `limit` event ids after `after`, in order.
    /// The next page starts after the last id returned.
    pub fn page(
        &mut self,
        bbox: Bbox,
        from: Option<Date>,
        to: Option<Date>,
        after: i64,
        limit: usize,
    ) -> Result<Vec<i64>, super::ServerError> {
        let b = bbox.clamped().unwrap_or(Bbox::WORLD);
        let (d0, d1) = days(from, to);
        let server = self.info.describe();
        let rows = self
            .client
            .query(
                "SELECT fid FROM events
                 WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) AND fid > $5
                   AND (day_first IS NULL OR day_first <= $7)
                   AND (day_last IS NULL OR day_last >= $6)
                 ORDER BY fid LIMIT $8",
                &[
                    &b.west,
                    &b.south,
                    &b.east,
                    &b.north,
                    &after,
                    &d0,
                    &d1,
                    &(limit as i64),
                ],
            )
            .map_err(|e| pg_error(&server, e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }
}

/// Day numbers of a date range, open ends as the extremes.
fn days(from: Option<Date>, to: Option<Date>) -> (i32, i32) {
    (
        from.map_or(i32::MIN, day_number),
        to.map_or(i32::MAX, day_number),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_follows_the_view_width() {
        assert_eq!(level_for(360.0), 0);
        assert_eq!(level_for(150.0), 1);
        assert_eq!(level_for(40.0), 2);
        assert_eq!(level_for(5.0), 3);
        assert_eq!(month_of(Date::constant(1970, 1, 1)), 1970 * 12);
        let b = Bbox {
            west: 200.0,
            south: 10.0,
            east: 100.0,
            north: -100.0,
        }
        .clamped()
        .unwrap();
        assert_eq!(
            (b.west, b.east, b.south, b.north),
            (100.0, 180.0, -90.0, 10.0)
        );
    }
}
