// The command line: `kanrihyo extract|audit <file|folder|glob…>`. Files are read on worker
// threads (one pdf.js each), bounded by p-limit; all reading and writing of files is here.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import type { Worker } from "node:worker_threads";
import pLimit from "p-limit";
import { InputError } from "../errors.ts";
import type { PackedPageResult } from "../extract/packed-page.ts";
import type { Report } from "../model/schema.ts";
import { DEFAULT_MAX_PAGES } from "../open.ts";
import { reportJson } from "../output/json.ts";
import { auditSeries } from "../report.ts";
import { readInParts, readStreamed } from "./assemble.ts";
import { summaryOf } from "./finish.ts";
import { expandInputs } from "./inputs.ts";
import { removeSavedStdin, saveStdin, STDIN_ARG } from "./stdin.ts";
import { chooseLang, type Lang } from "./lang.ts";
import { BATCH_NODE_OPTIONS, jobsOf, optionError, OPTIONS, positive } from "./options.ts";
import { checkFile, checkFolder, FORMATS, isCurrent, outputStems, removeOwnTemps, removeStaleTemps, writeAtomic, writeCombined, writeReport, writesInto, type Format } from "./outputs.ts";
import { pageRanges, sharesOf, splitAbove, type Share } from "./parts.ts";
import { endWorker, WorkerPool } from "./pool.ts";
import type { Summary, Task, TaskResult } from "./task.ts";
import { Progress, type ProgressSink } from "./progress.ts";
import { renderTable } from "./table.ts";

export const EXIT = { ok: 0, findings: 1, unreadable: 2, internal: 3 } as const;

const USAGE = `usage:
  kanrihyo extract <file|folder|glob…> [-o FILE | --out-dir DIR]   report(s) as contract JSON
  kanrihyo audit <file|folder|glob…> [--json] [--out-dir DIR]      findings; exit 1 on errors
options:
  --lang ja|en        language of messages (default: from LANG)
  --password PW       open password of encrypted PDFs
  --jobs N            files read at once (default: the number of cores)
  --timeout S         seconds allowed per file (default 120)
  --max-size MB       larger files are refused (default 200)
  --max-pages N       PDFs with more pages are refused (default ${DEFAULT_MAX_PAGES})
  --format LIST       with --out-dir: json,csv,xml (default json); csv adds DIR/combined.csv
  --html FILE         (audit) a review page: pages as images, fields outlined, findings marked
  --resume            skip inputs whose output in --out-dir is complete and current
  --quiet             no progress on stderr
  --verbose           also say how each file was read (whole, or in parts on several workers)
  --version           print the version (to keep beside outputs and findings)
inputs: files, folders (recursively), globs; - reads standard input`;

/** This tool's version, from its package.json (beside src/ and dist/ alike). */
const VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  progress?: ProgressSink;
  /** A worker started early, so that pdf.js loads while this thread reads its arguments. */
  prestarted?: Worker;
}


const toJson = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

interface Outcome {
  path: string;
  stem: string;
  result: TaskResult;
}

function describeFailure(o: Outcome, lang: Lang): string | null {
  if (o.result.ok) return null;
  if ("error" in o.result) return new InputError(o.result.error.code, o.result.error.file, o.result.error.detail).describe(lang);
  return `${basename(o.path)}: InternalError: ${o.result.internal.split("\n")[0]} (${lang === "ja" ? "不具合です。ファイルを添えて報告してください" : "a bug; please report it with the file"})`;
}

/** Renders the sheets' pages (PDF input) and writes the review page. */
async function writeReview(path: string, inputs: string[], reports: Report[], password: string | undefined): Promise<void> {
  const { renderPages } = await import("../output/render.ts"); // pdf.js on this thread only when asked
  const { reviewHtml } = await import("../output/html.ts");
  const pages = [];
  for (const [i, report] of reports.entries()) {
    const images = report.source.kind === "pdf" ? await renderPages(await readFile(inputs[i]!), report.sheets.map((s) => s.page), { password }) : [];
    pages.push({ report, images });
  }
  writeAtomic(path, reviewHtml(pages));
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } finally {
    void endWorker(io.prestarted); // a no-op once the pool has closed it
    await removeSavedStdin();
  }
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>["values"];

