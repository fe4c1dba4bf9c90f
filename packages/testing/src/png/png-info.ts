const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What a PNG's IHDR chunk says about the picture. */
export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/**
 * Reads the size and format of a PNG from its IHDR chunk, e.g. to assert that a downloaded image
 * has the requested resolution. Throws a TypeError when the bytes are not a PNG.
 */
export function readPngInfo(bytes: Uint8Array | ArrayBuffer): PngInfo {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const isPng = data.length >= 33 && SIGNATURE.every((byte, i) => data[i] === byte);
  const chunkType = new TextDecoder().decode(data.subarray(12, 16));
  if (!isPng || chunkType !== "IHDR") throw new TypeError("not a PNG: missing signature or IHDR chunk");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: data[24]!, colorType: data[25]! };
}
