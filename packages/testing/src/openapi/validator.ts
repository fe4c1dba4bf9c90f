import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { closedComponents, closeSchema } from "./closed-objects.ts";
import {
  formDataToObject,
  isBinaryPlaceholder,
  type PartEncoding,
  type SchemaNode,
} from "./form-data-object.ts";

/** One problem the spec finds, in ajv's shape (`instancePath` is a JSON pointer into the body). */
export type SpecError = ErrorObject;

/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

interface MediaType {
  schema?: SchemaNode;
  encoding?: Record<string, PartEncoding>;
}

interface OpenApiOperation {
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}

/** An HTTP request as core's `Operation.build` makes it (only what validation reads). */
export interface SpecHttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string | FormData;
}

/** Validates bodies against an OpenAPI document's request and response schemas. */
export interface SpecValidator {
  /**
   * Problems of a request body for `path` (a path like `/v1/ideogram-v3/edit`, or a URL; an
   * `/ideogram` prefix is dropped) sent as `contentType`; `[]` when it is valid. `body` is a
   * `FormData` for multipart, an object or JSON text for JSON.
   */
  request(path: string, contentType: string, body: unknown): SpecError[];
  /** Problems of a response body (parsed JSON) answered with `status` on `path`; `[]` when valid. */
  response(path: string, status: number, body: unknown): SpecError[];
  /** {@link SpecValidator.request}, throwing a {@link SpecAssertionError} that lists the problems. */
  assertRequest(path: string, contentType: string, body: unknown): void;
  /** {@link SpecValidator.response}, throwing a {@link SpecAssertionError} that lists the problems. */
  assertResponse(path: string, status: number, body: unknown): void;
  /** Asserts a built request (`operation.build(...)`): its URL's path, its content type and its body. */
  assertHttpRequest(request: SpecHttpRequest): void;
}

/** A body the spec rejects; `errors` holds ajv's errors, the message one readable line per error. */
export class SpecAssertionError extends Error {
  override readonly name = "AssertionError";
  /** What was checked: "The 200 answer of /generate". */
  readonly where: string;
  readonly errors: readonly SpecError[];
  constructor(where: string, errors: readonly SpecError[]) {
    super(`${where} does not match the OpenAPI spec:\n${errors.map((e) => `  - ${describe(e)}`).join("\n")}`);
    this.where = where;
    this.errors = errors;
  }
}

/** How strictly a {@link SpecValidator} reads the spec. */
export interface SpecValidatorOptions {
  /**
   * Properties a schema does not list: `"allow"` (default, OpenAPI's own rule) or `"reject"`, an
   * error for each one, which catches typos and undocumented fields in requests and answers.
   */
  unknownProperties?: "allow" | "reject";
}

const SCHEMA_ID = "openapi";

/** A validator for `document` (ajv, schemas compiled on first use per path and content type). */
export function createSpecValidator(
  document: OpenApiDocument,
  options: SpecValidatorOptions = {},
): SpecValidator {
  const closed = options.unknownProperties === "reject";
  const ajv = newAjv(document, closed);
  const cache = new Map<string, ValidateFunction>();
  const resolve = (ref: string) => resolvePointer(document, ref) as SchemaNode;

  const compile = (key: string, schema: SchemaNode) => {
    let validate = cache.get(key);
    if (validate === undefined) {
      validate = ajv.compile(rebase(closed ? (closeSchema(schema) as SchemaNode) : schema));
      cache.set(key, validate);
    }
    return validate;
  };

  const request = (path: string, contentType: string, body: unknown): SpecError[] => {
    const specPath = findPath(document, path);
    const content = operationOf(document, specPath).requestBody?.content ?? {};
    const mediaType = mediaTypeOf(contentType);
    const media = content[mediaType];
    if (media?.schema === undefined) {
      return [
        contentTypeError(
          `${specPath} takes ${Object.keys(content).join(" or ") || "no body"}, not ${mediaType}`,
        ),
      ];
    }
    if (mediaType === "multipart/form-data") {
      if (!(body instanceof FormData)) return [contentTypeError("a multipart body must be a FormData")];
      const data = formDataToObject(body, media.schema, media.encoding ?? {}, resolve);
      const validate = compile(`request ${specPath} ${mediaType}`, media.schema);
      return validate(data) ? [] : [...(validate.errors ?? [])];
    }
    const data = typeof body === "string" ? parseJson(body) : body;
    if (data === NOT_JSON) return [contentTypeError("the body is not valid JSON")];
    const validate = compile(`request ${specPath} ${mediaType}`, media.schema);
    return validate(data) ? [] : [...(validate.errors ?? [])];
  };

  const response = (path: string, status: number, body: unknown): SpecError[] => {
    const specPath = findPath(document, path);
    const responses = operationOf(document, specPath).responses ?? {};
    const answer = responses[String(status)] ?? responses.default;
    if (answer === undefined) {
      return [
        contentTypeError(`${specPath} documents no ${status} answer (${Object.keys(responses).join(", ")})`),
      ];
    }
    const schema = answer.content?.["application/json"]?.schema;
    if (schema === undefined) return [];
    const validate = compile(`response ${specPath} ${status}`, schema);
    return validate(body) ? [] : [...(validate.errors ?? [])];
  };

  const fail = (where: string, errors: SpecError[]) => {
    if (errors.length > 0) throw new SpecAssertionError(where, errors);
  };

  return {
    request,
    response,
    assertRequest: (path, contentType, body) =>
      fail(`The ${mediaTypeOf(contentType)} request to ${path}`, request(path, contentType, body)),
    assertResponse: (path, status, body) =>
      fail(`The ${status} answer of ${path}`, response(path, status, body)),
    assertHttpRequest: ({ url, headers, body }) => {
      const header = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
      const contentType = body instanceof FormData ? "multipart/form-data" : (header ?? "application/json");
      fail(`The ${mediaTypeOf(contentType)} request to ${url}`, request(url, contentType, body));
    },
  };
}

