// What both entry points export besides core's API, so `/lite` stays the main entry minus validation.
export type { ClientBase, IdeogramClient } from "./client.ts";
export { type FetchImageOptions, fetchImage } from "./fetch-image.ts";
export { type ImageObjectURL, imageObjectURL } from "./image-object-url.ts";
export type { UploadProgress, UploadProgressListener } from "./ky-transport.ts";
export type { ClientMethod, MethodsOf } from "./operation-methods.ts";
export type { BrowserRequestOptions } from "./request-options.ts";
export { DEFAULT_BROWSER_BASE_URL } from "./resolve-client-options.ts";
