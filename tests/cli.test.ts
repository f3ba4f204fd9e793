// The real command line, run as a user runs it, on real files.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Report } from "../src/model/schema.ts";
import { expectedSheets, readJson, ROOT, SAMPLE_TEXT } from "./helpers.ts";

function kanrihyo(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), ...args], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), "kanrihyo-"));

describe("kanrihyo --version", () => {
  it("prints the package's version on stdout and exits 0, also after a command", () => {
    const { version } = readJson("package.json") as { version: string };
    for (const args of [["--version"], ["extract", SAMPLE_TEXT, "--version"]]) {
      expect(kanrihyo(...args)).toEqual({ code: 0, stdout: `kanrihyo ${version}\n`, stderr: "" });
    }
  });
});

describe("option values that cannot be used", () => {
  it("are refused with what is wrong, not replaced by the default", () => {
    const cases = [
      [["--jobs", "0"], '--jobs "0": give a whole number above zero'],
      [["--jobs", "1.5"], '--jobs "1.5": give a whole number above zero'],
      [["--timeout", "2m"], '--timeout "2m": give a number above zero'],
      [["--max-size", "0"], '--max-size "0": give a number above zero'],
      [["--max-pages", ""], '--max-pages "": give a whole number above zero'],
      [["--lang", "fr"], '--lang "fr": give ja or en'],
    ] as const;
    for (const [option, message] of cases) {
      const run = kanrihyo("extract", SAMPLE_TEXT, ...option);
      expect({ option, code: run.code, stdout: run.stdout, first: run.stderr.split("\n")[0] }).toEqual({ option, code: 2, stdout: "", first: message });
    }
    expect(kanrihyo("extract", SAMPLE_TEXT, "--timeout", "0.5", "--max-pages", "1e3", "--jobs", "1").code).toBe(0);
  });
});

describe("kanrihyo audit", () => {
  it("prints the sample's findings as JSON, matching the golden file, and exits 1 for its error", () => {
    const run = kanrihyo("audit", SAMPLE_TEXT, "--json");
    expect(run.code).toBe(1);
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.findings).toEqual(readJson("fixtures/expected/kokubunji-r5.audit.json"));
  });

  it("prints a table grouped by sheet with a summary line, in the chosen language", () => {
    const en = kanrihyo("audit", SAMPLE_TEXT);
    expect(en.stdout).toContain("sheet 11 保育施設の利用定員数の拡充による待機児童解消 (p.11)");
    expect(en.stdout).toMatch(/EVALUATION_MISMATCH .*B \(expected A\)/);
    expect(en.stdout).toContain("24 sheets, 201 figures checked: 1 error, 0 warnings, 1 info");
    const ja = kanrihyo("audit", SAMPLE_TEXT, "--lang", "ja");
    expect(ja.stdout).toContain("評価 B は総合達成率 100.6% の区分 A と異なります");
  });

  it("reads standard input for -, as a file named stdin, and leaves no copy of it behind", () => {
    const temp = tmp(); // the CLI's TMPDIR: where it saves standard input
    const viaStdin = (input: Buffer, ...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), ...args], { encoding: "utf8", input, env: { ...process.env, TMPDIR: temp } });
    const text = viaStdin(readFileSync(SAMPLE_TEXT), "audit", "-", "--json");
    expect(text.status, text.stderr).toBe(1);
    const report = Report.parse(JSON.parse(text.stdout));
    expect(report.source).toMatchObject({ file: "stdin", kind: "text", encoding: "utf-8", pages: 24 });
    expect(report.findings).toEqual(readJson("fixtures/expected/kokubunji-r5.audit.json"));
    // A PDF is read twice with --html (its sheets, then its pages drawn): both from the saved copy.
    const pdf = viaStdin(readFileSync(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf")), "audit", "-", "--html", join(temp, "review.html"));
    expect(pdf.status, pdf.stderr).toBe(1);
    expect(pdf.stdout).toMatch(/^stdin\n/);
    expect(readFileSync(join(temp, "review.html"), "utf8")).toContain("data:image/");
    expect(readdirSync(temp).filter((f) => f.startsWith("kanrihyo-"))).toEqual([]); // (Node keeps its compile cache there too)
  });

  it("exits 0 when nothing reaches error level", () => {
    const dir = tmp();
    const lines = readFileSync(SAMPLE_TEXT, "utf8").split("\n");
    const end = lines.findIndex((l) => l.startsWith("所管課 経済課 対象者 全対象者"));
    writeFileSync(join(dir, "first-sheet.txt"), lines.slice(0, end + 1).join("\n"));
    expect(kanrihyo("audit", join(dir, "first-sheet.txt")).code).toBe(0);
  });
});

