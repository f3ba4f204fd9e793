// What ingestion hands the normalizer: positioned pieces of printed text.

/** [x0, y0, x1, y1] in page units, top-left origin. */
export type BBox = [number, number, number, number];

export interface Fragment {
  text: string;
  page: number;
  /** Line number in a text input; for PDF, the item's order in the page's content stream. */
  line: number;
  bbox: BBox | null;
  font: string | null;
  size: number | null;
}

/** A painted path (ruling line, cell border, filled box), one per subpath, in page units. */
export interface Shape {
  page: number;
  bbox: BBox;
  paint: "fill" | "stroke" | "fillStroke";
  /** Fill colour as pdf.js reports it (`#000000`); null when not filled. */
  fill: string | null;
  /** Corner points (after the page transform), enough to tell a square from a crossed one. */
  segments: number;
}

export interface PageInfo {
  page: number;
  width: number;
  height: number;
  /** Images painted on the page: a page of images and no text is a scan. */
  images: number;
}

export interface Extraction {
  kind: "pdf" | "text";
  pages: number;
  fragments: Fragment[];
  shapes: Shape[];
  pageInfo: PageInfo[];
}
