// Each audit rule firing and not firing, on small sheets built from the sample's shape.
import { describe, expect, it } from "vitest";
import { auditReport } from "../src/model/audit.ts";
import type { Sheet } from "../src/model/schema.ts";
import { parseFigure } from "../src/normalize/figure.ts";
import { expectedSheets } from "./helpers.ts";

const sample = expectedSheets("kokubunji-r5") as Sheet[];
const fiscalYear = { printed: "令和５年度", gregorian: 2023 };
const clone = (no: number): Sheet => structuredClone(sample[no - 1]!);
const codes = (...sheets: Sheet[]) => auditReport({ sheets, fiscalYear }).map((f) => `${f.code}:${f.severity}:${f.year ?? ""}`);

describe("RATE_MISMATCH", () => {
  it("accepts honest rounding (6,659 / 6,400 → 104.0%)", () => {
    expect(codes(clone(1))).toEqual([]);
  });
  it("fires on a mistyped rate and says what it should be", () => {
    const s = clone(1);
    s.indicators[0]!.rate.R4 = parseFigure("75.7%");
    const [f] = auditReport({ sheets: [s], fiscalYear }).filter((f) => f.code === "RATE_MISMATCH");
    expect(f).toMatchObject({ sheet: 1, indicator: 1, year: "R4", printed: "75.7%", expected: "77.5%", severity: "error" });
  });
  it("widens the check by the precision of rounded inputs (73.90 / 86.90 may print 84.3%)", () => {
    expect(codes(clone(8))).toEqual([]);
    const s = clone(8);
    s.indicators[2]!.rate.R5 = parseFigure("84.1%");
    expect(codes(s)).toContain("RATE_MISMATCH:error:R5");
  });
});

describe("RATE_NOT_PRINTED and lower-is-better indicators", () => {
  it("accepts － for an indicator whose target is 0 (待機児童数)", () => {
    expect(codes(clone(11)).filter((c) => c.startsWith("RATE"))).toEqual([]);
  });
  it("warns when a computable rate is printed as －", () => {
    const s = clone(1);
    s.indicators[0]!.rate.R3 = parseFigure("－");
    expect(codes(s)).toContain("RATE_NOT_PRINTED:warning:R3");
  });
});

describe("OVERALL_RATE_MISMATCH", () => {
  it("accepts the mean of the unrounded rates (93.853 → 93.9%) and leaves － rates out", () => {
    expect(codes(clone(2))).toEqual([]);
    expect(codes(clone(16))).toEqual([]);
  });
  it("accepts 0.0% for a year with no rate at all", () => {
    expect(codes(clone(22))).toEqual([]);
  });
  it("does not check a sheet on which no plan indicator was read (their rates are unknown)", () => {
    const none = clone(2);
    none.indicators = [];
    expect(codes(none)).toEqual(["FIELD_MISSING:warning:"]);
    const referenceOnly = clone(2);
    referenceOnly.indicators = referenceOnly.indicators.map((ind) => ({ ...ind, kind: "reference" as const }));
    expect(codes(referenceOnly)).toEqual([]);
  });
  it("fires when the overall rate is not the mean", () => {
    const s = clone(2);
    s.overallRate.R4 = parseFigure("105.0%");
    const found = auditReport({ sheets: [s], fiscalYear }).find((f) => f.code === "OVERALL_RATE_MISMATCH");
    expect(found).toMatchObject({ year: "R4", printed: "105.0%", expected: "103.1%" });
  });
});

describe("EVALUATION_MISMATCH", () => {
  it("is an error when 調整 is 無 (the sample's sheet 11: 100.6% → A, B checked)", () => {
    expect(codes(clone(11))).toEqual(["EVALUATION_MISMATCH:error:R5"]);
  });
  it("is information when 調整 is 有", () => {
    const s = clone(11);
    s.adjustment = "有";
    expect(codes(s)).toEqual(["EVALUATION_MISMATCH:info:R5"]);
  });
  it("accepts D when nothing was held in the report year, and flags it otherwise", () => {
    expect(codes(clone(20))).toEqual([]);
    const s = clone(1);
    s.evaluation = "D";
    expect(codes(s)).toContain("EVALUATION_MISMATCH:error:R5");
  });
});

describe("MARKS_NOT_ONE", () => {
  it("fires for a row with two or no marks", () => {
    const s = clone(1);
    s.marks = { evaluation: "□□■■□", futureDirection: "□□□□□" };
    expect(codes(s).filter((c) => c.startsWith("MARKS"))).toEqual(["MARKS_NOT_ONE:error:", "MARKS_NOT_ONE:error:"]);
  });
});

describe("FIELD_MISSING, COVID_NOTE_MISSING and impossible values", () => {
  it("names each missing field", () => {
    const s = clone(1);
    s.department = null;
    s.indicators = [];
    expect(auditReport({ sheets: [s], fiscalYear }).map((f) => f.field)).toEqual(expect.arrayContaining(["department", "indicators"]));
  });
  it("wants a note when COVID impact is 有", () => {
    const s = clone(3);
    expect(codes(s)).toEqual([]);
    s.covid.note = null;
    expect(codes(s)).toEqual(["COVID_NOTE_MISSING:warning:"]);
  });
  it("flags negative figures, actuals after the report year and rates over 1,000%", () => {
    const s = clone(5);
    s.indicators[0]!.actual.R3 = parseFigure("-8");
    s.indicators[0]!.actual.R6 = parseFigure("9");
    s.indicators[0]!.rate.R4 = parseFigure("1357.1%");
    const found = codes(s);
    expect(found).toEqual(expect.arrayContaining(["NEGATIVE_VALUE:error:R3", "ACTUAL_IN_FUTURE:error:R6", "RATE_IMPLAUSIBLE:warning:R4"]));
  });
});
