/**
 * Thrown (as a rejected fetch) when the emulator drops a connection: the `reset` fault, or a
 * `hang` whose client gave up. The Node server turns it into a destroyed socket; callers that use
 * `emulator.fetch` in-process see it as a network error, like fetch's own.
 */
export class ConnectionResetError extends Error {
  override name = "ConnectionResetError";
  /** Same code as Node's socket error. */
  readonly code = "ECONNRESET";

  constructor(message = "emulated connection reset") {
    super(message);
  }
}
