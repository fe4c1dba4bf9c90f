const EXPIRY_PARAMETER = /[?&]exp=(\d+)(?=[&#]|$)/;

/** When a signed image URL stops working, read from its `exp=` (unix seconds) parameter. */
export function imageUrlExpiresAt(url: string): Date | undefined {
  const match = EXPIRY_PARAMETER.exec(url);
  return match ? new Date(Number(match[1]) * 1000) : undefined;
}

/** Whether the URL's `exp=` time has passed at `now` (default: the current time); false when it has none. */
export function isImageUrlExpired(url: string, now: Date | number = Date.now()): boolean {
  const expiresAt = imageUrlExpiresAt(url);
  return expiresAt !== undefined && expiresAt.getTime() <= Number(now);
}
