import {
  type BodyKind,
  bodyKindsOf,
  inputFromForm,
  inputFromJson,
  MAX_IMAGE_BYTES,
  MAX_IMAGES_PER_FIELD,
  type TableOperation,
  type WireInput,
} from "@ideokit/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { errorResponse, invalidRequestResponse } from "../http/error-response.ts";
import { readAtMost } from "../http/read-at-most.ts";
import { readForm } from "../http/read-form.ts";

// The worker reads bodies itself rather than through hono/body-limit: that middleware trusts a
// Content-Length header when one is sent, and a client can lie in it. Here a declared length over
// the limit is refused unread, and every body is cut off by its counted bytes.

/** The largest JSON body the worker reads: a request without files is a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Room for an operation's text parts and the multipart framing beside its files. */
export const FORM_OVERHEAD_BYTES = 1024 * 1024;
/** No multipart body is read past this, whatever an operation's files could weigh. */
export const MAX_FORM_BYTES = 25 * 1024 * 1024;

const NOT_JSON = "The body is not valid JSON.";
const NOT_FORM = "The body is not valid multipart/form-data.";
const MEDIA_TYPES: Record<BodyKind, string> = { json: "application/json", multipart: "multipart/form-data" };

/**
 * The largest multipart body `operation` takes: what its file fields may weigh together (each
 * field's total limit, else its per-file limit times its count), plus {@link FORM_OVERHEAD_BYTES},
 * at most {@link MAX_FORM_BYTES}: 11 MiB for one image, 25 MiB for the operations with reference images.
 */
export function formLimitOf(operation: TableOperation): number {
  let files = 0;
  for (const field of Object.values(operation.fields)) {
    if (field.file === undefined) continue;
    const count = field.kind === "file-list" ? (field.max ?? MAX_IMAGES_PER_FIELD) : 1;
    files += field.file.totalMaxBytes ?? (field.file.maxBytes ?? MAX_IMAGE_BYTES) * count;
  }
  return Math.min(MAX_FORM_BYTES, files + FORM_OVERHEAD_BYTES);
}

function bodyKindOf(c: Context<AppEnv>): BodyKind | undefined {
  const mediaType = c.req.header("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType === MEDIA_TYPES.json) return "json";
  if (mediaType === MEDIA_TYPES.multipart) return "multipart";
  return undefined;
}

async function readJson(c: Context<AppEnv>, operation: TableOperation, signal: AbortSignal) {
  const bytes = await readAtMost(c.req.raw.body, MAX_BODY_BYTES, signal);
  if (bytes === undefined) return undefined;
  try {
    return inputFromJson(operation, JSON.parse(await bytes.text()));
  } catch {
    return NOT_JSON;
  }
}

async function readMultipart(
  c: Context<AppEnv>,
  operation: TableOperation,
  limit: number,
  signal: AbortSignal,
) {
  const form = await readForm(c.req.raw, limit, signal);
  if (form === undefined) return undefined;
  return form === "malformed" ? NOT_FORM : inputFromForm(operation, form);
}

/**
 * Reads `operation`'s body into `c.var.input`, unchecked: only the JSON or multipart body the
 * operation takes (415), at most 16 kB of JSON or {@link formLimitOf} of multipart however it is
 * framed (413), read within REQUEST_BODY_TIMEOUT_MS (408), well-formed (400). A multipart body is
 * parsed as it streams in, so the form's files are the one copy of the upload the worker holds.
 */
export function bodyGuard(operation: TableOperation) {
  const kinds = bodyKindsOf(operation);
  const formLimit = formLimitOf(operation);
  const accepted = kinds.map((kind) => MEDIA_TYPES[kind]).join(" or ");
  return createMiddleware<AppEnv>(async (c, next) => {
    const kind = bodyKindOf(c);
    if (kind === undefined || !kinds.includes(kind)) {
      return errorResponse(c, 415, "unsupported_media_type", `Send the body as ${accepted}.`);
    }
    const limit = kind === "json" ? MAX_BODY_BYTES : formLimit;
    // A declared length over the limit is refused unread; any other is checked against the bytes.
    const declared = Number(c.req.header("content-length"));
    let read: WireInput | string | undefined;
    try {
      const deadline = AbortSignal.timeout(c.get("config").requestBodyTimeoutMs);
      if (declared > limit) read = undefined;
      else if (kind === "json") read = await readJson(c, operation, deadline);
      else read = await readMultipart(c, operation, limit, deadline);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === "TimeoutError")) throw error;
      return errorResponse(c, 408, "request_timeout", "The request body did not arrive in time.");
    }
    if (read === undefined) {
      return errorResponse(c, 413, "payload_too_large", `The body must be at most ${limit} bytes.`);
    }
    if (typeof read === "string") return invalidRequestResponse(c, read, [{ path: [], message: read }]);
    if (read.input === undefined || read.issues.length > 0) {
      return invalidRequestResponse(
        c,
        `The request does not match the ${operation.id} contract.`,
        read.issues,
      );
    }
    c.set("input", read.input);
    await next();
  });
}
