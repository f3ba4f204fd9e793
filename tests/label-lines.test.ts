// The sheet's label lines (所管課…対象者, the report's title and plan period, an indicator's
// head row) are read by searching for their keywords. They read what the regular expressions
// they replace captured, and in time linear in the line: those expressions backtracked through
// every split of a run of whitespace (a 4,000-character line took 25 s, 2 Dec 2026).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { departmentLine, planPeriodLine, titleLine } from "../src/normalize/labels.ts";
import { classifyRow, splitCells } from "../src/normalize/rows.ts";
import type { Report } from "../src/model/schema.ts";
import { ROOT, SAMPLE_TEXT } from "./helpers.ts";

// The expressions as they were (src/normalize/labels.ts and rows.ts before 2 Dec 2026).
const OLD = {
  department: /^所管課\s*(.*?)\s+対象者\s*(.*)$/,
  title: /^(.+?)\s*［対象：(.+?)］\s*$/,
  planPeriod: /※\s*(.+?)期間：(.+?)\s*$/,
  head: /^(.+?)\s+目標(?:\s+(.*))?$/,
};

/** Lines as the readers see them (trimmed), made of the keywords, brackets and whitespace. */
const line = fc
  .array(fc.constantFrom("所管課", "対象者", "［対象：", "］", "※", "期間：", "目標", "値", "R5", "経済課", " ", "　", "\t", "a"), { maxLength: 14 })
  .map((tokens) => tokens.join("").trim());

describe("label lines", () => {
  it("read what the old expressions captured, as their readers used it", () => {
    fc.assert(
      fc.property(line, (text) => {
        const d = OLD.department.exec(text);
        expect(departmentLine(text)).toEqual(d ? { department: d[1]!.trim(), targetGroup: d[2]!.trim() } : null);
        const t = OLD.title.exec(text);
        expect(titleLine(text)).toEqual(t ? { title: t[1], fiscalYear: t[2] } : null);
        const p = OLD.planPeriod.exec(text);
        expect(planPeriodLine(text)).toEqual(p ? { plan: p[1]!.trim(), period: p[2]!.trimEnd() } : null);
        const h = OLD.head.exec(text);
        const row = classifyRow(text);
        if (h && row.type !== "skip" && !/^(総合達成率\s+達成率|実績|達成率|目標)(\s|$)/.test(text)) expect(row).toEqual({ type: "head", name: h[1]!.trim(), cells: splitCells(h[2] ?? "") });
        if (row.type === "head") expect(h?.[1]?.trim()).toBe(row.name);
      }),
      { numRuns: 20_000 },
    );
  });

  it("are read in one pass however long their runs of whitespace (the old expressions took hours here)", () => {
    const run = " 　".repeat(100_000);
    expect(departmentLine(`所管課${run}x`)).toBeNull();
    expect(departmentLine(`所管課${run}経済課${run}対象者${run}全対象者`)).toEqual({ department: "経済課", targetGroup: "全対象者" });
    expect(titleLine(`a${run}b`)).toBeNull();
    expect(titleLine(`${"x".repeat(200_000)}［対象：${run}`)).toBeNull();
    expect(planPeriodLine(`※${run}期間：${run}x`)).toEqual({ plan: "", period: `${run}x`.trimEnd() });
    expect(planPeriodLine(`※${"※".repeat(200_000)}`)).toBeNull();
    expect(classifyRow(`a${run}b`)).toMatchObject({ type: "label" });
    expect(classifyRow(`指標${run}目標${run}1${run}2`)).toEqual({ type: "head", name: "指標", cells: ["1", "2"] });
  });
});

describe("a text report with long runs of whitespace", () => {
  it("reads the same sheets as without them, at once (it used to end in TimeLimit)", () => {
    const lines = readFileSync(SAMPLE_TEXT, "utf8").split("\n");
    const run = " 　".repeat(20_000);
    const noise = [`a${run}b`, `※ 期間：${run}x`, `x［対象：${"a".repeat(40_000)}`];
    // Between the first sheet's 事業番号 line and its 所管課 line, where 所管課 is looked for.
    const first = lines.findIndex((l) => /^(事業)?番号/.test(l));
    const header = [...lines.slice(0, first + 1), `所管課${run.slice(0, 6_000)}x`, ...lines.slice(first + 1)];
    const dir = mkdtempSync(join(tmpdir(), "kanrihyo-spaces-"));
    writeFileSync(join(dir, "spaces.txt"), [...header.slice(0, 2), ...noise, ...header.slice(2)].join("\n"));
    const extract = (path: string) => spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), "extract", path, "--timeout", "30"], { encoding: "utf8" });
    const read = extract(join(dir, "spaces.txt"));
    expect(read.stderr).toBe("");
    const plain = JSON.parse(extract(SAMPLE_TEXT).stdout) as Report;
    const spaced = JSON.parse(read.stdout) as Report;
    expect(spaced.sheets.map((s) => ({ ...s, where: undefined }))).toEqual(plain.sheets.map((s) => ({ ...s, where: undefined })));
    expect(spaced.title).toBe(plain.title);
  }, 60_000);
});
