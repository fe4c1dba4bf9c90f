import type { Size } from "../dimensions.ts";
import { sniffFileType } from "./formats.ts";
import { dataOf, type FileInput, readRange } from "./input.ts";

// Enough for the PNG, GIF and WebP headers and for most JPEG marker runs; a JPEG whose SOF lies
// further on (after a large EXIF or ICC block) is read one more window per skipped segment.
const WINDOW_BYTES = 4096;

/** Reads a file through a window, so only the parts a header parser looks at are read. */
class ByteWindow {
  private readonly data: Blob | Uint8Array;
  private start = 0;
  private bytes: Uint8Array = new Uint8Array(0);

  constructor(data: Blob | Uint8Array) {
    this.data = data;
  }

  /** The first window of the file (shorter for a small file). */
  async head(): Promise<Uint8Array> {
    this.bytes = await readRange(this.data, 0, WINDOW_BYTES);
    return this.bytes;
  }

  /** `count` bytes at `offset`, or `undefined` past the end of the file. */
  async at(offset: number, count: number): Promise<Uint8Array | undefined> {
    const from = offset - this.start;
    if (from < 0 || from + count > this.bytes.length) {
      this.start = offset;
      this.bytes = await readRange(this.data, offset, offset + Math.max(count, WINDOW_BYTES));
      return this.bytes.length >= count ? this.bytes.subarray(0, count) : undefined;
    }
    return this.bytes.subarray(from, from + count);
  }
}

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number): number => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 0x10000 + u16be(b, i + 2);
const fourcc = (b: Uint8Array, i: number): string => String.fromCharCode(...b.subarray(i, i + 4));

const sized = (width: number, height: number): Size | undefined =>
  width > 0 && height > 0 ? { width, height } : undefined;

function pngSize(head: Uint8Array): Size | undefined {
  return fourcc(head, 12) === "IHDR" ? sized(u32be(head, 16), u32be(head, 20)) : undefined;
}

function gifSize(head: Uint8Array): Size | undefined {
  return head.length >= 10 ? sized(u16le(head, 6), u16le(head, 8)) : undefined;
}

function webpSize(head: Uint8Array): Size | undefined {
  // VP8L states its size by byte 25, VP8 and VP8X by byte 30.
  if (head.length < (fourcc(head, 12) === "VP8L" ? 25 : 30)) return undefined;
  switch (fourcc(head, 12)) {
    case "VP8 ": // lossy: a key frame's start code 9d 01 2a, then 14-bit sizes
      if (head[23] !== 0x9d || head[24] !== 0x01 || head[25] !== 0x2a) return undefined;
      return sized(u16le(head, 26) & 0x3fff, u16le(head, 28) & 0x3fff);
    case "VP8L": {
      // lossless: signature 0x2f, then width-1 and height-1 packed in 14 bits each
      if (head[20] !== 0x2f) return undefined;
      const bits = u16le(head, 21) + u16le(head, 23) * 0x10000;
      return sized((bits & 0x3fff) + 1, (Math.floor(bits / 0x4000) & 0x3fff) + 1);
    }
    case "VP8X": // extended: canvas width-1 and height-1 in 24 bits each
      return sized(u24le(head, 24) + 1, u24le(head, 27) + 1);
    default:
      return undefined;
  }
}

// SOF0..SOF15 carry the frame size, except C4 (DHT), C8 (JPG) and CC (DAC), which share the range.
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
// Markers that stand alone, without a length: TEM, RST0..RST7, SOI.
const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

async function jpegSize(window: ByteWindow): Promise<Size | undefined> {
  let offset = 2;
  for (;;) {
    const header = await window.at(offset, 4);
    if (header?.[0] !== 0xff) return undefined;
    const marker = header[1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (isStandalone(marker)) {
      offset += 2;
      continue;
    }
    // Image data (SOS) or the end (EOI) before any frame header: nothing states a size.
    if (marker === 0xda || marker === 0xd9) return undefined;
    if (isStartOfFrame(marker)) {
      const frame = await window.at(offset + 4, 5); // precision, height, width
      return frame && sized(u16be(frame, 3), u16be(frame, 1));
    }
    const length = u16be(header, 2);
    if (length < 2) return undefined;
    offset += 2 + length;
  }
}

/**
 * The width and height an image's header states (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X, GIF),
 * without decoding pixels or reading the whole file; `undefined` for anything else, or a header
 * that is cut short or malformed.
 */
export async function readImageSize(input: FileInput): Promise<Size | undefined> {
  const window = new ByteWindow(dataOf(input));
  const head = await window.head();
  switch (sniffFileType(head)) {
    case "png":
      return head.length >= 24 ? pngSize(head) : undefined;
    case "gif":
      return gifSize(head);
    case "webp":
      return webpSize(head);
    case "jpeg":
      return jpegSize(window);
    default:
      return undefined;
  }
}
