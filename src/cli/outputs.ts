// Output files: one per input, named after it, written atomically; stale temporary files of an
// interrupted run are removed; --resume recognises outputs that are complete and current.
import { closeSync, openSync, renameSync, writeSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { Report } from "../model/schema.ts";
import { indicatorsCsv, sheetsCsv } from "../output/csv.ts";
import { reportJson } from "../output/json.ts";
import { reportXml } from "../output/xml.ts";
import { sha256 } from "../open.ts";

export const FORMATS = ["json", "csv", "xml"] as const;
export type Format = (typeof FORMATS)[number];

const TEMP = /^\..+\.\d+\.tmp$/;
const pending = new Set<string>();

/** Written beside the target under a hidden name, then renamed: no reader sees half a file.
 * Synchronously, a chunk at a time: a worker writes its file's outputs with nothing else to do,
 * and each asynchronous call was a round trip through libuv's thread pool (worker.ts). */
export async function writeAtomic(path: string, text: string | Iterable<string>): Promise<void> {
  const tmp = join(path, "..", `.${basename(path)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, "w");
    try {
      if (typeof text === "string") writeSync(fd, text);
      else for (const chunk of text) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } finally {
    pending.delete(tmp);
  }
}

/** On Ctrl-C or kill: the temporary files being written are removed before exiting. */
export async function removePending(): Promise<void> {
  await Promise.all([...pending].map((p) => rm(p, { force: true })));
}

export async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => TEMP.test(n)).map((n) => rm(join(dir, n), { force: true })));
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
export async function writeReport(dir: string, stem: string, valid: Report, formats: readonly Format[]): Promise<void> {
  const out = (suffix: string) => join(dir, `${stem}${suffix}`);
  if (formats.includes("csv")) {
    await writeAtomic(out(".csv"), indicatorsCsv([valid]));
    await writeAtomic(out(".sheets.csv"), sheetsCsv(valid));
  }
  if (formats.includes("xml")) await writeAtomic(out(".xml"), reportXml(valid));
  // The JSON last: --resume takes a current JSON to mean the input's outputs are complete.
  if (formats.includes("json")) await writeAtomic(out(".json"), reportJson(valid));
}

/** Every report of the batch in one long table, so several years sit in one sheet. */
export async function writeCombined(dir: string, reports: readonly Report[]): Promise<void> {
  await writeAtomic(join(dir, "combined.csv"), indicatorsCsv(reports));
}
