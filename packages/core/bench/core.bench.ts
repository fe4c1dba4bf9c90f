import { readFileSync } from "node:fs";
import { Bench } from "tinybench";
import {
  buildGenerateRequest,
  checkFileRules,
  type FileRule,
  GenerateResponseSchema,
  IMAGE_FORMATS,
  ImageRequestSchema,
  MAX_IMAGE_BYTES,
  parseGenerateResponse,
  validateImageRequest,
} from "../src/index.ts";
import { jpeg, png } from "../test/file-bytes.ts";

// Bounded: about 1 s per task. Compares the public functions with parsing by the zod schemas
// they mirror, which is why the hot path is hand-written.

function fixture(name: string): { image_request?: unknown; data?: unknown[] } {
  return JSON.parse(readFileSync(new URL(`../../testing/fixtures/${name}`, import.meta.url), "utf8"));
}

const seedRequest = fixture("seed-page-request.json").image_request;
const seedImage = fixture("seed-page-response.json").data?.[0];
const fourImageResponse = {
  created: "2024-12-15T17:32:00.965408+00:00",
  data: [seedImage, seedImage, seedImage, seedImage],
};
const options = { apiKey: "bench-key" };

// An edit's files as a phone sends them: a 9 MB JPEG whose 70 kB EXIF block precedes the frame
// header, and a PNG mask; the check reads headers only, so its cost must not grow with the file.
const editRules: FileRule[] = [
  { field: "image_file", formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES, minCount: 1, label: "image" },
  { field: "mask", formats: IMAGE_FORMATS, maxBytes: MAX_IMAGE_BYTES, sameSizeAs: "image_file" },
];
const editFiles = {
  image_file: new Blob([jpeg(4032, 3024, { exifBytes: 70_000 }), new Uint8Array(9_000_000)]),
  mask: new Blob([png(4032, 3024), new Uint8Array(200_000)]),
};

const bench = new Bench({ time: 1000, warmupTime: 200 });
bench
  .add("validateImageRequest + buildGenerateRequest (seed example)", () => {
    buildGenerateRequest(validateImageRequest(seedRequest), options);
  })
  .add("parseGenerateResponse (4 images)", () => {
    parseGenerateResponse(fourImageResponse);
  })
  .add("checkFileRules (9 MB JPEG with 70 kB EXIF + PNG mask, as Blobs)", async () => {
    await checkFileRules(editFiles, editRules);
  })
  .add("zod ImageRequestSchema.parse + build (reference)", () => {
    buildGenerateRequest(ImageRequestSchema.parse(seedRequest), options);
  })
  .add("zod GenerateResponseSchema.parse (reference)", () => {
    GenerateResponseSchema.parse(fourImageResponse);
  });

await bench.run();
console.table(
  bench.tasks.map((task) => {
    const result = task.result;
    const throughput = "throughput" in result ? result.throughput.mean : Number.NaN;
    const latency = "latency" in result ? result.latency.mean * 1000 : Number.NaN;
    return { task: task.name, "ops/s": Math.round(throughput), "mean (µs)": latency.toFixed(2) };
  }),
);
