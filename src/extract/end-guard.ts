// Work that a worker thread must not be terminated in the middle of:
// - constructing a zlib object: Node aborts the whole process, not just the thread, as the
//   half-made handle fails an assertion when the thread is freed (node_zlib.cc, "close before
//   init"; Node 22.23). It took the test run down once, when a worker streaming pages was
//   replaced; terminating workers that inflate in a loop reproduces it within seconds;
// - making a context with V8's gc extension (young-garbage.ts): V8 then prints "Error
//   installing extension 'v8/gc'" to stderr and the source of Node's vm module to the
//   process's stdout, into a report written there (a usage error's early exit did it 1 run in
//   ~60 under load: the prestarted worker was ended as it started).
// Such a thread holds a shared word while it does that work, and the thread that ends it takes
// the word first.

/** The word's bits: the thread is in guarded work; the thread is to be ended. */
const FREE = 0;
const GUARDED = 1;
const ENDING = 2;

/** One word shared by a worker thread and the thread that may end it. */
export type EndGuard = Int32Array;

export const newEndGuard = (): EndGuard => new Int32Array(new SharedArrayBuffer(4));

/** `work`, unless the thread is being ended: then it throws instead, and the termination
 * already on its way finds the thread outside that work. */
export function unlessEnding<T>(guard: EndGuard | null, work: () => T): T {
  if (!guard) return work();
  if (Atomics.compareExchange(guard, 0, FREE, GUARDED) !== FREE) throw new Error("this thread is being ended");
  try {
    return work();
  } finally {
    Atomics.and(guard, 0, ~GUARDED); // an ENDING set meanwhile stays
  }
}

/** Resolves once the guarded thread can be terminated: it is not in guarded work, and will not
 * start any. The claim is made at once, so that a thread doing guarded work back to back
 * cannot keep the one ending it waiting. */
export async function claimForEnding(guard: EndGuard): Promise<void> {
  Atomics.or(guard, 0, ENDING);
  while (Atomics.load(guard, 0) & GUARDED) await new Promise((resolve) => setTimeout(resolve, 1));
}
