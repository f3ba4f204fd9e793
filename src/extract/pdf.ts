// PDF → positioned fragments and painted shapes, with pdf.js in Node.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, PasswordException, PasswordResponses, VerbosityLevel } from "./pdfjs.ts";
import type { PDFPageProxy } from "./pdfjs.ts";
import { InputError } from "../errors.ts";
import type { Extraction, Fragment, PageInfo, Shape } from "./fragment.ts";
import { FONTLESS_DOCUMENT, fontFacesAccepted } from "./font-faces.ts";
import { readGraphics, type Matrix } from "./pdf-paths.ts";
import { sameThreadWorker } from "./pdf-port.ts";
import { readText } from "./pdf-text.ts";

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** Without the CMaps, text in non-embedded Japanese fonts (UniJIS-UCS2-H, 90ms-RKSJ-H…) vanishes. */
export const CMAP_URL = join(PDFJS_DIR, "cmaps") + "/";
export const STANDARD_FONT_DATA_URL = join(PDFJS_DIR, "standard_fonts") + "/";

/** pdf.js's own warnings (a damaged xref rebuilt, a font substituted…) are not printed: what
 * they mean for a report is said in its findings, or by a coded error. */
const VERBOSITY = VerbosityLevel.ERRORS;

export interface PdfOptions {
  password?: string;
}

/** How many fonts a document's pages may load before pdf.js is told to let them go. pdf.js keeps
 * every font it loads until the document is cleaned up; a report that embeds its fonts afresh
 * on every page, or many reports joined into one PDF, would keep them all: 960 pages with a font
 * each took 509 MB resident in pdf.js alone, 323 MB when cleaned up every 40 pages. A font used
 * again after a clean-up is parsed again, so a document of a few fonts never triggers one. */
const FONTS_KEPT = 40;

async function readPage(page: PDFPageProxy, number: number, fontsLoaded: Set<string>) {
  const viewport = page.getViewport({ scale: 1 });
  const toPage = viewport.transform as Matrix;
  const ops = await page.getOperatorList();
  const fontOf = (name: string) => {
    fontsLoaded.add(name);
    return page.commonObjs.has(name) ? page.commonObjs.get(name) : null;
  };
  const fragments = readText(ops, toPage, number, fontOf);
  const graphics = readGraphics(ops, toPage, number);
  const info: PageInfo = { page: number, width: viewport.width, height: viewport.height, images: graphics.images };
  return { fragments, shapes: graphics.shapes, info };
}

function openError(error: unknown, file: string, password: string | undefined): InputError {
  if (error instanceof PasswordException) {
    return error.code === PasswordResponses.INCORRECT_PASSWORD && password !== undefined
      ? new InputError("WrongPassword", file)
      : new InputError("PasswordRequired", file);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new InputError("DamagedPdf", file, message);
}

export interface PdfPage {
  info: PageInfo;
  fragments: Fragment[];
  shapes: Shape[];
}

/** Pages `from` to `to`, counted from 1, both included. */
export interface PageRange {
  from: number;
  to: number;
}

/** A page that pdf.js could not read (a damaged content stream): what was lost, not a crash. */
export type PageResult = { ok: true; page: PdfPage } | { ok: false; number: number; error: string };

export interface PdfDocument {
  numPages: number;
  /** Pages one at a time (all, or the given page numbers that exist, in their order), each
   * released before the next is read, so memory stays flat. */
  pages(numbers?: Iterable<number>): AsyncGenerator<PageResult, void, void>;
  close(): Promise<void>;
}

/** What getDocument is given for a file's bytes (the worker apart). */
export function documentParams(bytes: Uint8Array, password?: string) {
  return {
    // A view, not a copy: through the same-thread port nothing is transferred (detached), and
    // pdf.js only reads the bytes. (It refuses a Node Buffer as such.)
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    password,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    useSystemFonts: false,
    // Font faces where this thread accepts them: then pdf.js builds no glyph outlines (font-faces.ts).
    disableFontFace: !fontFacesAccepted(),
    ownerDocument: FONTLESS_DOCUMENT as never, // typed as a DOM Document; pdf.js uses only `fonts`
    fontExtraProperties: true, // fonts' matrices, to place glyphs from the operator list
    verbosity: VERBOSITY,
  };
}

export async function openPdf(bytes: Uint8Array, file: string, options: PdfOptions = {}): Promise<PdfDocument> {
  const worker = sameThreadWorker(VERBOSITY);
  const task = getDocument({ ...documentParams(bytes, options.password), worker });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    worker.destroy();
    throw openError(error, file, options.password);
  }
  return {
    numPages: doc.numPages,
    async *pages(numbers = Array.from({ length: doc.numPages }, (_, i) => i + 1)) {
      const fontsLoaded = new Set<string>();
      for (const n of numbers) {
        if (!(Number.isInteger(n) && n >= 1 && n <= doc.numPages)) continue;
        let result: PageResult;
        try {
          const page = await doc.getPage(n);
          result = { ok: true, page: await readPage(page, n, fontsLoaded) };
          page.cleanup();
        } catch (error) {
          result = { ok: false, number: n, error: error instanceof Error ? error.message : String(error) };
        }
        if (fontsLoaded.size > FONTS_KEPT) {
          fontsLoaded.clear();
          // Between pages nothing is being read; if pdf.js refuses, its fonts just stay loaded.
          await doc.cleanup().catch(() => undefined);
        }
        yield result;
      }
    },
    async close() {
      await task.destroy(); // releases the document and its pages
      worker.destroy();
    },
  };
}

/** The whole document at once (for tools and tests; the reader goes page by page). */
export async function extractPdf(bytes: Uint8Array, file: string, options: PdfOptions = {}): Promise<Extraction> {
  const doc = await openPdf(bytes, file, options);
  const out: Extraction = { kind: "pdf", pages: doc.numPages, fragments: [], shapes: [], pageInfo: [] };
  try {
    for await (const result of doc.pages()) {
      if (!result.ok) continue;
      // Not push(...): a page may hold more fragments than a call has room for arguments.
      for (const fragment of result.page.fragments) out.fragments.push(fragment);
      for (const shape of result.page.shapes) out.shapes.push(shape);
      out.pageInfo.push(result.page.info);
    }
  } finally {
    await doc.close();
  }
  return out;
}
