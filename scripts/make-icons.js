#!/usr/bin/env node
// Draws the Plumbline icon (a plumb line and bob on a blue tile) at the sizes the
// manifest and the sidebar use, as PNGs, with nothing but node's zlib.
'use strict';
const { deflateSync } = require('node:zlib');
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** Distance from point (px, py) to the segment (ax, ay)–(bx, by). */
function toSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The white drawings on the tile, each a test of a pixel centre (x, y) in an icon of `size`:
 * the plumb line (the add-in, and the button that opens the pane), a check mark (Reconcile)
 * and a bar chart (Summary), so the three ribbon buttons can be told apart at 16 px.
 */
const GLYPHS = {
  plumb(x, y, size) {
    const mid = size / 2;
    const line =
      Math.abs(x - mid) <= Math.max(0.6, size * 0.04) && y >= size * 0.14 + 0.5 && y <= size * 0.6 + 0.5;
    const bar = Math.abs(y - size * 0.16) <= Math.max(0.6, size * 0.04) && Math.abs(x - mid) <= size * 0.22;
    // The bob: a downward-pointing drop under the line.
    const by = (y - size * 0.6) / (size * 0.26);
    const bob = by >= 0 && by <= 1 && Math.abs(x - mid) <= size * 0.16 * (1 - by * 0.9);
    return line || bar || bob;
  },
  reconcile(x, y, size) {
    const u = x / size;
    const v = y / size;
    const width = Math.max(0.07, 1.3 / size);
    return toSegment(u, v, 0.24, 0.52, 0.42, 0.7) <= width || toSegment(u, v, 0.42, 0.7, 0.78, 0.3) <= width;
  },
  summary(x, y, size) {
    const u = x / size;
    const v = y / size;
    const bars = [
      [0.2, 0.36, 0.55],
      [0.42, 0.58, 0.32],
      [0.64, 0.8, 0.44],
    ];
    const baseline = Math.abs(v - 0.8) <= Math.max(0.04, 0.6 / size) && u >= 0.16 && u <= 0.84;
    return baseline || bars.some(([left, right, top]) => u >= left && u <= right && v >= top && v <= 0.8);
  },
};

function icon(size, glyph = GLYPHS.plumb) {
  const rows = [];
  const blue = [0x1f, 0x5f, 0xa8, 255];
  const white = [255, 255, 255, 255];
  const clear = [0, 0, 0, 0];
  const radius = size * 0.18;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      const inTile = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius;
      row.push(...(inTile ? (glyph(x + 0.5, y + 0.5, size) ? white : blue) : clear));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(__dirname, '..', 'assets');
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(out, `icon-${size}.png`), icon(size));
// The ribbon's function commands (16/32/80 are required in a ribbon icon list, 64 is optional).
for (const name of ['reconcile', 'summary']) {
  for (const size of [16, 32, 64, 80])
    writeFileSync(join(out, `${name}-${size}.png`), icon(size, GLYPHS[name]));
}
