// Painted paths from a page's operator list. Path coordinates there are in user space, before
// the current transformation matrix: save/restore/transform are tracked to place them.
import { OPS } from "./pdfjs.ts";
import type { Shape } from "./fragment.ts";

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 applied after m2 (PDF's `cm` concatenates the new matrix before the current one). By
 * index, not destructured: pdf.js hands some matrices as typed arrays, whose destructuring
 * goes through their iterator (~70 MB of short-lived objects over 400 pages). */
export function multiply(m1: ArrayLike<number>, m2: ArrayLike<number>): Matrix {
  const a = m1[0]!, b = m1[1]!, c = m1[2]!, d = m1[3]!, e = m1[4]!, f = m1[5]!;
  const A = m2[0]!, B = m2[1]!, C = m2[2]!, D = m2[3]!, E = m2[4]!, F = m2[5]!;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

/** pdf.js draw opcodes inside a constructPath buffer, with how many numbers follow each. */
const DRAW_ARGS: Record<number, number> = { 0: 2, 1: 2, 2: 6, 3: 4, 4: 0 };

interface Subpath {
  bbox: [number, number, number, number];
  points: number;
}

/**
 * The page-space boxes of a constructPath buffer's subpaths, read straight from the buffer
 * (no point arrays: pages of spreadsheet grids hold thousands of segments).
 */
export function subpathBoxes(data: ArrayLike<number>, m: Matrix): Subpath[] {
  const out: Subpath[] = [];
  let current: Subpath | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    const n = DRAW_ARGS[op];
    if (n === undefined) break; // an opcode this reader does not know: stop rather than misread
    if (op === 0 || !current) {
      if (current?.points) out.push(current);
      current = { bbox: [Infinity, Infinity, -Infinity, -Infinity], points: 0 };
    }
    for (let k = 0; k + 1 < n; k += 2) {
      const x = data[i + k]!;
      const y = data[i + k + 1]!;
      const px = m[0] * x + m[2] * y + m[4];
      const py = m[1] * x + m[3] * y + m[5];
      const b = current.bbox;
      if (px < b[0]) b[0] = px;
      if (py < b[1]) b[1] = py;
      if (px > b[2]) b[2] = px;
      if (py > b[3]) b[3] = py;
      current.points++;
    }
    i += n;
  }
  if (current?.points) out.push(current);
  return out;
}

const PAINT: Record<number, Shape["paint"] | undefined> = {
  [OPS.stroke]: "stroke",
  [OPS.closeStroke]: "stroke",
  [OPS.fill]: "fill",
  [OPS.eoFill]: "fill",
  [OPS.fillStroke]: "fillStroke",
  [OPS.eoFillStroke]: "fillStroke",
  [OPS.closeFillStroke]: "fillStroke",
  [OPS.closeEOFillStroke]: "fillStroke",
};

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintImageMaskXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat]);

export interface PageGraphics {
  shapes: Shape[];
  images: number;
}

/** Shapes in top-left page units: `toPage` is the viewport transform of the page. */
export function readGraphics(ops: { fnArray: number[]; argsArray: unknown[] }, toPage: Matrix, page: number): PageGraphics {
  const shapes: Shape[] = [];
  let images = 0;
  // The transform to page units, kept with the CTM (a page has thousands of paths, few transforms).
  let ctm: Matrix = IDENTITY;
  let toPageNow = multiply(ctm, toPage);
  let fill: string | null = "#000000";
  const stack: { ctm: Matrix; toPageNow: Matrix; fill: string | null }[] = [];
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as any[];
    if (fn === OPS.save) stack.push({ ctm, toPageNow, fill });
    else if (fn === OPS.restore) ({ ctm, toPageNow, fill } = stack.pop() ?? { ctm, toPageNow, fill });
    else if (fn === OPS.transform) {
      ctm = multiply(args, ctm);
      toPageNow = multiply(ctm, toPage);
    } else if (fn === OPS.setFillRGBColor || fn === OPS.setFillGray || fn === OPS.setFillCMYKColor) fill = typeof args[0] === "string" ? args[0] : null;
    else if (IMAGE_OPS.has(fn)) images++;
    else if (fn === OPS.constructPath) {
      const paint = PAINT[args[0] as number];
      if (!paint) continue; // a clip or an unpainted path
      for (const sub of subpathBoxes((args[1] as ArrayLike<number>[])[0] ?? [], toPageNow)) {
        shapes.push({ page, bbox: sub.bbox, paint, fill: paint === "stroke" ? null : fill, segments: sub.points - 1 });
      }
    }
  }
  return { shapes, images };
}
