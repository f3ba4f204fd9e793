// Every fixture PDF (made by `npm run fixtures` from the hand transcription) reads back to the
// transcription field for field, and the PDF and text paths agree.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../src/extract/pdf.ts";
import type { Report } from "../src/model/schema.ts";
import { extract } from "../src/report.ts";
import { expectedSheets, ROOT, SAMPLE_TEXT } from "./helpers.ts";

const expected = expectedSheets("kokubunji-r5");
const pdf = (name: string) => join(ROOT, "fixtures/pdf", name);
const withoutWhere = (r: Report) => r.sheets.map(({ where: _where, ...sheet }) => sheet);

const VARIANTS = [
  ["kokubunji-r5.pdf", "the sample's layout, embedded Noto Sans JP, ■□ glyphs"],
  ["kokubunji-r5-second-layout.pdf", "other widths, heights, margins, wrapping; IPAGothic; rulings as thin fills"],
  ["kokubunji-r5-cid-font.pdf", "non-embedded HeiseiKakuGo-W5 through the UniJIS-UCS2-H CMap"],
  ["kokubunji-r5-vector-boxes.pdf", "boxes drawn as vector squares"],
  ["kokubunji-r5-no-rulings.pdf", "no ruling lines at all: cells from text alignment"],
  ["kokubunji-r5-copy-protected.pdf", "owner-password encryption (copy and print restricted)"],
] as const;

const reports = new Map<string, Report>();
for (const [name] of VARIANTS) reports.set(name, await extract(readFileSync(pdf(name)), pdf(name)));

describe.each(VARIANTS)("%s (%s)", (name) => {
  const report = reports.get(name)!;
  it("reads all 24 sheets exactly as transcribed, with the report header", () => {
    expect(report.source).toMatchObject({ kind: "pdf", pages: 24, file: name });
    expect(report.fiscalYear).toEqual({ printed: "令和５年度", gregorian: 2023 });
    expect(report.planPeriod).toEqual({ plan: "第二次就労支援プラン", printed: "令和３年度～令和６年度", from: 2021, to: 2024 });
    expect(withoutWhere(report)).toEqual(expected);
    expect(report.findings).toEqual([]);
  });

  it("says where every printed field and figure came from", () => {
    for (const sheet of report.sheets) {
      const where = sheet.where!;
      for (const field of ["name", "department", "content", "resultsAndIssues", "evaluation", "futureDirection", "committeeOpinion"])
        expect(where[field], `sheet ${sheet.no} ${field}`).toBeDefined();
      sheet.indicators.forEach((ind, i) => {
        for (const field of ["target", "actual", "rate"] as const)
          for (const [year, figure] of Object.entries(ind[field]))
            if (figure) expect(where[`indicators.${i}.${field}.${year}`], `sheet ${sheet.no} ${i} ${field} ${year}`).toBeDefined();
      });
      for (const place of Object.values(where)) {
        expect(place.page).toBe(sheet.page);
        const [x0, y0, x1, y1] = place.bbox;
        expect(x0 >= 0 && y0 >= 0 && x1 <= 842 && y1 <= 596 && x1 > x0 && y1 > y0).toBe(true);
      }
    }
  });
});

describe("what each variant is made of", () => {
  it("the CID variant embeds no font program, so it reads only through the CMaps", () => {
    const bytes = readFileSync(pdf("kokubunji-r5-cid-font.pdf")).toString("latin1");
    expect(bytes).toContain("/Encoding /UniJIS-UCS2-H");
    expect(bytes).not.toMatch(/\/FontFile/);
  });
  it("the copy-protected variant is encrypted and opens without a password", () => {
    expect(readFileSync(pdf("kokubunji-r5-copy-protected.pdf")).toString("latin1")).toContain("/Encrypt");
  });
  it("the vector variant prints no box glyphs", async () => {
    const ex = await extractPdf(readFileSync(pdf("kokubunji-r5-vector-boxes.pdf")), "v.pdf");
    expect(ex.fragments.some((f) => /[■□]/.test(f.text))).toBe(false);
    expect(ex.shapes.filter((s) => s.paint !== "stroke" && s.bbox[2] - s.bbox[0] < 8).length).toBeGreaterThanOrEqual(48);
  });
  it("places a figure where it is printed: sheet 1's R3 target 6,400", () => {
    const sheet = reports.get("kokubunji-r5.pdf")!.sheets[0]!;
    const [x0, y0, x1, y1] = sheet.where!["indicators.0.target.R3"]!.bbox;
    const yearHead = sheet.where!["indicators.0.target.R4"]!.bbox;
    expect(x1).toBeCloseTo(yearHead[0], 0); // R3's cell ends where R4's begins
    expect(y1 - y0).toBeGreaterThan(5);
    expect(x0).toBeGreaterThan(400);
  });
});

describe("text path and PDF path", () => {
  it("give the same JSON for the 24 sheets, apart from where and source", async () => {
    const text = await extract(readFileSync(SAMPLE_TEXT), SAMPLE_TEXT);
    const fromPdf = reports.get("kokubunji-r5.pdf")!;
    expect(withoutWhere(fromPdf)).toEqual(text.sheets);
    const { source: _a, sheets: _b, ...restPdf } = fromPdf;
    const { source: _c, sheets: _d, ...restText } = text;
    expect(restPdf).toEqual(restText);
  });
});