interface Plan {
  command: "extract" | "audit";
  values: Values;
  lang: Lang;
  inputs: string[];
  formats: Format[];
  outDir: string | undefined;
  todo: { path: string; stem: string }[];
  skipped: number;
  /** Folders that could not be listed, said as the run began: failures of the run. */
  unlisted: number;
  /** Reports come back to this thread only when it needs them: to print them, to compare
   * several years, for combined.csv or the review page. Otherwise each worker writes its own. */
  needReports: boolean;
}

/** Arguments → what to do, or the exit code of a usage error (after saying why). */
async function plan(argv: string[], io: Io): Promise<Plan | number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${USAGE}`);
    return EXIT.unreadable;
  }
  const { positionals, values } = parsed;
  const [command, ...args] = positionals;
  if (values.version) {
    io.stdout(`kanrihyo ${VERSION}`);
    return EXIT.ok;
  }
  if (values.help || (command !== "extract" && command !== "audit") || args.length === 0) {
    io.stderr(USAGE);
    return values.help ? EXIT.ok : EXIT.unreadable;
  }
  const lang = chooseLang(values.lang, io.env);
  const wrong = optionError(values);
  if (wrong) {
    io.stderr(`${wrong}\n${USAGE}`);
    return EXIT.unreadable;
  }
  const { files: inputs, ownOutputs, unlisted } = await expandInputs(args);
  for (const e of unlisted) io.stderr(e.describe(lang));
  if (ownOutputs.length > 0 && !values.quiet) {
    const some = ownOutputs.slice(0, 3).join(", ") + (ownOutputs.length > 3 ? (lang === "ja" ? " ほか" : ", …") : "");
    io.stderr(lang === "ja"
      ? `kanrihyo が書いたファイル ${ownOutputs.length} 件（JSON・CSV・XML・確認ページ）は入力にしません: ${some}`
      : `left out ${ownOutputs.length} file(s) that kanrihyo wrote (JSON, CSV, XML, review pages): ${some}`);
  }
  if (inputs.length === 0) {
    if (unlisted.length === 0) io.stderr(lang === "ja" ? "入力ファイルが見つかりません" : "no input file matched");
    return EXIT.unreadable;
  }
  const formats = (values.format ?? "json").split(",").map((f) => f.trim()) as Format[];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length > 0 || (!values["out-dir"] && formats.some((f) => f !== "json"))) {
    io.stderr(`${unknown.length > 0 ? `unknown format: ${unknown.join(", ")}` : "--format csv and xml need --out-dir"}\n${USAGE}`);
    return EXIT.unreadable;
  }
  const outDir = values["out-dir"];
  try {
    if (outDir) checkFolder(outDir);
    if (values.output && command === "extract" && !outDir) checkFile(values.output);
    if (values.html && command === "audit") checkFile(values.html);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(e.describe(lang));
    return EXIT.unreadable;
  }
  if (outDir) {
    await removeStaleTemps(outDir);
    writesInto(outDir); // by the workers
  }
  const stdinAt = inputs.indexOf(STDIN_ARG); // once: inputs hold no repeats
  if (stdinAt >= 0) inputs[stdinAt] = await saveStdin(process.stdin);
  const stems = outputStems(inputs);
  const todo: Plan["todo"] = [];
  let skipped = 0;
  for (const [i, path] of inputs.entries()) {
    if (values.resume && outDir && (await isCurrent(join(outDir, `${stems[i]}.json`), path))) skipped++;
    else todo.push({ path, stem: stems[i]! });
  }
  const needReports = !outDir || (command === "audit" && inputs.length > 1) || formats.includes("csv") || Boolean(values.html);
  return { command, values, lang, inputs, formats, outDir, todo, skipped, unlisted: unlisted.length, needReports };
}

/** The running batch's workers, ended (interrupt). */
let stopWorkers = async (): Promise<void> => undefined;

/** On Ctrl-C or kill (bin/kanrihyo.js): the workers are ended, so that none is left in the
 * middle of writing, and this process's temporary files removed: an interrupted batch leaves
 * only whole outputs. */
export async function interrupt(): Promise<void> {
  await stopWorkers();
  await Promise.all([removeOwnTemps(), removeSavedStdin()]);
}

/** Every input on the worker pool, `--jobs` tasks at a time. A PDF is read in parts on several
 * workers when workers would otherwise stand idle (fewer files than workers), or when it is too
 * long for one worker's memory. */
async function readAll(p: Plan, io: Io): Promise<Outcome[]> {
  const { values, outDir, todo } = p;
  const size = jobsOf(values.jobs);
  const pool = new WorkerPool(size, positive(values.timeout, 120) * 1000, io.prestarted ? [io.prestarted] : []);
  stopWorkers = () => pool.close();
  pool.start(todo.length);
  const limit = pLimit(size);
  const progress = new Progress(todo.length, values.quiet || todo.length < 2 ? null : (io.progress ?? null));
  const auditOnWorker = p.command === "audit" && !p.needReports;
  const task = {
    password: values.password, maxSize: positive(values["max-size"], 200) * 1024 * 1024, maxPages: positive(values["max-pages"], DEFAULT_MAX_PAGES),
    splitAbove: splitAbove(todo.length, size), share: null, sha256: null,
    // With fewer files than workers this thread would only wait: it reads the pages into sheets
    // while a worker reads the next ones, and that worker loads no more than pdf.js.
    streamPages: todo.length < size,
  };
  let ids = 0;
  const run = (t: Omit<Task, "id">, onPage?: (page: PackedPageResult) => void) => limit(() => pool.run(t, ids++, onPage));
  // A large report is assembled on this thread after its parts are read: with nothing left to
  // read, the workers' memory is given back first.
  const releaseIfDone = () => (limit.activeCount + limit.pendingCount === 0 ? pool.releaseIdle() : Promise.resolve());
  const done = (item: Plan["todo"][number], result: TaskResult): Outcome => {
    progress.tick(basename(item.path), "summary" in result ? `${result.summary.sheets} sheets` : `failed (${"error" in result ? result.error.code : "InternalError"})`);
    return { ...item, result };
  };
  const readOne = async (item: Plan["todo"][number]): Promise<Outcome> => {
    const write = outDir && (p.command === "extract" || auditOnWorker) ? { dir: outDir, stem: item.stem, formats: p.formats } : null;
    const whole = { ...task, path: item.path, audit: auditOnWorker, write, returnReport: p.needReports };
    // A worker that has streamed its last page is ended while this thread finishes the report
    // (ending it took ~55 ms after 240 pages, ~18 ms after 24).
    const { result: first, streamed } = await readStreamed(item.path, whole, (onPage) => run(whole, onPage), () => void releaseIfDone());
    if (values.verbose && streamed > 0) io.stderr(`${basename(item.path)}: ${streamed} pages, read on a worker and into sheets on this thread as they came`);
    if (!("split" in first)) return done(item, first);
    const ranges = pageRanges(first.split.pages, size);
    const shares = sharesOf(ranges, size);
    pool.start(size, "part");
    const pagesRead = shares.map(() => 0);
    const readShare = async (share: Share, i: number) => {
      const result = await run({ ...whole, share, sha256: first.split.sha256 });
      if ("part" in result) pagesRead[i] = result.part.length;
      return result;
    };
    const result = await readInParts(item.path, first.split, shares, whole, readShare, releaseIfDone);
    if (values.verbose) {
      const parts = ranges.map((r, i) => `${r.from}–${r.to}: ${pagesRead.slice(i * size, (i + 1) * size).join(" + ")}`);
      io.stderr(`${basename(item.path)}: ${first.split.pages} pages, read in ${ranges.length} part(s), each shared by ${size} worker(s) (${parts.join("; ")})`);
    }
    return done(item, result);
  };
  try {
    return await Promise.all(todo.map(readOne));
  } finally {
    await pool.close();
    if (values.verbose) io.stderr(`workers started: ${pool.started} (--jobs ${size})`);
  }
}

/** What the main thread still writes or prints once the workers are done; the outputs that
 * could not be written (Unwritable), each without keeping the others from being written. */
async function emit(p: Plan, io: Io, returned: Outcome[], reports: Report[]): Promise<InputError[]> {
  const { command, values, outDir, formats } = p;
  const unwritten: InputError[] = [];
  const attempt = async (write: () => void | Promise<void>) => {
    try {
      await write();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unwritten.push(e);
    }
  };
  if (outDir && command === "audit" && p.needReports) for (const [i, r] of reports.entries()) await attempt(() => writeReport(outDir, returned[i]!.stem, r, formats));
  if (outDir && formats.includes("csv") && reports.length > 0) await attempt(() => writeCombined(outDir, reports));
  if (values.html && command === "audit") await attempt(() => writeReview(values.html!, returned.map((o) => o.path), reports, values.password));
  if (outDir) return unwritten;
  if (command === "extract" && values.output) await attempt(() => writeAtomic(values.output!, reports.length === 1 ? reportJson(reports[0]!) : toJson(reports)));
  else if (command === "audit" && !values.json) for (const r of reports) io.stdout(renderTable(r, p.lang));
  else if (reports.length > 0) io.stdout(toJson(reports.length === 1 ? reports[0] : reports).trimEnd());
  return unwritten;
}

async function run(argv: string[], io: Io): Promise<number> {
  const p = await plan(argv, io);
  if (typeof p === "number") return p;
  if (p.values.verbose) {
    const given = (options: readonly string[]) => options.every((o) => process.execArgv.includes(o));
    const { coreToSpare, everyCoreBusy } = BATCH_NODE_OPTIONS;
    if (given(everyCoreBusy)) io.stderr(`a batch with a worker on every core: each thread collects its own garbage and compiles its own code, without pretenuring (node ${everyCoreBusy.join(" ")})`);
    else if (given(coreToSpare)) io.stderr(`a batch: each worker collects its own garbage, without pretenuring (node ${coreToSpare.join(" ")})`);
  }
  const outcomes = await readAll(p, io);
  for (const o of outcomes) {
    const line = describeFailure(o, p.lang);
    if (line) io.stderr(line);
  }
  const good = outcomes.filter((o) => o.result.ok);
  const returned = good.filter((o) => (o.result as { report: Report | null }).report !== null);
  const read = returned.map((o) => (o.result as { report: Report }).report);
  const reports = p.command === "audit" ? auditSeries(read) : read;
  const unwritten = await emit(p, io, returned, reports);
  for (const e of unwritten) io.stderr(e.describe(p.lang));

  // Counted from the audited reports where this thread has them (they include the comparisons).
  const counted = p.needReports ? reports.map(summaryOf) : good.map((o) => (o.result as { summary: Summary }).summary);
  const failures = outcomes.length - good.length + p.unlisted;
  if (!p.values.quiet && (p.inputs.length > 1 || p.outDir)) {
    const sheets = counted.reduce((n, r) => n + r.sheets, 0);
    const findings = counted.reduce((n, r) => n + r.findings, 0);
    io.stderr(p.lang === "ja"
      ? `ファイル ${p.inputs.length + p.unlisted}（読込 ${good.length}、失敗 ${failures}、再開で省略 ${p.skipped}）、シート ${sheets}、指摘 ${findings}`
      : `files ${p.inputs.length + p.unlisted} (read ${good.length}, failed ${failures}, skipped by --resume ${p.skipped}), sheets ${sheets}, findings ${findings}`);
  }
  if (outcomes.some((o) => !o.result.ok && "internal" in o.result)) return EXIT.internal;
  if (failures > 0 || unwritten.length > 0) return EXIT.unreadable;
  return p.command === "audit" && counted.some((r) => r.errors > 0) ? EXIT.findings : EXIT.ok;
}
