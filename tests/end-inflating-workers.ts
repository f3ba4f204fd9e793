// Starts and terminates inflating workers (tests/inflating-thread.ts) one at a time, each 0–20 ms
// after it has begun inflating, with or without taking the end guard first: tests/end-guard.test.ts runs it in a
// child process, since an abort takes the whole process. Usage: node end-inflating-workers.ts guarded|unguarded TIMES
import { Worker } from "node:worker_threads";
import { claimForEnding, newEndGuard } from "../src/extract/end-guard.ts";

const guarded = process.argv[2] === "guarded";
const times = Number(process.argv[3]);
for (let i = 0; i < times; i++) {
  const endGuard = newEndGuard();
  const worker = new Worker(new URL("./inflating-thread.ts", import.meta.url), { workerData: { endGuard, guarded } });
  await new Promise((resolve) => worker.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  if (guarded) await claimForEnding(endGuard);
  await worker.terminate();
}
console.log(`all ${times} ended`);
