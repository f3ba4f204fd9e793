// The stages composed: bytes → fragments → sheets → report (→ findings).
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { InputError } from "./errors.ts";
import { extractPdf } from "./extract/pdf.ts";
import { extractText } from "./extract/text.ts";
import { detectInput } from "./input.ts";
import { auditReport } from "./model/audit.ts";
import { compareSeries } from "./model/compare.ts";
import { Report, SCHEMA_VERSION } from "./model/schema.ts";
import { readPdfReport } from "./normalize/pdf-report.ts";
import { readTextReport } from "./normalize/text-report.ts";

export interface ExtractOptions {
  /** The open (user) password of an encrypted PDF. */
  password?: string;
}

/** Reads one report (PDF or text) into the contract's JSON; findings hold the reader's doubts. */
export async function extract(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Report> {
  const file = basename(name);
  const input = detectInput(bytes, file);
  const extraction = input.kind === "pdf" ? await extractPdf(bytes, file, options) : extractText(input.text);
  const reading = input.kind === "pdf" ? readPdfReport(extraction) : readTextReport(extraction.fragments);
  if (reading.sheets.length === 0) throw new InputError("NoSheetFound", file);
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { file, sha256: createHash("sha256").update(bytes).digest("hex"), kind: extraction.kind, pages: extraction.kind === "text" && extraction.pages === 1 ? reading.sheets.length : extraction.pages },
    title: reading.title,
    fiscalYear: reading.fiscalYear,
    planPeriod: reading.planPeriod,
    sheets: reading.sheets.map((s) => s.sheet),
    findings: reading.findings,
  });
}

/** The report with every audit finding added after the reader's own. */
export function audit(report: Report): Report {
  return Report.parse({ ...report, findings: [...report.findings, ...auditReport(report)] });
}

/**
 * Several reports of one plan: each audited, and each compared with the report of the year
 * before it (figures of shared years that changed, programmes that appeared or vanished).
 */
export function auditSeries(reports: readonly Report[]): Report[] {
  const audited = reports.map(audit);
  const compared = compareSeries(audited);
  return audited.map((r) => (compared.has(r) ? Report.parse({ ...r, findings: [...r.findings, ...compared.get(r)!] }) : r));
}
