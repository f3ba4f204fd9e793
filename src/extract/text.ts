// Plain text (pdftotext output, text copied from a viewer) → one fragment per line.
import type { Extraction, Fragment } from "./fragment.ts";

/** UTF-8 text, or null when the bytes are not text (binary, or not UTF-8). */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Lines become fragments; a form feed (pdftotext's page break) starts a new page. */
export function extractText(text: string): Extraction {
  const fragments: Fragment[] = [];
  let page = 1;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const pieces = raw.split("\f");
    pieces.forEach((piece, i) => {
      if (i > 0) page += 1;
      fragments.push({ text: piece, page, line: index + 1, bbox: null, font: null, size: null });
    });
  });
  return { kind: "text", pages: page, fragments, shapes: [], pageInfo: [] };
}
