// Node aborts the whole process, not just the thread, when a worker thread is terminated while
// a zlib object is being constructed: the half-made handle fails an assertion as the thread is
// freed (node_zlib.cc, "close before init"; Node 22.23). It took the test run down once, when
// a worker streaming pages was replaced, and terminating workers that inflate in a loop
// reproduces it within seconds. A thread that inflates on itself (pdf-thread.ts) therefore
// holds a shared word while it inflates, and the thread that ends it takes the word first.

const FREE = 0;
const INFLATING = 1;
const ENDING = 2;

/** One word shared by a worker thread and the thread that may end it. */
export type EndGuard = Int32Array;

export const newEndGuard = (): EndGuard => new Int32Array(new SharedArrayBuffer(4));

/** `work` (which may construct zlib objects), unless the thread is being ended: then it throws
 * instead, and the termination already on its way finds the thread outside zlib. */
export function unlessEnding<T>(guard: EndGuard | null, work: () => T): T {
  if (!guard) return work();
  if (Atomics.compareExchange(guard, 0, FREE, INFLATING) !== FREE) throw new Error("this thread is being ended");
  try {
    return work();
  } finally {
    Atomics.store(guard, 0, FREE);
  }
}

/** Resolves once the guarded thread can be terminated: it is not inflating, and will not start. */
export async function claimForEnding(guard: EndGuard): Promise<void> {
  while (Atomics.compareExchange(guard, 0, FREE, ENDING) === INFLATING) await new Promise((resolve) => setTimeout(resolve, 1));
}
