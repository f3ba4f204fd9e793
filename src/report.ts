// The stages composed: bytes → fragments → sheets → report (→ findings).
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { InputError } from "./errors.ts";
import { extractText } from "./extract/text.ts";
import { detectInput } from "./input.ts";
import { auditReport } from "./model/audit.ts";
import { compareSeries } from "./model/compare.ts";
import { Report, SCHEMA_VERSION } from "./model/schema.ts";
import { readPdfReport } from "./normalize/pdf-report.ts";
import { readTextReport, type ReportReading } from "./normalize/text-report.ts";

export interface ExtractOptions {
  /** The open (user) password of an encrypted PDF. */
  password?: string;
  /** A PDF with more pages is refused (TooManyPages) before any page is read. */
  maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 5000;

type Reading = Pick<ReportReading, "title" | "fiscalYear" | "planPeriod" | "sheets" | "findings"> & { pages: number };

async function readPdf(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<Reading> {
  // pdf.js is loaded only when a PDF is read (not by a CLI thread that merely audits or writes).
  const { openPdf } = await import("./extract/pdf.ts");
  const doc = await openPdf(bytes, file, options);
  try {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    if (doc.numPages > maxPages) throw new InputError("TooManyPages", file, `${doc.numPages} pages, limit ${maxPages}`);
    const reading = await readPdfReport(doc.pages());
    if (reading.sheets.length === 0 && reading.imageOnlyPages.length > 0) throw new InputError("NoTextLayer", file, `${reading.imageOnlyPages.length} image-only pages`);
    return reading;
  } finally {
    await doc.close();
  }
}

function readText(text: string): Reading {
  const extraction = extractText(text);
  const reading = readTextReport(extraction.fragments);
  // Without page breaks (form feeds) in the text, each sheet is taken to be one page.
  return { ...reading, pages: extraction.pages === 1 ? reading.sheets.length : extraction.pages };
}

/** Reads one report (PDF or text) into the contract's JSON; findings hold the reader's doubts. */
export async function extract(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Report> {
  const file = basename(name);
  const input = detectInput(bytes, file);
  const reading = input.kind === "pdf" ? await readPdf(bytes, file, options) : readText(input.text);
  if (reading.sheets.length === 0) throw new InputError("NoSheetFound", file);
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { file, sha256: createHash("sha256").update(bytes).digest("hex"), kind: input.kind, pages: reading.pages },
    title: reading.title,
    fiscalYear: reading.fiscalYear,
    planPeriod: reading.planPeriod,
    sheets: reading.sheets.map((s) => s.sheet),
    findings: reading.findings,
  });
}

/** The report with every audit finding added after the reader's own. */
export function audit(report: Report): Report {
  return { ...report, findings: [...report.findings, ...auditReport(report)] };
}

/**
 * Several reports of one plan: each audited, and each compared with the report of the year
 * before it (figures of shared years that changed, programmes that appeared or vanished).
 */
export function auditSeries(reports: readonly Report[]): Report[] {
  const audited = reports.map(audit);
  const compared = compareSeries(audited);
  return audited.map((r) => (compared.has(r) ? { ...r, findings: [...r.findings, ...compared.get(r)!] } : r));
}
