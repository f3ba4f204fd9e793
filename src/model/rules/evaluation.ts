// ⑧ 評価 against the grade of the report year's 総合達成率, and the ■ count of each box row.
import { finding } from "../findings.ts";
import type { Finding, Grade, Sheet } from "../schema.ts";
import { placeOf, type Rule } from "./context.ts";

/** 120% or more → S, 100% → A, 90% → B, under 90% → C (D, cancelled, is not a matter of figures). */
export function gradeOf(overallRate: number): Grade {
  if (overallRate >= 120) return "S";
  if (overallRate >= 100) return "A";
  if (overallRate >= 90) return "B";
  return "C";
}

function nothingHeld(sheet: Sheet, year: string): boolean {
  return sheet.indicators.filter((i) => i.kind === "plan").every((i) => i.rate[year]?.value == null);
}

export const evaluationGrade: Rule = (sheet, ctx) => {
  const year = ctx.reportYear;
  const overall = year ? sheet.overallRate[year] : null;
  if (!year || !sheet.evaluation || overall?.value == null) return [];
  // D (取組を行えなかった) is right when nothing was held that year.
  if (sheet.evaluation === "D" && nothingHeld(sheet, year)) return [];
  const grade = gradeOf(overall.value);
  if (grade === sheet.evaluation) return [];
  const adjusted = sheet.adjustment === "有";
  return [finding({ code: "EVALUATION_MISMATCH", severity: adjusted ? "info" : "error", sheet: sheet.no, year,
    field: "evaluation", printed: sheet.evaluation, expected: grade, where: placeOf(sheet, "evaluation"),
    ja: `評価 ${sheet.evaluation} は総合達成率 ${overall.printed} の区分 ${grade} と異なります（調整 ${sheet.adjustment ?? "不明"}）`,
    en: `evaluation ${sheet.evaluation} is not the grade ${grade} of the overall rate ${overall.printed} (adjustment: ${sheet.adjustment ?? "not printed"})` })];
};

export const oneMarkPerRow: Rule = (sheet) => {
  const rows = [["evaluation", sheet.marks.evaluation], ["futureDirection", sheet.marks.futureDirection]] as const;
  return rows.flatMap(([field, marks]): Finding[] => {
    const checked = marks ? [...marks].filter((m) => m === "■").length : 0;
    if (marks === null || checked === 1) return [];
    return [finding({ code: "MARKS_NOT_ONE", severity: "error", sheet: sheet.no, field, printed: marks, expected: "1",
      where: placeOf(sheet, `marks.${field}`),
      ja: `チェック欄の ■ が ${checked} 個です（1 個のはず）`,
      en: `${checked} boxes are checked in the ${field} row; exactly one should be` })];
  });
};
