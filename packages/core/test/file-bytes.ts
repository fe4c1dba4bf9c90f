// Real file headers, byte by byte, so the sniffing and size reading are tested on what encoders write.

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const u16be = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const u16le = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
const u24le = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const u32be = (n: number): number[] => [...u16be(Math.floor(n / 0x10000)), ...u16be(n & 0xffff)];
const u32le = (n: number): number[] => [...u16le(n & 0xffff), ...u16le(Math.floor(n / 0x10000))];

function crc32(bytes: readonly number[]): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: number[]): number[] {
  const body = [...ascii(type), ...data];
  return [...u32be(data.length), ...body, ...u32be(crc32(body))];
}

/** A PNG signature, IHDR (8-bit RGBA) and IEND. */
export function png(width: number, height: number): Uint8Array {
  const ihdr = [...u32be(width), ...u32be(height), 8, 6, 0, 0, 0];
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...pngChunk("IHDR", ihdr),
    ...pngChunk("IEND", []),
  ]);
}

const jpegSegment = (marker: number, payload: number[]): number[] => [
  0xff,
  marker,
  ...u16be(payload.length + 2),
  ...payload,
];

/** A JPEG: SOI, JFIF APP0, `exifBytes` of APP1 segments (each at most 65 533), DQT, SOFn, SOS, EOI. */
export function jpeg(
  width: number,
  height: number,
  options: { exifBytes?: number; sof?: number } = {},
): Uint8Array {
  const bytes = [0xff, 0xd8, ...jpegSegment(0xe0, [...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])];
  for (let left = options.exifBytes ?? 0; left > 0; left -= 65533) {
    const size = Math.min(left, 65533);
    bytes.push(
      ...jpegSegment(0xe1, [...ascii("Exif"), 0, 0, ...new Array<number>(Math.max(size - 6, 0)).fill(0x2a)]),
    );
  }
  bytes.push(...jpegSegment(0xdb, [0, ...new Array<number>(64).fill(1)]));
  bytes.push(0xff); // a fill byte before the frame marker, as some encoders write
  bytes.push(...jpegSegment(options.sof ?? 0xc0, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]));
  bytes.push(...jpegSegment(0xda, [1, 1, 0, 0, 0x3f, 0]), 0x12, 0x34, 0xff, 0xd9);
  return Uint8Array.from(bytes);
}

function riff(chunk: string, data: number[]): Uint8Array {
  const padded = data.length % 2 === 1 ? [...data, 0] : data;
  const body = [...ascii("WEBP"), ...ascii(chunk), ...u32le(data.length), ...padded];
  return Uint8Array.from([...ascii("RIFF"), ...u32le(body.length), ...body]);
}

/** A lossy WebP: a VP8 key frame header. */
export function webpLossy(width: number, height: number): Uint8Array {
  return riff("VP8 ", [0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), 0, 0]);
}

/** A lossless WebP: the VP8L signature and packed sizes. */
export function webpLossless(width: number, height: number): Uint8Array {
  const packed = width - 1 + (height - 1) * 0x4000 + 0x10000000; // alpha bit set
  return riff("VP8L", [0x2f, ...u32le(packed), 0, 0]);
}

/** An extended WebP: VP8X with the canvas size (as animated and alpha WebPs have). */
export function webpExtended(width: number, height: number): Uint8Array {
  return riff("VP8X", [0x10, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]);
}

/** A GIF89a logical screen descriptor and trailer. */
export function gif(width: number, height: number): Uint8Array {
  return Uint8Array.from([...ascii("GIF89a"), ...u16le(width), ...u16le(height), 0, 0, 0, 0x3b]);
}

/** The opening of a font file: `wOF2`, `wOFF`, `OTTO` or the TrueType version 1.0. */
export function font(format: "ttf" | "otf" | "woff" | "woff2"): Uint8Array {
  const tag = { ttf: [0, 1, 0, 0], otf: ascii("OTTO"), woff: ascii("wOFF"), woff2: ascii("wOF2") }[format];
  return Uint8Array.from([...tag, ...new Array<number>(40).fill(0)]);
}

/** `bytes` followed by `extra` zero bytes, as a Blob (the header stays at the start). */
export const padded = (bytes: Uint8Array, extra: number): Blob =>
  new Blob([bytes as Uint8Array<ArrayBuffer>, new Uint8Array(extra)]);

/** A Blob that counts the bytes read through `slice` and refuses to be read whole. */
export class CountingBlob extends Blob {
  sliced = 0;

  override slice(start?: number, end?: number, contentType?: string): Blob {
    const part = super.slice(start, end, contentType);
    this.sliced += part.size;
    return part;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error("read whole");
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    throw new Error("read whole");
  }

  override text(): Promise<string> {
    throw new Error("read whole");
  }
}

/** A Blob whose bytes cannot be read (as a File whose disk copy went away). */
export class UnreadableBlob extends Blob {
  override slice(): Blob {
    return new UnreadableBlob([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error("the file was moved"));
  }
}
