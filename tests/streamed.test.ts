// A single file on a machine with a spare core is read by a worker that streams its pages back;
// the main thread reads them into sheets as they come. Whatever the file, the outcome must be
// that of the whole file read on one worker (--jobs 1): the same output, messages and exit code.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packPage, unpackPage } from "../src/extract/packed-page.ts";
import { openPdf } from "../src/extract/pdf.ts";
import { WorkerPool } from "../src/cli/pool.ts";
import { ROOT, workerTask } from "./helpers.ts";

function kanrihyo(jobs: number, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), ...args, "--jobs", String(jobs), "--verbose"], { encoding: "utf8", env: { ...process.env, LANG: "C" }, maxBuffer: 1 << 26 });
  const how = run.stderr.split("\n").filter((l) => l.includes(" pages, read on a worker and into sheets on this thread"));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr.split("\n").filter((l) => !how.includes(l) && !l.startsWith("workers started:")).join("\n"), how };
}

/** A file, more arguments, and how many pages it streams before its outcome. */
const cases: [string, string[], number][] = [
  ["fixtures/pdf/kokubunji-r5.pdf", [], 24],
  ["fixtures/pdf/kokubunji-r5-cid-font.pdf", [], 24],
  ["fixtures/pdf/kokubunji-r5-user-password.pdf", ["--password", "kanrihyo"], 24],
  ["fixtures/bad/damaged.pdf", [], 24], // two pages lost: PAGES_EMPTY
  ["fixtures/bad/mixed.pdf", [], 4], // pages that are not sheets: PAGES_SKIPPED
  ["fixtures/bad/scan.pdf", [], 2], // NoTextLayer, found only once every page is read
  ["fixtures/bad/minutes.pdf", [], 1], // NoSheetFound
  ["fixtures/bad/truncated.pdf", [], 0], // DamagedPdf, before any page
  ["fixtures/sample/kokubunji-r5.txt", [], 0], // text: read whole on the worker, nothing to stream
];

describe("a file read while its pages stream to the main thread", () => {
  it.each(cases)("%s: the same JSON, messages and exit code as read whole on a worker", (file, more, pages) => {
    const streamed = kanrihyo(2, "extract", join(ROOT, file), ...more);
    const whole = kanrihyo(1, "extract", join(ROOT, file), ...more);
    expect(streamed.how, streamed.stderr).toEqual(pages ? [`${file.split("/").pop()}: ${pages} pages, read on a worker and into sheets on this thread as they came`] : []);
    expect(whole.how).toEqual([]);
    expect({ ...streamed, how: [] }).toEqual(whole);
  }, 60_000);

  it("audited into every format, writes the same files", () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), "kanrihyo-streamed-")), mkdtempSync(join(tmpdir(), "kanrihyo-whole-"))];
    const file = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
    const streamed = kanrihyo(2, "audit", file, "--out-dir", a, "--format", "json,csv,xml");
    const whole = kanrihyo(1, "audit", file, "--out-dir", b, "--format", "json,csv,xml");
    expect(streamed.how).toHaveLength(1);
    expect(streamed.code).toBe(whole.code);
    const files = readdirSync(b).sort();
    expect(files.length).toBeGreaterThan(3);
    expect(readdirSync(a).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(a, f), "utf8"), f).toBe(readFileSync(join(b, f), "utf8"));
  }, 60_000);

  it("fails alone when reading a streamed page throws: the worker is replaced and reads the next file", async () => {
    const pool = new WorkerPool(1, 60_000);
    const task = workerTask(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"));
    try {
      const failed = await pool.run({ ...task, streamPages: true }, 1, () => {
        throw new Error("a bug in reading a page");
      });
      expect(failed.ok === false && "internal" in failed && failed.internal).toMatch(/^Error: a bug in reading a page/);
      let pages = 0;
      const next = await pool.run({ ...task, streamPages: true }, 2, () => pages++);
      expect(next).toEqual({ id: 2, ok: true, streamed: { pages: 24, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(pages).toBe(24);
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe("a page packed to cross between threads", () => {
  it("unpacks to the page as read, shapes, colours and all", async () => {
    const doc = await openPdf(readFileSync(join(ROOT, "fixtures/pdf/kokubunji-r5-vector-boxes.pdf")), "boxes.pdf");
    try {
      let shapes = 0;
      const fills = new Set<string | null>();
      for await (const page of doc.pages()) {
        const packed = structuredClone(packPage(page));
        expect(unpackPage(packed)).toEqual(page);
        if (page.ok) for (const s of page.page.shapes) fills.add(s.fill), shapes++;
      }
      expect(shapes).toBeGreaterThan(1000);
      expect(fills.size).toBeGreaterThan(1); // null (stroked) and at least one fill colour
    } finally {
      await doc.close();
    }
  }, 60_000);
});
