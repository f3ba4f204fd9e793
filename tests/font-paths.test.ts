// pdf.js in Node builds an outline path for every glyph of every embedded font (so that a canvas
// could draw it) unless it can load font faces. A thread that accepts them (our workers) loads
// them into a document that keeps none: no outlines are built, and what is read is the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "../src/extract/pdfjs.ts";
import { describe, expect, it } from "vitest";
import { documentParams, extractPdf } from "../src/extract/pdf.ts";
import { acceptFontFaces, fontFacesAccepted } from "../src/extract/font-faces.ts";
import { sameThreadWorker } from "../src/extract/pdf-port.ts";
import { ROOT } from "./helpers.ts";

/** How many glyph outlines pdf.js built while giving the operator lists of the first pages. */
async function outlinesBuilt(file: string): Promise<number> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, "fixtures/pdf", file)));
  const worker = sameThreadWorker();
  const task = getDocument({ ...documentParams(bytes), worker });
  const doc = await task.promise;
  let outlines = 0;
  for (let n = 1; n <= 3; n++) {
    const page = await doc.getPage(n);
    await page.getOperatorList();
    for (const [id] of page.commonObjs) if (String(id).includes("_path_")) outlines++;
  }
  await task.destroy();
  worker.destroy();
  return outlines;
}

/** Runs `read` on a thread that accepts font faces, as the CLI's workers do. */
async function withFontFaces<T>(read: () => Promise<T>): Promise<T> {
  acceptFontFaces();
  try {
    return await read();
  } finally {
    delete (globalThis as { FontFace?: unknown }).FontFace; // this thread is the tests'
  }
}

describe("embedded fonts", () => {
  it.each(["kokubunji-r5.pdf", "kokubunji-r5-second-layout.pdf"])("of %s get no glyph outlines", async (file) => {
    expect(fontFacesAccepted()).toBe(false);
    expect(await outlinesBuilt(file)).toBeGreaterThan(100); // pdf.js's Node default
    expect(await withFontFaces(() => outlinesBuilt(file))).toBe(0);
  });

  it.each(["kokubunji-r5.pdf", "kokubunji-r5-second-layout.pdf", "kokubunji-r5-cid-font.pdf"])("of %s read the same as font faces", async (file) => {
    const bytes = readFileSync(join(ROOT, "fixtures/pdf", file));
    const asOutlines = await extractPdf(bytes, file);
    expect(asOutlines.fragments.length).toBeGreaterThan(2000);
    expect(await withFontFaces(() => extractPdf(bytes, file))).toEqual(asOutlines);
  });
});
