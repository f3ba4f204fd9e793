// Reports of the same plan from different years, compared: a figure of a year both reports
// print must not change silently; programmes and indicators that appear or vanish are listed.
import { finding } from "./findings.ts";
import type { Figure, Finding, Indicator, Report, Sheet } from "./schema.ts";

const FIELDS = ["target", "actual", "rate"] as const;
const FIELD_JA = { target: "目標", actual: "実績", rate: "達成率" } as const;

const sameFigure = (a: Figure | null | undefined, b: Figure | null | undefined) =>
  (a?.printed ?? null) === (b?.printed ?? null) || (a?.value != null && a.value === b?.value);

/** Sheets are the same programme when their numbers match, or failing that, their names. */
function matchSheet(sheet: Sheet, earlier: readonly Sheet[]): Sheet | null {
  return earlier.find((e) => e.no !== null && e.no === sheet.no && e.name === sheet.name)
    ?? earlier.find((e) => e.name !== null && e.name === sheet.name)
    ?? earlier.find((e) => e.no !== null && e.no === sheet.no)
    ?? null;
}

function compareIndicator(later: Sheet, index: number, ind: Indicator, old: Indicator, earlierFile: string): Finding[] {
  const out: Finding[] = [];
  for (const field of FIELDS) {
    for (const year of Object.keys(ind[field])) {
      const now = ind[field][year];
      const then = old[field][year];
      if (!now || !then || sameFigure(now, then)) continue; // only figures both reports print
      out.push(finding({
        code: field === "target" ? "TARGET_CHANGED" : "FIGURE_CHANGED", severity: "warning",
        sheet: later.no, indicator: index + 1, year, field, printed: now.printed, expected: then.printed,
        where: later.where?.[`indicators.${index}.${field}.${year}`] ?? null,
        ja: `${year} の${FIELD_JA[field]}が ${earlierFile} の ${then.printed} から ${now.printed} に変わっています`,
        en: `${year} ${field} is ${now.printed} here but ${then.printed} in ${earlierFile}`,
      }));
    }
  }
  return out;
}

function compareOverall(later: Sheet, old: Sheet, earlierFile: string): Finding[] {
  return Object.entries(later.overallRate).flatMap(([year, now]) => {
    const then = old.overallRate[year];
    if (!now || !then || sameFigure(now, then)) return [];
    return [finding({ code: "FIGURE_CHANGED", severity: "warning", sheet: later.no, year, field: "overallRate", printed: now.printed, expected: then.printed,
      where: later.where?.[`overallRate.${year}`] ?? null,
      ja: `${year} の総合達成率が ${earlierFile} の ${then.printed} から ${now.printed} に変わっています`,
      en: `${year} overall rate is ${now.printed} here but ${then.printed} in ${earlierFile}` })];
  });
}

function compareSheet(later: Sheet, old: Sheet, earlierFile: string): Finding[] {
  const out: Finding[] = compareOverall(later, old, earlierFile);
  if (old.name !== later.name) {
    out.push(finding({ code: "PROGRAMME_RENAMED", severity: "info", sheet: later.no, field: "name", printed: later.name, expected: old.name,
      ja: `事業名が ${earlierFile} の「${old.name}」から変わっています`, en: `the programme was named "${old.name}" in ${earlierFile}` }));
  }
  later.indicators.forEach((ind, i) => {
    const match = old.indicators.find((o) => o.kind === ind.kind && o.name === ind.name);
    if (match) out.push(...compareIndicator(later, i, ind, match, earlierFile));
    else out.push(finding({ code: "INDICATOR_ADDED", severity: "info", sheet: later.no, indicator: i + 1, field: "indicators", printed: ind.name,
      ja: `${earlierFile} にない指標です`, en: `this indicator is not in ${earlierFile}` }));
  });
  for (const o of old.indicators.filter((o) => !later.indicators.some((i) => i.kind === o.kind && i.name === o.name))) {
    out.push(finding({ code: "INDICATOR_REMOVED", severity: "info", sheet: later.no, field: "indicators", expected: o.name,
      ja: `${earlierFile} にあった指標「${o.name}」がありません`, en: `the indicator "${o.name}" of ${earlierFile} is gone` }));
  }
  return out;
}

/** Findings for `later`, against `earlier` (an earlier year's report of the same plan). */
export function compareReports(later: Report, earlier: Report): Finding[] {
  const file = earlier.source.file;
  const out: Finding[] = [];
  for (const sheet of later.sheets) {
    const old = matchSheet(sheet, earlier.sheets);
    if (old) out.push(...compareSheet(sheet, old, file));
    else out.push(finding({ code: "PROGRAMME_ADDED", severity: "info", sheet: sheet.no, field: "name", printed: sheet.name,
      ja: `${file} にない事業です`, en: `this programme is not in ${file}` }));
  }
  for (const old of earlier.sheets.filter((e) => !later.sheets.some((s) => matchSheet(s, [e])))) {
    out.push(finding({ code: "PROGRAMME_REMOVED", severity: "info", sheet: old.no, field: "name", expected: old.name,
      ja: `${file} にあった事業「${old.name}」がありません`, en: `the programme "${old.name}" of ${file} is gone` }));
  }
  return out;
}

/** Each report compared with the one of the year before it, when both belong to one plan. */
export function compareSeries(reports: readonly Report[]): Map<Report, Finding[]> {
  const byYear = [...reports].filter((r) => r.fiscalYear).sort((a, b) => a.fiscalYear!.gregorian - b.fiscalYear!.gregorian);
  const out = new Map<Report, Finding[]>();
  byYear.forEach((report, i) => {
    const before = byYear.slice(0, i).reverse().find((r) => r.planPeriod?.printed === report.planPeriod?.printed && r.fiscalYear!.gregorian < report.fiscalYear!.gregorian);
    if (before) out.set(report, compareReports(report, before));
  });
  return out;
}
