import { open } from "node:fs/promises";
import { readPngInfo } from "@ideokit/testing";

const HEAD_BYTES = 64;
// The IEND chunk every PNG ends with: length 0, type "IEND", its CRC.
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Whether a file is a whole PNG of the given size: a valid header and the closing IEND chunk. */
export async function isCompletePng(path: string, width: number, height: number): Promise<boolean> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    if (size < HEAD_BYTES + IEND.length) return false;
    const head = Buffer.alloc(HEAD_BYTES);
    const tail = Buffer.alloc(IEND.length);
    await file.read(head, 0, HEAD_BYTES, 0);
    await file.read(tail, 0, IEND.length, size - IEND.length);
    const info = readPngInfo(head);
    return info.width === width && info.height === height && tail.equals(IEND);
  } catch {
    return false;
  } finally {
    await file.close();
  }
}
