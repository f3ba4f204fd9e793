// The last steps of one file, the same on whichever thread holds its report: audit it (when its
// rules need nothing from other files), write its outputs, and count what it holds.
import type { Report } from "../model/schema.ts";
import { audit } from "../report.ts";
import { writeReport, type Format } from "./outputs.ts";
import type { Summary } from "./task.ts";

export interface Finishing {
  audit: boolean;
  write: { dir: string; stem: string; formats: Format[] } | null;
  returnReport: boolean;
}

/** What a report holds, counted for the batch's summary line and its exit code. */
export const summaryOf = (r: Report): Summary => ({ sheets: r.sheets.length, findings: r.findings.length, errors: r.findings.filter((f) => f.severity === "error").length });

export function finishReport(read: Report, how: Finishing): { report: Report | null; summary: Summary } {
  const report = how.audit ? audit(read) : read;
  if (how.write) writeReport(how.write.dir, how.write.stem, report, how.write.formats);
  return { report: how.returnReport ? report : null, summary: summaryOf(report) };
}
