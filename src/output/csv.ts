// Reports as spreadsheet-ready CSV: a long table (programme × indicator × year) and a table of
// programmes. UTF-8 with BOM and CRLF, so that Excel opens the Japanese correctly.
import { recomputeRate } from "../model/recompute.ts";
import type { Figure, Finding, Report, Sheet } from "../model/schema.ts";

const BOM = "\uFEFF";
const CRLF = "\r\n";

/** Text that a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage
 * return, and is not a plain number such as "-5" or "+1.5%"). A field of a damaged or hostile
 * PDF could hold `=HYPERLINK(…)` or a DDE call; clerks open these files in Excel. */
const FORMULA = /^(?:[=@\t\r]|[+\-](?![\d,.]*%?$))/;

/** One CSV field. Formula-like text gets a leading apostrophe (OWASP's advice), shown by the
 * spreadsheet as text; JSON and XML keep every string exactly as printed. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" && FORMULA.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (values: (string | number | null | undefined)[]) => values.map(cell).join(",");
const printed = (f: Figure | null | undefined) => f?.printed ?? null;
const value = (f: Figure | null | undefined) => f?.value ?? null;
const codes = (findings: Finding[]) => [...new Set(findings.map((f) => f.code))].join(" ");

export const INDICATOR_COLUMNS = [
  "file", "fiscal_year", "sheet_no", "page", "programme", "department", "indicator_no", "kind", "indicator", "row_label",
  "unit", "year", "target", "target_value", "actual", "actual_value", "rate", "rate_value", "rate_recomputed", "findings",
] as const;

/** One row per programme × indicator × year. */
export function indicatorRows(report: Report): string[] {
  const rows: string[] = [];
  for (const sheet of report.sheets) {
    sheet.indicators.forEach((ind, i) => {
      for (const year of Object.keys(ind.target)) {
        const interval = recomputeRate(ind, year);
        const recomputed = interval ? ((interval.lo + interval.hi) / 2).toFixed(3) : null;
        const found = report.findings.filter((f) => f.sheet === sheet.no && f.indicator === i + 1 && f.year === year);
        rows.push(row([
          report.source.file, report.fiscalYear?.printed, sheet.no, sheet.page, sheet.name, sheet.department, i + 1, ind.kind, ind.name,
          ind.rowLabel, ind.unit, year, printed(ind.target[year]), value(ind.target[year]), printed(ind.actual[year]), value(ind.actual[year]),
          printed(ind.rate[year]), value(ind.rate[year]), recomputed, codes(found),
        ]));
      }
    });
  }
  return rows;
}

function yearsOf(report: Report): string[] {
  return [...new Set(report.sheets.flatMap((s) => Object.keys(s.overallRate)))];
}

/** One row per programme with the sheet-level fields. */
export function sheetsCsv(report: Report): string {
  const years = yearsOf(report);
  const head = [
    "file", "fiscal_year", "sheet_no", "page", "programme", "department", "target_group", "basic_policy", "development",
    "approach_policy_label", "approach_policy", "content", "results_and_issues", ...years.map((y) => `overall_${y}`),
    "evaluation", "adjustment", "covid_impact", "covid_note", "future_direction", "future_direction_text",
    "committee_opinion", "subcommittee_opinion", "findings",
  ];
  const line = (s: Sheet) => row([
    report.source.file, report.fiscalYear?.printed, s.no, s.page, s.name, s.department, s.targetGroup, s.basicPolicy, s.development,
    s.approachPolicyLabel, s.approachPolicy, s.content, s.resultsAndIssues, ...years.map((y) => printed(s.overallRate[y])),
    s.evaluation, s.adjustment, s.covid.impact, s.covid.note, s.futureDirection, s.futureDirectionText,
    s.committeeOpinion, s.subcommitteeOpinion, codes(report.findings.filter((f) => f.sheet === s.no && f.indicator === null)),
  ]);
  return BOM + [row(head), ...report.sheets.map(line)].join(CRLF) + CRLF;
}

export function indicatorsCsv(reports: readonly Report[]): string {
  return BOM + [row([...INDICATOR_COLUMNS]), ...reports.flatMap(indicatorRows)].join(CRLF) + CRLF;
}
