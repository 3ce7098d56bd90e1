// Indexes the points of a file with supercluster 9.1 and prints the load time, so
// benches/map_index.rs can set it beside newsmap's index build on the same points.
// Input: little-endian f64 pairs (lon, lat). Output: one line, `supercluster_load_s <seconds>`.
// Run: npm install (once, here), then `node supercluster.mjs POINTS.f64`.
import { readFileSync } from 'node:fs';
import Supercluster from 'supercluster';

const path = process.argv[2];
if (!path) {
  console.error('usage: node supercluster.mjs POINTS.f64');
  process.exit(2);
}
const buf = readFileSync(path);
const coords = new Float64Array(buf.buffer, buf.byteOffset, Math.floor(buf.byteLength / 8));
const points = [];
for (let i = 0; i + 1 < coords.length; i += 2) {
  points.push({
    type: 'Feature',
    properties: { i: i / 2 },
    geometry: { type: 'Point', coordinates: [coords[i], coords[i + 1]] },
  });
}
// newsmap's cells are 40 px; its map goes to zoom 18.
const t = process.hrtime.bigint();
const index = new Supercluster({ radius: 40, maxZoom: 18 }).load(points);
const s = Number(process.hrtime.bigint() - t) / 1e9;
// A query so the index is used (and not optimised away).
const n = index.getClusters([100, 20, 145, 45], 5).length;
console.log(`supercluster_load_s ${s.toFixed(3)} clusters_at_z5 ${n}`);
