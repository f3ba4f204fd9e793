// Glyph outlines that nothing draws. pdf.js in Node cannot load a font as a font face (Node has
// no FontFace), so it turns font faces off, and then its parser builds an outline path for
// every glyph of every embedded font, so that a canvas could draw the glyph as a path. We never
// draw: in a batch of short files those outlines (and their garbage) were a tenth of the time,
// since each file builds them again. A thread that exists to run pdf.js accepts font faces
// instead, into a document that keeps none: no outlines are built, and the text, widths and
// font matrices read are the same (tests/font-paths.test.ts).

/** A font face that loads nothing: pdf.js only creates it, adds it to the document's fonts
 * and waits for `loaded`. */
class UnusedFontFace {
  readonly loaded: Promise<this> = Promise.resolve(this);
  readonly family: string;
  constructor(family: string) {
    this.family = family;
  }
  load(): Promise<this> {
    return this.loaded;
  }
}

/** The document pdf.js loads font faces into (`ownerDocument`): it keeps none of them. */
export const FONTLESS_DOCUMENT = { fonts: { add() {}, delete() {} } };

/** Gives this thread a FontFace, so that pdf.js opened after this loads fonts as font faces.
 * Only for a thread that runs pdf.js for this tool: the global is visible to all its code. */
export function acceptFontFaces(): void {
  (globalThis as { FontFace?: unknown }).FontFace ??= UnusedFontFace;
}

/** Whether pdf.js can be given font faces here (else it must build outlines, its Node default). */
export const fontFacesAccepted = (): boolean => typeof (globalThis as { FontFace?: unknown }).FontFace === "function";
