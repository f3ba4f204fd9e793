// One worker thread holding one pdf.js instance: reads and extracts the files it is sent.
// pdf.js parses on the calling thread, so files run in parallel only on separate threads.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { enableCompileCache } from "node:module";
import { parentPort } from "node:worker_threads";
import { InputError } from "../errors.ts";
import { extract } from "../report.ts";
import type { Task, TaskResult } from "./pool.ts";

enableCompileCache?.(); // each thread has its own module loader; share the on-disk cache

async function run(task: Task): Promise<TaskResult> {
  const file = basename(task.path);
  try {
    const info = await stat(task.path).catch((e: NodeJS.ErrnoException) => {
      throw new InputError("Unreadable", file, e.code ?? e.message);
    });
    if (info.isDirectory()) throw new InputError("Unreadable", file, "a folder, not a file");
    if (info.size > task.maxSize) throw new InputError("TooLarge", file, `${info.size} bytes, limit ${task.maxSize}`);
    const bytes = await readFile(task.path);
    const report = await extract(bytes, task.path, { password: task.password, maxPages: task.maxPages });
    return { id: task.id, ok: true, report };
  } catch (e) {
    if (e instanceof InputError) return { id: task.id, ok: false, error: { code: e.code, file: e.file, detail: e.detail } };
    return { id: task.id, ok: false, internal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

parentPort!.on("message", async (task: Task) => parentPort!.postMessage(await run(task)));
