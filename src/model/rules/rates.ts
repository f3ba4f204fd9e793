// Printed rates against the figures they come from.
import { figureInterval, formatInterval, meets, printedDecimals } from "../arithmetic.ts";
import { recomputeOverallRate, recomputeRate } from "../recompute.ts";
import { finding } from "../findings.ts";
import { isNotApplicable } from "../not-applicable.ts";
import type { Figure, Finding, Indicator, Sheet } from "../schema.ts";
import { isLowerBetter, placeOf, type Rule } from "./context.ts";

const NOT_APPLICABLE = (f: Figure | null | undefined) => f != null && f.value === null && isNotApplicable(f.printed);

function checkIndicatorRate(sheet: Sheet, ind: Indicator, index: number, year: string): Finding[] {
  const rate = ind.rate[year];
  const path = `indicators.${index}.rate.${year}`;
  const base = { sheet: sheet.no, indicator: index + 1, year, field: "rate", where: placeOf(sheet, path) };
  const computed = recomputeRate(ind, year);
  const printed = figureInterval(rate);
  if (computed && printed && !meets(computed, printed)) {
    const expected = formatInterval(computed, printedDecimals(rate!.printed));
    return [finding({ ...base, code: "RATE_MISMATCH", severity: "error", printed: rate!.printed, expected,
      ja: `達成率 ${rate!.printed} は 実績 ${ind.actual[year]!.printed} ÷ 目標 ${ind.target[year]!.printed} から ${expected} になるはずです`,
      en: `rate ${rate!.printed} does not follow from actual ${ind.actual[year]!.printed} ÷ target ${ind.target[year]!.printed} (${expected})` })];
  }
  if (computed && !printed && NOT_APPLICABLE(rate) && !isLowerBetter(ind.target)) {
    const expected = formatInterval(computed, 1);
    return [finding({ ...base, code: "RATE_NOT_PRINTED", severity: "warning", printed: rate!.printed, expected,
      ja: `目標と実績があるのに達成率が「${rate!.printed}」です（${expected}）`,
      en: `target and actual are printed but the rate is "${rate!.printed}" (${expected})` })];
  }
  const textInput = [ind.actual[year], ind.target[year]].some((f) => f != null && f.value === null && !NOT_APPLICABLE(f));
  if (printed && textInput) {
    return [finding({ ...base, code: "RATE_UNVERIFIABLE", severity: "info", printed: rate!.printed, expected: null,
      ja: `目標または実績が文章のため、達成率 ${rate!.printed} は検算できません`,
      en: `the target or actual is text, so the rate ${rate!.printed} cannot be recomputed` })];
  }
  if (printed && NOT_APPLICABLE(ind.actual[year])) {
    return [finding({ ...base, code: "RATE_WITHOUT_ACTUAL", severity: "warning", printed: rate!.printed, expected: "－",
      ja: `実績が「－」なのに達成率 ${rate!.printed} が印字されています`,
      en: `the actual is "－" but a rate of ${rate!.printed} is printed` })];
  }
  return [];
}

export const indicatorRates: Rule = (sheet) =>
  sheet.indicators.flatMap((ind, i) => Object.keys(ind.rate).flatMap((year) => checkIndicatorRate(sheet, ind, i, year)));

/**
 * 総合達成率: the mean of the year's plan-indicator rates, `－` rates left out. The sheet takes
 * the mean of the unrounded rates; the mean of the printed rates is accepted too, since both
 * conventions are in use. Nothing to average prints 0.0%. A sheet on which no plan indicator
 * was read at all is not checked: its rates are unknown, not absent (FIELD_MISSING says the
 * indicators are missing), and a mismatch against "0.0%" would be a false error.
 */
function checkOverall(sheet: Sheet, year: string): Finding[] {
  const overall = sheet.overallRate[year];
  if (overall?.value == null || !sheet.indicators.some((ind) => ind.kind === "plan")) return [];
  const { counted, unrounded, fits } = recomputeOverallRate(sheet.indicators, overall, year);
  if (fits) return [];
  const decimals = printedDecimals(overall.printed);
  const expected = unrounded ? formatInterval(unrounded, decimals) : (0).toFixed(decimals) + "%";
  return [finding({ code: "OVERALL_RATE_MISMATCH", severity: "error", sheet: sheet.no, year, field: "overallRate",
    printed: overall.printed, expected, where: placeOf(sheet, `overallRate.${year}`),
    ja: `総合達成率 ${overall.printed} は ${counted} 指標の達成率の平均 ${expected} と一致しません`,
    en: `overall rate ${overall.printed} is not the mean of the ${counted} plan-indicator rates (${expected})` })];
}

export const overallRates: Rule = (sheet) => Object.keys(sheet.overallRate).flatMap((year) => checkOverall(sheet, year));
