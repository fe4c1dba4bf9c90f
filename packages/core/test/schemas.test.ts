import { describe, expect, it } from "vitest";
import { object, string, toJSONSchema } from "zod/mini";
import {
  GenerateRequestSchema,
  GenerateResponseSchema,
  type ImageRequest,
  ImageRequestSchema,
  LooseImageRequestSchema,
  RESOLUTIONS,
} from "../src/index.ts";
import { issuesOf } from "./support.ts";

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("zod schemas", () => {
  it("give the same messages as validateImageRequest", () => {
    const input = { prompt: "x", aspect_ratio: "16:9", seed: 1.5, model: "V_1", style_type: "AUTO" };
    const fromZod = messagesOf(ImageRequestSchema.safeParse(input));
    for (const issue of issuesOf(input)) expect(fromZod).toContain(issue.message);
  });

  it("report unknown keys with a suggestion, or let them pass in the loose variant", () => {
    expect(messagesOf(ImageRequestSchema.safeParse({ prompt: "x", aspectRatio: "ASPECT_1_1" }))).toEqual([
      'aspectRatio: unknown field; did you mean "aspect_ratio"?',
    ]);
    expect(LooseImageRequestSchema.parse({ prompt: "x", aspectRatio: 1 })).toEqual({
      prompt: "x",
      aspectRatio: 1,
    });
  });

  it("compose into other zod/mini schemas", () => {
    const Job = object({ id: string(), request: ImageRequestSchema });
    const request: ImageRequest = { prompt: "x", resolution: "RESOLUTION_1024_1024" };
    expect(Job.parse({ id: "1", request })).toEqual({ id: "1", request });
    expect(Job.safeParse({ id: "1", request: { prompt: "" } }).success).toBe(false);
  });

  it("convert to JSON Schema", () => {
    const schema = toJSONSchema(GenerateRequestSchema) as unknown as {
      required: string[];
      properties: {
        image_request: { properties: { resolution: { enum: string[] } }; additionalProperties: boolean };
      };
    };
    expect(schema.required).toEqual(["image_request"]);
    expect(schema.properties.image_request.properties.resolution.enum).toEqual([...RESOLUTIONS]);
    expect(schema.properties.image_request.additionalProperties).toBe(false);
    expect(toJSONSchema(GenerateResponseSchema)).toMatchObject({ required: ["created", "data"] });
  });
});
