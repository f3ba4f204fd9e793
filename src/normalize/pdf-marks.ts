// ■□ marks on a PDF page, drawn as glyphs (■□ ☑☐, or ✓ レ over a □) or as vector squares
// (filled or crossed = checked), each paired with the option label printed to its right.
import type { BBox, Fragment, Shape } from "../extract/fragment.ts";
import type { BoxRow } from "./boxes.ts";
import { isBoxShape } from "./geometry/rulings.ts";
import { TOLERANCE } from "./geometry/tolerances.ts";
import { overlap } from "./geometry/page-grid.ts";

const CHECKED_GLYPH = /^[■☑☒]/;
const BOX_GLYPH = /^[■□☑☐☒]/;
const CHECK_GLYPH = /^[✓✔レ]$/;
const WHITE = new Set(["#ffffff", "#fff"]);

export interface Mark {
  checked: boolean;
  bbox: BBox;
  label: string;
}

export interface MarkRow {
  row: BoxRow;
  /** Where each box of the row was printed, in option order. */
  boxes: BBox[];
}

const contains = (outer: BBox, inner: BBox, slack = 1) =>
  inner[0] >= outer[0] - slack && inner[1] >= outer[1] - slack && inner[2] <= outer[2] + slack && inner[3] <= outer[3] + slack;

/** The text printed right after a box on the same line. */
function labelAfter(box: BBox, fragments: readonly Fragment[]): string {
  const candidates = fragments.filter((f) => f.bbox![0] >= box[2] - 1 && overlap(f.bbox!, box, 1) >= TOLERANCE.neighbourOverlap && !BOX_GLYPH.test(f.text.trim()));
  candidates.sort((a, b) => a.bbox![0] - b.bbox![0]);
  return candidates[0]?.text.trim() ?? "";
}

export function findMarks(fragments: readonly Fragment[], shapes: readonly Shape[]): Mark[] {
  const checks = fragments.filter((f) => CHECK_GLYPH.test(f.text.trim()));
  const marks: Mark[] = [];
  for (const f of fragments) {
    const text = f.text.trim();
    if (!BOX_GLYPH.test(text)) continue;
    const rest = text.slice(1).trim();
    const ticked = checks.some((c) => contains(f.bbox!, c.bbox!, 2));
    marks.push({ checked: CHECKED_GLYPH.test(text) || ticked, bbox: f.bbox!, label: rest || labelAfter(f.bbox!, fragments) });
  }
  const squares = shapes.filter(isBoxShape);
  for (const s of squares) {
    if (marks.some((m) => contains(m.bbox, s.bbox, 2))) continue; // the outline of a glyph box already read
    const filled = s.paint !== "stroke" && s.fill !== null && !WHITE.has(s.fill.toLowerCase());
    const crossed = shapes.some((o) => o !== s && o.paint !== "fill" && contains(s.bbox, o.bbox) && !isBoxShape(o));
    const ticked = checks.some((c) => contains(s.bbox, c.bbox!, 2));
    marks.push({ checked: filled || crossed || ticked, bbox: s.bbox, label: labelAfter(s.bbox, fragments) });
  }
  return marks;
}

/** The row of marks whose labels are `options`, in option order; null when none is printed. */
export function markRow(marks: readonly Mark[], options: readonly string[]): MarkRow | null {
  const found = options.map((o) => marks.find((m) => m.label.startsWith(o)) ?? null);
  if (found.every((m) => m === null)) return null;
  const present = found.filter((m): m is Mark => m !== null);
  return { row: { marks: present.map((m) => m.checked) }, boxes: present.map((m) => m.bbox) };
}
