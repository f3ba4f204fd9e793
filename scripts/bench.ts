// npm run bench — speed and memory, measured in one run on the same files, as medians of
// BENCH_RUNS (default 3) cold-started processes. Writes bench/results.json. The CLI runs from
// the build (npm run build), as an installed one does.
// Needs pdftotext (Debian's poppler-utils) for the native baseline.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { SAMPLE_LAYOUT } from "../fixtures/generator/layout.ts";
import { sampleReport } from "../fixtures/generator/make-fixtures.ts";
import { FONTS, printReport } from "../fixtures/generator/print.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CACHE = join(ROOT, "bench/cache");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NODE = process.execPath;
const BIN = join(ROOT, "bin/kanrihyo.js");

/** Wall seconds, peak resident memory, and CPU-seconds (user + system, every thread). */
interface Sample { seconds: number; rssMb: number; cpuSeconds: number }

/** Runs a command under GNU time. */
function measure(cmd: string, args: string[]): Sample {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cmd} ${args.join(" ")} failed:\n${run.stderr}`);
  const [seconds, kb, user, system] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { seconds: seconds!, rssMb: kb! / 1024, cpuSeconds: user! + system! };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Case {
  name: string;
  pages: number;
  cmd: string;
  args: string[];
  before?: () => void;
}

/** Every case RUNS times, round-robin, so that a machine that speeds up or slows down during
 * the run (this one varies by up to 2×) shifts every case alike; medians of each. */
function measureAll(cases: Case[]): Record<string, Sample & { pages: number }> {
  const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
  for (let run = 1; run <= RUNS; run++) {
    for (const c of cases) {
      c.before?.();
      samples.get(c.name)!.push(measure(c.cmd, c.args));
    }
    console.error(`run ${run}/${RUNS} done`);
  }
  return Object.fromEntries(cases.map((c) => {
    const s = samples.get(c.name)!;
    const of = (k: keyof Sample) => median(s.map((x) => x[k]));
    return [c.name, { seconds: of("seconds"), rssMb: of("rssMb"), cpuSeconds: of("cpuSeconds"), pages: c.pages }];
  }));
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
  // The same 200 files again as two halves, for two processes at once.
  const halves = [join(CACHE, "batch-a"), join(CACHE, "batch-b")] as const;
  if (!existsSync(join(halves[1], "r199.pdf"))) {
    for (const dir of [batch, ...halves]) mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 200; i++) {
      const name = `r${String(i).padStart(3, "0")}.pdf`;
      cpSync(small, join(batch, name));
      cpSync(small, join(halves[i < 100 ? 0 : 1], name));
    }
  }
  // Its first 50 files, to tell each worker's start-up and JIT warm-up from its cost per file.
  const batch50 = join(CACHE, "batch-50");
  if (!existsSync(join(batch50, "r049.pdf"))) {
    mkdirSync(batch50, { recursive: true });
    for (let i = 0; i < 50; i++) cpSync(small, join(batch50, `r${String(i).padStart(3, "0")}.pdf`));
  }
  // 200 reports of the sample's own size (24 pages each): a batch whose files are real reports.
  const batch24 = join(CACHE, "batch-24-pages");
  if (!existsSync(join(batch24, "r199.pdf"))) {
    mkdirSync(batch24, { recursive: true });
    for (let i = 0; i < 200; i++) cpSync(r24, join(batch24, `r${String(i).padStart(3, "0")}.pdf`));
  }
  return { r24, r240, r1000, batch, halves, batch50, batch24 };
}

async function main() {
  execFileSync("pdftotext", ["-v"], { stdio: "ignore" }); // fails clearly if poppler-utils is missing
  execFileSync(NODE, [join(ROOT, "scripts/build.ts")], { stdio: "inherit" });
  const files = await inputs();
  const out = join(CACHE, "out");
  const clean = () => rmSync(out, { recursive: true, force: true });
  const audit = (file: string, ...more: string[]) => [BIN, "audit", file, "--out-dir", out, "--quiet", ...more];
  // A folder of reports (four pages each, unless said) extracted with a number of workers.
  const batch = (count: number, dir: string, jobs: number, pagesEach = 4): Case => ({
    name: `batch ${count}${pagesEach === 4 ? "" : ` × ${pagesEach} pages`} --jobs ${jobs}`,
    pages: pagesEach * count,
    cmd: NODE,
    args: [BIN, "extract", dir, "--out-dir", out, "--jobs", String(jobs), "--quiet"],
    before: clean,
  });
  const cases: Case[] = [];
  for (const [name, pages] of [["r24", 24], ["r240", 240]] as const) {
    const file = files[name];
    cases.push(
      { name: `pdftotext ${name}`, pages, cmd: "pdftotext", args: ["-bbox-layout", file, join(CACHE, "pdftotext.html")] },
      { name: `bare pdf.js ${name}`, pages, cmd: NODE, args: [join(ROOT, "scripts/bench-bare.ts"), file] },
      { name: `extract ${name}`, pages, cmd: NODE, args: [BIN, "extract", file, "-o", join(CACHE, "extract.json"), "--quiet"] },
      { name: `audit ${name}`, pages, cmd: NODE, args: audit(file), before: clean },
    );
  }
  // What two cores give pdf.js at best: two bare processes at once, against one alone.
  const bare240 = `"${NODE}" "${join(ROOT, "scripts/bench-bare.ts")}" "${files.r240}" > /dev/null`;
  cases.push(
    { name: "bare pdf.js r240 ×2", pages: 480, cmd: "sh", args: ["-c", `${bare240} & ${bare240}; wait`] },
    { name: "audit r240 --jobs 1", pages: 240, cmd: NODE, args: audit(files.r240, "--jobs", "1"), before: clean },
    { name: "audit r1000", pages: 1000, cmd: NODE, args: audit(files.r1000), before: clean },
    { name: "audit r1000 --jobs 1", pages: 1000, cmd: NODE, args: audit(files.r1000, "--jobs", "1"), before: clean },
    batch(200, files.batch, 1),
    batch(200, files.batch, 2),
    batch(50, files.batch50, 1),
    batch(50, files.batch50, 2),
    batch(200, files.batch24, 1, 24),
    batch(200, files.batch24, 2, 24),
    // What two cores give our own code at best: two processes at once, 100 files and one worker each.
    { name: "batch 2 × 100 --jobs 1", pages: 800, cmd: "sh", args: ["-c", files.halves.map((dir, i) => `"${NODE}" "${BIN}" extract "${dir}" --out-dir "${out}/${i}" --jobs 1 --quiet`).join(" & ") + "; wait"], before: clean },
  );
  const results = measureAll(cases);

  const r = (k: string) => results[k]!;
  const perPage = (k: string) => (r(k).seconds / r(k).pages) * 1000;
  // A batch's time as a line in its number of files: the slope is the cost of a file once the
  // workers are warm, the intercept what a batch costs before its first file (start-up, loading
  // pdf.js, compiling its hot code), which each worker pays once.
  const slope = (jobs: number) => (r(`batch 200 --jobs ${jobs}`).seconds - r(`batch 50 --jobs ${jobs}`).seconds) / 150;
  const intercept = (jobs: number) => r(`batch 50 --jobs ${jobs}`).seconds - 50 * slope(jobs);
  const ratios = {
    "audit r24 / pdftotext r24": r("audit r24").seconds / r("pdftotext r24").seconds,
    "audit r240 / pdftotext r240 (target ≤ 4)": r("audit r240").seconds / r("pdftotext r240").seconds,
    "audit r24 / bare pdf.js r24 (target ≤ 1)": r("audit r24").seconds / r("bare pdf.js r24").seconds,
    "audit r240 / bare pdf.js r240 (target ≤ 1)": r("audit r240").seconds / r("bare pdf.js r240").seconds,
    "extract r240 / bare pdf.js r240": r("extract r240").seconds / r("bare pdf.js r240").seconds,
    "per-page ms r1000 / per-page ms r240 (target ≤ 1.1)": perPage("audit r1000") / perPage("audit r240"),
    "per-page ms r1000 / per-page ms r24 (target ≤ 1.1)": perPage("audit r1000") / perPage("audit r24"),
    "jobs 1 / jobs 2 time, speed-up (target ≥ 1.8)": r("batch 200 --jobs 1").seconds / r("batch 200 --jobs 2").seconds,
    "jobs 1 / jobs 2 time, 200 reports of 24 pages": r("batch 200 × 24 pages --jobs 1").seconds / r("batch 200 × 24 pages --jobs 2").seconds,
    "CPU-seconds, 200 reports of 24 pages, jobs 2 / jobs 1": r("batch 200 × 24 pages --jobs 2").cpuSeconds / r("batch 200 × 24 pages --jobs 1").cpuSeconds,
    "r1000 streamed (default) / in parts on one worker (--jobs 1), speed-up": r("audit r1000 --jobs 1").seconds / r("audit r1000").seconds,
    "ceiling: 2 bare pdf.js at once / 1, speed-up": (2 * r("bare pdf.js r240").seconds) / r("bare pdf.js r240 ×2").seconds,
    "ceiling: jobs 1 / two --jobs 1 processes at once": r("batch 200 --jobs 1").seconds / r("batch 2 × 100 --jobs 1").seconds,
    // The speed-up is at most the ratio of cores kept busy, less what the work costs more on two.
    "cores busy: batch --jobs 1": r("batch 200 --jobs 1").cpuSeconds / r("batch 200 --jobs 1").seconds,
    "cores busy: batch --jobs 2": r("batch 200 --jobs 2").cpuSeconds / r("batch 200 --jobs 2").seconds,
    "CPU-seconds, batch --jobs 2 / --jobs 1": r("batch 200 --jobs 2").cpuSeconds / r("batch 200 --jobs 1").cpuSeconds,
    "speed-up once warm: files 51-200, jobs 1 / jobs 2": slope(1) / slope(2),
    "s before the first file, jobs 1": intercept(1),
    "s before the first file, jobs 2": intercept(2),
  };
  const table = Object.entries(results).map(([k, v]) =>
    `${k.padEnd(34)} ${v.seconds.toFixed(2).padStart(7)} s ${(v.pages / v.seconds).toFixed(1).padStart(7)} pages/s ${v.rssMb.toFixed(0).padStart(5)} MB peak RSS ${v.cpuSeconds.toFixed(2).padStart(6)} CPU-s`);
  console.log(`medians of ${RUNS} cold-started runs on ${availableParallelism()} cores\n${table.join("\n")}\n`);
  for (const [k, v] of Object.entries(ratios)) console.log(`${k.padEnd(52)} ${v.toFixed(2)}`);
  console.log(`audit r24 from a cold start: ${r("audit r24").seconds.toFixed(2)} s (target < 1)`);
  console.log(`audit r1000 peak RSS: ${r("audit r1000").rssMb.toFixed(0)} MB by default (streamed from one worker to the main thread), ${r("audit r1000 --jobs 1").rssMb.toFixed(0)} MB with --jobs 1 (target < 250)`);
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  const machine = { cores: availableParallelism(), node: process.version };
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, machine, results, ratios }, null, 2) + "\n");
}

await main();
