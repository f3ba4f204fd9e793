// One PDF read in parts on several workers must give the report read whole on one, byte for byte.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimPages, PART_PAGES, pageRanges, sharesOf, splitAbove } from "../src/cli/parts.ts";
import { WorkerPool } from "../src/cli/pool.ts";
import { Report } from "../src/model/schema.ts";
import { extract } from "../src/report.ts";
import { repeatedPdf, ROOT, workerTask } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "kanrihyo-parts-"));

/** The report's JSON, and what --verbose said about how it was read. */
function extractWith(jobs: number, path: string): { json: string; how: string } {
  const run = spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), "extract", path, "--jobs", String(jobs), "--verbose"], { encoding: "utf8", maxBuffer: 1 << 28 });
  expect(run.status, run.stderr).toBe(0);
  return { json: run.stdout, how: run.stderr.trim() };
}

describe("page ranges", () => {
  it.each([[24, 2], [48, 2], [240, 2], [1000, 1], [1000, 2], [401, 3], [5, 2]])("cover %i pages once, in order, in as few parts as %i workers can share", (pages, workers) => {
    const ranges = pageRanges(pages, workers);
    expect(ranges.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(ranges).toHaveLength(Math.ceil(pages / (PART_PAGES.max * workers)));
    for (const r of ranges) expect(r.to - r.from + 1).toBeLessThanOrEqual(PART_PAGES.max * workers);
  });
});

describe("when a PDF is split", () => {
  it.each([
    [1, 1, PART_PAGES.max], // a worker for each file: long ones in parts, for memory
    [3, 2, PART_PAGES.max],
    [1, 2, Infinity], // one worker streams to this thread: the two threads take both cores
    [1, 3, 2 * PART_PAGES.min], // more workers than a stream keeps busy
    [2, 8, 2 * PART_PAGES.min],
  ])("%i file(s) on %i worker(s): above %d pages", (files, workers, above) => {
    expect(splitAbove(files, workers)).toBe(above);
  });
});

describe("pages claimed from a shared part", () => {
  it("go to one claimer each, in order, until the part is read", () => {
    const [a, b] = sharesOf([{ from: 5, to: 14 }], 2).map(claimPages);
    const got: [string, number][] = [];
    // Interleaved as two workers would, one slower than the other.
    for (let step = 0; ; step++) {
      const next = step % 3 === 2 ? a!.next() : b!.next();
      if (next.done) break;
      got.push([step % 3 === 2 ? "a" : "b", next.value]);
    }
    expect(got.map(([, n]) => n)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect([...a!]).toEqual([]); // nothing left for the other either
    expect(new Set(got.map(([who]) => who))).toEqual(new Set(["a", "b"]));
  });
});

describe("a PDF read in parts", () => {
  // 13 × 24 pages: past what one worker reads alone while others would idle (2 × PART_PAGES.min),
  // with more workers to spare than a stream keeps busy (--jobs 3).
  const COPIES = 13;
  const PAGES = COPIES * 24;

  it(`gives the same report as read whole (${PAGES} pages: one part shared by three workers, two parts on one, or streamed by one of two)`, async () => {
    const path = await repeatedPdf("fixtures/pdf/kokubunji-r5.pdf", COPIES, dir);
    const onOne = extractWith(1, path);
    const shared = extractWith(3, path);
    const streamed = extractWith(2, path);
    // The worker that counted the pages (with the heap for whole files) is replaced by workers for parts.
    expect(onOne.how).toBe(`${COPIES}x-kokubunji-r5.pdf: ${PAGES} pages, read in 2 part(s), each shared by 1 worker(s) (1–156: 156; 157–312: 156)\nworkers started: 2 (--jobs 1)`);
    const [line, ...claimed] = new RegExp(`^${COPIES}x-kokubunji-r5\\.pdf: ${PAGES} pages, read in 1 part\\(s\\), each shared by 3 worker\\(s\\) \\(1–${PAGES}: (\\d+) \\+ (\\d+) \\+ (\\d+)\\)\nworkers started: 4 \\(--jobs 3\\)$`).exec(shared.how) ?? [];
    expect(line, shared.how).toBeDefined();
    expect(claimed.reduce((n, c) => n + Number(c), 0)).toBe(PAGES);
    expect(shared.json).toBe(onOne.json);
    expect(streamed.how).toBe(`${COPIES}x-kokubunji-r5.pdf: ${PAGES} pages, read on a worker and into sheets on this thread as they came\nworkers started: 1 (--jobs 2)`);
    expect(streamed.json).toBe(onOne.json);
    const whole = await extract(readFileSync(path), path); // one document, every page, in this thread
    expect(JSON.parse(shared.json)).toEqual(whole);
    expect(whole.sheets.map((s) => s.page)).toEqual(Array.from({ length: PAGES }, (_, i) => i + 1));
    expect(whole.title).not.toBeNull();
  }, 180_000); // three CLI runs and one in-process read over 312 pages, beside the other test files

  it("names the damaged pages of every part in one finding", async () => {
    const path = await repeatedPdf("fixtures/bad/damaged.pdf", COPIES, dir);
    const shared = extractWith(3, path);
    expect(shared.how).toContain("read in 1 part(s), each shared by 3 worker(s)");
    const report = Report.parse(JSON.parse(shared.json));
    expect(report.sheets).toHaveLength(COPIES * 22);
    const empty = Array.from({ length: COPIES }, (_, i) => [i * 24 + 6, i * 24 + 7]).flat().join(", ");
    expect(report.findings.map((f) => [f.code, f.printed])).toEqual([["PAGES_EMPTY", empty]]);
    expect(extractWith(1, path).json).toBe(shared.json);
    const streamed = extractWith(2, path); // on two workers it streams from one, whatever its length
    expect(streamed.how).toContain(`${COPIES * 24} pages, read on a worker and into sheets on this thread as they came`);
    expect(streamed.json).toBe(shared.json);
  }, 180_000);
});

describe("a PDF too short to be read in parts", () => {
  it("is read on one worker, the other never started (it would take a core loading pdf.js)", () => {
    const single = extractWith(2, join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"));
    expect(single.how).toBe("kokubunji-r5.pdf: 24 pages, read on a worker and into sheets on this thread as they came\nworkers started: 1 (--jobs 2)");
  }, 60_000);
});

describe("a part of a PDF", () => {
  it("is refused when the file is no longer the one whose pages were counted", async () => {
    const pool = new WorkerPool(1, 60_000);
    const part = workerTask(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"), { share: sharesOf([{ from: 1, to: 12 }], 1)[0]! });
    try {
      const counted = await pool.run({ ...part, share: null, sha256: null, splitAbove: 0 }, 1);
      if (!("split" in counted)) throw new Error(`expected a page count, got ${JSON.stringify(counted)}`);
      expect(counted.split.pages).toBe(24);
      const same = await pool.run({ ...part, sha256: counted.split.sha256 }, 2);
      expect("part" in same && same.part.map((p) => p.page)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const changed = await pool.run({ ...part, share: sharesOf([{ from: 1, to: 12 }], 1)[0]!, sha256: "0".repeat(64) }, 3);
      expect("error" in changed && changed.error).toEqual({ code: "ChangedWhileRead", file: "kokubunji-r5.pdf", detail: "pages 1–12" });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("shared by two workers is read once: each page by one of them, in order", async () => {
    const pool = new WorkerPool(2, 60_000);
    const path = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
    const task = workerTask(path);
    try {
      const counted = await pool.run({ ...task, splitAbove: 0 }, 1);
      if (!("split" in counted)) throw new Error(`expected a page count, got ${JSON.stringify(counted)}`);
      const shares = sharesOf([{ from: 1, to: 24 }], 2);
      const parts = await Promise.all(shares.map((share, i) => pool.run({ ...task, share, sha256: counted.split.sha256 }, 2 + i)));
      const read = parts.map((r) => ("part" in r ? r.part.map((p) => p.page) : []));
      for (const pages of read) expect(pages).toEqual([...pages].sort((x, y) => x - y));
      expect(read.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
