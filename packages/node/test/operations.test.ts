import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  exampleInput,
  type Ideogram,
  isFileInput,
  OPERATIONS,
  type OperationMethod,
  type TableOperation,
} from "../src/index.ts";
import { clientFor, temporaryDirectory, useEmulator } from "./helpers.ts";
import { specErrorsOf } from "./spec-check.ts";

const emulator = useEmulator();

/** The client method of an operation id: `client.v3.replaceBackground` for `"v3.replaceBackground"`. */
function methodOf(client: Ideogram, id: string): OperationMethod<TableOperation> {
  const [space, name] = id.split(".") as [string, string | undefined];
  const holder = client as unknown as Record<string, Record<string, unknown>>;
  return (name === undefined ? holder[space] : holder[space]?.[name]) as OperationMethod<TableOperation>;
}

/** The input with every file written to disk and passed by its path, so each upload is streamed. */
async function withPaths(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const dir = await temporaryDirectory();
  let count = 0;
  const toPath = async (value: unknown) => {
    if (!isFileInput(value)) return value;
    const path = join(dir, `file-${count++}`);
    const data = "data" in value ? value.data : value;
    await writeFile(
      path,
      data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : new Uint8Array(data),
    );
    return path;
  };
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input))
    result[name] = Array.isArray(value) ? await Promise.all(value.map(toPath)) : await toPath(value);
  return result;
}

const ANSWER_KEYS = {
  images: "data",
  "layered-images": "data",
  layerize: "base_image_url",
  descriptions: "descriptions",
  "magic-prompt": "magic_prompt",
} as const;

describe.each(OPERATIONS.map((operation) => [operation.id, operation as TableOperation] as const))(
  "%s",
  (id, operation) => {
    it("answers its minimal example (files as bytes) with a spec-valid request", async () => {
      const client = clientFor(emulator());
      const { data, response } = await methodOf(client, id).withResponse(exampleInput(operation, "minimal"));
      expect(data).toHaveProperty(ANSWER_KEYS[operation.response]);
      expect(response.status).toBe(200);
      const entry = emulator().requests.find((request) => request.operation === id)!;
      expect(entry.path).toBe(operation.path);
      expect(specErrorsOf(entry)).toEqual([]);
    });

    it("answers its full example with every file streamed from a path, and saves its images", async () => {
      const client = clientFor(emulator());
      const input = await withPaths(exampleInput(operation, "full") as Record<string, unknown>);
      const answer = (await methodOf(client, id)(input)) as Record<string, unknown>;
      expect(answer).toHaveProperty(ANSWER_KEYS[operation.response]);
      const entry = emulator().requests.find((request) => request.operation === id)!;
      expect(specErrorsOf(entry)).toEqual([]);
      if (operation.response === "descriptions" || operation.response === "magic-prompt") return;
      const { paths } = await client.saveImages(answer as never, await temporaryDirectory());
      expect(paths.length).toBeGreaterThan(0);
    });
  },
);
