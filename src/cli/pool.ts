// A fixed set of worker threads, one file at a time each. A file that runs past the time limit
// has its worker terminated (a hung parse cannot be interrupted otherwise) and replaced.
import { Worker } from "node:worker_threads";
import type { ErrorCode } from "../errors.ts";
import type { Report } from "../model/schema.ts";
import type { Format } from "./outputs.ts";

export interface Task {
  id: number;
  path: string;
  password?: string;
  maxSize: number;
  maxPages: number;
  /** Audit the report on the worker (a single report's rules need nothing else). */
  audit: boolean;
  /** Write the outputs on the worker (as each file finishes). */
  write: { dir: string; stem: string; formats: Format[] } | null;
  /** Send the report back; without it only a summary crosses threads, which keeps the main
   * thread's memory down and its time free. */
  returnReport: boolean;
}

export interface Summary {
  sheets: number;
  findings: number;
  errors: number;
}

export type TaskResult =
  | { id: number; ok: true; report: Report | null; summary: Summary }
  | { id: number; ok: false; error: { code: ErrorCode; file: string; detail: string | null } }
  | { id: number; ok: false; internal: string };

interface Slot {
  worker: Worker;
  busy: boolean;
}

export const WORKER_URL = new URL("./worker.ts", import.meta.url);

export class WorkerPool {
  private slots: Slot[] = [];
  private readonly timeoutMs: number;

  /** `started`: workers already loading (the CLI starts one before it parses its arguments). */
  constructor(size: number, timeoutMs: number, started: Worker[] = []) {
    this.timeoutMs = timeoutMs;
    for (let i = 0; i < size; i++) this.slots.push({ worker: started[i] ?? new Worker(WORKER_URL), busy: false });
    for (const extra of started.slice(size)) void extra.terminate();
  }

  /** Runs a task on an idle worker; callers bound concurrency to the pool's size (p-limit). */
  run(task: Omit<Task, "id">, id: number): Promise<TaskResult> {
    const slot = this.slots.find((s) => !s.busy);
    if (!slot) return Promise.reject(new Error("no idle worker: bound concurrency to the pool size"));
    slot.busy = true;
    return new Promise((resolve) => {
      const finish = (result: TaskResult) => {
        clearTimeout(timer);
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onError);
        slot.busy = false;
        resolve(result);
      };
      const onMessage = (result: TaskResult) => result.id === id && finish(result);
      const onError = (error: Error) => {
        this.replace(slot);
        finish({ id, ok: false, internal: error.stack ?? error.message });
      };
      const timer = setTimeout(() => {
        this.replace(slot);
        const file = task.path.split("/").pop() ?? task.path;
        finish({ id, ok: false, error: { code: "TimeLimit", file, detail: `${this.timeoutMs / 1000} s` } });
      }, this.timeoutMs);
      slot.worker.on("message", onMessage);
      slot.worker.on("error", onError);
      slot.worker.postMessage({ ...task, id });
    });
  }

  private replace(slot: Slot) {
    void slot.worker.terminate();
    slot.worker = new Worker(WORKER_URL);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
