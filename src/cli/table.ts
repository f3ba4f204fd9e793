// Findings as a readable table, grouped by sheet, with a one-line summary.
import type { Finding, Report } from "../model/schema.ts";
import type { Lang } from "./lang.ts";

export interface Summary {
  sheets: number;
  figuresChecked: number;
  error: number;
  warning: number;
  info: number;
}

export function summarize(report: Report): Summary {
  const figures = report.sheets.flatMap((s) => [
    ...s.indicators.flatMap((i) => Object.values(i.rate)),
    ...Object.values(s.overallRate),
  ]);
  const count = (sev: Finding["severity"]) => report.findings.filter((f) => f.severity === sev).length;
  return {
    sheets: report.sheets.length,
    figuresChecked: figures.filter((f) => f?.value != null).length,
    error: count("error"),
    warning: count("warning"),
    info: count("info"),
  };
}

/** "1 error", "2 errors": the summary is read by people. */
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function line(f: Finding, lang: Lang): string {
  const where = [f.indicator ? `#${f.indicator}` : "", f.year ?? "", f.field ?? ""].filter(Boolean).join(" ");
  const expected = f.expected !== null ? (lang === "ja" ? ` (期待値 ${f.expected})` : ` (expected ${f.expected})`) : "";
  const values = f.printed !== null ? `  ${f.printed}${expected}` : "";
  return `    ${f.severity.padEnd(7)} ${f.code.padEnd(24)} ${where.padEnd(22)}${values}  ${f.message[lang]}`;
}

export function renderTable(report: Report, lang: Lang): string {
  const out: string[] = [`${report.source.file}`];
  const bySheet = new Map<number | null, Finding[]>();
  for (const f of report.findings) {
    const group = bySheet.get(f.sheet);
    if (group) group.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  const order = [...bySheet.keys()].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  for (const no of order) {
    const findings = bySheet.get(no)!;
    const sheet = report.sheets.find((s) => s.no === no);
    const missing = lang === "ja" ? "（この報告書にはない）" : "(not in this report)";
    const title = no === null ? (lang === "ja" ? "報告書全体" : "whole report") : `${lang === "ja" ? "事業" : "sheet"} ${no} ${sheet?.name ?? missing}`;
    out.push(`  ${title}${sheet ? ` (p.${sheet.page})` : ""}`);
    for (const f of findings) out.push(line(f, lang));
  }
  const s = summarize(report);
  out.push(
    lang === "ja"
      ? `  ${s.sheets} シート、${s.figuresChecked} 数値を検査: エラー ${s.error}、警告 ${s.warning}、情報 ${s.info}`
      : `  ${counted(s.sheets, "sheet")}, ${counted(s.figuresChecked, "figure")} checked: ${counted(s.error, "error")}, ${counted(s.warning, "warning")}, ${s.info} info`,
  );
  return out.join("\n");
}
