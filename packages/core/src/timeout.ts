/** Per-attempt timeout the ideokit clients use unless told otherwise: generation commonly takes tens of seconds. */
export const DEFAULT_TIMEOUT_MS = 120_000;
