// One worker thread holding one pdf.js instance: reads and extracts the files it is sent.
// pdf.js parses on the calling thread, so files run in parallel only on separate threads.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { enableCompileCache } from "node:module";
import { parentPort } from "node:worker_threads";
import { InputError } from "../errors.ts";
import { preparePdfThread } from "../extract/pdf-thread.ts";
import { extractOrCount, extractPages, sha256 } from "../report.ts";
import { failureOf, finishReport } from "./finish.ts";
import { claimPages } from "./parts.ts";
import type { Task, TaskResult } from "./pool.ts";

enableCompileCache?.(); // each thread has its own module loader; share the on-disk cache
preparePdfThread(); // before pdf.js loads
// Load pdf.js now, while the main thread is still reading its arguments and inputs.
const pdfReady = import("../extract/pdf.ts");

async function run(task: Task): Promise<TaskResult> {
  const file = basename(task.path);
  try {
    const info = await stat(task.path).catch((e: NodeJS.ErrnoException) => {
      throw new InputError("Unreadable", file, e.code ?? e.message);
    });
    if (info.isDirectory()) throw new InputError("Unreadable", file, "a folder, not a file");
    if (info.size > task.maxSize) throw new InputError("TooLarge", file, `${info.size} bytes, limit ${task.maxSize}`);
    const bytes = await readFile(task.path);
    const options = { password: task.password, maxPages: task.maxPages };
    if (task.share) {
      const { from, to } = task.share.range;
      if (sha256(bytes) !== task.sha256) throw new InputError("ChangedWhileRead", file, `pages ${from}–${to}`);
      return { id: task.id, ok: true, part: await extractPages(bytes, task.path, options, claimPages(task.share)) };
    }
    const read = await extractOrCount(bytes, task.path, options, task.splitAbove);
    if (!("report" in read)) return { id: task.id, ok: true, split: read };
    return { id: task.id, ok: true, ...(await finishReport(read.report, task)) };
  } catch (e) {
    return failureOf(task.id, e);
  }
}

parentPort!.on("message", async (task: Task) => {
  await pdfReady.catch(() => undefined); // a failure to load shows when a PDF is read
  parentPort!.postMessage(await run(task));
});
