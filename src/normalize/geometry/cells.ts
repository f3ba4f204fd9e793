// Rulings → table cells: the smallest rectangles whose four corners are intersections and
// whose four edges are ruled (pdfplumber's intersections → cells).
import type { BBox } from "../../extract/fragment.ts";
import type { Ruling, Rulings } from "./rulings.ts";
import { TOLERANCE } from "./tolerances.ts";

const t = TOLERANCE.intersection;

/** Whether one of `lines` runs along `at` (within the tolerance) from `from` to `to`. Lines are
 * looked up by position: a spreadsheet page has hundreds, tested for every candidate edge. */
function coverage(lines: readonly Ruling[]): (at: number, from: number, to: number) => boolean {
  const sorted = [...lines].sort((a, b) => a.at - b.at);
  return (at, from, to) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.at < at - t) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.at <= at + t; i++) {
      const l = sorted[i]!;
      if (Math.abs(l.at - at) <= t && l.from <= from + t && l.to >= to - t) return true;
    }
    return false;
  };
}

const sortedNumbers = (list: number[]) => list.sort((a, b) => a - b);

export function findCells({ horizontal, vertical }: Rulings): BBox[] {
  // Intersections, by x then y (each once), in the order first found.
  const ysAt = new Map<number, Set<number>>(); // x → ys of points in that column
  const all: [number, number][] = [];
  for (const v of vertical)
    for (const h of horizontal)
      if (v.at >= h.from - t && v.at <= h.to + t && h.at >= v.from - t && h.at <= v.to + t) {
        const ys = ysAt.get(v.at) ?? ysAt.set(v.at, new Set()).get(v.at)!;
        if (ys.has(h.at)) continue;
        ys.add(h.at);
        all.push([v.at, h.at]);
      }
  const xsAt = new Map<number, number[]>(); // y → xs of points on that row
  for (const [x, y] of all) (xsAt.get(y) ?? xsAt.set(y, []).get(y)!).push(x);
  const columns = new Map([...ysAt].map(([x, ys]) => [x, sortedNumbers([...ys])]));
  for (const xs of xsAt.values()) sortedNumbers(xs);
  const alongH = coverage(horizontal);
  const alongV = coverage(vertical);
  const cells: BBox[] = [];
  for (const [x, y] of all) {
    // The corners below and to the right that a ruling reaches from this one. A ruling that
    // reaches a farther corner reaches the nearer ones, so they are a run of the sorted list:
    // found by index, without a list per point (a page has ~1,000 points).
    const ys = columns.get(x)!;
    const xs = xsAt.get(y)!;
    const rightFrom = xs.indexOf(x) + 1;
    let rightTo = rightFrom;
    while (rightTo < xs.length && alongH(y, x, xs[rightTo]!)) rightTo++;
    search: for (let i = ys.indexOf(y) + 1; i < ys.length && alongV(x, y, ys[i]!); i++) {
      const y1 = ys[i]!;
      for (let j = rightFrom; j < rightTo; j++) {
        const x1 = xs[j]!;
        if (!ysAt.get(x1)?.has(y1)) continue;
        if (alongH(y1, x, x1) && alongV(x1, y, y1)) {
          cells.push([x, y, x1, y1]);
          break search;
        }
      }
    }
  }
  return cells;
}
