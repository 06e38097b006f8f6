// A stand-in for lib/image.js in node: RGBA pixel arrays, real (unfiltered) PNG bytes in and out, so the tests can
// check the size and the rows of what the worker would upload.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** @param {{ width: number, height: number, pixels: Uint8Array }} image RGBA, 8 bits */
export function encodePng({ width, height, pixels }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(pixels.buffer, pixels.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Decodes what encodePng wrote (RGBA, filter 0 rows); enough for these tests, not a general decoder. */
export function decodePng(bytes) {
  const buffer = Buffer.from(bytes);
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    if (raw[y * (width * 4 + 1)] !== 0) throw new Error('filtered rows are not handled by this test decoder');
    pixels.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, pixels };
}

/** The RGBA of one pixel. */
export function pixel(image, x, y) {
  const i = (y * image.width + x) * 4;
  return Array.from(image.pixels.subarray(i, i + 4));
}

/** An image whose every pixel is paint(x, y) → [r, g, b, a]. */
export function makeImage(width, height, paint) {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels.set(paint(x, y), (y * width + x) * 4);
  return { width, height, pixels };
}

export const dataUrlOf = (image) => `data:image/png;base64,${encodePng(image).toString('base64')}`;

/** The Raster of lib/shots.js over pixel arrays; counts open bitmaps so tests can see every one closed. */
export function fakeRaster() {
  const state = { open: 0, painted: [] };
  return {
    state,
    async decode(png) {
      const image = decodePng(Buffer.from(await png.arrayBuffer()));
      state.open += 1;
      let closed = false;
      return { ...image, close() { if (!closed) { closed = true; state.open -= 1; } } };
    },
    async paint({ width, height, pieces }) {
      const out = { width, height, pixels: new Uint8Array(width * height * 4) };
      for (const p of pieces) {
        for (let row = 0; row < p.height; row += 1) {
          for (let col = 0; col < p.width; col += 1) {
            const sx = p.sx + col;
            const sy = p.sy + row;
            const dx = p.dx + col;
            const dy = p.dy + row;
            if (sx >= p.source.width || sy >= p.source.height || dx >= width || dy >= height) continue;
            out.pixels.set(pixel(p.source, sx, sy), (dy * width + dx) * 4);
          }
        }
      }
      state.painted.push({ width, height });
      return new Blob([encodePng(out)], { type: 'image/png' });
    },
  };
}
