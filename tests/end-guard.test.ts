// Terminating a worker thread while it constructs a zlib object aborts the whole process in
// Node 22 (src/extract/end-guard.ts). Run in a child process, since that is what it kills.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const endInflatingWorkers = (how: "guarded" | "unguarded", times: number) =>
  spawnSync(process.execPath, [join(ROOT, "tests/end-inflating-workers.ts"), how, String(times)], { encoding: "utf8" });

describe("ending a worker that inflates", () => {
  it("aborts Node unguarded (the hazard is real on this Node)", () => {
    const run = endInflatingWorkers("unguarded", 300);
    expect(run.signal, run.stdout + run.stderr.slice(0, 1000)).toBe("SIGABRT");
    expect(run.stderr).toContain("close before init");
  }, 60_000);

  it("never aborts when the guard is taken first", () => {
    const run = endInflatingWorkers("guarded", 100);
    expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
    expect(run.stdout).toContain("all 100 ended");
  }, 60_000);
});
