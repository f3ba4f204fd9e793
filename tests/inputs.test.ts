// Arguments → input files (src/cli/inputs.ts): folders and globs, and this tool's own outputs
// left out of them, so that a folder can be read again after outputs were written into it.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs } from "../src/cli/inputs.ts";
import { ROOT, SAMPLE_TEXT } from "./helpers.ts";

const kanrihyo = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), ...args], { encoding: "utf8", env: { ...process.env, LANG: "C" } });

/** A folder of two reports (a PDF and a text), with every kind of output written into it. */
function folderWithOutputs(): string {
  const dir = mkdtempSync(join(tmpdir(), "kanrihyo-inputs-"));
  mkdirSync(join(dir, "2023"));
  copyFileSync(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"), join(dir, "2023/r5.pdf"));
  copyFileSync(SAMPLE_TEXT, join(dir, "2023/r5.txt"));
  for (const args of [
    ["extract", dir, "--out-dir", join(dir, "out"), "--format", "json,csv,xml"],
    ["extract", dir, "-o", join(dir, "all.json")],
    ["extract", join(dir, "2023/r5.txt"), "-o", join(dir, "one.json")],
    ["audit", dir, "--html", join(dir, "review.html")],
  ]) expect(kanrihyo(...args).status).toBeLessThan(2);
  return dir;
}

describe("a folder that holds this tool's outputs", () => {
  const dir = folderWithOutputs();
  const outputs = ["all.json", "one.json", "out/combined.csv", "out/r5.csv", "out/r5.json", "out/r5.sheets.csv", "out/r5.xml", "out/r5~2.csv", "out/r5~2.json", "out/r5~2.sheets.csv", "out/r5~2.xml", "review.html"];

  it("is read for its reports only, by a folder or a glob (a folder it matches read as a folder)", async () => {
    expect(readdirSync(dir, { recursive: true }).filter((f) => /\./.test(String(f))).sort()).toEqual(["2023/r5.pdf", "2023/r5.txt", ...outputs].sort());
    const reports = [join(dir, "2023/r5.pdf"), join(dir, "2023/r5.txt")];
    expect(await expandInputs([dir])).toEqual({ files: reports, ownOutputs: outputs.map((f) => join(dir, f)), unlisted: [] });
    expect((await expandInputs([join(dir, "*")])).files).toEqual(reports);
  });

  it("keeps an output named on its own, and a file that only looks like one inside", async () => {
    writeFileSync(join(dir, "notes.txt"), 'memo: {"schemaVersion": "1"}');
    const named = join(dir, "out/r5.json");
    expect((await expandInputs([named, dir])).files).toEqual([named, join(dir, "2023/r5.pdf"), join(dir, "2023/r5.txt"), join(dir, "notes.txt")]);
  });

  it("gives the same outputs when read again into the same folder, and says what it left out", () => {
    const before = readFileSync(join(dir, "out/r5.json"), "utf8");
    const run = kanrihyo("extract", join(dir, "2023"), dir.replace(/$/, "/o*"), "--out-dir", join(dir, "out"), "--format", "json,csv,xml");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`left out 10 file(s) that kanrihyo wrote (JSON, CSV, XML, review pages): ${join(dir, "one.json")}, ${join(dir, "out/combined.csv")}, ${join(dir, "out/r5.csv")}, …`);
    expect(readFileSync(join(dir, "out/r5.json"), "utf8")).toBe(before);
  });
});

describe("a folder with symbolic links", () => {
  it("reads linked reports and linked folders, walks a folder once however it is linked, and keeps a broken link to fail by name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kanrihyo-links-"));
    mkdirSync(join(dir, "sub"));
    symlinkSync(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"), join(dir, "r5.pdf"));
    symlinkSync(join(ROOT, "fixtures/sample"), join(dir, "texts"));
    symlinkSync("..", join(dir, "sub/up")); // a loop
    symlinkSync(join(dir, "missing.pdf"), join(dir, "broken.pdf"));
    expect((await expandInputs([dir])).files).toEqual([join(dir, "broken.pdf"), join(dir, "r5.pdf"), join(dir, "texts/kokubunji-r5.txt")]);
    const run = kanrihyo("extract", dir, "--out-dir", join(dir, "out"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("broken.pdf: Unreadable: the file cannot be read (ENOENT)");
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["kokubunji-r5.json", "r5.json"]);
  });
});

/** A folder this process cannot list: one without permissions, or, for root (which ignores
 * them, as on CI here), the kernel's map_files of process 1. */
function unlistableFolder(dir: string): string {
  const locked = join(dir, "locked");
  mkdirSync(locked, 0o000);
  for (const candidate of [locked, "/proc/1/map_files"]) {
    try {
      readdirSync(candidate);
    } catch {
      return candidate;
    }
  }
  throw new Error("no folder here that this process cannot list");
}

describe("a folder that cannot be listed", () => {
  it("fails by name (Unreadable) while the other inputs are read", () => {
    const dir = mkdtempSync(join(tmpdir(), "kanrihyo-unlisted-"));
    mkdirSync(join(dir, "in"));
    copyFileSync(SAMPLE_TEXT, join(dir, "in/r5.txt"));
    symlinkSync(unlistableFolder(dir), join(dir, "in/sealed"));
    const run = kanrihyo("extract", join(dir, "in"), "--out-dir", join(dir, "out"));
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/sealed: Unreadable: the file cannot be read \(a folder that cannot be listed: E(ACCES|PERM)\)/);
    expect(run.stderr).toContain("files 2 (read 1, failed 1, skipped by --resume 0)");
    expect(readdirSync(join(dir, "out"))).toEqual(["r5.json"]);
  });
});
