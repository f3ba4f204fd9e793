// ⑥ and ⑦ from extracted text. The text prints the first plan indicator after the ⑥ head, the
// other plan indicators and loose number rows before it, and reference indicators next to ⑧.
import type { Finding, Indicator, YearFigures } from "../model/schema.ts";
import { assembleIndicators, attachLabels, toYearFigures, type IndicatorDraft, type Orphan } from "./indicators.ts";
import { LABEL } from "./labels.ts";
import { joinParagraph } from "./paragraph.ts";
import { classifyRow, type Row } from "./rows.ts";
import { anyOf, endsWith, is, Segment, startsWith } from "./segment.ts";

interface Labelled {
  label: string;
  actual: string[];
  rate: string[] | null;
  /** The head printed right before the label, which it belongs to. */
  head: number | null;
}

interface Collected {
  drafts: IndicatorDraft[];
  labelled: Labelled[];
  orphans: Orphan[];
  overall: string[] | null;
  /** Index of the first line after the table (prose follows), when `untilProse`. */
  end: number;
}

function newDraft(kind: IndicatorDraft["kind"], name: string, target: string[]): IndicatorDraft {
  return { kind, name, rowLabel: null, cells: { target, actual: [], rate: [] } };
}

/** Reads rows from `from` to `to`; with `untilProse`, stops at the first label no head claims. */
function collectRows(seg: Segment, from: number, to: number, untilProse = false): Collected {
  const out: Collected = { drafts: [], labelled: [], orphans: [], overall: null, end: to };
  let kind: IndicatorDraft["kind"] = "plan";
  let previous: Row["type"] | null = null;
  let pendingLabel: string | null = null;
  let pendingHead: number | null = null;
  let open: Labelled | null = null; // a labelled actual row whose 達成率 may follow
  let sawRate = false;
  for (let i = from; i < to; i++) {
    const row = classifyRow(seg.text(i));
    if (row.type === "skip") continue;
    if (untilProse && row.type === "label" && previous !== "head" && sawRate) {
      out.end = i;
      break;
    }
    if (row.type === "marker") kind = row.kind;
    else if (row.type === "head") {
      out.drafts.push(newDraft(kind, row.name, row.cells));
      pendingHead = out.drafts.length - 1;
    } else if (row.type === "label") {
      pendingLabel = row.text;
      if (previous !== "head") pendingHead = null;
    } else if (row.type === "actual" && pendingLabel !== null) {
      open = { label: pendingLabel, actual: row.cells, rate: null, head: pendingHead };
      out.labelled.push(open);
      pendingLabel = null;
      pendingHead = null;
      if (row.cells.length === 0) open = null;
    } else if (row.type === "rate" && open && previous === "actual") {
      if (row.cells.length > 0) open.rate = row.cells;
      sawRate = true;
    } else if (row.type === "overall") out.overall = row.cells;
    else if (row.type !== "years" && "cells" in row && row.cells.length > 0) {
      const field = row.type === "actual" ? "actual" : row.type === "rate" ? "rate" : row.type === "target" ? "target" : null;
      out.orphans.push({ cells: row.cells, field });
    }
    if (row.type === "rate") sawRate = true;
    previous = row.type;
  }
  return out;
}

function attach(drafts: IndicatorDraft[], labelled: Labelled[]): void {
  for (const row of labelled.filter((l) => l.head !== null)) {
    const draft = drafts[row.head!]!;
    draft.rowLabel = row.label;
    draft.cells.actual = row.actual;
    if (row.rate) draft.cells.rate = row.rate;
  }
  attachLabels(drafts, labelled.filter((l) => l.head === null));
}

function yearsOf(seg: Segment): string[] {
  for (let i = 0; i < seg.length; i++) {
    const row = classifyRow(seg.text(i));
    if (row.type === "years") return row.keys;
  }
  return [];
}

export interface IndicatorTables {
  indicators: Indicator[];
  overallRate: YearFigures | null;
  content: string | null;
  findings: Finding[];
}

export function readIndicatorTables(
  seg: Segment,
  opts: { sheet: number; reportYear: string | null; referenceFrom: number },
): IndicatorTables {
  const years = yearsOf(seg);
  const reportIndex = opts.reportYear ? years.indexOf(opts.reportYear) : -1;
  const layout = { years, reportedYears: reportIndex >= 0 ? reportIndex + 1 : Math.max(0, years.length - 1) };
  const overallAt = seg.find(startsWith(LABEL.overall));
  const planAt = seg.find(startsWith(LABEL.planIndicators), Math.max(0, overallAt));
  const contentEnd = seg.find(anyOf(is(LABEL.content), endsWith(LABEL.content)), Math.max(0, planAt));
  const before = collectRows(seg, overallAt, planAt < 0 ? overallAt : planAt);
  const after = collectRows(seg, planAt + 1, contentEnd < 0 ? seg.length : contentEnd, true);

  const statusAt = seg.find(is(LABEL.indicatorStatus), opts.referenceFrom + 1);
  const reference = opts.referenceFrom < 0 ? null : collectRows(seg, opts.referenceFrom + 1, statusAt < 0 ? opts.referenceFrom + 1 : statusAt);

  const overallRate = before.overall ? toYearFigures(before.overall, years) : null;
  const planDrafts = [...after.drafts, ...before.drafts];
  const offset = after.drafts.length;
  attach(planDrafts, [...after.labelled, ...before.labelled.map((l) => ({ ...l, head: l.head === null ? null : l.head + offset }))]);
  const plan = assembleIndicators(planDrafts, [...after.orphans, ...before.orphans], layout, overallRate, opts.sheet);

  const refDrafts = reference?.drafts ?? [];
  attach(refDrafts, reference?.labelled ?? []);
  const ref = assembleIndicators(refDrafts, reference?.orphans ?? [], layout, null, opts.sheet);

  const content = contentEnd < 0 ? null : seg.paragraph(after.end, () => false, [LABEL.content]);
  return {
    indicators: [...plan.indicators, ...ref.indicators],
    overallRate,
    content: content ? joinParagraph(content.lines) : null,
    findings: [...plan.findings, ...ref.findings],
  };
}
