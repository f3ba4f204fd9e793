// One worker thread holding one pdf.js instance: reads and extracts the files it is sent.
// pdf.js parses on the calling thread, so files run in parallel only on separate threads.
import { readFileSync, statSync, type Stats } from "node:fs";
import { basename } from "node:path";
import { enableCompileCache } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { InputError, systemCode } from "../errors.ts";
import { preparePdfThread } from "../extract/pdf-thread.ts";
import { isPdf } from "../input.ts";
import { packPage } from "../extract/packed-page.ts";
import { readUnlessLong, sha256, type ExtractOptions } from "../open.ts";
import { claimPages } from "./parts.ts";
import { failureOf, type PageMessage, type Task, type TaskResult } from "./task.ts";
import { collectYoungGarbage, prepareYoungGarbage } from "./young-garbage.ts";
import type { WorkerData } from "./pool.ts";

enableCompileCache?.(); // each thread has its own module loader; share the on-disk cache
const data: Partial<WorkerData> = (workerData as WorkerData | null) ?? {};
preparePdfThread(data); // before pdf.js loads
prepareYoungGarbage(data.endGuard ?? null);
// Load pdf.js now, while the main thread is still reading its arguments and inputs.
const pdfReady = import("../extract/pdf.ts");

/** A PDF's pages sent back as they are read (PageMessage), unread into sheets. */
async function streamPages(task: Task, bytes: Uint8Array, options: ExtractOptions): Promise<TaskResult> {
  const { pages, read } = await readUnlessLong(bytes, basename(task.path), options, task.splitAbove, async (doc) => {
    for await (const page of doc.pages()) parentPort!.postMessage({ id: task.id, page: packPage(page) } satisfies PageMessage);
    return true;
  });
  const counted = { pages, sha256: sha256(bytes) };
  return read ? { id: task.id, ok: true, streamed: counted } : { id: task.id, ok: true, split: counted };
}

/** The file's bytes, if it is a file within the size limit. Read synchronously: this thread
 * does nothing else meanwhile, and each asynchronous call was a round trip through libuv's
 * thread pool (with the outputs written so too, 200 files took 8.26 → 7.91 s with --jobs 1 and
 * 5.83 → 5.31 s with --jobs 2, medians of 5 alternating). */
function readWithin(path: string, file: string, maxSize: number): Buffer {
  const unreadable = (e: unknown) => new InputError("Unreadable", file, systemCode(e));
  let info: Stats;
  try {
    info = statSync(path);
  } catch (e) {
    throw unreadable(e);
  }
  if (info.isDirectory()) throw new InputError("Unreadable", file, "a folder, not a file");
  if (info.size > maxSize) throw new InputError("TooLarge", file, `${info.size} bytes, limit ${maxSize}`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw unreadable(e); // EACCES: a file can be seen but not read
  }
}

async function run(task: Task): Promise<TaskResult> {
  const file = basename(task.path);
  try {
    const bytes = readWithin(task.path, file, task.maxSize);
    const options = { password: task.password, maxPages: task.maxPages };
    if (task.share) {
      const { from, to } = task.share.range;
      if (sha256(bytes) !== task.sha256) throw new InputError("ChangedWhileRead", file, `pages ${from}–${to}`);
      const { extractPages } = await import("../report.ts");
      return { id: task.id, ok: true, part: await extractPages(bytes, task.path, options, claimPages(task.share)) };
    }
    if (task.streamPages && isPdf(bytes)) return await streamPages(task, bytes, options);
    // The stages after extraction (normalize, model, outputs) are loaded by the first task that
    // needs them: a task that streams its pages back does not, and reads its first page sooner.
    const [{ extractOrCount }, { finishReport }] = await Promise.all([import("../report.ts"), import("./finish.ts")]);
    const read = await extractOrCount(bytes, task.path, options, task.splitAbove);
    if (!("report" in read)) return { id: task.id, ok: true, split: read };
    return { id: task.id, ok: true, ...finishReport(read.report, task) };
  } catch (e) {
    return failureOf(task.id, e);
  }
}

parentPort!.on("message", async (task: Task) => {
  await pdfReady.catch(() => undefined); // a failure to load shows when a PDF is read
  parentPort!.postMessage(await run(task));
  collectYoungGarbage(); // while the main thread takes the result
});
