// A read page as it crosses between threads. A ruled sheet paints ~900 shapes a page; cloned as
// objects (each with its bbox array and strings) they cost the thread that sends them ~1 ms a
// page. Packed, each shape is seven numbers of one Float64Array, which is cloned as a block.
import type { PageResult, PdfPage } from "./pdf.ts";
import type { Shape } from "./fragment.ts";

const PAINTS: readonly Shape["paint"][] = ["fill", "stroke", "fillStroke"];
const STRIDE = 7; // x0, y0, x1, y1, segments, paint (index in PAINTS), fill (index in fills, or -1)

export type PackedPageResult =
  | { ok: true; page: Omit<PdfPage, "shapes">; shapes: { numbers: Float64Array; fills: string[] } }
  | Extract<PageResult, { ok: false }>;

export function packPage(result: PageResult): PackedPageResult {
  if (!result.ok) return result;
  const { shapes, ...page } = result.page;
  const numbers = new Float64Array(shapes.length * STRIDE);
  const fills: string[] = [];
  shapes.forEach((s, i) => {
    let fill = s.fill === null ? -1 : fills.indexOf(s.fill); // a page has a handful of colours
    if (fill === -1 && s.fill !== null) fill = fills.push(s.fill) - 1;
    numbers.set([...s.bbox, s.segments, PAINTS.indexOf(s.paint), fill], i * STRIDE);
  });
  return { ok: true, page, shapes: { numbers, fills } };
}

export function unpackPage(packed: PackedPageResult): PageResult {
  if (!packed.ok) return packed;
  const { numbers: n, fills } = packed.shapes;
  const page = packed.page.info.page;
  const shapes: Shape[] = [];
  for (let i = 0; i < n.length; i += STRIDE) {
    shapes.push({ page, bbox: [n[i]!, n[i + 1]!, n[i + 2]!, n[i + 3]!], paint: PAINTS[n[i + 5]!]!, fill: n[i + 6]! < 0 ? null : fills[n[i + 6]!]!, segments: n[i + 4]! });
  }
  return { ok: true, page: { ...packed.page, shapes } };
}
