// Command-line arguments → input files: files as given, folders (their files, recursively),
// and globs (`reports/*.pdf`), in a stable order without repeats.
import { glob, readdir, stat } from "node:fs/promises";
import { join } from "node:path";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith(".")) continue; // hidden files, and our own temporary outputs
    const path = join(dir, e.name);
    if (e.isDirectory()) for (const file of await filesUnder(path)) out.push(file);
    else if (e.isFile()) out.push(path);
  }
  return out;
}

export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (/[*?[]/.test(arg)) {
      const matched: string[] = [];
      for await (const path of glob(arg)) matched.push(path);
      for (const path of matched.sort()) out.push(path);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    for (const path of info?.isDirectory() ? await filesUnder(arg) : [arg]) out.push(path); // a missing file fails later, by name
  }
  return [...new Set(out)];
}
