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

export interface Extraction {
  kind: "pdf" | "text";
  pages: number;
  fragments: Fragment[];
}
