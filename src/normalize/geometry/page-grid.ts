// One page as cells holding text: fragments are placed in the cell that contains them, and a
// cell's fragments are read as lines (top to bottom) of runs (left to right).
import type { BBox, Fragment, Shape } from "../../extract/fragment.ts";
import { joinParagraph } from "../paragraph.ts";
import { findCells } from "./cells.ts";
import { groupLines, unionBox } from "./lines.ts";
import { findRulings } from "./rulings.ts";
import { cellsFromAlignment } from "./text-cells.ts";
import { TOLERANCE } from "./tolerances.ts";

export interface Cell {
  bbox: BBox;
  fragments: Fragment[];
  /** The cell's printed lines, each with the fragments' text joined by gap. */
  lines: string[];
  /** The lines as one text (fixtures/expected/CONVENTIONS.md), null when the cell is blank. */
  text: string | null;
}

const centre = (b: BBox): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const inside = (b: BBox, [x, y]: [number, number]) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
const area = (b: BBox) => (b[2] - b[0]) * (b[3] - b[1]);

/** Fragments → printed lines, the runs of a line joined by their gaps (a wide one is a space). */
export function readLines(fragments: readonly Fragment[]): string[] {
  return groupLines(fragments).map((line) => {
    let text = line[0]!.text;
    for (let i = 1; i < line.length; i++) {
      const gap = line[i]!.bbox![0] - line[i - 1]!.bbox![2];
      text += (gap > (line[i]!.size ?? 10) * TOLERANCE.wordGap ? " " : "") + line[i]!.text;
    }
    return text;
  });
}

/** Finds the smallest of `boxes` holding a point (the first of equals; -1 for none), testing only
 * the boxes that cross the point's horizontal band of the page, and the few too tall to index. */
function boxIndex(boxes: readonly BBox[]): (point: [number, number]) => number {
  const BAND = 20; // pt; any height works, this one keeps a band to about one table row
  const MAX_BANDS = 200; // a box taller than this (4,000 pt, or with absurd coordinates in a damaged file) is always tested
  const areas = boxes.map(area);
  const bands = new Map<number, number[]>();
  const tall: number[] = [];
  boxes.forEach((b, i) => {
    const [first, last] = [Math.floor(b[1] / BAND), Math.floor(b[3] / BAND)];
    if (!(last - first <= MAX_BANDS)) return tall.push(i); // also NaN and infinite spans
    for (let k = first; k <= last; k++) {
      const band = bands.get(k) ?? [];
      band.push(i);
      bands.set(k, band);
    }
  });
  const none: number[] = [];
  return (point) => {
    let best = -1;
    for (const candidates of [bands.get(Math.floor(point[1] / BAND)) ?? none, tall]) {
      for (const i of candidates) {
        if (!inside(boxes[i]!, point)) continue;
        if (best < 0 || areas[i]! < areas[best]! || (areas[i] === areas[best] && i < best)) best = i;
      }
    }
    return best;
  };
}

export class PageGrid {
  readonly page: number;
  readonly cells: Cell[];
  /** Text outside every cell (titles, section numbers in the margin). */
  readonly free: Fragment[];
  readonly shapes: readonly Shape[];

  /** Whether the cells came from ruling lines, or (none printed) from text alignment. */
  readonly ruled: boolean;

