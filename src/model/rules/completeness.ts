// Fields a sheet must have, and values that cannot be right.
import { yearKeyToGregorian } from "../era.ts";
import { finding } from "../findings.ts";
import type { Finding, Sheet } from "../schema.ts";
import { placeOf, type Rule } from "./context.ts";

const REQUIRED = [
  ["no", "事業番号"], ["name", "事業名"], ["department", "所管課"], ["targetGroup", "対象者"],
  ["content", "事業内容"], ["resultsAndIssues", "対象年度の実績及び課題"], ["evaluation", "評価"],
  ["adjustment", "調整"], ["futureDirection", "今後の取組方針"], ["committeeOpinion", "就労支援推進委員会の意見"],
  ["subcommitteeOpinion", "就労支援連絡専門部会の意見"],
] as const;

export const requiredFields: Rule = (sheet) => {
  // A row of boxes that was printed but not ticked once is MARKS_NOT_ONE's finding, not this one's.
  const printedRow = (field: string) => (field === "evaluation" || field === "futureDirection") && sheet.marks[field] !== null;
  const missing: [string, string][] = REQUIRED.filter(([field]) => sheet[field] === null && !printedRow(field)).map(([f, l]) => [f, l]);
  if (sheet.indicators.length === 0) missing.push(["indicators", "指標"]);
  if (Object.keys(sheet.overallRate).length === 0) missing.push(["overallRate", "総合達成率"]);
  const found = missing.map(([field, label]) =>
    finding({ code: "FIELD_MISSING", severity: "warning", sheet: sheet.no ?? sheet.page, field, where: placeOf(sheet, field),
      ja: `${label}が読み取れません`, en: `${field} (${label}) was not found on the sheet` }));
  if (sheet.covid.impact === "有" && !sheet.covid.note) {
    found.push(finding({ code: "COVID_NOTE_MISSING", severity: "warning", sheet: sheet.no, field: "covid.note", where: placeOf(sheet, "covid.note"),
      ja: "新型コロナの影響「有」ですが状況の記入がありません", en: "COVID impact is 有 but no note describes it" }));
  }
  return found;
};

const isFuture = (year: string, reportYear: string | null) => {
  const y = yearKeyToGregorian(year);
  const r = reportYear ? yearKeyToGregorian(reportYear) : null;
  return y !== null && r !== null && y > r;
};

export const impossibleValues: Rule = (sheet, ctx) =>
  sheet.indicators.flatMap((ind, i) =>
    (["target", "actual", "rate"] as const).flatMap((field) =>
      Object.entries(ind[field]).flatMap(([year, f]): Finding[] => {
        if (f?.value == null) return [];
        const base = { sheet: sheet.no, indicator: i + 1, year, field, printed: f.printed, where: placeOf(sheet, `indicators.${i}.${field}.${year}`) };
        if (f.value < 0)
          return [finding({ ...base, code: "NEGATIVE_VALUE", severity: "error", ja: "負の値は印字されないはずです", en: "a negative figure cannot be right here" })];
        if (field !== "target" && isFuture(year, ctx.reportYear))
          return [finding({ ...base, code: "ACTUAL_IN_FUTURE", severity: "error", ja: `対象年度より後の ${year} に値があります`, en: `a ${field} is printed for ${year}, after the report year` })];
        if (field === "rate" && f.value > 1000)
          return [finding({ ...base, code: "RATE_IMPLAUSIBLE", severity: "warning", ja: "達成率が 1,000% を超えています", en: "a rate over 1,000% is most likely a typo" })];
        return [];
      }),
    ),
  );
