#!/usr/bin/env node
/**
 * Writes the add-in's ribbon and store icons (assets/icon-16.png … icon-80.png): a dark navy
 * square with three white bars (a small bar chart), high contrast at every size. No dependencies
 * beyond Node's zlib, so the icons can be regenerated anywhere: `node scripts/make-icons.js`.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80];
const BACKGROUND = [0x1f, 0x3a, 0x5f]; // navy: contrast with white about 11.7:1
const FOREGROUND = [0xff, 0xff, 0xff];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** True where the pixel (x, y) of a size×size icon belongs to one of the three bars. */
function inBar(x, y, size) {
  const margin = Math.round(size * 0.1875); // 3 px at 16
  const inner = size - 2 * margin;
  const gap = Math.max(1, Math.round(inner / 10));
  const barWidth = Math.floor((inner - 2 * gap) / 3);
  const heights = [0.45, 0.75, 1.0];
  for (let i = 0; i < 3; i++) {
    const left = margin + i * (barWidth + gap);
    const top = margin + Math.round(inner * (1 - heights[i]));
    if (x >= left && x < left + barWidth && y >= top && y < size - margin) return true;
  }
  return false;
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const colour = inBar(x, y, size) ? FOREGROUND : BACKGROUND;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
