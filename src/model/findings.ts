// One finding type for the normalizer's doubts and the audit's rules (the contract's Finding).
import type { Finding, Place, Severity } from "./schema.ts";

export interface FindingInput {
  code: string;
  severity: Severity;
  sheet?: number | null;
  indicator?: number | null;
  year?: string | null;
  field?: string | null;
  printed?: string | null;
  expected?: string | null;
  ja: string;
  en: string;
  where?: Place | null;
}

export function finding(input: FindingInput): Finding {
  return {
    code: input.code,
    severity: input.severity,
    sheet: input.sheet ?? null,
    indicator: input.indicator ?? null,
    year: input.year ?? null,
    field: input.field ?? null,
    printed: input.printed ?? null,
    expected: input.expected ?? null,
    message: { ja: input.ja, en: input.en },
    where: input.where ?? null,
  };
}
