import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
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

/** `times` copies of a fixture PDF, one after another, written to `dir`. */
export async function repeatedPdf(file: string, times: number, dir: string): Promise<string> {
  const source = await PDFDocument.load(readFileSync(join(ROOT, file)));
  const out = await PDFDocument.create();
  for (let i = 0; i < times; i++) for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  const path = join(dir, `${times}x-${file.split("/").pop()}`);
  writeFileSync(path, await out.save());
  return path;
}
