// Work a worker thread must not be terminated in (src/extract/end-guard.ts): run in a child
// process, since what goes wrong takes the whole process, or writes to its stdout.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const endWorkers = (work: "inflate" | "gc-context", how: "guarded" | "unguarded", times: number) =>
  spawnSync(process.execPath, [join(ROOT, "tests/end-workers.ts"), work, how, String(times)], { encoding: "utf8" });

describe("ending a worker that inflates", () => {
  it("aborts Node unguarded (the hazard is real on this Node)", () => {
    const run = endWorkers("inflate", "unguarded", 300);
    expect(run.signal, run.stdout + run.stderr.slice(0, 1000)).toBe("SIGABRT");
    expect(run.stderr).toContain("close before init");
  }, 60_000);

  it("never aborts when the guard is taken first", () => {
    const run = endWorkers("inflate", "guarded", 100);
    expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
    expect(run.stderr).toContain("all 100 ended");
  }, 60_000);
});

describe("ending a worker that makes its young-garbage collector", () => {
  it("writes V8's complaint and Node's vm source to stdout unguarded (the hazard is real)", () => {
    const run = endWorkers("gc-context", "unguarded", 100);
    expect(run.stdout).toContain("Failing script:");
    expect(run.stderr).toContain("Error installing extension 'v8/gc'");
  }, 60_000);

  it("writes nothing when the guard is taken first", () => {
    const run = endWorkers("gc-context", "guarded", 100);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: "", stderr: "all 100 ended\n" });
  }, 60_000);
});
