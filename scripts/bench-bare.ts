// The baseline we build on: bare pdf.js text content + operator list of every page, nothing else.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
// pdfjs-dist's legacy entry, as any Node program loads it (and nothing of this tool's).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_URL = join(PDFJS_DIR, "cmaps") + "/";
const STANDARD_FONT_DATA_URL = join(PDFJS_DIR, "standard_fonts") + "/";

const task = getDocument({ data: new Uint8Array(readFileSync(process.argv[2]!)), cMapUrl: CMAP_URL, cMapPacked: true, standardFontDataUrl: STANDARD_FONT_DATA_URL });
const doc = await task.promise;
let items = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  items += (await page.getTextContent()).items.length;
  items += (await page.getOperatorList()).fnArray.length;
  page.cleanup();
}
await task.destroy();
console.log(items);
