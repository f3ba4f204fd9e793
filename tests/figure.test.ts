import { describe, expect, it } from "vitest";
import { parseFigure } from "../src/normalize/figure.ts";
import { eraToGregorian, yearKey, yearKeyToGregorian } from "../src/model/era.ts";
import { joinParagraph } from "../src/normalize/paragraph.ts";
import { findCheckedBox, readBoxRow } from "../src/normalize/boxes.ts";

describe("parseFigure keeps the printed text and reads its value", () => {
  it.each([
    ["6,400", 6400], ["104.0%", 104], ["2.71", 2.71], ["73.90", 73.9], ["２", 2], ["122人", 122],
    ["１２，３４５", 12345], ["100％", 100], ["2.8 ※", 2.8], ["0.0%", 0],
  ])("%s → %s", (printed, value) => {
    expect(parseFigure(printed)).toEqual({ printed, value });
  });
  it.each(["－", "-", "1学年または２学年生徒全員", "1学年または２学年生徒全員（742人）", "1,2,3"])("%s → null", (printed) => {
    expect(parseFigure(printed)).toEqual({ printed, value: null });
  });
  it.each(["2 人", "2人 ※1", "2 ※", "2　人　※"])("%s: spaces around the unit and note", (printed) => {
    expect(parseFigure(printed)).toEqual({ printed, value: 2 });
  });
  // Sized so that the quadratic expression took over a minute (and the test its timeout).
  it("reads a cell with runs of 300,000 spaces in one pass (the expression was quadratic in a run)", () => {
    const spaces = " ".repeat(300_000);
    expect(parseFigure(`1${spaces}x`).value).toBeNull();
    expect(parseFigure(`1${spaces}人${spaces}※`).value).toBe(1);
  });
});

describe("era years", () => {
  it.each([["令和５年度", 2023], ["令和元年度", 2019], ["平成30年度", 2018], ["平成３１年", 2019], ["昭和64年", 1989]])("%s → %i", (p, y) => {
    expect(eraToGregorian(p)).toBe(y);
  });
  it("plan columns become ASCII keys", () => {
    expect(["R３", "R4", "H30", "令和６年度"].map(yearKey)).toEqual(["R3", "R4", "H30", "R6"]);
    expect(yearKeyToGregorian("R6")).toBe(2024);
    expect(yearKey("目標")).toBeNull();
  });
  it("are found in every printed form that NFKC turns into an era", () => {
    expect(["Ｒ５", "㍻30年度", "㋿2年度", "㍼64年", "\uF9A8和3年"].map(yearKey)).toEqual(["R5", "H30", "R2", "S64", "R3"]);
  });
});

describe("joinParagraph", () => {
  it("joins visual wraps without a separator and keeps sentence and item breaks", () => {
    expect(joinParagraph(["目標達成に向けて引き続き事業の推", "進に努めること。", "また、次へ"])).toBe("目標達成に向けて引き続き事業の推進に努めること。\nまた、次へ");
    expect(joinParagraph(["・一つ目", "・二つ目の項", "目"])).toBe("・一つ目\n・二つ目の項目");
    expect(joinParagraph(["  ", ""])).toBeNull();
    expect(joinParagraph(["全角　空白は残す "])).toBe("全角　空白は残す");
    expect(joinParagraph(["\t　字下げは残す\t "])).toBe("　字下げは残す");
  });
  it("trims a line with runs of 300,000 spaces and tabs in one pass (a trimming expression was quadratic in a run)", () => {
    const spaces = " \t".repeat(150_000);
    expect(joinParagraph([`${spaces}a${spaces}b${spaces}`])).toBe(`a${spaces}b`);
  });
});

describe("box rows", () => {
  const grades = ["S", "A", "B", "C", "D"] as const;
  it("reads glyph rows and picks the single checked box", () => {
    expect(findCheckedBox(readBoxRow("□ □ □ ■ □"), grades)).toBe("C");
    expect(findCheckedBox(readBoxRow("☑☐☐☐☐"), grades)).toBe("S");
  });
  it("decides nothing when none or two are checked, or the row is not boxes", () => {
    expect(findCheckedBox(readBoxRow("□ □ □ □ □"), grades)).toBeNull();
    expect(findCheckedBox(readBoxRow("■ □ □ ■ □"), grades)).toBeNull();
    expect(readBoxRow("□ 目標")).toBeNull();
  });
});
