// Rulings → table cells: the smallest rectangles whose four corners are intersections and
// whose four edges are ruled (pdfplumber's intersections → cells).
import type { BBox } from "../../extract/fragment.ts";
import type { Ruling, Rulings } from "./rulings.ts";
import { TOLERANCE } from "./tolerances.ts";

const t = TOLERANCE.intersection;

function covers(lines: Ruling[], at: number, from: number, to: number): boolean {
  return lines.some((l) => Math.abs(l.at - at) <= t && l.from <= from + t && l.to >= to - t);
}

export function findCells({ horizontal, vertical }: Rulings): BBox[] {
  const points = new Map<string, [number, number]>();
  for (const v of vertical)
    for (const h of horizontal)
      if (v.at >= h.from - t && v.at <= h.to + t && h.at >= v.from - t && h.at <= v.to + t) points.set(`${v.at},${h.at}`, [v.at, h.at]);
  const all = [...points.values()];
  const xsAt = new Map<number, number[]>(); // y → xs of points on that row
  const ysAt = new Map<number, number[]>(); // x → ys of points in that column
  for (const [x, y] of all) {
    if (!xsAt.has(y)) xsAt.set(y, []);
    if (!ysAt.has(x)) ysAt.set(x, []);
    xsAt.get(y)!.push(x);
    ysAt.get(x)!.push(y);
  }
  for (const list of [...xsAt.values(), ...ysAt.values()]) list.sort((a, b) => a - b);
  const cells: BBox[] = [];
  for (const [x, y] of all) {
    const below = ysAt.get(x)!.filter((yy) => yy > y && covers(vertical, x, y, yy));
    const right = xsAt.get(y)!.filter((xx) => xx > x && covers(horizontal, y, x, xx));
    search: for (const y1 of below) {
      for (const x1 of right) {
        if (!points.has(`${x1},${y1}`)) continue;
        if (covers(horizontal, y1, x, x1) && covers(vertical, x1, y, y1)) {
          cells.push([x, y, x1, y1]);
          break search;
        }
      }
    }
  }
  return cells;
}
