// Indicator rows → Indicators. In extracted text a table's rows arrive out of order: a row of
// numbers can stand far from its indicator. Each such orphan row is given to the missing cells
// that it fits by arithmetic (rate = actual ÷ target × 100, 総合達成率 = mean of the rates);
// when two assignments fit equally, the normalizer says so in a finding.
import type { Finding, Indicator, YearFigures } from "../model/schema.ts";
import { figureInterval, meets } from "../model/arithmetic.ts";
import { recomputeOverallRate, recomputeRate } from "../model/recompute.ts";
import { finding } from "../model/findings.ts";
import { parseFigure } from "./figure.ts";
import type { Row } from "./rows.ts";

type Field = "target" | "actual" | "rate";

export interface IndicatorDraft {
  kind: "plan" | "reference";
  name: string;
  rowLabel: string | null;
  cells: Record<Field, string[]>;
}

/** A row of numbers that no label claims, with the field its own label names, if any. */
export interface Orphan {
  cells: string[];
  field: Field | null;
}

export interface TableLayout {
  years: string[];
  /** Columns printed for actuals and rates: the plan years up to the report year. */
  reportedYears: number;
}

/** A place where cells are missing: the trailing cells of one field of one indicator. */
interface Slot {
  indicator: number;
  field: Field;
  missing: number;
}

/** Longest run of characters two names share: how a row label finds its indicator. */
function sharedRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

const withoutBrackets = (s: string) => s.replace(/[（(][^（()）]*[)）]/g, "");

/** Gives each labelled actual row (label → cells) to the indicator whose name it shares most with. */
export function attachLabels(
  drafts: IndicatorDraft[],
  labelled: { label: string; actual: string[]; rate: string[] | null }[],
): void {
  const free = new Set(drafts.map((_, i) => i).filter((i) => drafts[i]!.rowLabel === null));
  for (const row of labelled) {
    let best = -1;
    let bestScore = -1;
    for (const i of free) {
      const score = sharedRun(withoutBrackets(row.label), withoutBrackets(drafts[i]!.name));
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) continue;
    free.delete(best);
    const draft = drafts[best]!;
    draft.rowLabel = row.label;
    draft.cells.actual = row.actual;
    if (row.rate) draft.cells.rate = row.rate;
  }
}

function slotsOf(drafts: IndicatorDraft[], layout: TableLayout): Slot[] {
  const slots: Slot[] = [];
  drafts.forEach((d, indicator) => {
    const expected: Record<Field, number> = { target: layout.years.length, actual: layout.reportedYears, rate: layout.reportedYears };
    for (const field of ["target", "actual", "rate"] as const) {
      const missing = expected[field] - d.cells[field].length;
      if (missing > 0) slots.push({ indicator, field, missing });
    }
  });
  return slots;
}

function fits(orphan: Orphan, slot: Slot): boolean {
  if (orphan.cells.length !== slot.missing) return false;
  if (orphan.field) return orphan.field === slot.field;
  const percent = orphan.cells.some((c) => /[%％]/.test(c));
  if (slot.field === "rate") return percent || orphan.cells.every((c) => parseFigure(c).value === null);
  return !percent || slot.field === "target";
}

/** Every way to give orphans to distinct slots they fit (−1: left unassigned). */
function* assignments(orphans: Orphan[], slots: Slot[], used: Set<number> = new Set(), i = 0): Generator<number[]> {
  if (i === orphans.length) {
    yield [];
    return;
  }
  for (let s = 0; s < slots.length; s++) {
    if (used.has(s) || !fits(orphans[i]!, slots[s]!)) continue;
    used.add(s);
    for (const rest of assignments(orphans, slots, used, i + 1)) yield [s, ...rest];
    used.delete(s);
  }
  for (const rest of assignments(orphans, slots, used, i + 1)) yield [-1, ...rest];
}

function apply(drafts: IndicatorDraft[], orphans: Orphan[], slots: Slot[], choice: number[]): IndicatorDraft[] {
  const out = drafts.map((d) => ({ ...d, cells: { ...d.cells } }));
  choice.forEach((s, o) => {
    if (s < 0) return;
    const slot = slots[s]!;
    const d = out[slot.indicator]!;
    d.cells[slot.field] = [...d.cells[slot.field], ...orphans[o]!.cells];
  });
  return out;
}

export function toYearFigures(cells: string[], years: string[]): YearFigures {
  return Object.fromEntries(years.map((y, i) => [y, cells[i] === undefined ? null : parseFigure(cells[i]!)]));
}

