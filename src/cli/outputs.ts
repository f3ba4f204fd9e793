// Output files: one per input, named after it, written atomically; stale temporary files of an
// interrupted run are removed; --resume recognises outputs that are complete and current.
import { accessSync, closeSync, constants, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError, systemCode } from "../errors.ts";
import { Report } from "../model/schema.ts";
import { indicatorsCsv, sheetsCsv } from "../output/csv.ts";
import { reportJson } from "../output/json.ts";
import { reportXml } from "../output/xml.ts";
import { sha256 } from "../open.ts";

export const FORMATS = ["json", "csv", "xml"] as const;
export type Format = (typeof FORMATS)[number];

const TEMP = /^\..+\.(\d+)\.tmp$/;
/** The folders this process writes into, its workers' included (writesInto). */
const folders = new Set<string>();

/** Written beside the target under a hidden name, then renamed: no reader sees half a file.
 * Synchronously, a chunk at a time: a worker writes its file's outputs with nothing else to do,
 * and each asynchronous call was a round trip through libuv's thread pool (worker.ts). */
export function writeAtomic(path: string, text: string | Iterable<string>): void {
  // Named with the process id, which its worker threads share: removeOwnTemps finds them.
  const tmp = join(path, "..", `.${basename(path)}.${process.pid}.tmp`);
  writesInto(dirname(path));
  try {
    const fd = openSync(tmp, "w");
    try {
      if (typeof text === "string") writeSync(fd, text);
      else for (const chunk of text) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true }); // a disk that filled up keeps no half file
    throw isSystemError(e) ? unwritable(path, systemCode(e)) : e;
  }
}

const isSystemError = (e: unknown): e is NodeJS.ErrnoException => e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === "string";
const unwritable = (path: string, detail: string) => new InputError("Unwritable", path, detail);

/** Throws Unwritable unless `dir` is a folder this process may write in, made if missing: checked
 * before any input is read, so that a mistyped destination does not cost the batch. */
export function checkFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw isSystemError(e) ? unwritable(dir, e.code === "EEXIST" || e.code === "ENOTDIR" ? `${e.code}: not a folder` : systemCode(e)) : e;
  }
}

/** Throws Unwritable unless a file can be written at `path`: its folder exists and may be
 * written in, and it is not itself a folder. */
export function checkFile(path: string): void {
  const folder = statSync(dirname(path), { throwIfNoEntry: false });
  if (!folder) throw unwritable(path, `no folder ${dirname(path)}`);
  if (!folder.isDirectory()) throw unwritable(path, `${dirname(path)} is not a folder`);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw unwritable(path, "a folder");
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    throw isSystemError(e) ? unwritable(path, systemCode(e)) : e;
  }
}

/** Says that this process (or one of its workers) writes outputs into `dir`. */
export function writesInto(dir: string): void {
  folders.add(resolve(dir));
}

/** On Ctrl-C or kill, once no thread writes any more: this process's temporary files, so that
 * an interrupted run leaves only whole outputs. (A write is synchronous: on this thread a
 * signal never finds one half done, but a worker may be stopped in the middle of one.) */
export async function removeOwnTemps(): Promise<void> {
  await Promise.all([...folders].map((dir) => removeStaleTemps(dir, process.pid)));
}

/** Temporary files left in `dir` by an interrupted run (or, given `pid`, by this process). */
export async function removeStaleTemps(dir: string, pid?: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => {
    const temp = TEMP.exec(n);
    return temp !== null && (pid === undefined || temp[1] === String(pid));
  });
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
}

/** `r5.pdf` → `r5`; inputs that share a base name get `~2`, `~3`… in input order. */
export function outputStems(paths: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return paths.map((p) => {
    const stem = basename(p).replace(/\.[^.]*$/, "") || basename(p);
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    return n === 1 ? stem : `${stem}~${n}`;
  });
}

/** Whether `output` is a complete report of exactly these input bytes. */
export async function isCurrent(output: string, input: string): Promise<boolean> {
  try {
    const report = Report.parse(JSON.parse(await readFile(output, "utf8")));
    return report.source.sha256 === sha256(await readFile(input));
  } catch {
    return false;
  }
}

/** One input's outputs: `stem.json`, `stem.csv` + `stem.sheets.csv`, `stem.xml`. The report is
 * valid as made (report.ts checks it where it is made and where findings are added). */
export function writeReport(dir: string, stem: string, valid: Report, formats: readonly Format[]): void {
  const out = (suffix: string) => join(dir, `${stem}${suffix}`);
  if (formats.includes("csv")) {
    writeAtomic(out(".csv"), indicatorsCsv([valid]));
    writeAtomic(out(".sheets.csv"), sheetsCsv(valid));
  }
  if (formats.includes("xml")) writeAtomic(out(".xml"), reportXml(valid));
  // The JSON last: --resume takes a current JSON to mean the input's outputs are complete.
  if (formats.includes("json")) writeAtomic(out(".json"), reportJson(valid));
}

/** Every report of the batch in one long table, so several years sit in one sheet. */
export function writeCombined(dir: string, reports: readonly Report[]): void {
  writeAtomic(join(dir, "combined.csv"), indicatorsCsv(reports));
}
