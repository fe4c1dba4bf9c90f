import type { ImageAnswer } from "./image-headers.ts";

/** A finished upstream download, kept for the requests that asked for the image while it ran. */
export interface SharedImage {
  described: Pick<ImageAnswer, "contentType" | "contentLength">;
  bytes: Blob;
}

/** One download in flight, as its leader drives it. */
export interface Download {
  /** Ends the download: with the whole image, or undefined when it failed. */
  settle(image: SharedImage | undefined): void;
}

/**
 * The image downloads in flight in this isolate, by image id: concurrent requests for one uncached
 * image share one upstream fetch (40 GETs, one download) and get its bytes once it has ended. An
 * entry lives as long as its download.
 */
export interface SharedDownloads {
  /** The download of `id` already running, if any: settles with the image, or undefined if it failed. */
  running(id: string): Promise<SharedImage | undefined> | undefined;
  /** Registers the download of `id` that the caller is about to start. */
  start(id: string): Download;
}

/** Creates the per-isolate registry of downloads in flight. */
export function createSharedDownloads(): SharedDownloads {
  const inFlight = new Map<string, Promise<SharedImage | undefined>>();
  return {
    running: (id) => inFlight.get(id),
    start(id) {
      let resolve: (image: SharedImage | undefined) => void = () => {};
      const result = new Promise<SharedImage | undefined>((settle) => {
        resolve = settle;
      });
      inFlight.set(id, result);
      return {
        settle(image) {
          if (inFlight.get(id) === result) inFlight.delete(id);
          resolve(image);
        },
      };
    },
  };
}
