// One sheet from a PDF page, by geometry: each field is the cell beside its printed label;
// indicator values are the cells under their year columns; boxes pair with their labels.
import type { BBox } from "../extract/fragment.ts";
import type { Figure, Indicator, Place, Sheet, YearFigures } from "../model/schema.ts";
import { FUTURE_DIRECTIONS, GRADES } from "../model/schema.ts";
import { yearKey } from "../model/era.ts";
import { findCheckedBox, printedMarks } from "./boxes.ts";
import { parseFigure } from "./figure.ts";
import { unionBox } from "./geometry/lines.ts";
import { type Cell, overlap, PageGrid, textBox } from "./geometry/page-grid.ts";
import { unitOf } from "./indicators.ts";
import { EVALUATION_OPTIONS, LABEL } from "./labels.ts";
import { findMarks, markRow, type Mark, type MarkRow } from "./pdf-marks.ts";
import type { SheetReading } from "./text-sheet.ts";

type Where = Record<string, Place>;

class SheetReader {
  readonly grid: PageGrid;
  readonly where: Where = {};
  constructor(grid: PageGrid) {
    this.grid = grid;
  }

  place(path: string, bbox: BBox | null | undefined) {
    if (bbox) this.where[path] = { page: this.grid.page, bbox: bbox.map((v) => Math.round(v * 100) / 100) as BBox };
  }

  /** The text of the first cell right of the label cell; recorded under `path`. */
  valueOf(path: string, label: (t: string) => boolean): string | null {
    const labelCell = this.grid.find(label);
    const value = labelCell ? this.grid.rightOf(labelCell)[0] : undefined;
    this.place(path, value?.bbox);
    return value?.text ?? null;
  }

  figure(path: string, cell: Cell | undefined): Figure | null {
    if (!cell?.text) return null;
    this.place(path, cell.bbox);
    return parseFigure(cell.lines.join(""));
  }
}

const is = (label: string) => (t: string) => t === label;

/** Year columns: the header cells R３…R６ of the table above `row`. */
function yearColumns(grid: PageGrid, below: number): { key: string; x0: number; x1: number }[] {
  const heads = grid.cells.filter((c) => c.text !== null && c.bbox[1] < below && yearKey(c.text) !== null);
  const lastRow = heads.reduce((top, c) => Math.max(top, c.bbox[1]), -Infinity);
  return heads
    .filter((c) => Math.abs(c.bbox[1] - lastRow) < 1)
    .sort((a, b) => a.bbox[0] - b.bbox[0])
    .map((c) => ({ key: yearKey(c.text!)!, x0: c.bbox[0], x1: c.bbox[2] }));
}

function rowFigures(r: SheetReader, kindCell: Cell, path: string): YearFigures {
  const columns = yearColumns(r.grid, kindCell.bbox[1]);
  const row = r.grid.rowAfter(kindCell);
  const out: YearFigures = {};
  for (const col of columns) {
    // By the printed text's middle: a cell built from alignment is widened to its right neighbour.
    const cell = row.find((c) => {
      const [x0, , x1] = textBox(c);
      return (x0 + x1) / 2 > col.x0 && (x0 + x1) / 2 < col.x1;
    });
    out[col.key] = r.figure(`${path}.${col.key}`, cell);
  }
  return out;
}

/** The section an indicator row lies in: the nearest ⑥/⑦ label cell starting above it (on a
 * ruled page, the one that spans it). */
function kindAt(grid: PageGrid, y: number): Indicator["kind"] | null {
  const sections = grid.cells.filter((c) => c.text !== null && /[◎●]：/.test(c.text) && c.bbox[1] <= y);
  const section = sections.sort((a, b) => b.bbox[1] - a.bbox[1])[0];
  if (!section) return null;
  return section.text!.includes("◎：") ? "plan" : "reference";
}

function readIndicators(r: SheetReader): Indicator[] {
  const drafts: { kind: Indicator["kind"]; y: number; target: Cell; actual: Cell | null; rate: Cell | null }[] = [];
  for (const target of r.grid.cells.filter((c) => c.text === "目標")) {
    const actual = r.grid.below(target);
    const rate = actual ? r.grid.below(actual) : null;
    const kind = kindAt(r.grid, (target.bbox[1] + target.bbox[3]) / 2) ?? "plan";
    drafts.push({ kind, y: target.bbox[1], target, actual: actual?.text === "実績" ? actual : null, rate: rate?.text === "達成率" ? rate : null });
  }
  drafts.sort((a, b) => (a.kind === b.kind ? a.y - b.y : a.kind === "plan" ? -1 : 1));
  const indicators: Indicator[] = [];
  for (const d of drafts) {
    const path = `indicators.${indicators.length}`;
    // Without rulings an empty name cell has no block: the nearest text to the left is then a
    // section label or a circled number, which is not the indicator's.
    const own = (c: Cell) => c.text !== null && !/[◎●]：|^[◎●①-⑳]$/.test(c.text);
    const nameCell = r.grid.leftOfBand(d.target.bbox[0], d.target.bbox[1], d.target.bbox[3], own);
    // The row label stands beside the 実績 and 達成率 rows together.
    const labelCell = d.actual ? r.grid.leftOfBand(d.actual.bbox[0], d.actual.bbox[1], (d.rate ?? d.actual).bbox[3], own) : null;
    const years = yearColumns(r.grid, d.target.bbox[1]).map((c) => c.key);
    const empty = Object.fromEntries(years.map((y) => [y, null])) as YearFigures;
    const target = rowFigures(r, d.target, `${path}.target`);
    const actual = d.actual ? rowFigures(r, d.actual, `${path}.actual`) : empty;
    const rate = d.rate ? rowFigures(r, d.rate, `${path}.rate`) : empty;
    const blank = [target, actual, rate].every((row) => Object.values(row).every((f) => f === null));
    if (!nameCell?.text && blank) continue; // the empty block printed when a section has no indicator
    r.place(`${path}.name`, nameCell?.bbox);
    r.place(`${path}.rowLabel`, labelCell?.bbox);
    const name = nameCell?.text ?? "";
    const rowLabel = labelCell?.text ?? "";
    const cells = { target: Object.values(target).map((f) => f?.printed ?? ""), actual: Object.values(actual).map((f) => f?.printed ?? ""), rate: [] };
    indicators.push({ kind: d.kind, name, rowLabel, unit: unitOf({ rowLabel, cells }), target, actual, rate });
  }
  return indicators;
}

