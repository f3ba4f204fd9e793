// Whole reports audited to exactly their planted problems, and two years' reports compared.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/model/schema.ts";
import { audit, auditSeries, extract } from "../src/report.ts";
import { readJson, ROOT } from "./helpers.ts";

const read = (name: string) => extract(readFileSync(join(ROOT, "fixtures/pdf", name)), name);
const key = (f: Pick<Finding, "code" | "sheet" | "indicator" | "year" | "field">) => `${f.code} sheet ${f.sheet} #${f.indicator ?? "-"} ${f.year ?? "-"} ${f.field}`;
const planted = (name: string) => (readJson(`fixtures/expected/${name}.planted.json`) as Finding[]).map(key).sort();

describe("a report with deliberately broken figures", () => {
  it("is audited to exactly its planted problems, plus the two findings of the original sample", async () => {
    const report = audit(await read("broken-figures.pdf"));
    const sampleOwn = ["EVALUATION_MISMATCH sheet 11 #- R5 evaluation", "RATE_UNVERIFIABLE sheet 12 #2 R5 rate"];
    expect(report.findings.map(key).sort()).toEqual([...planted("broken-figures"), ...sampleOwn].sort());
  });
  it("places each finding on the page", async () => {
    const report = audit(await read("broken-figures.pdf"));
    const rate = report.findings.find((f) => f.code === "RATE_MISMATCH")!;
    expect(rate).toMatchObject({ printed: "75.7%", expected: "77.5%", where: { page: 1 } });
    expect(rate.where!.bbox).toEqual(report.sheets[0]!.where!["indicators.0.rate.R4"]!.bbox);
  });
});

describe("two years' reports of the same plan", () => {
  it("list every changed figure of a shared year and the programmes that appear or vanish", async () => {
    const [r5, r4] = [await read("kokubunji-r5.pdf"), await read("kokubunji-r4-derived.pdf")];
    const [, r5Audited] = auditSeries([r4, r5]); // given in any order; compared by fiscal year
    const compared = r5Audited!.findings.filter((f) => /CHANGED|ADDED|REMOVED|RENAMED/.test(f.code));
    expect(compared.map(key).sort()).toEqual(planted("kokubunji-r4-derived"));
    expect(compared.find((f) => f.code === "TARGET_CHANGED")).toMatchObject({ printed: "7,000", expected: "7,200" });
  });
  it("compares nothing for a single report", async () => {
    const [only] = auditSeries([await read("kokubunji-r5.pdf")]);
    expect(only!.findings.map((f) => f.code).sort()).toEqual(["EVALUATION_MISMATCH", "RATE_UNVERIFIABLE"]);
  });
});
