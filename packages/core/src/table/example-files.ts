// Tiny but real files for examples and tests: a PNG any decoder opens (stored zlib block, real
// CRCs), and a font header that magic-byte sniffing recognises. No I/O, no compression library.

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function chunk(type: string, data: number[]): number[] {
  const typed = [...type].map((char) => char.charCodeAt(0));
  const crc = crc32(Uint8Array.from([...typed, ...data]));
  return [...u32(data.length), ...typed, ...data, ...u32(crc)];
}

function zlibStored(raw: number[]): number[] {
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const out = [0x78, 0x01];
  for (let start = 0; start < raw.length || start === 0; start += 65535) {
    const block = raw.slice(start, start + 65535);
    const last = start + 65535 >= raw.length ? 1 : 0;
    out.push(
      last,
      block.length & 0xff,
      block.length >> 8,
      ~block.length & 0xff,
      (~block.length >> 8) & 0xff,
      ...block,
    );
  }
  return [...out, ...u32(((b << 16) | a) >>> 0)];
}

/** A valid grayscale PNG of `width` × `height` pixels (mid-grey), as bytes. */
export function examplePng(width = 2, height = 2): Uint8Array<ArrayBuffer> {
  const raw: number[] = [];
  for (let row = 0; row < height; row++) raw.push(0, ...new Array<number>(width).fill(128));
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk("IHDR", [...u32(width), ...u32(height), 8, 0, 0, 0, 0]),
    ...chunk("IDAT", zlibStored(raw)),
    ...chunk("IEND", []),
  ]);
}

/** The first bytes of a TrueType font (enough for magic-byte checks; not a usable font). */
export function exampleFont(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([0x00, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x80, 0x00, 0x03, 0x00, 0x20]);
}
