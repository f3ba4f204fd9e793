// Plain text (pdftotext output, text copied from a viewer) → one fragment per line.
import type { TextEncoding } from "../model/schema.ts";
import type { Extraction, Fragment } from "./fragment.ts";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** The text, or null if the bytes are not in that encoding. A character cut off at the very
 * end (a truncated download) is left out, as a cut between characters leaves the rest out: it
 * does not make the text another encoding's. */
const decodeAs = (bytes: Uint8Array, encoding: TextEncoding): string | null => {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true }); // drops a byte-order mark
  } catch {
    return null;
  }
};

/** Controls that no text report holds (all but tab, line feed, form feed, carriage return).
 * Shift_JIS decodes most byte sequences without error, so these tell binary bytes from text. */
const FOREIGN_CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]/;

/** The bytes as text, and the encoding they were in; null when they are not text.
 * UTF-16 is taken only with its byte-order mark (without one it cannot be told from binary);
 * then UTF-8, which a text that is not UTF-8 almost never passes; then Shift_JIS. */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const utf16: TextEncoding | null = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  const tried: TextEncoding[] = utf16 ? [utf16] : bytes.includes(0) ? [] : ["utf-8", "shift_jis"];
  for (const encoding of tried) {
    const text = decodeAs(bytes, encoding);
    if (text !== null && (encoding === "utf-8" || !FOREIGN_CONTROL.test(text))) return { text, encoding };
  }
  return null;
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
