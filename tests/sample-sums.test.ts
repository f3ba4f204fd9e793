// The document's own sums, asserted on the transcription (not on the program's output): every
// printed rate follows from its target and actual, every 総合達成率 is the mean of its rates.
import { describe, expect, it } from "vitest";
import type { Sheet } from "../src/model/schema.ts";
import { expectedSheets } from "./helpers.ts";

const sheets = expectedSheets("kokubunji-r5") as Sheet[];
const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;

describe("arithmetic of the transcribed sample", () => {
  it("every numeric rate is actual ÷ target × 100, to one decimal", () => {
    let checked = 0;
    for (const s of sheets)
      for (const ind of s.indicators)
        for (const [year, rate] of Object.entries(ind.rate)) {
          const a = ind.actual[year]?.value;
          const t = ind.target[year]?.value;
          if (rate?.value == null || a == null || t == null) continue;
          expect(round1((a / t) * 100), `sheet ${s.no} ${ind.name} ${year}`).toBe(rate.value);
          checked++;
        }
    expect(checked).toBe(128); // every rate with a numeric target and actual
  });

  it("every 総合達成率 is the mean of the unrounded plan rates, － left out, 0.0% when none", () => {
    for (const s of sheets)
      for (const [year, overall] of Object.entries(s.overallRate)) {
        if (!overall) continue;
        const rates = s.indicators
          .filter((i) => i.kind === "plan" && i.rate[year]?.value != null)
          .map((i) => {
            const a = i.actual[year]?.value;
            const t = i.target[year]?.value;
            return a != null && t ? (a / t) * 100 : i.rate[year]!.value!;
          });
        const mean = rates.length ? rates.reduce((x, y) => x + y, 0) / rates.length : 0;
        expect(round1(mean), `sheet ${s.no} ${year}`).toBe(overall.value);
      }
  });
});
