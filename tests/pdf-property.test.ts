// Randomly generated valid sheets, printed as PDFs in the report's layouts, must read back exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printReport, FONTS } from "../fixtures/generator/print.ts";
import { SAMPLE_LAYOUT, SECOND_LAYOUT } from "../fixtures/generator/layout.ts";
import { extract } from "../src/report.ts";
import type { Report } from "../src/model/schema.ts";
import { arbitrarySheet } from "./arbitrary-sheet.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const arbitraryReport = fc
  .tuple(fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), fc.constantFrom("glyph", "vector"), fc.boolean(), fc.boolean())
  .chain(([pages, boxes, second, ruled]) =>
    fc.tuple(fc.tuple(...pages.map((_, i) => arbitrarySheet(i + 1))), fc.constant(boxes), fc.constant(second), fc.constant(ruled)),
  );

describe("generated sheets through PDF", () => {
  it(`read back exactly (${RUNS} reports of 1–8 sheets)`, async () => {
    let sheets = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryReport, async ([generated, boxes, second, ruled]) => {
        const report: Report = {
          schemaVersion: "1", source: { file: "g.pdf", sha256: "0".repeat(64), kind: "pdf", pages: generated.length },
          title: "就労支援事業進行管理票", fiscalYear: { printed: "令和５年度", gregorian: 2023 },
          planPeriod: { plan: "第二次就労支援プラン", printed: "令和３年度～令和６年度", from: 2021, to: 2024 },
          sheets: generated, findings: [],
        };
        const base = second ? SECOND_LAYOUT : SAMPLE_LAYOUT;
        const layout = { ...base, boxes, rule: ruled ? base.rule : { width: 0, asFill: false } };
        const bytes = await printReport(report, layout, FONTS.noto);
        const read = await extract(bytes, "generated.pdf");
        expect(read.sheets.map(({ where: _w, ...s }) => s)).toEqual(generated);
        sheets += generated.length;
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20231) , endOnFailure: true },
    );
    expect(sheets).toBeGreaterThan(RUNS * 3); // with 60 runs: a few hundred sheets
  }, 600_000);
});
