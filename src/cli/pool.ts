// A fixed set of worker threads, one file at a time each. A file that runs past the time limit,
// or whose reading passes the memory limits, has its worker terminated (a hung parse cannot be
// interrupted otherwise) and replaced.
import { basename } from "node:path";
import type { HeapInfo } from "node:v8";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { claimForEnding, newEndGuard, type EndGuard } from "../extract/end-guard.ts";
import type { PdfThreadOptions } from "../extract/pdf-thread.ts";
import type { PackedPageResult } from "../extract/packed-page.ts";
import { failureOf, type PageMessage, type Task, type TaskResult } from "./task.ts";

interface Slot {
  /** null once released; started again when a task needs it. */
  worker: Worker | null;
  /** The kind of task its worker's heap is for. */
  kind: TaskKind;
  busy: boolean;
}

// Beside this module: worker.ts in the sources, worker.js in the build (dist/).
const WORKER_URL = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url);

/** The heaps of worker threads, by the kind of task they run. Both are capped well above what
 * one part of a document needs (PART_PAGES.max pages, ~50 MB live): under a cap V8 grows the
 * old generation far less eagerly. Together with 8 MB semi-spaces (a young generation of 24 MB;
 * Node's default is 16 MB semi-spaces) that took a 1,000-page audit from ~415 to ~255 MB
 * resident, for ~20–30% more time (README, Performance). A thread reading whole files or
 * streaming pages gets 16 MB semi-spaces: fewer objects live through two scavenges, so fewer
 * are promoted and collected again (240 pages streamed 2.22 → 1.91 s and 201 → 182 MB; 200
 * files with --jobs 2 7.89 → 7.10 s; medians of 5 and 4, alternating). Parts of a long PDF keep
 * 8 MB: one whole 240-page file on one worker gained nothing (2.73 against 2.78 s) for 32 MB
 * more, and 1,000 pages on one worker took 258 against 223 MB. A file that passes the cap fails
 * alone with OutOfMemory (its worker is replaced), as a hung one fails with TimeLimit. */
export interface WorkerHeaps {
  whole: ResourceLimits;
  part: ResourceLimits;
  /** What a worker's buffers (outside its heap, so under no cap of V8's) may hold: the file's
   * bytes, inflated streams, decoded images. A stream deflated twice can be a few KB in the
   * file and gigabytes inflated (fixtures/bad/bomb.pdf: 4.3 GB resident for 4 KB); a file
   * past this fails alone with OutOfMemory. The largest seen in a real read: 93 MB (a 58 MB
   * PDF with a font per page). Each inflate on a worker stops at it too (pdf-thread.ts). */
  buffersMb: number;
}

export const WORKER_HEAPS: WorkerHeaps = {
  whole: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 32 },
  part: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 24 },
  buffersMb: 1024,
};

type TaskKind = "whole" | "part";
const kindOf = (task: Omit<Task, "id">): TaskKind => (task.share ? "part" : "whole");

/** How often a busy worker's memory is measured. An interrupt of the worker's thread, served
 * between two JavaScript steps: a native inflate, capped, runs to its end first. */
const MEMORY_CHECK_MS = 100;

/** The share of its heap limit at which a worker is ended by the pool, before V8 reaches the
 * limit. V8 ends a worker at its limit only if it can: one array grown by push past it (pdf.js's
 * operator list of a page of 25 million operators, fixtures/bad/huge-page.pdf, 2 KB) aborts
 * the whole process with "Reached heap limit" (nodejs/node#47224). */
const HEAP_SHARE = 0.85;

/** Why a worker's memory, so measured, is past what the pool allows: a detail for OutOfMemory. */
function memoryOverLimit(heap: HeapInfo, heaps: WorkerHeaps, kind: TaskKind): string | null {
  if (heap.external_memory > heaps.buffersMb * 2 ** 20) return `buffers over ${heaps.buffersMb} MB`;
  if (heap.used_heap_size > HEAP_SHARE * heap.heap_size_limit) return heapOverLimit(heaps, kind);
  return null;
}

const heapOverLimit = (heaps: WorkerHeaps, kind: TaskKind) => `heap over ${heaps[kind].maxOldGenerationSizeMb} MB`;

/** What a worker is started with: how its thread is prepared for pdf.js. Its end guard is
 * taken before it is terminated, so that it is not inflating then (end-guard.ts); its inflates
 * stop at WorkerHeaps.buffersMb. */
export type WorkerData = Required<PdfThreadOptions>;

const endGuards = new WeakMap<Worker, EndGuard>();

/** A worker thread, loading pdf.js, with the given heap (by default, that for whole files). */
export function startWorker(heap: ResourceLimits = WORKER_HEAPS.whole, buffersMb = WORKER_HEAPS.buffersMb): Worker {
  const endGuard = newEndGuard();
  const workerData: WorkerData = { endGuard, maxInflatedBytes: buffersMb * 2 ** 20 };
  const worker = new Worker(WORKER_URL, { resourceLimits: heap, workerData });
  endGuards.set(worker, endGuard);
  return worker;
}

/** Terminates a worker of startWorker's once it is outside zlib: terminated inside, it would
 * abort this whole process (end-guard.ts). Resolves when it has ended. */
export async function endWorker(worker: Worker | null | undefined): Promise<void> {
  if (!worker) return;
  const guard = endGuards.get(worker);
  if (guard) await claimForEnding(guard);
  await worker.terminate();
}

