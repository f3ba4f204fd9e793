// Extracted text → the report's sheets. A sheet's text ends with its header (事業番号 …
// 対象者), so each header closes one sheet.
import type { Fragment } from "../extract/fragment.ts";
import type { Finding, Report } from "../model/schema.ts";
import { eraToGregorian, yearKey } from "../model/era.ts";
import { departmentLine, NUMBER_LINE, planPeriodLine, titleLine } from "./labels.ts";
import { Segment, type Line } from "./segment.ts";
import { readTextSheet, type SheetReading } from "./text-sheet.ts";

export interface ReportReading {
  title: string | null;
  fiscalYear: Report["fiscalYear"];
  planPeriod: Report["planPeriod"];
  sheets: SheetReading[];
  findings: Finding[];
}

export function splitSheets(lines: readonly Line[]): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!NUMBER_LINE.test(lines[i]!.text.trim())) continue;
    let end = i;
    for (let j = i + 1; j < Math.min(i + 4, lines.length); j++) {
      if (departmentLine(lines[j]!.text.trim())) {
        end = j;
        break;
      }
    }
    segments.push(new Segment(lines.slice(start, end + 1)));
    start = end + 1;
    i = end;
  }
  return segments;
}

export function readReportHeader(lines: readonly Line[]) {
  const title = lines.map((l) => titleLine(l.text.trim())).find((m) => m);
  const period = lines.map((l) => planPeriodLine(l.text.trim())).find((m) => m);
  const fiscalPrinted = title?.fiscalYear ?? null;
  const fiscal = fiscalPrinted ? eraToGregorian(fiscalPrinted) : null;
  const [fromPrinted, toPrinted] = period ? period.period.split(/[～〜~]/) : [];
  const from = fromPrinted ? eraToGregorian(fromPrinted) : null;
  const to = toPrinted ? eraToGregorian(toPrinted) : null;
  return {
    title: title?.title ?? null,
    fiscalYear: fiscalPrinted && fiscal ? { printed: fiscalPrinted, gregorian: fiscal } : null,
    planPeriod: period && from && to ? { plan: period.plan || null, printed: period.period, from, to } : null,
  };
}

export function readTextReport(fragments: readonly Fragment[]): ReportReading {
  const lines: Line[] = fragments.map((f) => ({ text: f.text, no: f.line, page: f.page }));
  const header = readReportHeader(lines);
  const reportYear = header.fiscalYear ? yearKey(header.fiscalYear.printed) : null;
  const paged = lines.some((l) => l.page > 1);
  const sheets = splitSheets(lines).map((seg, i) => {
    const numberLine = seg.lines.find((l) => NUMBER_LINE.test(l.text.trim()));
    // Without page breaks in the text, a sheet's page is its place in the report.
    return readTextSheet(seg, paged && numberLine ? numberLine.page : i + 1, i + 1, reportYear);
  });
  return { ...header, sheets, findings: sheets.flatMap((s) => s.findings) };
}

