/**
 * The upstream calls in flight in this isolate, by cache key: identical requests that arrive while
 * one is being answered wait for it instead of calling the upstream again. An entry lives as long
 * as its call.
 */
export interface InFlight<T> {
  /** Runs `work` under `key`, or joins the run already in flight (calling `onJoin`); `joined` says which. */
  share(key: string, work: () => Promise<T>, onJoin?: () => void): Promise<{ value: T; joined: boolean }>;
}

/** Creates an isolate's registry of calls in flight. */
export function createInFlight<T>(): InFlight<T> {
  const running = new Map<string, Promise<T>>();
  return {
    async share(key, work, onJoin) {
      const existing = running.get(key);
      if (existing !== undefined) {
        onJoin?.();
        return { value: await existing, joined: true };
      }
      const call = work().finally(() => {
        if (running.get(key) === call) running.delete(key);
      });
      running.set(key, call);
      return { value: await call, joined: false };
    },
  };
}
