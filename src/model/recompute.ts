// Rates recomputed from the printed figures, shared by the reader (to place loose rows) and
// the audit (to check printed rates).
import { figureInterval, meanInterval, meets, rateInterval, type Interval } from "./arithmetic.ts";
import type { Figure, Indicator } from "./schema.ts";

/** The rate interval that target and actual allow, or null when they do not give one. */
export function recomputeRate(ind: Indicator, year: string): Interval | null {
  const a = figureInterval(ind.actual[year], ind.unit);
  const t = figureInterval(ind.target[year], ind.unit);
  return a && t ? rateInterval(a, t) : null;
}

export interface OverallCheck {
  /** Plan indicators with a numeric rate that year; `－` rates are left out. */
  counted: number;
  /** Mean of the unrounded rates (the printed rate where none can be recomputed). */
  unrounded: Interval | null;
  /** Whether the printed 総合達成率 fits that mean or the mean of the printed rates. */
  fits: boolean;
}

/** 総合達成率 against its indicators; with nothing to average the sheet prints 0.0%. */
export function recomputeOverallRate(indicators: readonly Indicator[], overall: Figure, year: string): OverallCheck {
  const printed = figureInterval(overall)!;
  const counted = indicators.filter((i) => i.kind === "plan" && i.rate[year]?.value != null);
  const unrounded = meanInterval(counted.map((i) => recomputeRate(i, year) ?? figureInterval(i.rate[year])!));
  const ofPrinted = meanInterval(counted.map((i) => figureInterval(i.rate[year])!));
  const fits = unrounded ? meets(unrounded, printed) || meets(ofPrinted!, printed) : overall.value === 0;
  return { counted: counted.length, unrounded, fits };
}
