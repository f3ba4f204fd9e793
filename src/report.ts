// The stages composed: bytes → fragments → sheets → report (→ findings).
import { basename } from "node:path";
import { InputError } from "./errors.ts";
import { extractText } from "./extract/text.ts";
import { detectInput } from "./input.ts";
import { openChecked, readUnlessLong, sha256, type ExtractOptions } from "./open.ts";
import { auditReport } from "./model/audit.ts";
import { compareSeries } from "./model/compare.ts";
import { Finding, Report, SCHEMA_VERSION } from "./model/schema.ts";
import { assemblePdfReport, readPdfPages, type PageReading, type PdfReading } from "./normalize/pdf-report.ts";
import { readTextReport, type ReportReading } from "./normalize/text-report.ts";

type Reading = Pick<ReportReading, "title" | "fiscalYear" | "planPeriod" | "sheets" | "findings"> & { pages: number };
type Source = Report["source"];

function pdfReading(reading: PdfReading, file: string): Reading {
  if (reading.sheets.length === 0 && reading.imageOnlyPages.length > 0) throw new InputError("NoTextLayer", file, `${reading.imageOnlyPages.length} image-only pages`);
  return reading;
}

function readText(text: string): Reading {
  const extraction = extractText(text);
  const reading = readTextReport(extraction.fragments);
  // Without page breaks (form feeds) in the text, each sheet is taken to be one page.
  return { ...reading, pages: extraction.pages === 1 ? reading.sheets.length : extraction.pages };
}

function toReport(source: Omit<Source, "pages">, reading: Reading): Report {
  if (reading.sheets.length === 0) throw new InputError("NoSheetFound", source.file);
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { ...source, pages: reading.pages },
    title: reading.title,
    fiscalYear: reading.fiscalYear,
    planPeriod: reading.planPeriod,
    sheets: reading.sheets.map((s) => s.sheet),
    findings: reading.findings,
  });
}

/** Reads one report (PDF or text) into the contract's JSON; findings hold the reader's doubts. */
export async function extract(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Report> {
  return ((await extractOrCount(bytes, name, options, Infinity)) as { report: Report }).report;
}

/**
 * A large PDF is read in parts, on several threads: this reads the report whole, or — when the
 * PDF has more than `splitAbove` pages — only counts them. Each part is then read with
 * `extractPages` and the report put together with `assembleReport`.
 */
export async function extractOrCount(bytes: Uint8Array, name: string, options: ExtractOptions, splitAbove: number):
  Promise<{ report: Report } | { pages: number; sha256: string }> {
  const file = basename(name);
  const input = detectInput(bytes, file);
  const source = { file, sha256: sha256(bytes), kind: input.kind };
  if (input.kind !== "pdf") return { report: toReport({ ...source, encoding: input.encoding }, readText(input.text)) };
  const { pages, read } = await readUnlessLong(bytes, file, options, splitAbove, async (doc) => assemblePdfReport(await readPdfPages(doc.pages()), doc.numPages));
  return read ? { report: toReport(source, pdfReading(read, file)) } : { pages, sha256: source.sha256 };
}

/** One part of a PDF: the readings of the given pages (in the order given). */
export async function extractPages(bytes: Uint8Array, name: string, options: ExtractOptions, numbers: Iterable<number>): Promise<PageReading[]> {
  const file = basename(name);
  const doc = await openChecked(bytes, file, options);
  try {
    return await readPdfPages(doc.pages(numbers));
  } finally {
    await doc.close();
  }
}

/** The report of a PDF read in parts: its pages' readings in page order, from every part. */
export function assembleReport(name: string, sha: string, pages: readonly PageReading[], count: number): Report {
  const file = basename(name);
  return toReport({ file, sha256: sha, kind: "pdf" }, pdfReading(assemblePdfReport(pages, count), file));
}

// A report is checked against the contract where it is made (toReport) and where findings are
// added to it (here): every Report this code hands on is valid as it stands, and the writers
// take it so (checking a 240-page report again cost the last step of a split PDF ~90 ms).
const checked = (findings: readonly Finding[]): Finding[] => Finding.array().parse(findings);

/** The report with every audit finding added after the reader's own. */
export function audit(report: Report): Report {
  return { ...report, findings: [...report.findings, ...checked(auditReport(report))] };
}

/**
 * Several reports of one plan: each audited, and each compared with the report of the year
 * before it (figures of shared years that changed, programmes that appeared or vanished).
 */
export function auditSeries(reports: readonly Report[]): Report[] {
  const audited = reports.map(audit);
  const compared = compareSeries(audited);
  return audited.map((r) => (compared.has(r) ? { ...r, findings: [...r.findings, ...checked(compared.get(r)!)] } : r));
}
