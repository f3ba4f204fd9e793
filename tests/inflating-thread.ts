// A worker thread that inflates in a loop until it is terminated, through the end guard or
// not (workerData.guarded): the thread tests/end-guard.test.ts ends again and again.
import { parentPort, workerData } from "node:worker_threads";
import { deflateSync, inflateSync } from "node:zlib";
import { unlessEnding } from "../src/extract/end-guard.ts";

const deflated = deflateSync(Buffer.alloc(4000, 7));
const guard = workerData.guarded ? workerData.endGuard : null;
parentPort!.postMessage("inflating");
for (;;) {
  try {
    unlessEnding(guard, () => inflateSync(deflated));
  } catch {
    // being ended: the termination is on its way
  }
}
