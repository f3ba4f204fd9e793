// A batch is re-executed with V8's garbage collection on each thread (bin/kanrihyo.js); a single
// file is not. The decision is taken from the arguments before anything else starts.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isBatch } from "../src/cli/options.ts";
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
    expect(isBatch(argv as string[])).toBe(batch);
  });

  it("re-executes the CLI for a batch only", () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), "extract", ...args, "--verbose"], { encoding: "utf8" });
    const folder = run(join(ROOT, "fixtures/sample"));
    expect(folder.status, folder.stderr).toBe(0);
    expect(folder.stderr).toContain("a batch: each worker collects its own garbage (node --single-threaded-gc)");
    const single = run(pdf);
    expect(single.status).toBe(0);
    expect(single.stderr).not.toContain("a batch");
  }, 60_000);
});
