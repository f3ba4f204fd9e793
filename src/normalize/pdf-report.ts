// A PDF's pages → the report's sheets, one page at a time. A page is a sheet when it prints the
// 事業名 label; other pages are named as skipped, unreadable pages as lost, never dropped silently.
import type { PageResult } from "../extract/pdf.ts";
import type { Finding } from "../model/schema.ts";
import { finding } from "../model/findings.ts";
import { PageGrid, readLines } from "./geometry/page-grid.ts";
import { readPdfSheet } from "./pdf-sheet.ts";
import { readReportHeader, type ReportReading } from "./text-report.ts";
import type { SheetReading } from "./text-sheet.ts";

export interface PdfReading extends ReportReading {
  pages: number;
  /** Pages with images but no text at all: scans that need OCR. */
  imageOnlyPages: number[];
}

const list = (pages: number[]) => pages.join(", ");

function pageFindings(skipped: number[], lost: { number: number; error: string }[], imageOnly: number[], empty: number[]): Finding[] {
  const out: Finding[] = [];
  if (empty.length > 0)
    out.push(finding({ code: "PAGES_EMPTY", severity: "warning", field: "pages", printed: list(empty),
      ja: `何も描かれていないページです（白紙か、内容が壊れています）: ${list(empty)}`, en: `pages on which nothing is drawn (blank, or their content is damaged): ${list(empty)}` }));
  if (skipped.length > 0)
    out.push(finding({ code: "PAGES_SKIPPED", severity: "info", field: "pages", printed: list(skipped),
      ja: `進行管理票ではないページを飛ばしました: ${list(skipped)}`, en: `pages that are not 進行管理票 sheets were skipped: ${list(skipped)}` }));
  if (imageOnly.length > 0)
    out.push(finding({ code: "PAGES_WITHOUT_TEXT", severity: "warning", field: "pages", printed: list(imageOnly),
      ja: `文字情報のない画像だけのページです（OCR が必要）: ${list(imageOnly)}`, en: `pages with images and no text layer (they need OCR): ${list(imageOnly)}` }));
  for (const page of lost)
    out.push(finding({ code: "PAGE_UNREADABLE", severity: "warning", field: "pages", printed: String(page.number),
      ja: `${page.number} ページを読めませんでした（${page.error}）`, en: `page ${page.number} could not be read (${page.error})` }));
  return out;
}

/** What one page holds. Plain data: pages can be read on several threads and assembled on one. */
export type PageReading =
  | { page: number; kind: "sheet"; sheet: SheetReading; /** the page's lines, for the report's title */ lines: string[] }
  | { page: number; kind: "skipped" | "imageOnly" | "empty" }
  | { page: number; kind: "lost"; error: string };

export function readPdfPage(result: PageResult): PageReading {
  if (!result.ok) return { page: result.number, kind: "lost", error: result.error };
  const { info, fragments, shapes } = result.page;
  if (fragments.length === 0) return { page: info.page, kind: info.images > 0 ? "imageOnly" : shapes.length > 0 ? "skipped" : "empty" };
  const grid = new PageGrid(info.page, fragments, shapes);
  if (!grid.find((t) => t === "事業名")) return { page: info.page, kind: "skipped" };
  // The title and plan period stand outside the grid (or, on an unruled page, in cells of their own).
  return { page: info.page, kind: "sheet", sheet: readPdfSheet(grid), lines: [...readLines(grid.free), ...grid.cells.flatMap((c) => c.lines)] };
}

/** The report from its pages' readings, in page order; `count` is the document's page count. */
export function assemblePdfReport(pages: readonly PageReading[], count: number): PdfReading {
  const ofKind = (kind: PageReading["kind"]) => pages.filter((p) => p.kind === kind).map((p) => p.page);
  const sheetPages = pages.filter((p) => p.kind === "sheet");
  const lost = pages.flatMap((p) => (p.kind === "lost" ? [{ number: p.page, error: p.error }] : []));
  const header = readReportHeader((sheetPages[0]?.lines ?? []).map((text, i) => ({ text, no: i + 1, page: 1 })));
  const sheets = sheetPages.map((p) => p.sheet);
  const findings = [...pageFindings(ofKind("skipped"), lost, ofKind("imageOnly"), ofKind("empty")), ...sheets.flatMap((s) => s.findings)];
  return { ...header, sheets, findings, pages: count, imageOnlyPages: ofKind("imageOnly") };
}

/** Pages' readings, as they are read. Only the first sheet keeps its lines (the title is read
 * from them): the others' would only take memory, and time to pass between threads. */
export class PageReadings {
  readonly read: PageReading[] = [];
  private titled = false;

  add(result: PageResult): void {
    const reading = readPdfPage(result);
    this.read.push(reading.kind === "sheet" && this.titled ? { ...reading, lines: [] } : reading);
    this.titled ||= reading.kind === "sheet";
  }
}

/** Pages' readings in order. */
export async function readPdfPages(pages: AsyncIterable<PageResult>): Promise<PageReading[]> {
  const readings = new PageReadings();
  for await (const result of pages) readings.add(result);
  return readings.read;
}
