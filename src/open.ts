// An input opened: its identity, and a PDF with its page limit checked before any page is read.
// Apart from the stages after it (normalize, model), so that a thread that only reads pages
// loads no more than pdf.js.
import { createHash } from "node:crypto";
import { InputError } from "./errors.ts";
import type { PdfDocument } from "./extract/pdf.ts";

export interface ExtractOptions {
  /** The open (user) password of an encrypted PDF. */
  password?: string;
  /** A PDF with more pages is refused (TooManyPages) before any page is read. */
  maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 5000;

/** The input's identity in `source.sha256`, and what --resume and the parts of a PDF compare. */
export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Opens a PDF and refuses it, before any page is read, if it has too many pages. */
export async function openChecked(bytes: Uint8Array, file: string, options: ExtractOptions) {
  // pdf.js is loaded only when a PDF is read (not by a CLI thread that merely audits or writes).
  const { openPdf } = await import("./extract/pdf.ts");
  const doc = await openPdf(bytes, file, options);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (doc.numPages > maxPages) {
    await doc.close();
    throw new InputError("TooManyPages", file, `${doc.numPages} pages, limit ${maxPages}`);
  }
  return doc;
}

/** Opens a PDF and reads it with `read`, unless it has more than `splitAbove` pages: then it is
 * only counted (`read` null), to be read in parts on several workers. Closed after either. */
export async function readUnlessLong<T>(bytes: Uint8Array, file: string, options: ExtractOptions, splitAbove: number, read: (doc: PdfDocument) => Promise<T>): Promise<{ pages: number; read: T | null }> {
  const doc = await openChecked(bytes, file, options);
  try {
    return { pages: doc.numPages, read: doc.numPages > splitAbove ? null : await read(doc) };
  } finally {
    await doc.close();
  }
}
