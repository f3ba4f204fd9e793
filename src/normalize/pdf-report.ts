// A PDF's pages → the report's sheets. A page is a sheet when it prints the 事業名 label.
import type { Extraction, Fragment } from "../extract/fragment.ts";
import { PageGrid } from "./geometry/page-grid.ts";
import { readLines } from "./geometry/page-grid.ts";
import { readPdfSheet } from "./pdf-sheet.ts";
import { readReportHeader, type ReportReading } from "./text-report.ts";

export function readPdfReport(extraction: Extraction): ReportReading & { skippedPages: number[] } {
  const sheets = [];
  const skippedPages: number[] = [];
  const headerLines: string[] = [];
  for (const info of extraction.pageInfo) {
    const fragments = extraction.fragments.filter((f) => f.page === info.page);
    const grid = new PageGrid(info.page, fragments, extraction.shapes.filter((s) => s.page === info.page));
    if (!grid.find((t) => t === "事業名")) {
      skippedPages.push(info.page);
      continue;
    }
    headerLines.push(...readLines(grid.free as Fragment[]));
    sheets.push(readPdfSheet(grid));
  }
  const header = readReportHeader(headerLines.map((text, i) => ({ text, no: i + 1, page: 1 })));
  return { ...header, sheets, findings: sheets.flatMap((s) => s.findings), skippedPages };
}
