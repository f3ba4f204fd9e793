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

export async function readPdfReport(pages: AsyncIterable<PageResult>): Promise<PdfReading> {
  const sheets: SheetReading[] = [];
  const skipped: number[] = [];
  const lost: { number: number; error: string }[] = [];
  const imageOnly: number[] = [];
  const empty: number[] = [];
  const headerLines: string[] = [];
  let count = 0;
  for await (const result of pages) {
    count++;
    if (!result.ok) {
      lost.push(result);
      continue;
    }
    const { info, fragments, shapes } = result.page;
    if (fragments.length === 0) {
      (info.images > 0 ? imageOnly : shapes.length > 0 ? skipped : empty).push(info.page);
      continue;
    }
    const grid = new PageGrid(info.page, fragments, shapes);
    if (!grid.find((t) => t === "事業名")) {
      skipped.push(info.page);
      continue;
    }
    // The title and plan period stand outside the grid (or, on an unruled page, in cells of their own).
    if (headerLines.length === 0) headerLines.push(...readLines(grid.free), ...grid.cells.flatMap((c) => c.lines));
    sheets.push(readPdfSheet(grid));
  }
  const header = readReportHeader(headerLines.map((text, i) => ({ text, no: i + 1, page: 1 })));
  const findings = [...pageFindings(skipped, lost, imageOnly, empty), ...sheets.flatMap((s) => s.findings)];
  return { ...header, sheets, findings, pages: count, imageOnlyPages: imageOnly };
}
