// Rounding-aware arithmetic. A printed figure stands for the interval of values that round to
// it (`104.0` → [103.95, 104.05]); a result computed from printed inputs is an interval too,
// and a printed result is consistent when its interval meets the computed one (the approach
// of XBRL Calculations 1.1).
import type { Figure } from "./schema.ts";

export interface Interval {
  lo: number;
  hi: number;
}

/** Tolerance for binary floating point noise, far below any printed precision. */
const EPSILON = 1e-9;

/** Decimal places printed after the point: the precision the figure claims. */
export function printedDecimals(printed: string): number {
  const match = /\.(\d+)/.exec(printed.normalize("NFKC"));
  return match ? match[1]!.length : 0;
}

/** Units whose whole numbers are themselves rounded (amounts in 万円 are not exact yen). */
const ROUNDED_UNIT = /[千万億]/;

/**
 * The values a printed figure stands for. Decimals are rounded to their last printed place;
 * whole numbers are exact counts (people, cases), unless the unit makes them rounded amounts.
 */
export function figureInterval(figure: Figure | null | undefined, unit: string | null = null): Interval | null {
  if (!figure || figure.value === null) return null;
  const decimals = printedDecimals(figure.printed);
  const half = decimals > 0 ? 0.5 * 10 ** -decimals : unit && ROUNDED_UNIT.test(unit) ? 0.5 : 0;
  return { lo: figure.value - half, hi: figure.value + half };
}

export function meets(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi + EPSILON && b.lo <= a.hi + EPSILON;
}

/** actual ÷ target × 100 over intervals; null when the target may be zero. */
export function rateInterval(actual: Interval, target: Interval): Interval | null {
  if (target.lo <= 0 && target.hi >= 0) return null;
  const corners = [actual.lo / target.lo, actual.lo / target.hi, actual.hi / target.lo, actual.hi / target.hi];
  return { lo: Math.min(...corners) * 100, hi: Math.max(...corners) * 100 };
}

export function meanInterval(parts: readonly Interval[]): Interval | null {
  if (parts.length === 0) return null;
  const sum = parts.reduce((acc, p) => ({ lo: acc.lo + p.lo, hi: acc.hi + p.hi }), { lo: 0, hi: 0 });
  return { lo: sum.lo / parts.length, hi: sum.hi / parts.length };
}

/** The rate as the sheet computes it from the printed figures (unrounded). */
export function recomputeRate(actual: Figure | null | undefined, target: Figure | null | undefined): number | null {
  if (actual?.value == null || target?.value == null || target.value === 0) return null;
  return (actual.value / target.value) * 100;
}

/** `93.8–93.9%`: an interval as the printed precision would show it. */
export function formatInterval(range: Interval, decimals: number, suffix = "%"): string {
  const lo = roundHalfUp(range.lo, decimals).toFixed(decimals);
  const hi = roundHalfUp(range.hi, decimals).toFixed(decimals);
  return lo === hi ? `${lo}${suffix}` : `${lo}–${hi}${suffix}`;
}

export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale + EPSILON) / scale;
}
