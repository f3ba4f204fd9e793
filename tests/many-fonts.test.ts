// A PDF whose every page has a font of its own (many-fonts.pdf: the sample report twice over,
// 48 fonts). pdf.js keeps every font it loads until told to let them go; the reader tells it
// once more than FONTS_KEPT (extract/pdf.ts) are loaded, and the pages read after that lose
// nothing. A document of a few fonts is never told.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { documentParams } from "../src/extract/pdf.ts";
import { sameThreadWorker } from "../src/extract/pdf-port.ts";
import { getDocument } from "../src/extract/pdfjs.ts";
import { extract } from "../src/report.ts";
import { expectedSheets, ROOT } from "./helpers.ts";

const pdf = (name: string) => join(ROOT, "fixtures/pdf", name);

/** pdf.js's document class, which it does not export: the prototype of an opened document. */
async function documentPrototype(): Promise<{ cleanup(): Promise<void> }> {
  const worker = sameThreadWorker();
  const task = getDocument({ ...documentParams(readFileSync(pdf("kokubunji-r5.pdf"))), worker });
  const prototype = Object.getPrototypeOf(await task.promise);
  await task.destroy();
  worker.destroy();
  return prototype;
}

/** The report of a fixture, and how many times pdf.js was told to let its fonts go. */
async function readCountingCleanups(name: string) {
  const cleanup = vi.spyOn(await documentPrototype(), "cleanup");
  try {
    const report = await extract(readFileSync(pdf(name)), pdf(name));
    return { report, cleanups: cleanup.mock.calls.length };
  } finally {
    cleanup.mockRestore();
  }
}

describe("fonts loaded by pdf.js", () => {
  it("are let go once 48 pages have loaded more than 40, and every sheet of both copies reads exactly", async () => {
    const { report, cleanups } = await readCountingCleanups("many-fonts.pdf");
    expect(cleanups).toBe(1);
    const expected = expectedSheets("kokubunji-r5") as { page: number }[];
    expect(report.sheets.map(({ where: _where, ...sheet }) => sheet)).toEqual([...expected, ...expected.map((s) => ({ ...s, page: s.page + 24 }))]);
    expect(report.findings).toEqual([]);
  });

  it("are kept for a document of one font", async () => {
    const { report, cleanups } = await readCountingCleanups("kokubunji-r5.pdf");
    expect(report.sheets).toHaveLength(24);
    expect(cleanups).toBe(0);
  });
});
