// Loose number rows in extracted text are placed by arithmetic; a tie is reported, never hidden.
import { describe, expect, it } from "vitest";
import { extractText } from "../src/extract/text.ts";
import { readTextReport } from "../src/normalize/text-report.ts";

/** One sheet in the sample's text order, with two plan indicators whose rows stand loose. */
function sheetText(orphans: string[], targets: [string, string]): string {
  return [
    "就労支援事業進行管理票［対象：令和５年度］",
    "評価", "調整", "無", "□ ■ □ □ □",
    "【指標の状況】", "R３ R４ R５ R６",
    "総合達成率 達成率 100.0% 100.0% 100.0%",
    ...orphans,
    "◎", `相談件数 目標 ${targets[0]}`,
    "◎", `面接件数 目標 ${targets[1]}`,
    "面接件数（件）", "実績",
    "相談件数（件）", "実績",
    "達成率",
    "⑥　指標", "R３ R４ R５ R６", "◎",
    "開催回数 目標 10 10 10 10", "開催回数（回）", "実績 10 10 10", "達成率 100.0% 100.0% 100.0%",
    "事業内容",
    "事業", "番号 １ 事業名 テスト事業", "所管課 経済課 対象者 全対象者",
  ].join("\n");
}

const read = (text: string) => readTextReport(extractText(text).fragments);

describe("orphan number rows", () => {
  it("are given to the indicator whose arithmetic they fit", () => {
    const distinct = read(sheetText(["5 5 5", "50.0% 50.0% 50.0%", "30 30 30", "150.0% 150.0% 150.0%"], ["10 10 10 10", "20 20 20 20"]));
    expect(distinct.findings).toEqual([]);
    const [, first, second] = distinct.sheets[0]!.sheet.indicators;
    expect(first).toMatchObject({ name: "相談件数", rowLabel: "相談件数（件）", actual: { R3: { value: 5 } }, rate: { R5: { printed: "50.0%" } } });
    expect(second).toMatchObject({ name: "面接件数", actual: { R5: { value: 30 } }, rate: { R4: { printed: "150.0%" } } });
  });

  it("say so when two assignments fit equally, keeping the printed order", () => {
    const r = read(sheetText(["5 5 5", "50.0% 50.0% 50.0%", "15 15 15", "150.0% 150.0% 150.0%"], ["10 10 10 10", "10 10 10 10"]));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "ROW_ASSIGNMENT_AMBIGUOUS", severity: "warning", sheet: 1 });
    expect(r.sheets[0]!.sheet.indicators[1]!.actual.R3).toEqual({ printed: "5", value: 5 });
  });

  it("report a row that fits nowhere", () => {
    const r = read(sheetText(["5 5 5", "50.0% 50.0% 50.0%", "15 15 15", "150.0% 150.0% 150.0%", "7 7"], ["10 10 10 10", "20 20 20 20"]));
    expect(r.findings.map((f) => [f.code, f.printed])).toContainEqual(["ORPHAN_ROW_UNASSIGNED", "7 7"]);
  });
});
