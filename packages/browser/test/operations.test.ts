import { describe, expect, expectTypeOf, test } from "vitest";
import { commands } from "vitest/browser";
import {
  BadRequestError,
  type ClientMethod,
  createClient,
  describeOperation,
  exampleInput,
  examplePng,
  fetchImage,
  type GenerateResponse,
  Ideogram,
  type InputOf,
  OPERATIONS,
  type OutputOf,
  readImageSize,
  type TableOperation,
  upscaleOperation,
  v3EditOperation,
  v3ReplaceBackgroundOperation,
  v4GenerateOperation,
} from "../src/index.ts";
import { createClient as createLiteClient } from "../src/lite.ts";
import { baseURL, rejectionOf, TEST_TOKEN, useFreshEmulators } from "./support.ts";

useFreshEmulators();

type Method = ((input: unknown) => Promise<unknown>) & {
  withResponse(input: unknown): Promise<{ data: unknown; response: { status: number; requestId?: string } }>;
};

// `v3.replaceBackground` is `client.v3.replaceBackground`, as in @ideokit/node.
function methodOf(client: object, id: string): Method {
  return id
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], client) as Method;
}

async function expectAnswerOf(operation: TableOperation, answer: unknown): Promise<void> {
  const body = answer as Record<string, unknown>;
  switch (operation.response) {
    case "images":
    case "layered-images": {
      const { data } = answer as GenerateResponse;
      expect(data.length).toBeGreaterThan(0);
      const image = await fetchImage(data[0]!);
      expect(image.type).toBe("image/png");
      expect(await readImageSize(image)).toMatchObject({ width: expect.any(Number) });
      return;
    }
    case "descriptions":
      expect((body.descriptions as { text: string }[])[0]?.text).toEqual(expect.any(String));
      return;
    default:
      expect(operation.safeParse(answer).success).toBe(true);
  }
}

describe.each(OPERATIONS.map((operation) => [operation.id, operation] as const))("%s", (id, operation) => {
  test.each(["minimal", "full"] as const)(
    "sends the %s example through CORS as the spec describes and parses the answer",
    async (variant) => {
      const client = new Ideogram({ baseURL, token: TEST_TOKEN });
      const answer = await methodOf(client, id)(exampleInput(operation, variant));

      const [call, ...others] = await commands.emulatorRequests();
      expect(others.filter((entry) => entry.operation !== undefined)).toEqual([]);
      expect(call).toMatchObject({
        method: "POST",
        path: `/ideogram${operation.path}`,
        operation: id,
        status: 200,
      });
      expect(call?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
      expect(await commands.specProblemsOfRequests()).toEqual([]);
      await expectAnswerOf(operation, answer);
    },
  );

  test("withResponse gives the status and request id of the answer", async () => {
    const client = new Ideogram({ baseURL, token: TEST_TOKEN });
    const { data, response } = await methodOf(client, id).withResponse(exampleInput(operation, "minimal"));

    const [call] = await commands.emulatorRequests();
    expect(response.status).toBe(200);
    expect(response.requestId).toBe(call?.id);
    expect(operation.safeParse(data).success).toBe(true);
  });
});

describe("createClient({ operations })", () => {
  test("binds generate and the listed operations only, under their namespaces", async () => {
    const client = createClient({
      baseURL,
      token: TEST_TOKEN,
      operations: [v3EditOperation, upscaleOperation, v4GenerateOperation],
    });

    expect(Object.keys(client).sort()).toEqual(
      ["auth", "baseURL", "generate", "generateWithResponse", "upscale", "v3", "v4"].sort(),
    );
    expect(Object.keys(client.v3)).toEqual(["edit"]);
    // @ts-expect-error: not listed, so not bound (and not bundled)
    expect(client.v3.replaceBackground).toBeUndefined();

    const image = new Blob([examplePng(40, 30)], { type: "image/png" });
    const edited = await client.v3.edit({
      image,
      mask: new Blob([examplePng(40, 30)]),
      prompt: "a red door",
    });
    // The emulator keeps the input's proportions (at a size of its own for tiny inputs).
    const size = await readImageSize(await fetchImage(edited.data[0]!));
    expect(Math.round(((size?.width ?? 0) / (size?.height ?? 1)) * 10)).toBe(13);
    expect(await commands.specProblemsOfRequests()).toEqual([]);
  });

  test("refuses operations that are not core's, before any request", () => {
    expect(() => createClient({ baseURL, operations: ["v3.edit"] as never })).toThrow(
      expect.objectContaining({ name: "ClientOptionError", option: "operations" }),
    );
  });

  test("new Ideogram() has every operation of the table", () => {
    const client = new Ideogram({ baseURL, token: TEST_TOKEN });
    for (const { id } of OPERATIONS) expect(methodOf(client, id)).toEqual(expect.any(Function));
    expect(methodOf(client, v3ReplaceBackgroundOperation.id)).toBe(client.v3.replaceBackground);
  });

  test("method types follow the bound operations", () => {
    const client = createClient({ baseURL, operations: [v3EditOperation] });

    expectTypeOf(client.v3.edit).parameter(0).toEqualTypeOf<InputOf<typeof v3EditOperation>>();
    expectTypeOf(client.v3.edit).returns.resolves.toEqualTypeOf<OutputOf<typeof v3EditOperation>>();
    expectTypeOf(createClient({ baseURL })).not.toHaveProperty("v3");
    expectTypeOf<Ideogram["v4"]["generate"]>().toEqualTypeOf<ClientMethod<typeof v4GenerateOperation>>();
  });

  test("the lite client binds operations too and sends them unchecked, for the service to refuse", async () => {
    const client = createLiteClient({ baseURL, token: TEST_TOKEN, operations: [describeOperation] });
    const notAnImage = new Blob(["<html>not a picture</html>"], { type: "image/png" });

    const error = await rejectionOf(client.describe({ image_file: notAnImage }));

    expect(error).toBeInstanceOf(BadRequestError);
    const [call, ...others] = await commands.emulatorRequests();
    expect(others).toEqual([]);
    expect(call).toMatchObject({ path: "/ideogram/describe", status: 400 });
  });
});
