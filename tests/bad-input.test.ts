// Every kind of bad input a clerk's folder holds, made by fixtures/generator/make-bad.ts,
// through the real CLI: a specific line and exit 2, never a crash, and the good files kept.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeOwnTemps, writesInto } from "../src/cli/outputs.ts";
import { extractPdf } from "../src/extract/pdf.ts";
import { Report } from "../src/model/schema.ts";
import { ROOT, SAMPLE_TEXT } from "./helpers.ts";

const BIN = join(ROOT, "bin/kanrihyo.js");
const kanrihyo = (...args: string[]) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
const bad = (name: string) => join(ROOT, "fixtures/bad", name);
const tmp = () => mkdtempSync(join(tmpdir(), "kanrihyo-bad-"));

describe.each([
  ["empty.pdf", "EmptyFile"],
  ["photo.pdf", "NotAPdf"],
  ["truncated.pdf", "DamagedPdf"],
  ["locked.pdf", "PasswordRequired"],
  ["scan.pdf", "NoTextLayer"],
  ["minutes.pdf", "NoSheetFound"],
  ["notes.txt", "NoSheetFound"],
  ["bomb.pdf", "OutOfMemory"], // 4 KB deflated twice, 2 GiB inflated: stopped at 1 GB of buffers
  ["huge-page.pdf", "OutOfMemory"], // 5 million operations: stopped before V8 aborts the process
  ["crowded-page.pdf", "NoSheetFound"], // 300,000 fragments on a page: no stack overflow (was InternalError)
])("%s", (name, code) => {
  it(`fails with ${code}, a reason and what to do, exit 2, and says nothing else`, () => {
    const run = kanrihyo("extract", bad(name));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${name.replace(".", "\\.")}: ${code}: .+; .+\n$`)); // no pdf.js warnings around it
    expect(run.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });
});

describe("a page of more fragments than a call takes arguments", () => {
  it("is read whole by the library, every fragment kept", async () => {
    const read = await extractPdf(readFileSync(bad("crowded-page.pdf")), "crowded-page.pdf");
    expect(read.fragments).toHaveLength(300_000);
    expect(new Set(read.fragments.map((f) => f.text))).toEqual(new Set(["Hello world"]));
  }, 60_000);
});

describe("a file that can be seen but not read", () => {
  // Root reads past file permissions; a Unix socket cannot be opened by anyone (ENXIO).
  it("fails with Unreadable, exit 2, not as an internal error", async () => {
    const path = join(tmp(), "socket.pdf");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const run = kanrihyo("extract", path);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe("socket.pdf: Unreadable: the file cannot be read (ENXIO); check the path and permissions\n");
    } finally {
      server.close();
    }
  });
});

describe("partial documents", () => {
  it("a report with a cover and a scanned appendix keeps its sheets and names the other pages", () => {
    const run = kanrihyo("extract", bad("mixed.pdf"));
    expect(run.code).toBe(0);
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.sheets.map((s) => [s.page, s.no])).toEqual([[2, 1], [3, 2]]);
    expect(report.findings.map((f) => [f.code, f.printed])).toEqual([["PAGES_SKIPPED", "1"], ["PAGES_WITHOUT_TEXT", "4"]]);
  });
  it("a PDF with two damaged pages keeps the other 22 sheets and says which pages were lost", () => {
    const report = Report.parse(JSON.parse(kanrihyo("extract", bad("damaged.pdf")).stdout));
    expect(report.sheets).toHaveLength(22);
    expect(report.findings.map((f) => [f.code, f.printed])).toEqual([["PAGES_EMPTY", "6, 7"]]);
  });
  it("a sheet with sections missing is a partial record with findings, not an exception", () => {
    const lines = readFileSync(SAMPLE_TEXT, "utf8").split("\n");
    const end = lines.findIndex((l) => l.startsWith("所管課 経済課 対象者 全対象者"));
    const cut = lines.slice(0, end + 1).filter((l) => !/^(事業内容|対象年度の実績及び課題)$/.test(l));
    const dir = tmp();
    const file = join(dir, "cut.txt");
    spawnSync("sh", ["-c", `cat > ${file}`], { input: cut.join("\n") });
    const run = kanrihyo("audit", file, "--json");
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.sheets[0]!.name).toBe("就労支援・求人情報の提供");
    expect(report.findings.filter((f) => f.code === "FIELD_MISSING").map((f) => f.field).sort()).toEqual(["content", "resultsAndIssues"]);
  });
});

describe("limits", () => {
  it("refuse files over --max-size and PDFs over --max-pages, and stop at --timeout", () => {
    const pdf = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
    expect(kanrihyo("extract", pdf, "--max-size", "0.1").stderr).toMatch(/TooLarge: .*limit 104857/);
    expect(kanrihyo("extract", pdf, "--max-pages", "10").stderr).toContain("TooManyPages: the PDF has more pages than the limit (24 pages, limit 10)");
    const slow = kanrihyo("extract", pdf, "--timeout", "0.05");
    expect(slow.code).toBe(2);
    expect(slow.stderr).toContain("kokubunji-r5.pdf: TimeLimit");
  });
});

describe("a batch over a folder of good and bad files", () => {
  it("converts every good file, prints one line per bad file, and exits 2", () => {
    const dir = tmp();
    cpSync(join(ROOT, "fixtures/bad"), join(dir, "in"), { recursive: true });
    for (const good of ["kokubunji-r5.pdf", "kokubunji-r5-cid-font.pdf"]) cpSync(join(ROOT, "fixtures/pdf", good), join(dir, "in", good));
    cpSync(SAMPLE_TEXT, join(dir, "in", "kokubunji-r5-text.txt"));
    const run = kanrihyo("extract", join(dir, "in"), "--out-dir", join(dir, "out"));
    expect(run.code).toBe(2);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["damaged.json", "kokubunji-r5-cid-font.json", "kokubunji-r5-text.json", "kokubunji-r5.json", "mixed.json"]);
    const failures = run.stderr.split("\n").filter((l) => /^[\w.-]+: [A-Z]\w+: /.test(l));
    expect(failures.map((l) => l.split(":").slice(0, 2).join(":")).sort()).toEqual([
      "bomb.pdf: OutOfMemory", "crowded-page.pdf: NoSheetFound", "empty.pdf: EmptyFile", "huge-page.pdf: OutOfMemory", "locked.pdf: PasswordRequired", "minutes.pdf: NoSheetFound", "notes.txt: NoSheetFound",
      "photo.pdf: NotAPdf", "scan.pdf: NoTextLayer", "truncated.pdf: DamagedPdf",
    ]);
    expect(run.stderr).toContain("files 15 (read 5, failed 10, skipped by --resume 0), sheets 96");
  });
});

describe("an interrupted batch", () => {
  it("removes its own temporary files, not another process's, nor outputs", async () => {
    const dir = tmp();
    for (const name of [`.a.json.${process.pid}.tmp`, ".b.json.1.tmp", "a.json"]) writeFileSync(join(dir, name), "");
    writesInto(dir);
    await removeOwnTemps();
    expect(readdirSync(dir).sort()).toEqual([".b.json.1.tmp", "a.json"]);
  });


  const setup = () => {
    const dir = tmp();
    mkdirSync(join(dir, "in"));
    for (let i = 0; i < 16; i++) cpSync(join(ROOT, "fixtures/pdf/kokubunji-r5.pdf"), join(dir, "in", `r${String(i).padStart(2, "0")}.pdf`));
    return dir;
  };
  const outputs = (dir: string) => (existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")) : []);
  const killAfterFirstOutput = (dir: string, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [BIN, "extract", join(dir, "in"), "--out-dir", join(dir, "out"), "--jobs", "1", "--quiet"]);
      const poll = setInterval(() => {
        if (outputs(dir).some((f) => f.endsWith(".json"))) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 20);
      child.on("exit", () => {
        clearInterval(poll);
        resolve();
      });
    });

  it.each(["SIGINT", "SIGTERM", "SIGKILL"] as const)("by %s leaves only whole outputs, and --resume finishes the rest", async (signal) => {
    const dir = setup();
    await killAfterFirstOutput(dir, signal);
    const done = outputs(dir).filter((f) => f.endsWith(".json"));
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(16);
    for (const f of done) expect(Report.parse(JSON.parse(readFileSync(join(dir, "out", f), "utf8"))).sheets).toHaveLength(24);
    if (signal !== "SIGKILL") expect(outputs(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const resumed = kanrihyo("extract", join(dir, "in"), "--out-dir", join(dir, "out"), "--resume");
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`skipped by --resume ${done.length}`);
    expect(outputs(dir).sort()).toEqual(Array.from({ length: 16 }, (_, i) => `r${String(i).padStart(2, "0")}.json`));
  }, 120_000);
});
