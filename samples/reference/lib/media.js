'use strict';
/**
 * Tiny, valid, deterministic media payloads built in memory (no files, no network).
 *  - PNG: 2x2 RGB image (valid signature, IHDR/IDAT/IEND chunks with correct CRCs).
 *  - WAV: 8 kHz, mono, 16-bit PCM, 80 samples (10 ms) of a quiet 440 Hz tone.
 */
const zlib = require('node:zlib');

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

function makePng() {
  const width = 2;
  const height = 2;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  // Each row: filter byte 0 + RGB pixels (orange-ish "cat" colours).
  const raw = Buffer.from([
    0, 0xff, 0xa5, 0x00, 0x00, 0x00, 0x00,
    0, 0x00, 0x00, 0x00, 0xff, 0xa5, 0x00,
  ]);
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function makeWav() {
  const sampleRate = 8000;
  const samples = 80;
  const dataSize = samples * 2;
  const buf = Buffer.alloc(44 + dataSize);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataSize, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataSize, 40);
  for (let i = 0; i < samples; i++) {
    const v = Math.round(1000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate));
    buf.writeInt16LE(v, 44 + i * 2);
  }
  return buf;
}

const PNG_BYTES = makePng();
const WAV_BYTES = makeWav();

module.exports = {
  crc32,
  PNG_BYTES,
  WAV_BYTES,
  PNG_DATA_URL: `data:image/png;base64,${PNG_BYTES.toString('base64')}`,
  WAV_DATA_URL: `data:audio/wav;base64,${WAV_BYTES.toString('base64')}`,
};
