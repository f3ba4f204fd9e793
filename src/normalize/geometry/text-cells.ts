// Cells from alignment, for a page printed without ruling lines: fragments → lines → chunks
// (runs separated by a wide gap) → blocks (chunks stacked at the same left edge with paragraph
// spacing) → cells, each widened to the next block on its right, so that "the cell beside a
// label" means the same as on a ruled page.
import type { BBox, Fragment } from "../../extract/fragment.ts";
import { groupLines, unionBox } from "./lines.ts";
import { TOLERANCE } from "./tolerances.ts";

interface Chunk {
  fragments: Fragment[];
  bbox: BBox;
  size: number;
}

const overlapY = (a: BBox, b: BBox) => Math.min(a[3], b[3]) - Math.max(a[1], b[1]);

function chunksOf(fragments: readonly Fragment[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const line of groupLines(fragments)) {
    let current: Fragment[] = [];
    const close = () => {
      if (current.length === 0) return;
      const size = current.reduce((largest, f) => Math.max(largest, f.size ?? 10), -Infinity);
      chunks.push({ fragments: current, bbox: unionBox(current.map((f) => f.bbox!)), size });
      current = [];
    };
    for (const f of line) {
      const last = current.at(-1);
      if (last && f.bbox![0] - last.bbox![2] > (f.size ?? 10) * TOLERANCE.cellGap) close();
      current.push(f);
    }
    close();
  }
  return chunks;
}

/** Chunks at the same left edge (or centred on the same axis), one paragraph line apart, are
 * one cell's wrapped lines. */
function blocksOf(chunks: Chunk[]): Chunk[] {
  const blocks: Chunk[] = [];
  for (const chunk of chunks) {
    const above = blocks.find((b) =>
      (Math.abs(b.bbox[0] - chunk.bbox[0]) <= TOLERANCE.snap || Math.abs(b.bbox[0] + b.bbox[2] - chunk.bbox[0] - chunk.bbox[2]) <= 2 * TOLERANCE.snap) &&
      chunk.bbox[1] - b.bbox[3] >= -1 && chunk.bbox[1] - b.bbox[3] <= chunk.size * TOLERANCE.paragraphGap);
    if (!above) {
      blocks.push({ ...chunk, fragments: [...chunk.fragments], bbox: [...chunk.bbox] });
      continue;
    }
    for (const f of chunk.fragments) above.fragments.push(f);
    above.bbox = [Math.min(above.bbox[0], chunk.bbox[0]), above.bbox[1], Math.max(above.bbox[2], chunk.bbox[2]), chunk.bbox[3]];
  }
  return blocks;
}

/** Each block widened to the nearest block on its right that shares its line. */
export function cellsFromAlignment(fragments: readonly Fragment[]): { bbox: BBox; fragments: Fragment[] }[] {
  const blocks = blocksOf(chunksOf(fragments));
  return blocks.map((b) => {
    // Nothing beside it on its line: the block keeps its own width (it is a last column, or a
    // label standing between rows, which must not cover the cells to its right).
    const right = blocks
      .filter((o) => o !== b && o.bbox[0] > b.bbox[0] && overlapY(o.bbox, b.bbox) > 0)
      .reduce((x, o) => Math.min(x, o.bbox[0]), Infinity);
    return { bbox: [b.bbox[0], b.bbox[1], Math.max(b.bbox[2], Number.isFinite(right) ? right : b.bbox[2]), b.bbox[3]] as BBox, fragments: b.fragments };
  });
}
