// A batch is re-executed with V8's garbage collection on each thread and without pretenuring, and
// with a worker on every core its compilation on each thread too (bin/kanrihyo.js); a single
// file is not. The decision is taken from the arguments before anything else starts.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH_NODE_OPTIONS, batchNodeOptions } from "../src/cli/options.ts";
import { ROOT } from "./helpers.ts";

const pdf = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");

describe("what counts as a batch", () => {
  it.each([
    [["extract", pdf], false],
    [["extract", pdf, "--out-dir", join(ROOT, "fixtures/pdf")], false], // an option's value is not an input
    [["audit", pdf, "-o", "x.json", "--jobs", "2"], false],
    [["extract", pdf, pdf], true],
    [["extract", join(ROOT, "fixtures/pdf")], true],
    [["extract", "reports/*.pdf"], true],
    [["extract", "--no-such-option", pdf, pdf], false], // a usage error is left to the CLI to explain
  ])("%j → %s", (argv, batch) => {
    expect(batchNodeOptions(argv as string[]) !== null).toBe(batch);
  });

  it.each([
    [["extract", pdf], 2, null],
    [["extract", pdf, pdf, "--jobs", "1"], 2, BATCH_NODE_OPTIONS.coreToSpare],
    [["extract", pdf, pdf, "--jobs", "2"], 2, BATCH_NODE_OPTIONS.everyCoreBusy],
    [["extract", pdf, pdf], 2, BATCH_NODE_OPTIONS.everyCoreBusy], // --jobs defaults to the cores
    [["extract", pdf, pdf], 1, BATCH_NODE_OPTIONS.everyCoreBusy],
    [["extract", pdf, pdf, "--jobs", "4"], 8, BATCH_NODE_OPTIONS.coreToSpare],
    [["extract", pdf, pdf, "--jobs", "0"], 2, BATCH_NODE_OPTIONS.everyCoreBusy], // not a number of jobs: the default
  ])("%j on %i cores → %s", (argv, cores, option) => {
    expect(batchNodeOptions(argv as string[], cores)).toBe(option);
  });

  it("re-executes the CLI for a batch only, with the option for its number of jobs", () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), "extract", ...args, "--verbose"], { encoding: "utf8" });
    const oneJob = run(join(ROOT, "fixtures/sample"), "--jobs", "1");
    expect(oneJob.status, oneJob.stderr).toBe(0);
    const spare = availableParallelism() > 1;
    expect(oneJob.stderr).toContain(spare ? "a batch: each worker collects its own garbage, without pretenuring (node --single-threaded-gc --no-allocation-site-pretenuring)" : "(node --single-threaded --no-allocation-site-pretenuring)");
    const everyCore = run(join(ROOT, "fixtures/sample"));
    expect(everyCore.status, everyCore.stderr).toBe(0);
    expect(everyCore.stderr).toContain("a batch with a worker on every core: each thread collects its own garbage and compiles its own code, without pretenuring (node --single-threaded --no-allocation-site-pretenuring)");
    const single = run(pdf);
    expect(single.status).toBe(0);
    expect(single.stderr).not.toContain("a batch");
  }, 60_000);
});
