// Shared geometry of printed text: box unions and fragments grouped into lines.
import type { BBox, Fragment } from "../../extract/fragment.ts";
import { TOLERANCE } from "./tolerances.ts";

export function unionBox(boxes: readonly BBox[]): BBox {
  return [
    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
  ];
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
