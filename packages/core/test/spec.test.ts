import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSpecValidator, type OpenApiDocument } from "../../testing/src/openapi/validator.ts";
import { exampleInput, type Field, OPERATIONS, type TableOperation } from "../src/index.ts";

// The hand-written table against the vendored official spec: same fields, required fields, enums
// and ranges, and every request the table builds is one the spec accepts.

interface Schema {
  $ref?: string;
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  items?: Schema;
}

const spec = JSON.parse(readFileSync(new URL("../spec/ideogram-openapi.json", import.meta.url), "utf8")) as {
  paths: Record<string, { post: { requestBody: { content: Record<string, { schema: Schema }> } } }>;
  components: { schemas: Record<string, Schema> };
};
const validator = createSpecValidator(spec as unknown as OpenApiDocument);

function deref(schema: Schema): Schema {
  let node = schema;
  while (node.$ref !== undefined) node = spec.components.schemas[node.$ref.split("/").pop() ?? ""] as Schema;
  return node;
}

/** Properties and required names of a schema, `allOf` parts merged. */
function flatten(schema: Schema): { properties: Record<string, Schema>; required: string[] } {
  const node = deref(schema);
  const parts = (node.allOf ?? []).map(flatten);
  return {
    properties: Object.assign({}, ...parts.map((part) => part.properties), node.properties),
    required: [...parts.flatMap((part) => part.required), ...(node.required ?? [])],
  };
}

/** The spec's fields of an operation as the table names them: an envelope's contents inlined. */
function specFields(operation: TableOperation): { properties: Record<string, Schema>; required: string[] } {
  const content = spec.paths[operation.path]?.post.requestBody.content ?? {};
  const schema = (content["multipart/form-data"] ?? content["application/json"])?.schema as Schema;
  const body = flatten(schema);
  if (operation.envelope === undefined) return body;
  const inner = flatten(body.properties[operation.envelope] as Schema);
  const { [operation.envelope]: _envelope, ...files } = body.properties;
  return {
    properties: { ...inner.properties, ...files },
    required: [...inner.required, ...body.required.filter((name) => name !== operation.envelope)],
  };
}

describe.each(OPERATIONS.map((operation) => [operation.id, operation as TableOperation] as const))(
  "%s matches the official spec",
  (_id, operation) => {
    const { properties, required } = specFields(operation);

    it("has the spec's fields, in its order, and its required ones", () => {
      expect([...operation.fieldNames].sort()).toEqual(Object.keys(properties).sort());
      expect(operation.fieldNames.filter((name) => operation.fields[name]?.required).sort()).toEqual(
        [...required].sort(),
      );
    });

    it("has the spec's enums and ranges", () => {
      for (const name of operation.fieldNames) {
        const field = operation.fields[name] as Field;
        const schema = deref(properties[name] as Schema);
        if (field.kind === "enum") expect(field.values, name).toEqual(schema.enum);
        if (field.kind === "integer" || field.kind === "number") {
          expect([field.min, field.max], name).toEqual([schema.minimum, schema.maximum]);
        }
        // Counts the spec states only in prose (one character reference) may be tighter.
        if (schema.maxItems !== undefined) expect(field.max, name).toBe(schema.maxItems);
      }
    });

    it.each(["minimal", "full"] as const)("builds %s requests the spec accepts", (variant) => {
      const request = operation.build(exampleInput(operation, variant), {
        baseURL: "http://127.0.0.1:9",
        auth: "api-key",
        apiKey: "k",
      });
      expect(() => validator.assertHttpRequest(request)).not.toThrow();
    });
  },
);

const image = {
  url: "https://127.0.0.1/i.png",
  prompt: "p",
  resolution: "1024x1024",
  is_image_safe: true,
  seed: 1,
};
const validBodies: Record<string, unknown> = {
  images: { created: "2024-12-15T17:32:00Z", data: [image] },
  "layered-images": {
    created: "2024-12-15T17:32:00Z",
    data: [{ ...image, text_containers: [], image_layers: [{ x: 0, y: 0, width: 10, height: 10 }] }],
  },
  layerize: {
    base_image_url: "https://127.0.0.1/base.png",
    seed: 1,
    text_blocks: [{ x: 1, y: 2, width: 3, height: 4, text: "Hi", alignment: "left", formatting: [] }],
  },
  descriptions: { descriptions: [{ text: "a lighthouse" }] },
  "magic-prompt": { magic_prompt: "a lighthouse at dusk, golden light" },
};

describe.each(OPERATIONS.map((operation) => [operation.id, operation as TableOperation] as const))(
  "%s answers",
  (_id, operation) => {
    it(`parse a body of its kind that the spec accepts, unchanged`, () => {
      const body = validBodies[operation.response];
      expect(validator.response(operation.path, 200, body)).toEqual([]);
      expect(operation.parse(body)).toEqual(body);
    });
  },
);
