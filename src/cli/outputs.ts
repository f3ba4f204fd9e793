// Output files: one per input, named after it, written atomically; stale temporary files of an
// interrupted run are removed; --resume recognises outputs that are complete and current.
import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { Report } from "../model/schema.ts";

const TEMP = /^\..+\.\d+\.tmp$/;
const pending = new Set<string>();

/** Written beside the target under a hidden name, then renamed: no reader sees half a file. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(path, "..", `.${basename(path)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
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
    const sha = createHash("sha256").update(await readFile(input)).digest("hex");
    return report.source.sha256 === sha;
  } catch {
    return false;
  }
}
