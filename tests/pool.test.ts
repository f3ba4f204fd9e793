// The worker pool keeps going whatever happens to a worker: one that runs out of memory (its heap,
// or its buffers) fails its file with a coded error, one that ends between tasks is started again
// by the next task, one that runs past the time limit while streaming pages is ended, and its
// later pages unheard.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharesOf } from "../src/cli/parts.ts";
import { startWorker, WORKER_HEAPS, WorkerPool } from "../src/cli/pool.ts";
import { sha256 } from "../src/open.ts";
import { repeatedPdf, ROOT, SAMPLE_TEXT, workerTask } from "./helpers.ts";

const PDF = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
const task = workerTask(PDF);
const SMALL_HEAP = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 };

describe("a worker", () => {
  it("that runs out of memory fails its file with OutOfMemory, and is replaced", async () => {
    const pool = new WorkerPool(1, 60_000, [], { ...WORKER_HEAPS, whole: SMALL_HEAP, part: SMALL_HEAP });
    try {
      const result = await pool.run(task, 1);
      expect(result).toEqual({ id: 1, ok: false, error: { code: "OutOfMemory", file: "kokubunji-r5.pdf", detail: "heap over 16 MB" } });
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("whose buffers pass the limit (a stream inflating to gigabytes) fails its file with OutOfMemory, and is replaced", async () => {
    const pool = new WorkerPool(1, 60_000, [], { ...WORKER_HEAPS, buffersMb: 64 });
    try {
      const result = await pool.run(workerTask(join(ROOT, "fixtures/bad/bomb.pdf")), 1);
      expect(result).toEqual({ id: 1, ok: false, error: { code: "OutOfMemory", file: "bomb.pdf", detail: "buffers over 64 MB" } });
      expect(pool.started).toBe(2);
      expect(await pool.run(task, 2)).toMatchObject({ id: 2, ok: true, summary: { sheets: 24 } });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("starts with the heap for the task's kind, and is replaced by one for parts when the pool starts workers for parts", async () => {
    const pool = new WorkerPool(1, 60_000, [], { ...WORKER_HEAPS, whole: SMALL_HEAP });
    // A share's pages are claimed once: each task gets a fresh one.
    const part = () => workerTask(PDF, { share: sharesOf([{ from: 1, to: 12 }], 1)[0]!, sha256: sha256(readFileSync(PDF)) });
    try {
      expect(await pool.run(task, 1)).toMatchObject({ ok: false, error: { code: "OutOfMemory", detail: "heap over 16 MB" } });
      expect(pool.started).toBe(2); // started for a whole file, then replaced by another one
      pool.start(1, "part");
      expect(pool.started).toBe(3);
      expect(await pool.run(part(), 2)).toMatchObject({ ok: true, part: { length: 12 } });
      expect(await pool.run(task, 3)).toMatchObject({ ok: true, summary: { sheets: 24 } }); // on the worker for parts, not replaced
      pool.start(1, "part");
      expect(pool.started).toBe(3);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("that ends between tasks is started again by the next one, which it reads", async () => {
    const early = startWorker();
    const pool = new WorkerPool(1, 60_000, [early]);
    try {
      await early.terminate(); // as if it had died while loading pdf.js
      const result = await pool.run(task, 1);
      expect(result).toMatchObject({ id: 1, ok: true, summary: { sheets: 24 } });
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("that runs past the time limit while streaming pages fails its file with TimeLimit, and no later page is heard", async () => {
    const copies = 20;
    const path = await repeatedPdf("fixtures/pdf/kokubunji-r5.pdf", copies, mkdtempSync(join(tmpdir(), "kanrihyo-pool-")));
    // A worker that has loaded pdf.js (on a pool without a tight limit), so that its first page
    // comes well within the limit even on a loaded machine.
    const warm = startWorker();
    expect(await new WorkerPool(1, 60_000, [warm]).run(workerTask(SAMPLE_TEXT), 0)).toMatchObject({ ok: true });
    const limitMs = 1500;
    const pool = new WorkerPool(1, limitMs, [warm]);
    try {
      let heard = 0;
      const started = Date.now();
      const result = await pool.run(workerTask(path, { streamPages: true }), 1, () => {
        // Hold the first page until the limit has passed: the timer is then due while the
        // worker, a thread of its own, goes on sending the rest of its pages (~6 ms each at best).
        if (heard++ === 0) while (Date.now() < started + limitMs + 100);
      });
      expect(result).toEqual({ id: 1, ok: false, error: { code: "TimeLimit", file: `${copies}x-kokubunji-r5.pdf`, detail: "1.5 s" } });
      expect(heard).toBeGreaterThan(0);
      expect(heard).toBeLessThan(copies * 24);
      const heardAtLimit = heard;
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the replacement loads pdf.js meanwhile
      expect(heard).toBe(heardAtLimit); // the ended worker's queued pages were dropped
      expect(pool.started).toBe(2);
      // The worker started in its place reads the next file within the limit.
      expect(await pool.run(workerTask(SAMPLE_TEXT), 2)).toMatchObject({ ok: true, summary: { sheets: 24 } });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