/** How well a candidate table agrees with its own arithmetic: +1 per check met, −2 per check failed. */
function arithmeticScore(indicators: Indicator[], overall: YearFigures | null, years: string[]): number {
  let score = 0;
  for (const y of years) {
    for (const ind of indicators) {
      const computed = recomputeRate(ind, y);
      const printed = figureInterval(ind.rate[y]);
      if (computed && printed) score += meets(computed, printed) ? 1 : -2;
    }
    const printed = overall?.[y];
    if (printed?.value != null) score += recomputeOverallRate(indicators, printed, y).fits ? 1 : -2;
  }
  return score;
}

/** Pairs of orphans given in the opposite order to the slots they fill: fewer is likelier. */
function inversions(choice: number[]): number {
  let n = 0;
  for (let i = 0; i < choice.length; i++)
    for (let j = i + 1; j < choice.length; j++) if (choice[i]! >= 0 && choice[j]! >= 0 && choice[i]! > choice[j]!) n++;
  return n;
}

export function toIndicator(d: IndicatorDraft, years: string[]): Indicator {
  return {
    kind: d.kind,
    name: d.name,
    rowLabel: d.rowLabel ?? "",
    unit: unitOf(d),
    target: toYearFigures(d.cells.target, years),
    actual: toYearFigures(d.cells.actual, years),
    rate: toYearFigures(d.cells.rate, years),
  };
}

/** Bracket words that qualify a count rather than name its unit. */
const QUALIFIERS = new Set(["延べ", "累計"]);

/** The unit: inside the row label's last brackets (`（延べ・件）` → 件), else the one printed with the values. */
export function unitOf(d: Pick<IndicatorDraft, "rowLabel" | "cells">): string | null {
  const bracket = /[（(]([^（()）]*)[)）]\s*$/.exec(d.rowLabel ?? "");
  const inside = bracket ? bracket[1]!.split("・").pop()!.trim() : "";
  if (inside !== "" && !QUALIFIERS.has(inside)) return inside;
  const printed = [...d.cells.target, ...d.cells.actual].map((c) => /^[\d,.０-９]+\s*([^\d\s,.%％※]+)/.exec(c)?.[1]);
  return printed.find((u) => u !== undefined) ?? null;
}

export interface Assembly {
  indicators: Indicator[];
  findings: Finding[];
}

/** Fills the drafts' missing cells from the orphan rows by the best arithmetic fit. */
export function assembleIndicators(
  drafts: IndicatorDraft[],
  orphans: Orphan[],
  layout: TableLayout,
  overall: YearFigures | null,
  sheet: number,
): Assembly {
  const slots = slotsOf(drafts, layout);
  const scored: { choice: number[]; score: number; inv: number; result: Indicator[] }[] = [];
  let budget = 50_000; // a malformed table must not explode the search
  for (const choice of assignments(orphans, slots)) {
    if (--budget < 0) break;
    const result = apply(drafts, orphans, slots, choice).map((d) => toIndicator(d, layout.years));
    const placed = choice.filter((s) => s >= 0).length;
    scored.push({ choice, score: arithmeticScore(result, overall, layout.years) + placed * 3, inv: inversions(choice), result });
  }
  scored.sort((a, b) => b.score - a.score || a.inv - b.inv);
  const best = scored[0];
  const findings: Finding[] = [];
  if (!best) return { indicators: drafts.map((d) => toIndicator(d, layout.years)), findings };
  const rivals = scored.filter((s) => s.score === best.score && JSON.stringify(s.result) !== JSON.stringify(best.result));
  if (rivals.length > 0) {
    findings.push(
      finding({
        code: "ROW_ASSIGNMENT_AMBIGUOUS",
        severity: "warning",
        sheet,
        field: "indicators",
        printed: orphans.map((o) => o.cells.join(" ")).join(" / "),
        ja: `数値の行の割り当てが一意に決まりません（${rivals.length + 1} 通りが同等に合致）。印字順に近いものを採用しました`,
        en: `number rows fit ${rivals.length + 1} assignments equally well; the one closest to printed order was used`,
      }),
    );
  }
  best.choice.forEach((s, o) => {
    if (s >= 0) return;
    findings.push(
      finding({
        code: "ORPHAN_ROW_UNASSIGNED",
        severity: "warning",
        sheet,
        field: "indicators",
        printed: orphans[o]!.cells.join(" "),
        ja: "どの指標にも割り当てられない数値の行があります",
        en: "a row of numbers fits no indicator's missing cells",
      }),
    );
  });
  return { indicators: best.result, findings };
}
