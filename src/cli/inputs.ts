// Command-line arguments → input files: files as given, folders (their files, recursively),
// and globs (`reports/*.pdf`), in a stable order without repeats.
import { glob, open, readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import { InputError, systemCode } from "../errors.ts";

/** How the files this tool writes begin: a report or reports as JSON, the CSVs (with their BOM),
 * the XML, the review page. */
const OWN_OUTPUT = /^(?:\[\s*)?\{\s*"schemaVersion":|^\ufefffile,fiscal_year,sheet_no,|^<\?xml[^>]*\?>\s*<report schemaVersion=|^<!doctype html><html lang="\w+"><head><meta charset="utf-8"><title>kanrihyo review</;

/** Whether a file is one this tool wrote. A folder or glob leaves them out: with
 * `--out-dir reports/json`, a second run over `reports/` would otherwise read the first run's
 * outputs as reports, and fail each with NoSheetFound. */
async function isOwnOutput(path: string): Promise<boolean> {
  const file = await open(path).catch(() => null);
  if (!file) return false; // unreadable: it fails later, by name
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(256), position: 0 });
    return OWN_OUTPUT.test(buffer.subarray(0, bytesRead).toString("utf8"));
  } catch {
    return false;
  } finally {
    await file.close();
  }
}

/** A folder's files, recursively, through symbolic links (reports linked into a folder are
 * read); a link back into a folder already walked is not walked again, and a broken link is
 * kept, to fail by name (Unreadable) rather than vanish. */
async function filesUnder(dir: string, walked: Set<string>, unlisted: InputError[]): Promise<string[]> {
  let entries;
  try {
    const real = await realpath(dir);
    if (walked.has(real)) return [];
    walked.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    unlisted.push(new InputError("Unreadable", dir, `a folder that cannot be listed: ${systemCode(e)}`));
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith(".")) continue; // hidden files, and our own temporary outputs
    const path = join(dir, e.name);
    const target = e.isSymbolicLink() ? await stat(path).catch(() => null) : e;
    if (target?.isDirectory()) for (const file of await filesUnder(path, walked, unlisted)) out.push(file);
    else if (!target || target.isFile()) out.push(path);
  }
  return out;
}

export interface Inputs {
  files: string[];
  /** Files of a folder or glob left out because this tool wrote them. */
  ownOutputs: string[];
  /** Folders that could not be listed (Unreadable): the others are still read. */
  unlisted: InputError[];
}

/** The files the arguments name, in their order. A file named on its own is taken whatever it
 * holds; one found in a folder or by a glob is left out if this tool wrote it. */
export async function expandInputs(args: readonly string[]): Promise<Inputs> {
  const candidates: { path: string; named: boolean }[] = [];
  const unlisted: InputError[] = [];
  const walk = (dir: string) => filesUnder(dir, new Set(), unlisted);
  for (const arg of args) {
    if (/[*?[]/.test(arg)) {
      const matched: string[] = [];
      for await (const path of glob(arg)) matched.push(path);
      for (const path of matched.sort()) {
        const info = await stat(path).catch(() => null);
        for (const file of info?.isDirectory() ? await walk(path) : [path]) candidates.push({ path: file, named: false });
      }
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) for (const path of await walk(arg)) candidates.push({ path, named: false });
    else candidates.push({ path: arg, named: true }); // a missing file fails later, by name
  }
  const paths = [...new Set(candidates.map((c) => c.path))];
  const named = new Set(candidates.filter((c) => c.named).map((c) => c.path));
  const limit = pLimit(16); // a folder of thousands of files: not as many open at once
  const own = await Promise.all(paths.map((path) => limit(() => (named.has(path) ? false : isOwnOutput(path)))));
  return { files: paths.filter((_, i) => !own[i]), ownOutputs: paths.filter((_, i) => own[i]), unlisted };
}
