import { crc32 } from "./crc32.ts";
import { type Channels, type FlatRun, zlibFlatRows } from "./zlib-flat-rows.ts";

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BIT_DEPTH = 8;
const COLOR_TYPE: Record<Channels, number> = { 3: 2, 4: 6 }; // truecolour; truecolour with alpha

/**
 * Encodes an 8-bit RGB (or, with `channels` 4, RGBA) PNG whose rows are flat runs of colour (one
 * row per entry, top to bottom). Synchronous and web-standard only: runs in Node, workerd and
 * browsers alike.
 */
export function encodeFlatRowsPng(
  width: number,
  rows: readonly (readonly FlatRun[])[],
  channels: Channels = 3,
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, rows.length);
  header[8] = BIT_DEPTH;
  header[9] = COLOR_TYPE[channels];
  const chunks = [chunk("IHDR", header), chunk("IDAT", zlibFlatRows(width, rows, channels)), chunk("IEND")];
  return concat([SIGNATURE, ...chunks]);
}

function chunk(type: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const typeBytes = new TextEncoder().encode(type);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(typeBytes, data));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
