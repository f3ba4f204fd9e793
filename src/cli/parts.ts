// One PDF read on several workers at once: its pages in ranges, a range per task, the readings
// put back together on this thread. Parts also bound memory, since a worker's grows with the
// pages of the document it holds open.
import type { PageRange } from "../extract/pdf.ts";
import { assembleReport } from "../report.ts";
import { failureOf, finishReport, type Finishing } from "./finish.ts";
import type { TaskResult } from "./pool.ts";

export const PART_PAGES = {
  /** No part smaller: each part opens the document again, in a worker whose JIT may still be cold. */
  min: 24,
  /** No part larger: a worker holds one part's document in memory. */
  max: 200,
} as const;

/** The pages of a `pages`-page PDF in consecutive ranges of `min` to `max` pages: one per worker,
 * or, when more are needed, a multiple of the workers (so that no part is read alone at the end). */
export function pageRanges(pages: number, workers: number): PageRange[] {
  const needed = Math.ceil(pages / PART_PAGES.max);
  const parts = needed > workers ? Math.ceil(needed / workers) * workers : Math.max(needed, Math.min(workers, Math.floor(pages / PART_PAGES.min)), 1);
  const size = Math.ceil(pages / parts);
  return Array.from({ length: Math.ceil(pages / size) }, (_, i) => ({ from: i * size + 1, to: Math.min(pages, (i + 1) * size) }));
}

/** Reads each range with `readPart` and assembles the report; the first part to fail fails the file. */
export async function readInParts(
  path: string, split: { pages: number; sha256: string }, ranges: readonly PageRange[], finishing: Finishing,
  readPart: (range: PageRange) => Promise<TaskResult>, beforeAssembly: () => Promise<void>,
): Promise<TaskResult> {
  const parts = await Promise.all(ranges.map(readPart));
  await beforeAssembly();
  const failed = parts.find((r) => !r.ok);
  if (failed) return failed;
  try {
    const pages = parts.flatMap((r) => ("part" in r ? r.part : []));
    return { id: -1, ok: true, ...(await finishReport(assembleReport(path, split.sha256, pages, split.pages), finishing)) };
  } catch (e) {
    return failureOf(-1, e);
  }
}
