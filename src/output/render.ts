// PDF pages as PNG images (pdf.js rendering in Node, through @napi-rs/canvas), for the review page.
import { getDocument, VerbosityLevel } from "../extract/pdfjs.ts";
import { CMAP_URL, STANDARD_FONT_DATA_URL } from "../extract/pdf.ts";

export interface PageImage {
  page: number;
  /** Page size in PDF units (the coordinate system of `where`). */
  width: number;
  height: number;
  png: Uint8Array;
}

export async function renderPages(bytes: Uint8Array, pages: readonly number[], options: { password?: string; scale?: number } = {}): Promise<PageImage[]> {
  const scale = options.scale ?? 1.25;
  const task = getDocument({
    data: new Uint8Array(bytes), password: options.password, cMapUrl: CMAP_URL, cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DATA_URL, verbosity: VerbosityLevel.ERRORS,
  });
  const out: PageImage[] = [];
  try {
    const doc = await task.promise;
    for (const n of pages) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale });
      // pdf.js's Node canvas factory (@napi-rs/canvas); its type is not exported.
      const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: any; context: any } };
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      out.push({ page: n, width: base.width, height: base.height, png: canvas.toBuffer("image/png") });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return out;
}
