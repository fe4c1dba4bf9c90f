/** A writable text sink such as process.stderr. */
export interface TextOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Shows "generating… Ns" on a terminal while a call is in flight; does nothing elsewhere. Returns a stop function that clears the line. */
export function showElapsed(output: TextOutput, label: string): () => void {
  if (!output.isTTY) return () => {};
  const started = Date.now();
  const draw = () => output.write(`\r\x1b[K${label}… ${Math.floor((Date.now() - started) / 1000)}s`);
  draw();
  const timer = setInterval(draw, 1000);
  return () => {
    clearInterval(timer);
    output.write("\r\x1b[K");
  };
}
