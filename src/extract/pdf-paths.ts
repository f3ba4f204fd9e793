// Painted paths from a page's operator list. Path coordinates there are in user space, before
// the current transformation matrix: save/restore/transform are tracked to place them.
import { OPS } from "./pdfjs.ts";
import type { BBox, Shape } from "./fragment.ts";

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

/**
 * The page-space shapes of a constructPath buffer's subpaths (a subpath's box, and how many
 * segments it has), appended to `shapes`: read straight from the buffer, without point arrays
 * or a list per path (pages of spreadsheet grids hold thousands of segments).
 */
export function addSubpaths(data: ArrayLike<number>, m: Matrix, painted: Pick<Shape, "page" | "paint" | "fill">, shapes: Shape[]): void {
  const { page, paint, fill } = painted;
  let bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  let points = 0;
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    const n = DRAW_ARGS[op];
    if (n === undefined) break; // an opcode this reader does not know: stop rather than misread
    if (op === 0 && points) {
      shapes.push({ page, bbox, paint, fill, segments: points - 1 });
      bbox = [Infinity, Infinity, -Infinity, -Infinity];
      points = 0;
    }
    for (let k = 0; k + 1 < n; k += 2) {
      const x = data[i + k]!;
      const y = data[i + k + 1]!;
      const px = m[0] * x + m[2] * y + m[4];
      const py = m[1] * x + m[3] * y + m[5];
      if (px < bbox[0]) bbox[0] = px;
      if (py < bbox[1]) bbox[1] = py;
      if (px > bbox[2]) bbox[2] = px;
      if (py > bbox[3]) bbox[3] = py;
      points++;
    }
    i += n;
  }
  if (points) shapes.push({ page, bbox, paint, fill, segments: points - 1 });
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
      addSubpaths((args[1] as ArrayLike<number>[])[0] ?? [], toPageNow, { page, paint, fill: paint === "stroke" ? null : fill }, shapes);
    }
  }
  return { shapes, images };
}
