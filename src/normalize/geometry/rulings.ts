// Painted shapes → horizontal and vertical rulings, snapped and joined (pdfplumber's edges).
import type { Shape } from "../../extract/fragment.ts";
import { TOLERANCE } from "./tolerances.ts";

export interface Ruling {
  /** The line's position on its cross axis (y for horizontal, x for vertical). */
  at: number;
  from: number;
  to: number;
}

export interface Rulings {
  horizontal: Ruling[];
  vertical: Ruling[];
}

/** A small square: a vector check box, not part of the grid. */
export function isBoxShape(s: Shape): boolean {
  const w = s.bbox[2] - s.bbox[0];
  const h = s.bbox[3] - s.bbox[1];
  const [min, max] = TOLERANCE.boxSide;
  return w >= min && w <= max && h >= min && h <= max && Math.abs(w - h) <= TOLERANCE.boxSquareness;
}

/** The rulings a shape draws, added to `h` and `v`. */
function addEdges(s: Shape, h: Ruling[], v: Ruling[]): void {
  const [x0, y0, x1, y1] = s.bbox;
  const thin = TOLERANCE.ruleThickness;
  if (y1 - y0 <= thin && x1 - x0 > thin) h.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (x1 - x0 <= thin && y1 - y0 > thin) v.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
  // A stroked rectangle outlines a cell; a filled area (a shaded cell, a box) draws no ruling.
  else if (!(s.paint === "fill" || isBoxShape(s) || s.segments < 3)) {
    h.push({ at: y0, from: x0, to: x1 }, { at: y1, from: x0, to: x1 });
    v.push({ at: x0, from: y0, to: y1 }, { at: x1, from: y0, to: y1 });
  }
}

/** Lines within `snap` of each other take their mean position; overlapping or touching ones merge. */
function snapAndJoin(lines: Ruling[]): Ruling[] {
  const sorted = lines.sort((a, b) => a.at - b.at); // findRulings' own lists
  const groups: Ruling[][] = [];
  for (const line of sorted) {
    const group = groups.at(-1);
    if (group && line.at - group[0]!.at <= TOLERANCE.snap) group.push(line);
    else groups.push([line]);
  }
  const out: Ruling[] = [];
  for (const group of groups) {
    const at = group.reduce((s, l) => s + l.at, 0) / group.length;
    group.sort((a, b) => a.from - b.from); // the group is this function's own list
    let from = group[0]!.from;
    let to = group[0]!.to;
    for (let i = 1; i < group.length; i++) {
      const span = group[i]!;
      if (span.from <= to + TOLERANCE.join) to = Math.max(to, span.to);
      else {
        out.push({ at, from, to });
        ({ from, to } = span);
      }
    }
    out.push({ at, from, to });
  }
  return out;
}

export function findRulings(shapes: readonly Shape[]): Rulings {
  const h: Ruling[] = [];
  const v: Ruling[] = [];
  for (const s of shapes) addEdges(s, h, v);
  return { horizontal: snapAndJoin(h), vertical: snapAndJoin(v) };
}
