// One sheet from extracted text, where lines arrive in content-stream order rather than
// reading order. Every field is found by its printed label, never by a line number.
import type { Finding, Sheet, YearFigures } from "../model/schema.ts";
import { FUTURE_DIRECTIONS, GRADES } from "../model/schema.ts";
import { findCheckedBox, printedMarks, readBoxRow } from "./boxes.ts";
import { departmentLine, LABEL, NUMBER_LINE, POLICY_LINE } from "./labels.ts";
import { joinParagraph } from "./paragraph.ts";
import { anyOf, endsWith, is, Segment, startsWith } from "./segment.ts";
import { readIndicatorTables } from "./text-indicators.ts";

export interface SheetReading {
  sheet: Sheet;
  findings: Finding[];
}

function readHeader(seg: Segment) {
  const numberAt = seg.find((t) => NUMBER_LINE.test(t));
  const number = NUMBER_LINE.exec(seg.text(numberAt));
  const dept = departmentLine(seg.text(seg.find((t) => departmentLine(t) !== null, numberAt)));
  const no = number ? Number(number[1]!.normalize("NFKC")) : null;
  return {
    no: no !== null && Number.isInteger(no) ? no : null,
    name: number?.[2]?.trim() || null,
    department: dept?.department || null,
    targetGroup: dept?.targetGroup || null,
  };
}

function readOpinions(seg: Segment) {
  const sub = seg.find(is(LABEL.subcommittee));
  const subText = sub < 0 ? null : seg.paragraph(sub + 1, anyOf(is(LABEL.subcommitteeEnd), is(LABEL.committee)), [LABEL.subcommitteeEnd]);
  const committee = seg.find(is(LABEL.committee), subText ? subText.end : 0);
  const committeeText = committee < 0 ? null : seg.paragraph(committee + 1, is(LABEL.committee), [LABEL.committee]);
  return {
    subcommitteeOpinion: subText ? joinParagraph(subText.lines) : null,
    committeeOpinion: committeeText ? joinParagraph(committeeText.lines) : null,
  };
}

function readFuture(seg: Segment) {
  const options = seg.find(startsWith(LABEL.futureOptions));
  const text = options < 0 ? null : seg.paragraph(options + 1, is(LABEL.future));
  return { futureDirectionText: text ? joinParagraph(text.lines) : null };
}

function readCovid(seg: Segment): Sheet["covid"] {
  const label = seg.find(startsWith(LABEL.covid));
  if (label < 0) return { impact: null, note: null };
  const at = seg.nextText(label + 1);
  const match = /^(有|無)(?:\s+(.*))?$/.exec(seg.text(at));
  if (!match) return { impact: null, note: null };
  const rest = seg.paragraph(at + 1, anyOf(is(LABEL.future), startsWith(LABEL.evaluationOptions)));
  return { impact: match[1] as "有" | "無", note: joinParagraph([match[2] ?? "", ...rest.lines]) };
}

/** ⑧ and ⑩: the evaluation row is the box row after 調整 and its value; the other is ⑩. */
function readBoxes(seg: Segment) {
  const rows = seg.lines.map((_, i) => ({ i, row: readBoxRow(seg.text(i)) })).filter((r) => r.row !== null);
  const adjustmentAt = seg.find(is(LABEL.adjustment));
  const valueAt = adjustmentAt < 0 ? -1 : seg.nextText(adjustmentAt + 1);
  const value = seg.text(valueAt);
  const evaluation = rows.find((r) => r.i > adjustmentAt && adjustmentAt >= 0) ?? null;
  const future = rows.find((r) => r !== evaluation) ?? null;
  return {
    adjustment: value === "有" || value === "無" ? (value as "有" | "無") : null,
    evaluationRow: evaluation?.row ?? null,
    evaluationAt: evaluation?.i ?? -1,
    futureRow: future?.row ?? null,
  };
}

function readPolicy(seg: Segment) {
  const start = seg.find((t) => POLICY_LINE.test(t));
  const basic = seg.find(endsWith(LABEL.basicPolicy), start);
  const development = seg.find(endsWith(LABEL.development), basic);
  const body = development < 0 ? null : seg.paragraph(development + 1, (t) => (LABEL.approachPolicy as readonly string[]).includes(t));
  const strip = (i: number, label: string) => (i < 0 ? null : seg.text(i).slice(0, -label.length).trim() || null);
  return {
    basicPolicy: start < 0 ? null : strip(basic, LABEL.basicPolicy),
    development: start < 0 ? null : strip(development, LABEL.development),
    approachPolicy: body ? joinParagraph(body.lines) : null,
    approachPolicyLabel: body && body.end < seg.length ? seg.text(body.end) : null,
  };
}

function readResults(seg: Segment) {
  const label = seg.find(is(LABEL.results));
  const body = label < 0 ? null : seg.paragraph(label + 1, anyOf(is(LABEL.results), is(LABEL.indicatorStatus)), [LABEL.results]);
  return { resultsAndIssues: body ? joinParagraph(body.lines) : null };
}

export function readTextSheet(seg: Segment, page: number, sheetIndex: number, reportYear: string | null): SheetReading {
  const header = readHeader(seg);
  const sheetNo = header.no ?? sheetIndex;
  const boxes = readBoxes(seg);
  const tables = readIndicatorTables(seg, { sheet: sheetNo, reportYear, referenceFrom: boxes.evaluationAt });
  const sheet: Sheet = {
    no: header.no,
    page,
    name: header.name,
    department: header.department,
    targetGroup: header.targetGroup,
    ...readPolicy(seg),
    content: tables.content,
    ...readResults(seg),
    indicators: tables.indicators,
    overallRate: tables.overallRate ?? ({} as YearFigures),
    evaluation: findCheckedBox(boxes.evaluationRow, GRADES),
    adjustment: boxes.adjustment,
    covid: readCovid(seg),
    futureDirection: findCheckedBox(boxes.futureRow, FUTURE_DIRECTIONS),
    ...readFuture(seg),
    marks: { evaluation: printedMarks(boxes.evaluationRow), futureDirection: printedMarks(boxes.futureRow) },
    ...readOpinions(seg),
  };
  return { sheet, findings: tables.findings };
}
