// The baseline we build on: bare pdf.js text content + operator list of every page, nothing else.
import { readFileSync } from "node:fs";
import { getDocument, GlobalWorkerOptions } from "../src/extract/pdfjs.ts";
import { CMAP_URL, STANDARD_FONT_DATA_URL } from "../src/extract/pdf.ts";

// pdf.js's own fake worker, from the build the tool loads (already loaded, by pdf.ts).
GlobalWorkerOptions.workerSrc = "./pdf.worker.min.mjs";

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
