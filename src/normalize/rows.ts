// One printed line of an indicator table → what kind of row it is. Labels are the sheet's own.
import { looksLikeFigure } from "./figure.ts";
import { yearKey } from "../model/era.ts";

export type Row =
  | { type: "marker"; kind: "plan" | "reference" }
  | { type: "head"; name: string; cells: string[] }
  | { type: "actual"; cells: string[] }
  | { type: "rate"; cells: string[] }
  | { type: "target"; cells: string[] }
  | { type: "overall"; cells: string[] }
  | { type: "values"; cells: string[] }
  | { type: "years"; keys: string[] }
  | { type: "label"; text: string }
  | { type: "skip" };

/** Cells of a row: split on spaces; a note mark (`※`) stays with the cell before it. */
export function splitCells(text: string): string[] {
  const cells: string[] = [];
  for (const token of text.split(/\s+/).filter((t) => t !== "")) {
    if (token.startsWith("※") && cells.length > 0) cells[cells.length - 1] += " " + token;
    else cells.push(token);
  }
  return cells;
}

const SECTION_MARK = /^[①-⑳]|^[◎●]：|^【/;

/** `{indicator name} 目標 {cells}`: the first 目標 standing as a word after the name. Searched
 * for, not matched by `^(.+?)\s+目標(?:\s+(.*))?$`, which backtracks through every split of a
 * long run of whitespace (labels.ts). */
function headRow(text: string): { name: string; rest: string } | null {
  for (let at = text.indexOf("目標", 1); at >= 0; at = text.indexOf("目標", at + 1)) {
    const after = text[at + "目標".length];
    if (!/\s/.test(text[at - 1]!) || (after !== undefined && !/\s/.test(after))) continue;
    const name = text.slice(0, at).trim();
    if (name !== "") return { name, rest: text.slice(at + "目標".length) };
  }
  return null;
}

export function classifyRow(line: string): Row {
  const text = line.trim();
  if (text === "" || SECTION_MARK.test(text)) return { type: "skip" };
  if (text === "◎") return { type: "marker", kind: "plan" };
  if (text === "●") return { type: "marker", kind: "reference" };
  const labelled = /^(総合達成率\s+達成率|実績|達成率|目標)(?:\s+(.*))?$/.exec(text);
  if (labelled) {
    const cells = splitCells(labelled[2] ?? "");
    const type = labelled[1] === "実績" ? "actual" : labelled[1] === "達成率" ? "rate" : labelled[1] === "目標" ? "target" : "overall";
    return { type, cells };
  }
  const head = headRow(text);
  if (head) return { type: "head", name: head.name, cells: splitCells(head.rest) };
  const cells = splitCells(text);
  const keys = cells.map(yearKey);
  if (cells.length > 1 && keys.every((k) => k !== null)) return { type: "years", keys: keys as string[] };
  if (cells.every(looksLikeFigure)) return { type: "values", cells };
  return { type: "label", text };
}
