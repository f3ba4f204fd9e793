// Starts and terminates workers (tests/guarded-thread.ts) one at a time, each 0–20 ms after it
// has begun its work, with or without taking the end guard first: tests/end-guard.test.ts runs
// it in a child process, since an abort takes the whole process.
// Usage: node end-workers.ts inflate|gc-context guarded|unguarded TIMES
import { Worker } from "node:worker_threads";
import { claimForEnding, newEndGuard } from "../src/extract/end-guard.ts";

const [work, how, times] = [process.argv[2], process.argv[3] === "guarded", Number(process.argv[4])];
for (let i = 0; i < times; i++) {
  const endGuard = newEndGuard();
  const worker = new Worker(new URL("./guarded-thread.ts", import.meta.url), { workerData: { endGuard, guarded: how, work } });
  await new Promise((resolve) => worker.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  if (how) await claimForEnding(endGuard);
  await worker.terminate();
}
console.error(`all ${times} ended`);
