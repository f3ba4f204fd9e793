// A worker's young generation, collected between files. When a file is done nearly everything
// it allocated is garbage, so a scavenge then copies almost nothing (~1 ms). Left to V8, the
// scavenge falls inside the next file and copies that document's live structures (its parsed
// objects, fonts, page readings), some of them into the old generation, whose collections
// cost far more (--trace-gc: one such scavenge per four-page file, ~2 MB kept). 200 files took
// 8.78 → 7.74 s with --jobs 1 (medians of 8 alternating runs; faster in 6 of the 8 pairs); with
// --jobs 2 the medians were equal but 7 of the 8 pairs faster (means 5.47 → 5.21 s).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { unlessEnding, type EndGuard } from "../extract/end-guard.ts";

type Collect = (options: { type: "minor"; execution: "sync" }) => void;

/** V8's `gc`, exposed to one new context only: this thread's globals do not get it. The flag is
 * process-wide and read as a context is made, and workers start side by side: another worker
 * may unset it between this one's setting it and making its context, so it tries again. */
function exposedCollector(attempts = 3): Collect | null {
  const alreadyExposed = process.execArgv.includes("--expose-gc");
  for (let i = 0; i < attempts; i++) {
    try {
      setFlagsFromString("--expose-gc");
      return runInNewContext("gc") as Collect;
    } catch {
      // no `gc` in the new context: unset meanwhile, or refused by V8
    } finally {
      if (!alreadyExposed) setFlagsFromString("--no-expose-gc");
    }
  }
  return null; // V8 then collects on its own schedule, as it would anyway
}

let collect: Collect | null | undefined;

/** Makes this thread's collector now, inside the thread's end guard (end-guard.ts): a worker
 * ended while V8 makes the context prints V8's complaint and Node's vm source to stdout. A
 * thread already being ended gets none. */
export function prepareYoungGarbage(guard: EndGuard | null): void {
  try {
    collect = unlessEnding(guard, () => exposedCollector());
  } catch {
    collect = null; // being ended
  }
}

/** Collects this thread's young generation now. */
export function collectYoungGarbage(): void {
  if (collect === undefined) prepareYoungGarbage(null); // a thread that no one ends
  collect?.({ type: "minor", execution: "sync" });
}
