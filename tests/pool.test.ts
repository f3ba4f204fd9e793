// The worker pool keeps going whatever happens to a worker: one that runs out of memory fails its
// file with a coded error, one that ends between tasks is started again by the next task.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startWorker, WorkerPool } from "../src/cli/pool.ts";
import { ROOT, workerTask } from "./helpers.ts";

const task = workerTask(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"));

describe("a worker", () => {
  it("that runs out of memory fails its file with OutOfMemory, and is replaced", async () => {
    const pool = new WorkerPool(1, 60_000, [], { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 });
    try {
      const result = await pool.run(task, 1);
      expect(result).toEqual({ id: 1, ok: false, error: { code: "OutOfMemory", file: "kokubunji-r5.pdf", detail: "16 MB" } });
      expect(pool.started).toBe(2);
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
});
