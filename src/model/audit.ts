// Runs every audit rule over a report's sheets.
import { yearKey } from "./era.ts";
import type { Finding, Report } from "./schema.ts";
import type { AuditContext, Rule } from "./rules/context.ts";
import { evaluationGrade, oneMarkPerRow } from "./rules/evaluation.ts";
import { impossibleValues, requiredFields } from "./rules/completeness.ts";
import { indicatorRates, overallRates } from "./rules/rates.ts";

export const RULES: readonly Rule[] = [indicatorRates, overallRates, evaluationGrade, oneMarkPerRow, requiredFields, impossibleValues];

export function auditReport(report: Pick<Report, "sheets" | "fiscalYear">): Finding[] {
  const ctx: AuditContext = { reportYear: report.fiscalYear ? yearKey(report.fiscalYear.printed) : null };
  return report.sheets.flatMap((sheet) => RULES.flatMap((rule) => rule(sheet, ctx)));
}
