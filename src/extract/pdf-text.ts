// Text from a page's operator list: every glyph pdf.js shows, placed by the text state.
// Reading glyphs here rather than through getTextContent keeps what getTextContent drops
// (a full-width space 　 becomes " " there) and parses each page once, not twice.
import { OPS } from "./pdfjs.ts";
import type { BBox, Fragment } from "./fragment.ts";
import { IDENTITY, multiply, type Matrix } from "./pdf-paths.ts";

interface Glyph {
  unicode: string;
  width: number;
  isSpace: boolean;
}

interface FontInfo {
  fontMatrix?: number[];
  vertical?: boolean;
  name?: string;
  loadedName?: string;
}

interface TextState {
  font: FontInfo | null;
  fontName: string | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

const initialState = (): TextState => ({ font: null, fontName: null, size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 });

/** A run of glyphs drawn next to each other by one text operator. */
interface Run {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  font: string | null;
}

/** A gap wider than this share of the font size inside one text operator starts a new fragment. */
const RUN_BREAK = 0.6;

const translate = (tx: number, ty: number, m: Matrix): Matrix => multiply([1, 0, 0, 1, tx, ty], m);

export function readText(
  ops: { fnArray: number[]; argsArray: unknown[] },
  toPage: Matrix,
  page: number,
  fontOf: (name: string) => FontInfo | null,
): Fragment[] {
  const fragments: Fragment[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let ts = initialState();
  const stack: { ctm: Matrix; ts: TextState }[] = [];
  let order = 0;

  const flush = (run: Run | null) => {
    if (!run || run.text.trim() === "") return;
    const top = run.baseline - run.size * 0.88;
    const bbox: BBox = [run.x0, top, run.x1, run.baseline + run.size * 0.12];
    fragments.push({ text: run.text, page, line: order++, bbox, font: run.font, size: run.size });
  };

  /**
   * Glyph origins are B·(advance, rise) with B = Tm·CTM·page, fixed for the whole operator:
   * one matrix product per text operator instead of three per glyph.
   */
  const show = (items: (Glyph | number)[]) => {
    const fm0 = ts.font?.fontMatrix?.[0] ?? 0.001;
    const B = multiply(tm, multiply(ctm, toPage));
    const size = ts.size * Math.hypot(B[2], B[3]);
    const xScale = Math.hypot(B[0], B[1]);
    let advanced = 0;
    let run: Run | null = null;
    for (const item of items) {
      if (typeof item === "number") {
        advanced -= (item / 1000) * ts.size * ts.hScale;
        continue;
      }
      const x = B[0] * advanced + B[2] * ts.rise + B[4];
      const y = B[1] * advanced + B[3] * ts.rise + B[5];
      const advance = (item.width * fm0 * ts.size + ts.charSpacing + (item.isSpace ? ts.wordSpacing : 0)) * ts.hScale;
      if (run && (Math.abs(y - run.baseline) > size * 0.2 || x - run.x1 > size * RUN_BREAK || x < run.x1 - size * 0.2)) {
        flush(run);
        run = null;
      }
      if (!run) run = { text: "", x0: x, x1: x, baseline: y, size, font: ts.font?.name ?? ts.fontName };
      run.text += item.unicode;
      run.x1 = Math.max(run.x1, x + Math.abs(advance * xScale));
      advanced += advance;
    }
    flush(run);
    tm = translate(advanced, 0, tm);
  };

  const nextLine = () => {
    tlm = translate(0, -ts.leading, tlm);
    tm = tlm;
  };

  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as any[];
    switch (fn) {
      case OPS.save: stack.push({ ctm, ts: { ...ts } }); break;
      case OPS.restore: ({ ctm, ts } = stack.pop() ?? { ctm, ts }); break;
      case OPS.transform: ctm = multiply(args, ctm); break;
      case OPS.beginText: tm = tlm = IDENTITY; break;
      case OPS.setFont: ts.fontName = args[0]; ts.size = args[1]; ts.font = fontOf(args[0]); break;
      case OPS.setTextMatrix: { const m = args[0]; tm = tlm = [m[0], m[1], m[2], m[3], m[4], m[5]]; break; }
      case OPS.moveText: tlm = translate(args[0], args[1], tlm); tm = tlm; break;
      case OPS.setLeadingMoveText: ts.leading = -args[1]; tlm = translate(args[0], args[1], tlm); tm = tlm; break;
      case OPS.nextLine: nextLine(); break;
      case OPS.setLeading: ts.leading = args[0]; break;
      case OPS.setCharSpacing: ts.charSpacing = args[0]; break;
      case OPS.setWordSpacing: ts.wordSpacing = args[0]; break;
      case OPS.setHScale: ts.hScale = args[0] / 100; break;
      case OPS.setTextRise: ts.rise = args[0]; break;
      case OPS.showText: case OPS.showSpacedText: show(args[0]); break;
      case OPS.nextLineShowText: nextLine(); show(args[0]); break;
      case OPS.nextLineSetSpacingShowText: ts.wordSpacing = args[0]; ts.charSpacing = args[1]; nextLine(); show(args[2]); break;
    }
  });
  return fragments;
}