  constructor(page: number, fragments: readonly Fragment[], shapes: readonly Shape[]) {
    this.page = page;
    this.shapes = shapes;
    this.free = [];
    const ruled = findCells(findRulings(shapes));
    this.ruled = ruled.length >= TOLERANCE.minRuledCells || fragments.length === 0;
    if (!this.ruled) {
      this.cells = cellsFromAlignment(fragments)
        .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0])
        .map(({ bbox, fragments: held }) => {
          const lines = readLines(held);
          return { bbox, fragments: held, lines, text: joinParagraph(lines) };
        });
      return;
    }
    const boxes = ruled.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const held = boxes.map(() => [] as Fragment[]);
    const smallestContaining = boxIndex(boxes);
    for (const f of fragments) {
      const best = smallestContaining(centre(f.bbox!));
      if (best < 0) this.free.push(f);
      else held[best]!.push(f);
    }
    this.cells = boxes.map((bbox, i) => {
      const lines = readLines(held[i]!);
      return { bbox, fragments: held[i]!, lines, text: joinParagraph(lines) };
    });
  }

  find(test: (text: string) => boolean): Cell | null {
    return this.cells.find((c) => c.text !== null && test(c.text)) ?? null;
  }

  /** Cells that share `cell`'s right edge as their left edge and overlap it vertically, top first. */
  rightOf(cell: Cell): Cell[] {
    const t = TOLERANCE.intersection;
    return this.cells
      .filter((c) => Math.abs(c.bbox[0] - cell.bbox[2]) <= t && overlap(c.bbox, cell.bbox, 1) >= TOLERANCE.neighbourOverlap)
      .sort((a, b) => a.bbox[1] - b.bbox[1]);
  }

  /** The nearest cell to the left that overlaps `cell` vertically (on a ruled page, the one
   * sharing its left edge), the one overlapping it most among equals. */
  leftOf(cell: Cell): Cell | null {
    const t = TOLERANCE.intersection;
    const candidates = this.cells.filter((c) => c.bbox[2] <= cell.bbox[0] + t && overlap(c.bbox, cell.bbox, 1) > 0);
    const nearest = candidates.reduce((right, c) => Math.max(right, c.bbox[2]), -Infinity);
    return candidates
      .filter((c) => c.bbox[2] >= nearest - t)
      .sort((a, b) => overlap(b.bbox, cell.bbox, 1) - overlap(a.bbox, cell.bbox, 1))[0] ?? null;
  }

  /** The next cell down in the same column: the nearest below whose printed text overlaps
   * this cell's text horizontally (a cell built from alignment can be wider than its text). */
  below(cell: Cell): Cell | null {
    const t = TOLERANCE.intersection;
    const under = this.cells.filter((c) => c.bbox[1] >= cell.bbox[3] - t && overlap(textBox(c), textBox(cell), 0) >= TOLERANCE.neighbourOverlap);
    return under.sort((a, b) => a.bbox[1] - b.bbox[1])[0] ?? null;
  }

  /** The nearest cell left of `x` that overlaps the band y0..y1 (a label beside several rows). */
  leftOfBand(x: number, y0: number, y1: number, accept: (c: Cell) => boolean = () => true): Cell | null {
    const t = TOLERANCE.intersection;
    const band: BBox = [x - 1, y0, x, y1];
    // By where the text ends: a cell built from alignment may reach past `x`.
    const candidates = this.cells.filter((c) => textBox(c)[2] <= x + t && c.bbox[0] < x && overlap(c.bbox, band, 1) > 0 && accept(c));
    return candidates.sort((a, b) => textBox(b)[2] - textBox(a)[2] || overlap(b.bbox, band, 1) - overlap(a.bbox, band, 1))[0] ?? null;
  }

  /** Cells in `cell`'s row to its right (their middles within its height), left first. */
  rowAfter(cell: Cell): Cell[] {
    const t = TOLERANCE.intersection;
    return this.cells
      .filter((c) => c.bbox[0] >= cell.bbox[2] - t && (c.bbox[1] + c.bbox[3]) / 2 > cell.bbox[1] && (c.bbox[1] + c.bbox[3]) / 2 < cell.bbox[3])
      .sort((a, b) => a.bbox[0] - b.bbox[0]);
  }
}

const textBoxes = new WeakMap<Cell, BBox>(); // asked for again and again while a sheet is read

/** The box of a cell's printed text (a cell built from alignment is wider than its text). */
export function textBox(c: Cell): BBox {
  let box = textBoxes.get(c);
  if (!box) textBoxes.set(c, (box = c.fragments.length === 0 ? c.bbox : unionBox(c.fragments.map((f) => f.bbox!))));
  return box;
}

/** Overlap of two boxes on an axis (0: x, 1: y) as a share of the smaller extent. */
export function overlap(a: BBox, b: BBox, axis: 0 | 1): number {
  const lo = Math.max(a[axis], b[axis]);
  const hi = Math.min(a[axis + 2]!, b[axis + 2]!);
  const smaller = Math.min(a[axis + 2]! - a[axis]!, b[axis + 2]! - b[axis]!);
  return smaller > 0 ? Math.max(0, hi - lo) / smaller : 0;
}
