// The real report's text, sheet by sheet, against JSON transcribed by hand from it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "../src/report.ts";
import { Sheet } from "../src/model/schema.ts";
import { expectedSheets, SAMPLE_TEXT } from "./helpers.ts";

const expected = expectedSheets("kokubunji-r5");
const report = await extract(readFileSync(SAMPLE_TEXT), SAMPLE_TEXT);

describe("kokubunji R5 report from pdftotext text", () => {
  it("reads the report header", () => {
    expect(report.source).toMatchObject({ file: "kokubunji-r5.txt", kind: "text", pages: 24 });
    expect(report.title).toBe("就労支援事業進行管理票");
    expect(report.fiscalYear).toEqual({ printed: "令和５年度", gregorian: 2023 });
    expect(report.planPeriod).toEqual({ plan: "第二次就労支援プラン", printed: "令和３年度～令和６年度", from: 2021, to: 2024 });
  });

  it("finds all 24 sheets in order, and the reader has no doubts", () => {
    expect(expected).toHaveLength(24);
    expect(report.sheets.map((s) => s.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(report.findings).toEqual([]);
  });

  it.each(expected.map((e, i) => [i + 1, e] as const))("sheet %i matches its transcription field for field", (no, want) => {
    expect(Sheet.parse(want)).toEqual(want); // the transcription itself is valid contract JSON
    expect(report.sheets[no - 1]).toEqual(want);
  });
});
