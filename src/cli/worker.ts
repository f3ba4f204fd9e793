// One worker thread holding one pdf.js instance: reads and extracts the files it is sent.
// pdf.js parses on the calling thread, so files run in parallel only on separate threads.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { enableCompileCache } from "node:module";
import { parentPort } from "node:worker_threads";
import { InputError } from "../errors.ts";
import { audit, extract } from "../report.ts";
import { writeReport } from "./outputs.ts";
import type { Task, TaskResult } from "./pool.ts";

enableCompileCache?.(); // each thread has its own module loader; share the on-disk cache
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
    const extracted = await extract(bytes, task.path, { password: task.password, maxPages: task.maxPages });
    const report = task.audit ? audit(extracted) : extracted;
    const summary = { sheets: report.sheets.length, findings: report.findings.length, errors: report.findings.filter((f) => f.severity === "error").length };
    if (task.write) await writeReport(task.write.dir, task.write.stem, report, task.write.formats);
    return { id: task.id, ok: true, report: task.returnReport ? report : null, summary };
  } catch (e) {
    if (e instanceof InputError) return { id: task.id, ok: false, error: { code: e.code, file: e.file, detail: e.detail } };
    return { id: task.id, ok: false, internal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

parentPort!.on("message", async (task: Task) => {
  await pdfReady.catch(() => undefined); // a failure to load shows when a PDF is read
  parentPort!.postMessage(await run(task));
});
