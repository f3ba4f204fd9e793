// A folder of reports and one broken file, in one command, to JSON, CSV and XML.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { Report } from "../src/model/schema.ts";
import { INDICATOR_COLUMNS, indicatorsCsv, sheetsCsv } from "../src/output/csv.ts";
import { reportJson } from "../src/output/json.ts";
import { reportXml } from "../src/output/xml.ts";
import { audit, extract } from "../src/report.ts";
import { ROOT, SAMPLE_TEXT } from "./helpers.ts";

/** RFC 4180 fields, as a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), "kanrihyo-export-"));
cpSync(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"), join(dir, "in/kokubunji-r5.pdf"));
cpSync(join(ROOT, "fixtures/pdf/kokubunji-r4-derived.pdf"), join(dir, "in/kokubunji-r4.pdf"));
cpSync(join(ROOT, "fixtures/bad/truncated.pdf"), join(dir, "in/broken.pdf"));
const run = spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), "audit", join(dir, "in"), "--out-dir", join(dir, "out"), "--format", "json,csv,xml"], { encoding: "utf8" });
const out = (name: string) => readFileSync(join(dir, "out", name));
const r5 = Report.parse(JSON.parse(out("kokubunji-r5.json").toString("utf8")));

describe("exports of a batch", () => {
  it("writes every format for each good file, names the broken one, exits 2", () => {
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("broken.pdf: DamagedPdf");
    expect(readdirSync(join(dir, "out")).sort()).toEqual([
      "combined.csv", "kokubunji-r4.csv", "kokubunji-r4.json", "kokubunji-r4.sheets.csv", "kokubunji-r4.xml",
      "kokubunji-r5.csv", "kokubunji-r5.json", "kokubunji-r5.sheets.csv", "kokubunji-r5.xml",
    ]);
  });

  it("CSV is UTF-8 with a BOM and CRLF, so Excel reads the Japanese", () => {
    const bytes = out("kokubunji-r5.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n").length).toBeGreaterThan(100);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/(?<!")\n(?!")/); // no bare LF line ends outside quoted text
    expect(bytes.includes(Buffer.from("就労支援・求人情報の提供", "utf8"))).toBe(true);
  });

  it("has one row per programme × indicator × year, with printed, parsed and recomputed values and finding codes", () => {
    const rows = parseCsv(out("kokubunji-r5.csv").toString("utf8").slice(1));
    expect(rows[0]).toEqual([...INDICATOR_COLUMNS]);
    const records = rows.slice(1).map((r) => Object.fromEntries(INDICATOR_COLUMNS.map((c, i) => [c, r[i]])));
    const indicators = r5.sheets.reduce((n, s) => n + s.indicators.length, 0);
    expect(records).toHaveLength(indicators * 4);
    expect(records[0]).toMatchObject({ sheet_no: "1", year: "R3", target: "6,400", target_value: "6400", actual: "6,659", rate: "104.0%", rate_value: "104", rate_recomputed: "104.047" });
    const sheet12 = records.find((r) => r.sheet_no === "12" && r.indicator_no === "2" && r.year === "R5")!;
    expect(sheet12.findings).toBe("RATE_UNVERIFIABLE");
    expect(sheet12.target).toBe("1学年または２学年生徒全員");
  });

  it("has one row per programme with the sheet-level fields", () => {
    const rows = parseCsv(out("kokubunji-r5.sheets.csv").toString("utf8").slice(1));
    expect(rows).toHaveLength(25);
    const head = rows[0]!;
    const eleven = Object.fromEntries(head.map((h, i) => [h, rows[11]![i]]));
    expect(eleven).toMatchObject({ sheet_no: "11", evaluation: "B", overall_R5: "100.6%", findings: "EVALUATION_MISMATCH" });
    expect(Object.fromEntries(head.map((h, i) => [h, rows[4]![i]])).approach_policy).toBe(r5.sheets[3]!.approachPolicy);
  });

  it("combined.csv holds every report of the batch in one table", () => {
    const rows = parseCsv(out("combined.csv").toString("utf8").slice(1)).slice(1);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["kokubunji-r4.pdf", "kokubunji-r5.pdf"]));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["令和４年度", "令和５年度"]));
  });

  it("XML carries the same content as the JSON", () => {
    const xml = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false }).parse(out("kokubunji-r5.xml").toString("utf8"));
    const sheets = xml.report.sheets.sheet;
    expect(sheets).toHaveLength(24);
    expect(sheets[0].name).toBe(r5.sheets[0]!.name);
    expect(sheets[0].indicators.indicator.target.R3).toEqual({ "@_printed": "6,400", "@_value": "6400" });
    expect(xml.report.findings.finding.map((f: Record<string, string>) => f["@_code"])).toEqual(r5.findings.map((f) => f.code));
  });
});

const sample = audit(await extract(readFileSync(SAMPLE_TEXT), "kokubunji-r5.txt"));
describe("JSON written in pieces", () => {
  it.each([
    ["the audited sample (24 sheets, findings, nulls)", sample],
    ["a report with no findings", { ...sample, findings: [] }],
    ["a report of one sheet", { ...sample, sheets: sample.sheets.slice(0, 1) }],
  ])("is byte for byte JSON.stringify(report, null, 2) for %s", (_, report) => {
    expect([...reportJson(report)].join("")).toBe(JSON.stringify(report, null, 2) + "\n");
  });
});

describe("CSV cells a spreadsheet would run as formulas", () => {
  it("get a leading apostrophe; plain numbers, a lone dash and every other text stay as printed", () => {
    const [sheet] = sample.sheets;
    const figures = { R3: { printed: "-5", value: -5 }, R4: { printed: "+1.5%", value: 1.5 }, R5: { printed: "-", value: null }, R6: { printed: "=1+1", value: null } };
    const planted = {
      ...sample,
      sheets: [{
        ...sheet!,
        name: '=HYPERLINK("http://example.invalid","x")',
        department: "@SUM(A1)",
        content: "-2+3 (a cell beginning with a sum)",
        indicators: [{ ...sheet!.indicators[0]!, name: "+cmd|' /C calc'!A0", rowLabel: "\t=1", target: figures }],
      }],
    };
    const [header, ...rows] = parseCsv(indicatorsCsv([planted]).slice(1));
    const column = (name: string) => rows.map((r) => r[header!.indexOf(name)]);
    expect(column("programme")[0]).toBe(`'=HYPERLINK("http://example.invalid","x")`);
    expect(column("department")[0]).toBe("'@SUM(A1)");
    expect(column("indicator")[0]).toBe("'+cmd|' /C calc'!A0");
    expect(column("row_label")[0]).toBe("'\t=1");
    expect(column("target")).toEqual(["-5", "+1.5%", "-", "'=1+1"]);
    expect(column("target_value")).toEqual(["-5", "1.5", "", ""]);
    const [sheetHeader, sheetRow] = parseCsv(sheetsCsv(planted).slice(1));
    expect(sheetRow![sheetHeader!.indexOf("content")]).toBe("'-2+3 (a cell beginning with a sum)");
    expect(sheetRow![sheetHeader!.indexOf("target_group")]).toBe(sheet!.targetGroup); // untouched
    expect([...reportJson(planted)].join("")).toContain('"name": "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")"'); // JSON as printed
  });
});

describe("XML of text that XML 1.0 cannot hold", () => {
  it("is well-formed: such characters become U+FFFD, markup characters are escaped, the JSON keeps both", () => {
    const [sheet] = sample.sheets;
    const content = "a\u0001b\u000bc\fd\ufffee\ud800f <&> \"'\ttab\r\nline 😀";
    const planted = { ...sample, sheets: [{ ...sheet!, content }] };
    const xml = reportXml(planted);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
    const parsed = new XMLParser({ ignoreAttributes: false, trimValues: false }).parse(xml);
    expect(parsed.report.sheets.sheet.content).toBe("a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf <&> \"'\ttab\r\nline 😀".replace("\r\n", "\n"));
    expect(JSON.parse([...reportJson(planted)].join("")).sheets[0].content).toBe(content);
  });
});
