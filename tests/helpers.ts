import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Task } from "../src/cli/task.ts";

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

/** A worker task reading a file whole, returning nothing but its summary (override what a test needs). */
export function workerTask(path: string, overrides: Partial<Omit<Task, "id" | "path">> = {}): Omit<Task, "id"> {
  const task = { path, maxSize: 1 << 30, maxPages: 5000, splitAbove: Infinity, audit: false, write: null, returnReport: false, share: null, sha256: null, streamPages: false };
  return { ...task, ...overrides };
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), "utf8"));
}
