// The audit table: findings grouped under their sheet, and a summary line in words.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderTable } from "../src/cli/table.ts";
import { audit, extract } from "../src/index.ts";
import { SAMPLE_TEXT } from "./helpers.ts";

const sample = audit(await extract(readFileSync(SAMPLE_TEXT), "kokubunji-r5.txt"));

describe("renderTable", () => {
  it("counts in the singular for one and the plural otherwise", () => {
    const one = { ...sample, sheets: sample.sheets.slice(0, 1), findings: sample.findings.filter((f) => f.severity === "error") };
    expect(one.findings).toHaveLength(1);
    expect(renderTable(one, "en")).toContain("  1 sheet, 6 figures checked: 1 error, 0 warnings, 0 info");
    const two = { ...sample, findings: [...one.findings, ...one.findings] };
    expect(renderTable(two, "en")).toContain("  24 sheets, 201 figures checked: 2 errors, 0 warnings, 0 info");
  });

  it("lists each sheet once, with its findings in their order", () => {
    const [error, info] = [...sample.findings].sort((a, b) => a.severity.localeCompare(b.severity));
    const mixed = { ...sample, findings: [error!, info!, { ...error!, code: "SECOND" }, { ...info!, code: "THIRD" }] };
    const lines = renderTable(mixed, "en").split("\n");
    const titles = lines.filter((l) => /^ {2}sheet /.test(l));
    expect(titles).toEqual([`  sheet ${error!.sheet} ${sample.sheets[error!.sheet! - 1]!.name} (p.${error!.sheet})`, `  sheet ${info!.sheet} ${sample.sheets[info!.sheet! - 1]!.name} (p.${info!.sheet})`].sort());
    const codes = lines.map((l) => l.trim().split(/\s+/)[1]).filter((c) => ["EVALUATION_MISMATCH", "SECOND", "RATE_UNVERIFIABLE", "THIRD"].includes(c!));
    expect(codes).toEqual(["EVALUATION_MISMATCH", "SECOND", "RATE_UNVERIFIABLE", "THIRD"]);
  });
});
