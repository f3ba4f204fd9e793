// The output contract (shared/docs/output-contract.md) as zod schemas: the single source of
// the JSON's shape. Types are inferred from here; schema/report.schema.json is generated.
import { z } from "zod";

export const SCHEMA_VERSION = "1";

/** A printed number: what the sheet shows beside what it means. */
export const Figure = z.object({
  printed: z.string(),
  value: z.number().nullable(),
});
export type Figure = z.infer<typeof Figure>;

/** Plan columns normalised to ASCII (`R３` → `R3`); a blank cell is null. */
export const YearKey = z.string().regex(/^[A-Z]+\d+$/);
export const YearFigures = z.record(YearKey, Figure.nullable());
export type YearFigures = z.infer<typeof YearFigures>;

export const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const Place = z.object({ page: z.number().int().positive(), bbox: Bbox });
export type Place = z.infer<typeof Place>;

export const Indicator = z.object({
  kind: z.enum(["plan", "reference"]),
  name: z.string(),
  rowLabel: z.string(),
  unit: z.string().nullable(),
  target: YearFigures,
  actual: YearFigures,
  rate: YearFigures,
});
export type Indicator = z.infer<typeof Indicator>;

export const GRADES = ["S", "A", "B", "C", "D"] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;

export const FUTURE_DIRECTIONS = ["拡大・拡充", "現状維持", "要改善", "事業縮小", "廃止・中止"] as const;
export const Presence = z.enum(["有", "無"]);

export const Sheet = z.object({
  no: z.number().int().nullable(),
  page: z.number().int().positive(),
  name: z.string().nullable(),
  department: z.string().nullable(),
  targetGroup: z.string().nullable(),
  basicPolicy: z.string().nullable(),
  development: z.string().nullable(),
  approachPolicy: z.string().nullable(),
  /** The third policy row's label as printed: 取組方針, or 主な課題 on some sheets. */
  approachPolicyLabel: z.string().nullable(),
  content: z.string().nullable(),
  resultsAndIssues: z.string().nullable(),
  indicators: z.array(Indicator),
  overallRate: YearFigures,
  evaluation: Grade.nullable(),
  adjustment: Presence.nullable(),
  covid: z.object({ impact: Presence.nullable(), note: z.string().nullable() }),
  futureDirection: z.enum(FUTURE_DIRECTIONS).nullable(),
  futureDirectionText: z.string().nullable(),
  /** The ⑧ and ⑩ box rows as printed, ■ checked and □ not, one character per box. */
  marks: z.object({ evaluation: z.string().nullable(), futureDirection: z.string().nullable() }),
  committeeOpinion: z.string().nullable(),
  subcommitteeOpinion: z.string().nullable(),
  /** Provenance for PDF input: field path (`indicators.0.target.R5`) → where it was printed. */
  where: z.record(z.string(), Place).optional(),
});
export type Sheet = z.infer<typeof Sheet>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  severity: Severity,
  sheet: z.number().int().nullable(),
  indicator: z.number().int().nullable(),
  year: YearKey.nullable(),
  field: z.string().nullable(),
  printed: z.string().nullable(),
  expected: z.string().nullable(),
  message: z.object({ ja: z.string(), en: z.string() }),
  where: Place.nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const EraYear = z.object({ printed: z.string(), gregorian: z.number().int() });

/** The encodings a text report is read in: what pdftotext writes, and what Windows saves as
 * "Unicode" (UTF-16 with its byte-order mark) or as ANSI on a Japanese system (Shift_JIS, that
 * is Windows-31J/CP932). */
export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "shift_jis"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    kind: z.enum(["pdf", "text"]),
    /** How a text input's bytes were decoded (absent for a PDF). */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    pages: z.number().int().nonnegative(),
  }),
  title: z.string().nullable(),
  fiscalYear: EraYear.nullable(),
  planPeriod: z
    .object({ plan: z.string().nullable(), printed: z.string(), from: z.number().int(), to: z.number().int() })
    .nullable(),
  sheets: z.array(Sheet),
  findings: z.array(Finding),
});
export type Report = z.infer<typeof Report>;
