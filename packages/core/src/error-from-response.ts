import {
  APIError,
  type APIErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors.ts";
import { retryAfterMs } from "./retry.ts";

const CLASS_BY_STATUS: Record<number, new (init: APIErrorInit) => APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
};

/** The {@link APIError} subclass for a non-2xx answer, with `secrets` redacted from message, body and headers. */
export function errorFromResponse(response: APIErrorInit): APIError {
  if (response.status === 429)
    return new RateLimitError({ ...response, retryAfterMs: retryAfterMs(response.headers) });
  if (response.status >= 500) return new InternalServerError(response);
  const ErrorClass = CLASS_BY_STATUS[response.status] ?? APIError;
  return new ErrorClass(response);
}
