// Shared geometry of printed text: box unions and fragments grouped into lines.
import type { BBox, Fragment } from "../../extract/fragment.ts";
import { TOLERANCE } from "./tolerances.ts";

export function unionBox(boxes: readonly BBox[]): BBox {
  const out: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    if (b[0] < out[0]) out[0] = b[0];
    if (b[1] < out[1]) out[1] = b[1];
    if (b[2] > out[2]) out[2] = b[2];
    if (b[3] > out[3]) out[3] = b[3];
  }
  return out;
}

const middle = (f: Fragment) => (f.bbox![1] + f.bbox![3]) / 2;

/** Fragments grouped by vertical centre (top line first), each line ordered left to right. */
export function groupLines(fragments: readonly Fragment[]): Fragment[][] {
  const lines: Fragment[][] = [];
  for (const f of [...fragments].sort((a, b) => middle(a) - middle(b))) {
    const line = lines.at(-1);
    if (line && Math.abs(middle(line[0]!) - middle(f)) <= (f.size ?? 10) * TOLERANCE.lineCentre) line.push(f);
    else lines.push([f]);
  }
  for (const line of lines) line.sort((a, b) => a.bbox![0] - b.bbox![0]);
  return lines;
}
