// The same-thread port hands pdf.js's messages over without cloning them. Whatever reaches the
// API through it must equal what pdf.js's own (cloning) port delivers: every operator and
// argument of every page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "../src/extract/pdfjs.ts";
import { describe, expect, it } from "vitest";
import { CMAP_URL, STANDARD_FONT_DATA_URL } from "../src/extract/pdf.ts";
import { sameThreadWorker } from "../src/extract/pdf-port.ts";
import { ROOT } from "./helpers.ts";

async function operatorLists(file: string, worker?: ReturnType<typeof sameThreadWorker>) {
  const data = new Uint8Array(readFileSync(join(ROOT, "fixtures/pdf", file)));
  const task = getDocument({ data, worker, cMapUrl: CMAP_URL, cMapPacked: true, standardFontDataUrl: STANDARD_FONT_DATA_URL, fontExtraProperties: true });
  const doc = await task.promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { fnArray, argsArray } = await page.getOperatorList();
    // Fonts are named after the document's number in this process (g_d0_f1, g_d1_f1…).
    pages.push({ fnArray, argsArray: JSON.parse(JSON.stringify(argsArray).replace(/"g_d\d+_/g, '"g_d_')) as unknown });
    page.cleanup();
  }
  await task.destroy();
  worker?.destroy();
  return pages;
}

describe("the same-thread pdf.js port", () => {
  it.each(["kokubunji-r5.pdf", "kokubunji-r5-cid-font.pdf", "kokubunji-r5-vector-boxes.pdf"])(
    "delivers %s's operator lists exactly as pdf.js's cloning port does", async (file) => {
      const cloned = await operatorLists(file);
      const shared = await operatorLists(file, sameThreadWorker());
      expect(cloned).toHaveLength(24);
      // Past pdf.js's chunk size (1000 operators), so every page arrives in several chunks,
      // sent while the parser empties and reuses its arrays.
      expect(cloned.every((p) => p.fnArray.length > 2000)).toBe(true);
      expect(shared).toEqual(cloned);
    });

});
