// What the main thread and a worker say to each other: a task (one file, or one share of a
// file's pages), the pages a worker streams back as it reads them, and the task's result.
import { InputError, type ErrorCode } from "../errors.ts";
import type { PackedPageResult } from "../extract/packed-page.ts";
import type { Report } from "../model/schema.ts";
import type { PageReading } from "../normalize/pdf-report.ts";
import type { Finishing } from "./finish.ts";
import type { Share } from "./parts.ts";

export interface Task extends Finishing {
  id: number;
  path: string;
  password?: string;
  maxSize: number;
  maxPages: number;
  /** A PDF with more pages is only counted (`split`), to be read in parts on several workers. */
  splitAbove: number;
  /** Send a PDF's pages back as they are read (`PageMessage`, then `streamed`), unread into
   * sheets: the main thread, otherwise idle, reads them (main.ts). */
  streamPages: boolean;
  /** Read only this worker's share of one part of a split PDF (the pages it claims before the
   * other workers sharing the part, parts.ts) and send back their readings… */
  share: Share | null;
  /** …of the file whose pages were counted: a part of other bytes is refused (ChangedWhileRead). */
  sha256: string | null;
}

export interface Summary {
  sheets: number;
  findings: number;
  errors: number;
}

/** One page of a task with `streamPages`, as read from the PDF (not yet into a sheet). */
export interface PageMessage {
  id: number;
  page: PackedPageResult;
}

export type TaskResult =
  | { id: number; ok: true; report: Report | null; summary: Summary }
  | { id: number; ok: true; split: { pages: number; sha256: string } }
  | { id: number; ok: true; streamed: { pages: number; sha256: string } }
  | { id: number; ok: true; part: PageReading[] }
  | { id: number; ok: false; error: { code: ErrorCode; file: string; detail: string | null } }
  | { id: number; ok: false; internal: string };

/** A task's failure from what it threw: the input's fault (coded), or ours (a stack). */
export function failureOf(id: number, e: unknown): TaskResult {
  if (e instanceof InputError) return { id, ok: false, error: { code: e.code, file: e.file, detail: e.detail } };
  return { id, ok: false, internal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
