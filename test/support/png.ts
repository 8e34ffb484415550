/**
 * A small PNG reader for tests: checks the signature and every chunk's CRC, reads IHDR, inflates the IDAT data and
 * undoes the row filters (PNG spec §9), for 8-bit greyscale, RGB and RGBA images without interlacing.
 */
import assert from "node:assert/strict";
import { crc32, inflateSync } from "node:zlib";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** A decoded PNG: its size, channels per pixel and the raw pixel bytes, row after row. */
export type DecodedPng = { width: number; height: number; channels: number; pixels: Uint8Array };

/** Decodes `bytes`, failing the test on anything that is not a well-formed PNG of the kinds above. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes);
  assert.deepEqual([...buf.subarray(0, 8)], SIGNATURE, "the PNG signature");
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    assert.equal(buf.readUInt32BE(at + 8 + length), crc32(buf.subarray(at + 4, at + 8 + length)), `the CRC of ${type}`);
    if (type === "IHDR") {
      assert.equal(at, 8, "IHDR comes first");
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8]!,
        colour: body[9]!,
        interlace: body[12]!,
      };
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") ended = true;
    at += 12 + length;
  }
  assert.ok(header, "an IHDR chunk");
  assert.ok(ended, "an IEND chunk");
  const { width, height, depth, colour, interlace } = header;
  const channels = CHANNELS[colour];
  assert.ok(channels && depth === 8 && interlace === 0, `a kind this reader knows: ${JSON.stringify(header)}`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  assert.equal(raw.length, height * (stride + 1), "the image data fills width × height");
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    assert.ok(filter <= 4, `row ${y}'s filter type ${filter}`);
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** How many pixels are dark (every colour channel below 100): text, marks and axes on the white background. */
export function darkPixels(png: DecodedPng): number {
  let n = 0;
  const colours = Math.min(png.channels, 3);
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    let dark = true;
    for (let k = 0; k < colours; k++) if (png.pixels[i + k]! >= 100) dark = false;
    if (dark) n++;
  }
  return n;
}