export class WorkerPool {
  private slots: Slot[] = [];
  private readonly timeoutMs: number;
  private readonly heaps: WorkerHeaps;
  private startedCount: number;

  /** `started`: workers already loading (the CLI starts one before it parses its arguments),
   * with the heap for whole files. The others start when a task needs them, or on `start`. */
  constructor(size: number, timeoutMs: number, started: Worker[] = [], heaps: WorkerHeaps = WORKER_HEAPS) {
    this.timeoutMs = timeoutMs;
    this.heaps = heaps;
    this.startedCount = Math.min(size, started.length);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: started[i] ?? null, kind: "whole", busy: false };
      this.slots.push(slot);
      if (slot.worker) this.watch(slot, slot.worker);
    }
    for (const extra of started.slice(size)) void endWorker(extra);
  }

  /** A worker that ends between tasks (nothing should end it, short of running out of memory
   * while idle) is started again by the next task, instead of being sent one it cannot answer;
   * and its error, with no task to fail, does not end this process. */
  private watch(slot: Slot, worker: Worker): void {
    worker.on("error", () => undefined);
    worker.once("exit", () => {
      if (slot.worker === worker) slot.worker = null;
    });
  }

  /** Starts up to `count` workers for tasks of a kind now, so that they load pdf.js while other
   * work goes on. Not more than will be used: a worker loading pdf.js for nothing takes a core
   * from the one that reads (a 24-page file read ~17% slower with an idle second worker starting
   * beside it). An idle worker with the other kind's heap is replaced: the CLI starts workers
   * for parts as it splits a long PDF, so that the memory bound holds for them. */
  start(count: number, kind: TaskKind = "whole"): void {
    for (const slot of this.slots.slice(0, count)) if (!slot.busy) this.readyFor(slot, kind);
  }

  /** How many workers were started, from the first task to now (--verbose says it). */
  get started(): number {
    return this.startedCount;
  }

  private startIn(slot: Slot, kind: TaskKind): Worker {
    this.startedCount++;
    const worker = (slot.worker = startWorker(this.heaps[kind], this.heaps.buffersMb));
    slot.kind = kind;
    this.watch(slot, worker);
    return worker;
  }

  /** The slot's worker, started (or replaced) with the heap for tasks of this kind. */
  private readyFor(slot: Slot, kind: TaskKind): void {
    if (slot.worker && slot.kind === kind) return;
    void endWorker(slot.worker);
    this.startIn(slot, kind);
  }

  /** Runs a task on an idle worker (started for the task's kind if there is none);
   * callers bound concurrency to the pool's size (p-limit).
   * A task with `streamPages` hands each page to `onPage` as the worker reads it. */
  run(task: Omit<Task, "id">, id: number, onPage?: (page: PackedPageResult) => void): Promise<TaskResult> {
    const slot = this.slots.find((s) => !s.busy);
    if (!slot) return Promise.reject(new Error("no idle worker: bound concurrency to the pool size"));
    slot.busy = true;
    // Whatever heap a running worker has, it takes the task: replacing it costs a start.
    const worker = slot.worker ?? this.startIn(slot, kindOf(task));
    return new Promise((resolve) => {
      let finished = false;
      const finish = (result: TaskResult) => {
        finished = true;
        clearTimeout(timer);
        clearInterval(memoryCheck);
        worker.off("message", onMessage);
        worker.off("error", onError);
        slot.busy = false;
        resolve(result);
      };
      const onMessage = (message: TaskResult | PageMessage) => {
        if (message.id !== id) return;
        if (!("page" in message)) return finish(message);
        try {
          onPage?.(message.page);
        } catch (e) {
          this.replace(slot); // the rest of its pages are not wanted
          finish(failureOf(id, e));
        }
      };
      const onError = (error: Error & { code?: string }) => {
        this.replace(slot);
        if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") return finish({ id, ok: false, internal: error.stack ?? error.message });
        finish({ id, ok: false, error: { code: "OutOfMemory", file: basename(task.path), detail: heapOverLimit(this.heaps, slot.kind) } });
      };
      const timer = setTimeout(() => {
        this.replace(slot);
        finish({ id, ok: false, error: { code: "TimeLimit", file: basename(task.path), detail: `${this.timeoutMs / 1000} s` } });
      }, this.timeoutMs);
      const memoryCheck = setInterval(() => {
        worker.getHeapStatistics().then((heap) => {
          const over = finished ? null : memoryOverLimit(heap, this.heaps, slot.kind);
          if (!over) return;
          this.replace(slot);
          finish({ id, ok: false, error: { code: "OutOfMemory", file: basename(task.path), detail: over } });
        }, () => undefined); // it has just ended: its exit or error is heard
      }, MEMORY_CHECK_MS);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ ...task, id });
    });
  }

  private replace(slot: Slot) {
    void endWorker(slot.worker);
    this.startIn(slot, slot.kind);
  }

  /** Ends the idle workers, returning their memory while this thread finishes the last
   * reports; a later task starts its worker again. */
  async releaseIdle(): Promise<void> {
    const idle = this.slots.filter((s) => !s.busy && s.worker);
    await Promise.all(idle.map((s) => {
      const worker = s.worker!;
      s.worker = null;
      return endWorker(worker);
    }));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => endWorker(s.worker)));
  }
}