describe("kanrihyo extract", () => {
  it("writes contract JSON to a file with -o", () => {
    const out = join(tmp(), "r5.json");
    const run = kanrihyo("extract", SAMPLE_TEXT, "-o", out);
    expect(run.code).toBe(0);
    const report = Report.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(report.sheets).toEqual(expectedSheets("kokubunji-r5"));
    expect(report.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("detects the input kind from content, not the name, and exits 2 on unreadable input", () => {
    const dir = tmp();
    writeFileSync(join(dir, "report.pdf.txt"), readFileSync(SAMPLE_TEXT));
    writeFileSync(join(dir, "image.pdf"), Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    writeFileSync(join(dir, "empty.txt"), "");
    const run = kanrihyo("extract", join(dir, "image.pdf"), join(dir, "empty.txt"), join(dir, "report.pdf.txt"), "--out-dir", join(dir, "out"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("image.pdf: NotAPdf");
    expect(run.stderr).toContain("empty.txt: EmptyFile");
    expect(readdirSync(join(dir, "out"))).toEqual(["report.pdf.json"]);
  });
});

describe("a reader that stops reading (kanrihyo … | head)", () => {
  /** The CLI's exit code when whoever reads its stdout and stderr has closed both at once. */
  function unread(...args: string[]): Promise<number | null> {
    const child = spawn(process.execPath, [join(ROOT, "bin/kanrihyo.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // every write of the CLI's now meets a closed pipe (EPIPE)
    child.stderr.destroy();
    return new Promise((resolve) => child.on("close", resolve));
  }

  it("ends the run as it would have, writing every file, instead of crashing on EPIPE", async () => {
    expect(await unread("extract", SAMPLE_TEXT)).toBe(0);
    expect(await unread("audit", SAMPLE_TEXT)).toBe(1);
    const dir = tmp();
    const batch = [SAMPLE_TEXT, join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"), join(ROOT, "fixtures/bad/empty.pdf")];
    expect(await unread("extract", ...batch, "--out-dir", dir)).toBe(2); // the empty file, as ever
    expect(readdirSync(dir).sort()).toEqual(["kokubunji-r5.json", "kokubunji-r5~2.json"]);
  }, 60_000);
});

describe("outputs that cannot be written", () => {
  const PDF = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");

  it("are refused before any input is read: -o, --out-dir and --html", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a-file"), "");
    const cases = [
      [["extract", SAMPLE_TEXT, PDF, "-o", join(dir, "missing/r5.json")], `no folder ${join(dir, "missing")}`],
      [["extract", SAMPLE_TEXT, PDF, "-o", dir], "a folder"],
      [["extract", SAMPLE_TEXT, PDF, "--out-dir", join(dir, "a-file")], "EEXIST: not a folder"],
      [["extract", SAMPLE_TEXT, PDF, "--out-dir", join(dir, "a-file/out")], "ENOTDIR: not a folder"],
      [["audit", SAMPLE_TEXT, PDF, "--html", join(dir, "a-file/review.html")], `${join(dir, "a-file")} is not a folder`],
    ] as const;
    for (const [args, detail] of cases) {
      const run = kanrihyo(...args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(run.stderr).toMatch(new RegExp(`: Unwritable: the output cannot be written \\(${detail.replace(/[/.]/g, "\\$&")}\\); check the output's folder`));
      expect(run.stderr).not.toContain("[1/2]"); // no input was read
    }
  });

  it("fail their own file alone, in a batch written by workers or by the main thread", () => {
    for (const command of ["extract", "audit"]) { // an audit of two files compares them, so this thread writes
      const dir = tmp();
      mkdirSync(join(dir, "kokubunji-r5.json")); // where the text's JSON would go
      const run = kanrihyo(command, SAMPLE_TEXT, join(ROOT, "fixtures/pdf/broken-figures.pdf"), "--out-dir", dir);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`${join(dir, "kokubunji-r5.json")}: Unwritable: the output cannot be written (EISDIR)`);
      expect(readdirSync(dir).sort()).toEqual(["broken-figures.json", "kokubunji-r5.json"]); // no temporary file left
    }
  });
});

describe("encrypted PDFs", () => {
  const file = join(ROOT, "fixtures/pdf/kokubunji-r5-user-password.pdf");
  it("fail with PasswordRequired without --password, WrongPassword with a wrong one", () => {
    const none = kanrihyo("extract", file);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("kokubunji-r5-user-password.pdf: PasswordRequired: the PDF needs a password to open; give the document's open password with --password");
    const wrong = kanrihyo("extract", file, "--password", "nope");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("WrongPassword");
  });
  it("open with the right --password", () => {
    const run = kanrihyo("extract", file, "--password", "kanrihyo");
    expect(run.code).toBe(0);
    expect(Report.parse(JSON.parse(run.stdout)).sheets).toHaveLength(24);
  });
});
