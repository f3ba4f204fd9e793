// A worker thread that does, in a loop until it is terminated, work it must not be terminated
// in (workerData.work: "inflate", or "gc-context", making young-garbage.ts's collector), inside
// the end guard or not (workerData.guarded): the thread tests/end-guard.test.ts ends again and again.
import { parentPort, workerData } from "node:worker_threads";
import { deflateSync, inflateSync } from "node:zlib";
import { prepareYoungGarbage } from "../src/cli/young-garbage.ts";
import { unlessEnding } from "../src/extract/end-guard.ts";

const deflated = deflateSync(Buffer.alloc(4000, 7));
const guard = workerData.guarded ? workerData.endGuard : null;
const work = workerData.work === "inflate" ? () => unlessEnding(guard, () => inflateSync(deflated)) : () => prepareYoungGarbage(guard);
parentPort!.postMessage("started");
for (;;) {
  try {
    work();
  } catch {
    // being ended: the termination is on its way
  }
}
