// One PDF read on several workers at once. Its pages come in parts (ranges), and the workers
// reading a part share a counter: each claims the next page not yet read. A worker that starts
// late (still loading pdf.js) or draws heavier pages reads fewer, and none stands idle while
// another still has a queue. The readings are put back in page order on this thread. Parts
// also bound how much of a document each worker holds open.
import type { PageRange } from "../extract/pdf.ts";

export const PART_PAGES = {
  /** With more than two workers to spare, a PDF is read on several only above twice this. A
   * second worker first loads pdf.js and warms its JIT, and two pdf.js threads in one process
   * slow each other: on 2 cores a 24-page file took 1.4× as long on two workers, 240 pages as
   * long, 1,000 pages 0.78×. */
  min: 150,
  /** About the most pages one worker reads of one opened document when it reads whole files or
   * parts (a stream reads its PDF in one, splitAbove): a part has this many per worker. */
  max: 200,
} as const;

/** Above how many pages a PDF is only counted, to be read in parts on several workers, when
 * `files` files are read on `workers` workers. With a worker for each file, a long one is split
 * to bound memory. With workers to spare, a PDF's pages stream from one worker to this thread,
 * which reads them into sheets meanwhile (worker.ts, streamPages). On two workers those two
 * threads keep both cores busy, and splitting would add a third pdf.js thread to share them:
 * 1,000 pages took 6.61 s at 216 MB streamed against 6.80 s at 324 MB split (medians of 5,
 * alternating; 3,000 pages 13.6–16.6 s at 246–257 MB against 17.8–18.7 s at 400–409 MB), so
 * a PDF is never split there. The stream reads one document: its worker's heap stayed at
 * ~74 MB over 3,000 pages, and a fresh document every PART_PAGES.max pages made it slower and
 * larger (18.5 against 13.6 s, 326 against 257 MB; each walks the page tree again). With more
 * workers than the two threads a stream keeps busy, a long PDF is split so that all of them
 * read. */
export function splitAbove(files: number, workers: number): number {
  if (files >= workers) return PART_PAGES.max;
  return workers <= 2 ? Infinity : 2 * PART_PAGES.min;
}

/** The pages of a `pages`-page PDF in consecutive ranges of equal size, each at most
 * `max` pages per worker. */
export function pageRanges(pages: number, workers: number): PageRange[] {
  const parts = Math.max(1, Math.ceil(pages / (PART_PAGES.max * workers)));
  const size = Math.ceil(pages / parts);
  return Array.from({ length: Math.ceil(pages / size) }, (_, i) => ({ from: i * size + 1, to: Math.min(pages, (i + 1) * size) }));
}

/** A part as one of the workers sharing it reads it: the range, and how many of its pages have
 * been claimed so far (an Int32 shared by those workers). */
export interface Share {
  range: PageRange;
  claimed: SharedArrayBuffer;
}

/** The pages a worker reads of a shared part, in order: each the next one no worker has
 * claimed, claimed only when the worker asks for it. */
export function* claimPages({ range, claimed }: Share): Generator<number, void, void> {
  const count = new Int32Array(claimed);
  for (let n = range.from + Atomics.add(count, 0, 1); n <= range.to; n = range.from + Atomics.add(count, 0, 1)) yield n;
}

/** Each range shared by `workers` tasks. */
export function sharesOf(ranges: readonly PageRange[], workers: number): Share[] {
  return ranges.flatMap((range) => {
    const claimed = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    return Array.from({ length: workers }, () => ({ range, claimed }));
  });
}
