import type { Rgb } from "../palette.ts";

/** A horizontal run of one colour, from pixel `x` to the next run's `x` (or the row's end). */
export interface FlatRun {
  x: number;
  rgb: Rgb;
  /** Opacity 0..255 in an RGBA picture (default 255); ignored in an RGB one. */
  alpha?: number;
}

/** Bytes per pixel: 3 for RGB, 4 for RGBA. */
export type Channels = 3 | 4;

// Writes the zlib stream (RFC 1950) of PNG scanlines for rows made of flat runs, straight from
// the runs: one deflate block (RFC 1951) with the fixed Huffman codes. With the Sub filter a row is
// its filter byte, three (RGBA: four) channel deltas where each run starts, and zeros elsewhere; the
// zeros become "repeat the previous byte" matches (distance 1, up to 258 bytes each). Nothing of
// the raw 3 × width × height bytes is ever materialised or scanned, so a 1024x1024 picture costs
// a few thousand codes.

const FILTER_SUB = 1;
const OPAQUE = 255;
const MODULUS = 65_521;
const MAX_MATCH = 258;
const MIN_MATCH = 3;
const END_OF_BLOCK = 256;
const DISTANCE_ONE_BITS = 5;

const LENGTH_BASES = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA_BITS = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];

/** Fixed Huffman code of each literal/length symbol, bit-reversed for the LSB-first stream. */
const SYMBOL_CODES = new Uint16Array(286);
const SYMBOL_BITS = new Uint8Array(286);
/** A whole match per length (length code, extra bits, distance code 1) as one bit string. */
const MATCH_CODES = new Uint32Array(MAX_MATCH + 1);
const MATCH_BITS = new Uint8Array(MAX_MATCH + 1);

for (let symbol = 0; symbol < 286; symbol++) {
  const [code, bits] =
    symbol < 144
      ? [0x30 + symbol, 8]
      : symbol < 256
        ? [0x190 + symbol - 144, 9]
        : symbol < 280
          ? [symbol - 256, 7]
          : [0xc0 + symbol - 280, 8];
  SYMBOL_CODES[symbol] = reverseBits(code, bits);
  SYMBOL_BITS[symbol] = bits;
}
LENGTH_BASES.forEach((base, index) => {
  const symbol = 257 + index;
  const extraBits = LENGTH_EXTRA_BITS[index]!;
  // 258 has its own symbol (285), so symbol 284's range stops at 257.
  for (
    let extra = 0;
    extra < 1 << extraBits && base + extra < MAX_MATCH + (symbol === 285 ? 1 : 0);
    extra++
  ) {
    // Distance code 1 is five zero bits: it adds length to the bit string but no value.
    MATCH_CODES[base + extra] = SYMBOL_CODES[symbol]! | (extra << SYMBOL_BITS[symbol]!);
    MATCH_BITS[base + extra] = SYMBOL_BITS[symbol]! + extraBits + DISTANCE_ONE_BITS;
  }
});

function reverseBits(code: number, bits: number): number {
  let reversed = 0;
  for (let i = 0; i < bits; i++) reversed = (reversed << 1) | ((code >>> i) & 1);
  return reversed;
}

/**
 * The zlib-compressed, Sub-filtered scanlines of an RGB (or, with `channels` 4, RGBA) picture
 * whose rows are flat runs (each row's runs ascending by `x`, the first at 0): PNG's IDAT payload.
 */
export function zlibFlatRows(
  width: number,
  rows: readonly (readonly FlatRun[])[],
  channels: Channels = 3,
): Uint8Array {
  const writer = createWriter();
  writer.header();
  for (const runs of rows) {
    writer.literal(FILTER_SUB);
    let previous = [0, 0, 0, 0];
    runs.forEach((run, index) => {
      const end = Math.min(width, runs[index + 1]?.x ?? width);
      if (end <= run.x) return;
      const pixel = [...run.rgb, run.alpha ?? OPAQUE];
      for (let channel = 0; channel < channels; channel++) {
        writer.literal((pixel[channel]! - previous[channel]!) & 0xff);
      }
      writer.zeros((end - run.x - 1) * channels);
      previous = pixel;
    });
  }
  return writer.finish();
}

function createWriter() {
  let out = new Uint8Array(1 << 16);
  let length = 0;
  let bitBuffer = 0;
  let bitCount = 0;
  // Adler-32 of the uncompressed bytes, kept in closed form for runs of zeros.
  let sumA = 1;
  let sumB = 0;
  let lastByte = -1;

  const put = (bits: number, count: number) => {
    bitBuffer |= bits << bitCount;
    bitCount += count;
    while (bitCount >= 8) {
      if (length === out.length) {
        const grown = new Uint8Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[length++] = bitBuffer & 0xff;
      bitBuffer >>>= 8;
      bitCount -= 8;
    }
  };
  const literal = (value: number) => {
    put(SYMBOL_CODES[value]!, SYMBOL_BITS[value]!);
    sumA = (sumA + value) % MODULUS;
    sumB = (sumB + sumA) % MODULUS;
    lastByte = value;
  };

  return {
    header() {
      put(0x78, 8); // deflate, 32 KiB window
      put(0x01, 8); // no dictionary; (0x78 << 8 | 0x01) % 31 === 0
      put(0b011, 3); // final block, fixed Huffman codes
    },
    literal,
    zeros(count: number) {
      let left = count;
      if (left > 0 && lastByte !== 0) {
        literal(0);
        left--;
      }
      while (left >= MIN_MATCH) {
        const run = Math.min(
          MAX_MATCH,
          left - (left > MAX_MATCH && left - MAX_MATCH < MIN_MATCH ? MIN_MATCH : 0),
        );
        put(MATCH_CODES[run]!, MATCH_BITS[run]!);
        sumB = (sumB + run * sumA) % MODULUS;
        left -= run;
      }
      for (; left > 0; left--) literal(0);
    },
    finish(): Uint8Array {
      put(SYMBOL_CODES[END_OF_BLOCK]!, SYMBOL_BITS[END_OF_BLOCK]!);
      if (bitCount > 0) put(0, 8 - bitCount);
      for (const shift of [8, 0]) put((sumB >>> shift) & 0xff, 8);
      for (const shift of [8, 0]) put((sumA >>> shift) & 0xff, 8);
      return out.slice(0, length);
    },
  };
}
