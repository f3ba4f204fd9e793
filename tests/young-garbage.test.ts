// A worker collects its young generation between files (src/cli/young-garbage.ts).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { collectYoungGarbage } from "../src/cli/young-garbage.ts";
import { ROOT } from "./helpers.ts";

describe("collecting the young generation", () => {
  it("is one minor collection, asked for, at once", async () => {
    const seen: { kind: number; flags: number }[] = []; // each collection's detail
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => (e as unknown as { detail: (typeof seen)[0] }).detail)));
    observer.observe({ entryTypes: ["gc"] });
    collectYoungGarbage();
    await new Promise((resolve) => setTimeout(resolve, 100)); // entries are delivered later
    observer.disconnect();
    // V8's own collections may happen too; only a call to `gc` is flagged as forced.
    const asked = seen.filter((gc) => (gc.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0);
    expect(asked.map((gc) => gc.kind)).toEqual([constants.NODE_PERFORMANCE_GC_MINOR]);
  });

  it("leaves V8's gc unexposed: neither this thread's globals nor contexts made later get it", () => {
    expect("gc" in globalThis).toBe(false);
    expect(runInNewContext("typeof gc")).toBe("undefined");
  });
});

describe("a batch on two workers", () => {
  it("collects each worker's young generation once after each file", () => {
    const dir = mkdtempSync(join(tmpdir(), "kanrihyo-young-"));
    for (let i = 0; i < 5; i++) copyFileSync(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"), join(dir, `r${i}.pdf`));
    const run = spawnSync(process.execPath, ["--trace-gc", join(ROOT, "bin/kanrihyo.js"), "extract", dir, "--out-dir", join(dir, "out"), "--jobs", "2", "--quiet"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    // V8 traces a collection asked for by `gc` with the reason "testing", per isolate.
    const asked = run.stdout.split("\n").filter((line) => / Scavenge\b.*\btesting;/.test(line));
    // The pool may end a worker as soon as its last result arrives, before the collection that
    // follows it (on a loaded machine it does): so one per file, less at most one per worker.
    expect(asked.length).toBeGreaterThanOrEqual(5 - 2);
    expect(asked.length).toBeLessThanOrEqual(5);
    expect(new Set(asked.map((line) => line.split("]")[0])).size).toBeLessThanOrEqual(2);
  }, 60_000);
});
