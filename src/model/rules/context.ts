import type { Finding, Sheet } from "../schema.ts";

/** What every rule knows besides the sheet. */
export interface AuditContext {
  /** The report year's column (`R5`), from 対象：令和５年度. */
  reportYear: string | null;
}

export type Rule = (sheet: Sheet, ctx: AuditContext) => Finding[];

/** Where a field was printed, when the input had geometry. */
export function placeOf(sheet: Sheet, path: string) {
  return sheet.where?.[path] ?? null;
}

/** Lower-is-better indicators (保育施設の待機児童数) set a target of 0; their rates print `－`. */
export function isLowerBetter(target: Record<string, { value: number | null } | null>): boolean {
  return Object.values(target).some((f) => f?.value === 0);
}
