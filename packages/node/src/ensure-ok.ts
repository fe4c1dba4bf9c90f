import { errorFromResponse } from "@ideokit/core";
import { type OpenResponse, readText } from "./open-response.ts";

/** Throws core's APIError for a non-2xx answer, its body read as JSON when it is JSON, else as text. */
export async function ensureOk(response: OpenResponse, secrets: readonly string[] = []): Promise<void> {
  if (response.status >= 200 && response.status < 300) return;
  const body = parseErrorBody(await readText(response));
  throw errorFromResponse({ status: response.status, headers: response.headers, body, secrets });
}

function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