function newAjv(document: OpenApiDocument, closed: boolean): Ajv {
  // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (example,
  // x-*); `nullable` is understood by ajv itself. Closed objects need 2019-09's unevaluatedProperties.
  const settings = { strict: false, allErrors: true };
  const ajv = closed ? new Ajv2019(settings) : new Ajv(settings);
  addFormats(ajv);
  ajv.addFormat("binary", { type: "string", validate: isBinaryPlaceholder });
  ajv.addFormat("float", { type: "number", validate: () => true });
  const components = withNullableEnums(document.components ?? {});
  ajv.addSchema({ components: closed ? closedComponents(components) : components }, SCHEMA_ID);
  return ajv;
}

/**
 * OpenAPI 3.0's `nullable: true` allows null; JSON Schema's `enum` would still refuse it unless
 * listed (the spec's own examples show `"glyph_type": null`), so null joins such enums.
 */
function withNullableEnums<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withNullableEnums) as T;
  if (typeof node !== "object" || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, withNullableEnums(value)]),
  );
  if (copy.nullable === true && Array.isArray(copy.enum) && !copy.enum.includes(null))
    copy.enum = [...copy.enum, null];
  return copy as T;
}

/** The schema with its local refs pointing into the document registered as {@link SCHEMA_ID}. */
function rebase(schema: SchemaNode): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${SCHEMA_ID}#/`));
}

function findPath(document: OpenApiDocument, pathOrUrl: string): string {
  const path = /^https?:/i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl.replace(/[?#].*$/, "");
  const candidates = [path, path.replace(/^\/ideogram(?=\/)/, "")];
  const found = candidates.find((candidate) => document.paths[candidate] !== undefined);
  if (found === undefined) throw new TypeError(`The OpenAPI spec has no path ${path}`);
  return found;
}

function operationOf(document: OpenApiDocument, path: string): OpenApiOperation {
  const operation = document.paths[path]?.post as OpenApiOperation | undefined;
  if (operation === undefined) throw new TypeError(`The OpenAPI spec has no POST ${path}`);
  return operation;
}

function mediaTypeOf(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

function resolvePointer(document: unknown, ref: string): unknown {
  const segments = ref.replace(/^#\//, "").split("/");
  return segments.reduce<unknown>(
    (node, segment) => (node as Record<string, unknown>)[segment.replaceAll("~1", "/").replaceAll("~0", "~")],
    document,
  );
}

const NOT_JSON = Symbol("not JSON");

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function contentTypeError(message: string): SpecError {
  return { instancePath: "", schemaPath: "#/content", keyword: "content", params: {}, message };
}

function describe(error: SpecError): string {
  const where = error.instancePath === "" ? "body" : `body${error.instancePath.replaceAll("/", ".")}`;
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === "enum"
      ? `: ${JSON.stringify(params.allowedValues)}`
      : error.keyword === "additionalProperties"
        ? ` (${String(params.additionalProperty)})`
        : error.keyword === "unevaluatedProperties"
          ? ` (${String(params.unevaluatedProperty)})`
          : "";
  return `${where} ${error.message ?? error.keyword}${detail}`;
}
