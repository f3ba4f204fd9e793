// Fragments are placed in the smallest ruled cell holding their centre, quickly, whatever the
// coordinates: a damaged (fuzzed) PDF once drew a cell ~10¹² pt tall and the cell index tried
// to list every 20-pt band of it, for 40 s, until a Map overflowed.
import { describe, expect, it } from "vitest";
import type { BBox, Fragment, Shape } from "../src/extract/fragment.ts";
import { PageGrid } from "../src/normalize/geometry/page-grid.ts";

const cell = (bbox: BBox): Shape => ({ page: 1, bbox, paint: "stroke", fill: null, segments: 4 });
const text = (t: string, [x, y]: [number, number]): Fragment => ({ text: t, page: 1, line: 0, bbox: [x - 4, y - 4, x + 4, y + 4], font: null, size: 8 });

describe("placing text in ruled cells", () => {
  const grid3x3 = [0, 20, 40].flatMap((y) => [0, 50, 100].map((x) => cell([x, y, x + 50, y + 20])));

  it.each([
    ["an ordinary page", 600],
    ["a cell 10¹² pt tall", 1e12],
    ["a cell reaching to infinity", Infinity],
  ])("puts each fragment in the smallest cell holding it: %s", (_, bottom) => {
    const started = Date.now();
    const grid = new PageGrid(1, [text("A", [25, 10]), text("Z", [75, 500]), text("B", [125, 50])], [...grid3x3, cell([0, 60, 150, bottom])]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(grid.ruled).toBe(true);
    expect(grid.find((t) => t === "A")?.bbox).toEqual([0, 0, 50, 20]);
    expect(grid.find((t) => t === "B")?.bbox).toEqual([100, 40, 150, 60]);
    expect(grid.find((t) => t === "Z")?.bbox).toEqual(bottom === Infinity ? undefined : [0, 60, 150, bottom]);
  });
});
