// A report put together on this thread from pages read on workers: the parts of a long PDF,
// read by several workers at once (parts.ts), or a short PDF's pages, streamed back as one
// worker reads them and read into sheets here, where they come.
import { unpackPage, type PackedPageResult } from "../extract/packed-page.ts";
import { PageReadings, type PageReading } from "../normalize/pdf-report.ts";
import { assembleReport } from "../report.ts";
import { finishReport, type Finishing } from "./finish.ts";
import type { Share } from "./parts.ts";
import { failureOf, type TaskResult } from "./task.ts";

/** A PDF's report from its pages' readings, in page order (read on any thread), finished on this
 * one; `counted` is what the worker that opened it counted. */
export function finishAssembled(path: string, counted: { pages: number; sha256: string }, pages: readonly PageReading[], how: Finishing): TaskResult {
  try {
    return { id: -1, ok: true, ...(finishReport(assembleReport(path, counted.sha256, pages, counted.pages), how)) };
  } catch (e) {
    return failureOf(-1, e);
  }
}

/** Reads every share with `readShare` and assembles the report; the first share to fail
 * fails the file. */
export async function readInParts(
  path: string, split: { pages: number; sha256: string }, shares: readonly Share[], finishing: Finishing,
  readShare: (share: Share, index: number) => Promise<TaskResult>, beforeAssembly: () => Promise<void>,
): Promise<TaskResult> {
  const parts = await Promise.all(shares.map(readShare));
  await beforeAssembly();
  const failed = parts.find((r) => !r.ok);
  if (failed) return failed;
  const pages = parts.flatMap((r) => ("part" in r ? r.part : [])).sort((a, b) => a.page - b.page);
  return finishAssembled(path, split, pages, finishing);
}

/** Reads a file with `run`, which a worker that streams a PDF's pages back (`streamPages`) calls
 * with each page: read into sheets here as they come, then assembled and finished here, after
 * `whenRead` (which need not be waited for). Any other result (a report, a split, a failure)
 * passes through; `streamed` counts the pages. */
export async function readStreamed(
  path: string, finishing: Finishing, run: (onPage: (page: PackedPageResult) => void) => Promise<TaskResult>, whenRead: () => void,
): Promise<{ result: TaskResult; streamed: number }> {
  const readings = new PageReadings();
  const result = await run((page) => readings.add(unpackPage(page)));
  const streamed = readings.read.length;
  if (!("streamed" in result)) return { result, streamed };
  whenRead();
  return { result: finishAssembled(path, result.streamed, readings.read, finishing), streamed };
}