function readOverall(r: SheetReader): YearFigures {
  const label = r.grid.find(is(LABEL.overall));
  const rateCell = label ? r.grid.rowAfter(label).find((c) => c.text === "達成率") : undefined;
  return rateCell ? rowFigures(r, rateCell, "overallRate") : {};
}

function readBoxes(r: SheetReader) {
  const marks = findMarks(r.grid.cells.flatMap((c) => c.fragments), r.grid.shapes);
  const rowOf = <T extends string>(field: string, row: MarkRow | null, choices: readonly T[]) => {
    const choice = findCheckedBox(row?.row ?? null, choices);
    if (row) r.place(`marks.${field}`, unionBox(row.boxes));
    if (row && choice !== null) r.place(field, row.boxes[choices.indexOf(choice)]);
    return { choice, printed: printedMarks(row?.row ?? null) };
  };
  return {
    marks,
    evaluation: rowOf("evaluation", markRow(marks, EVALUATION_OPTIONS), GRADES),
    future: rowOf("futureDirection", markRow(marks, FUTURE_DIRECTIONS), FUTURE_DIRECTIONS),
  };
}

/** ⑩'s paragraph: the cell beside 今後の取組方針 that is not its row of boxes. */
function readFutureText(r: SheetReader, marks: readonly Mark[]): string | null {
  const label = r.grid.find(is(LABEL.future));
  const inside = (c: Cell, b: BBox) => b[0] >= c.bbox[0] - 1 && b[2] <= c.bbox[2] + 1 && b[1] >= c.bbox[1] - 1 && b[3] <= c.bbox[3] + 1;
  const holdsBox = (c: Cell) => marks.some((m) => inside(c, m.bbox));
  // The cell under the row of boxes (its own row in the ⑩ block), else beside the label.
  const first = marks.find((m) => m.label.startsWith(FUTURE_DIRECTIONS[0]));
  // The cell holding the first box, or (a vector box beside an unruled cell) its label.
  const boxRow = first
    ? (r.grid.cells.find((c) => inside(c, first.bbox)) ?? r.grid.cells.find((c) => c.text?.includes(FUTURE_DIRECTIONS[0]) && overlap(c.bbox, first.bbox, 1) > 0))
    : undefined;
  const under = boxRow ? r.grid.below(boxRow) : null;
  const cell = (under && !holdsBox(under) ? under : undefined) ?? (label ? r.grid.rightOf(label).find((c) => !holdsBox(c)) : undefined);
  r.place("futureDirectionText", cell?.bbox);
  return cell?.text ?? null;
}

export function readPdfSheet(grid: PageGrid): SheetReading {
  const r = new SheetReader(grid);
  const noText = r.valueOf("no", (t) => t.replace(/\s/g, "") === "事業番号");
  const no = noText ? Number(noText.normalize("NFKC")) : NaN;
  const approachLabel = grid.find((t) => (LABEL.approachPolicy as readonly string[]).includes(t));
  const boxes = readBoxes(r);
  const impact = r.valueOf("covid.impact", is("有無"));
  const adjustment = r.valueOf("adjustment", is(LABEL.adjustment));
  const sheet: Sheet = {
    no: Number.isInteger(no) ? no : null,
    page: grid.page,
    name: r.valueOf("name", is("事業名")),
    department: r.valueOf("department", is("所管課")),
    targetGroup: r.valueOf("targetGroup", is("対象者")),
    basicPolicy: r.valueOf("basicPolicy", is(LABEL.basicPolicy)),
    development: r.valueOf("development", is(LABEL.development)),
    approachPolicy: approachLabel ? r.valueOf("approachPolicy", is(approachLabel.text!)) : null,
    approachPolicyLabel: approachLabel?.text ?? null,
    content: r.valueOf("content", is(LABEL.content)),
    resultsAndIssues: r.valueOf("resultsAndIssues", is(LABEL.results)),
    indicators: readIndicators(r),
    overallRate: readOverall(r),
    evaluation: boxes.evaluation.choice,
    adjustment: adjustment === "有" || adjustment === "無" ? adjustment : null,
    covid: {
      impact: impact === "有" || impact === "無" ? impact : null,
      note: r.valueOf("covid.note", is("影響がある場合、状況を記入")),
    },
    futureDirection: boxes.future.choice,
    futureDirectionText: readFutureText(r, boxes.marks),
    marks: { evaluation: boxes.evaluation.printed, futureDirection: boxes.future.printed },
    committeeOpinion: r.valueOf("committeeOpinion", is(LABEL.committee)),
    subcommitteeOpinion: r.valueOf("subcommitteeOpinion", is(LABEL.subcommittee)),
    where: r.where,
  };
  return { sheet, findings: [] };
}
