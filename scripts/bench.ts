// npm run bench — speed and memory, measured in one run on the same files, as medians of
// BENCH_RUNS (default 3) cold-started processes. Writes bench/results.json.
// Needs pdftotext (Debian's poppler-utils) for the native baseline.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLE_LAYOUT } from "../fixtures/generator/layout.ts";
import { sampleReport } from "../fixtures/generator/make-fixtures.ts";
import { FONTS, printReport } from "../fixtures/generator/print.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CACHE = join(ROOT, "bench/cache");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NODE = process.execPath;
const BIN = join(ROOT, "bin/kanrihyo.js");

interface Sample { seconds: number; rssMb: number }

/** Runs a command under GNU time: wall seconds and peak resident memory. */
function measure(cmd: string, args: string[]): Sample {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cmd} ${args.join(" ")} failed:\n${run.stderr}`);
  const [seconds, kb] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { seconds: seconds!, rssMb: kb! / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function repeat(cmd: string, args: string[], before?: () => void): Sample {
  const samples = Array.from({ length: RUNS }, () => {
    before?.();
    return measure(cmd, args);
  });
  return { seconds: median(samples.map((s) => s.seconds)), rssMb: median(samples.map((s) => s.rssMb)) };
}

async function inputs() {
  mkdirSync(CACHE, { recursive: true });
  const sample = sampleReport();
  const repeated = async (name: string, pages: number, sheets = sample.sheets) => {
    const path = join(CACHE, name);
    if (existsSync(path)) return path;
    const many = Array.from({ length: pages }, (_, i) => ({ ...sheets[i % sheets.length]!, page: i + 1 }));
    writeFileSync(path, await printReport({ ...sample, sheets: many }, SAMPLE_LAYOUT, FONTS.noto));
    return path;
  };
  const r24 = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
  const r240 = await repeated("r240.pdf", 240);
  const r1000 = await repeated("r1000.pdf", 1000);
  const small = await repeated("r4.pdf", 4);
  const batch = join(CACHE, "batch");
  if (!existsSync(join(batch, "r199.pdf"))) {
    mkdirSync(batch, { recursive: true });
    for (let i = 0; i < 200; i++) cpSync(small, join(batch, `r${String(i).padStart(3, "0")}.pdf`));
  }
  return { r24, r240, r1000, batch };
}

async function main() {
  execFileSync("pdftotext", ["-v"], { stdio: "ignore" }); // fails clearly if poppler-utils is missing
  const files = await inputs();
  const out = join(CACHE, "out");
  const clean = () => rmSync(out, { recursive: true, force: true });
  const results: Record<string, Sample & { pages?: number }> = {};
  for (const [name, pages] of [["r24", 24], ["r240", 240]] as const) {
    const file = files[name];
    results[`pdftotext ${name}`] = { ...repeat("pdftotext", ["-bbox-layout", file, join(CACHE, "pdftotext.html")]), pages };
    results[`bare pdf.js ${name}`] = { ...repeat(NODE, [join(ROOT, "scripts/bench-bare.ts"), file]), pages };
    results[`extract ${name}`] = { ...repeat(NODE, [BIN, "extract", file, "-o", join(CACHE, "extract.json"), "--quiet"]), pages };
    results[`audit ${name}`] = { ...repeat(NODE, [BIN, "audit", file, "--out-dir", out, "--quiet"], clean), pages };
  }
  results["audit r1000"] = { ...repeat(NODE, [BIN, "audit", files.r1000, "--out-dir", out, "--quiet"], clean), pages: 1000 };
  results["batch 200 --jobs 1"] = { ...repeat(NODE, [BIN, "extract", files.batch, "--out-dir", out, "--jobs", "1", "--quiet"], clean), pages: 800 };
  results["batch 200 --jobs 2"] = { ...repeat(NODE, [BIN, "extract", files.batch, "--out-dir", out, "--jobs", "2", "--quiet"], clean), pages: 800 };

  const r = (k: string) => results[k]!;
  const perPage = (k: string) => (r(k).seconds / r(k).pages!) * 1000;
  const ratios = {
    "audit r24 / pdftotext r24": r("audit r24").seconds / r("pdftotext r24").seconds,
    "audit r240 / pdftotext r240 (target ≤ 4)": r("audit r240").seconds / r("pdftotext r240").seconds,
    "audit r24 / bare pdf.js r24 (target ≤ 1)": r("audit r24").seconds / r("bare pdf.js r24").seconds,
    "audit r240 / bare pdf.js r240 (target ≤ 1)": r("audit r240").seconds / r("bare pdf.js r240").seconds,
    "extract r240 / bare pdf.js r240": r("extract r240").seconds / r("bare pdf.js r240").seconds,
    "per-page ms r1000 / per-page ms r240 (target ≤ 1.1)": perPage("audit r1000") / perPage("audit r240"),
    "per-page ms r1000 / per-page ms r24 (target ≤ 1.1)": perPage("audit r1000") / perPage("audit r24"),
    "jobs 1 / jobs 2 time, speed-up (target ≥ 1.8)": r("batch 200 --jobs 1").seconds / r("batch 200 --jobs 2").seconds,
  };
  const table = Object.entries(results).map(([k, v]) =>
    `${k.padEnd(22)} ${v.seconds.toFixed(2).padStart(7)} s ${(v.pages! / v.seconds).toFixed(1).padStart(7)} pages/s ${v.rssMb.toFixed(0).padStart(5)} MB peak RSS`);
  console.log(`medians of ${RUNS} cold-started runs\n${table.join("\n")}\n`);
  for (const [k, v] of Object.entries(ratios)) console.log(`${k.padEnd(52)} ${v.toFixed(2)}`);
  console.log(`audit r24 from a cold start: ${r("audit r24").seconds.toFixed(2)} s (target < 1)`);
  console.log(`audit r1000 peak RSS: ${r("audit r1000").rssMb.toFixed(0)} MB (target < 250)`);
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, node: process.version, results, ratios }, null, 2) + "\n");
  void readFileSync;
}

await main();
