// Runs in Node, workerd and browsers alike: base64 is decoded with atob, the web global.

// Runs of base64 or base64url digits long enough to hide a key.
const BASE64_RUN = /[\w+/-]{12,}/g;

/**
 * Whether `text` gives `secret` away in a form a reader can undo: as it is or in another letter
 * case, percent-decoded (up to twice), or base64/base64url-decoded from any run of base64 digits at
 * any alignment. For asserting that an answer, a log or a header never leaks a key; written apart
 * from core's redaction, so a test with it checks that rather than repeats it.
 */
export function exposesSecret(text: string, secret: string): boolean {
  const lower = secret.toLowerCase();
  const decodings = [text];
  for (let level = 0; level < 2; level++) {
    try {
      decodings.push(decodeURIComponent(decodings.at(-1)!.replaceAll(/%(?![0-9a-f]{2})/gi, "%25")));
    } catch {
      break;
    }
  }
  if (decodings.some((decoded) => decoded.toLowerCase().includes(lower))) return true;
  for (const run of text.match(BASE64_RUN) ?? []) {
    for (let skip = 0; skip < 4; skip++) {
      const digits = run.slice(skip).replaceAll("-", "+").replaceAll("_", "/");
      // atob takes unpadded base64 unless one digit is left over, which carries no whole byte.
      const whole = digits.length % 4 === 1 ? digits.slice(0, -1) : digits;
      if (atob(whole).includes(secret)) return true;
    }
  }
  return false;
}
