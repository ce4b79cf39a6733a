/**
 * Long corpus-wide work done a slice at a time. A computation is written as a generator that yields between small
 * steps (`Steps<T>`); `finish` runs it in one go, a `Slicer` runs it giving the event loop a turn after each `turnMs`
 * of work, so an interaction's acknowledgement due meanwhile is sent on time (the first /compare or digest of a large
 * corpus takes seconds). One slicer's budget spans every computation it runs, in order.
 */
export type Steps<T> = Generator<void, T, void>;

/** Run the steps to their end without yielding. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface Slicer {
  run<T>(steps: Steps<T>): Promise<T>;
}

/** A slicer giving the event loop a turn (setImmediate) after each `turnMs` of work; 0 yields after every step. */
export function slicer(turnMs = 10): Slicer {
  let t0 = performance.now();
  return {
    async run<T>(steps: Steps<T>): Promise<T> {
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        if (performance.now() - t0 >= turnMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          t0 = performance.now();
        }
      }
    },
  };
}
