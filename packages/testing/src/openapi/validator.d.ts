import { type ErrorObject } from "ajv";
import { type PartEncoding, type SchemaNode } from "./form-data-object.ts";
/** One problem the spec finds, in ajv's shape (`instancePath` is a JSON pointer into the body). */
export type SpecError = ErrorObject;
/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
    paths: Record<string, Record<string, OpenApiOperation | unknown>>;
    components?: {
        schemas?: Record<string, unknown>;
    };
}
interface MediaType {
    schema?: SchemaNode;
    encoding?: Record<string, PartEncoding>;
}
interface OpenApiOperation {
    requestBody?: {
        content?: Record<string, MediaType>;
    };
    responses?: Record<string, {
        content?: Record<string, MediaType>;
    }>;
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
export declare class SpecAssertionError extends Error {
    readonly name = "AssertionError";
    /** What was checked: "The 200 answer of /generate". */
    readonly where: string;
    readonly errors: readonly SpecError[];
    constructor(where: string, errors: readonly SpecError[]);
}
/** A validator for `document` (ajv, schemas compiled on first use per path and content type). */
export declare function createSpecValidator(document: OpenApiDocument): SpecValidator;
export {};
