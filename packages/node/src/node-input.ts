import type { FileInput } from "@ideokit/core";
import type { ImageSource } from "./image-source.ts";

type Sourced<T> = T extends FileInput
  ? ImageSource
  : T extends readonly FileInput[]
    ? readonly ImageSource[]
    : T;

/** An operation's input as a Node call takes it: every file field also accepts any {@link ImageSource}. */
export type NodeInput<I> = { [K in keyof I]: Sourced<I[K]> };
