import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname;
export const SAMPLE_TEXT = join(ROOT, "fixtures/sample/kokubunji-r5.txt");

/** The hand-transcribed expected sheets of a report, in sheet order. */
export function expectedSheets(report: string): unknown[] {
  const dir = join(ROOT, "fixtures/expected", report);
  return readdirSync(dir)
    .filter((f) => /^sheet-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), "utf8"));
}
