// Japanese era years → Gregorian years, and plan column heads → ASCII year keys.

const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
const ERA_INITIAL: Record<string, string> = { 令和: "R", 平成: "H", 昭和: "S" };
const INITIAL_START: Record<string, number> = { R: 2018, H: 1988, S: 1925 };

/** `令和５年度` → 2023; `平成元年` → 1989; null when no era year is found. */
export function eraToGregorian(printed: string): number | null {
  const match = /(令和|平成|昭和)\s*(元|[0-9０-９]+)\s*年/.exec(printed);
  if (!match) return null;
  const n = match[2] === "元" ? 1 : Number(match[2]!.normalize("NFKC"));
  return ERA_START[match[1]!]! + n;
}

/** A column head is a few characters; longer text (a prose cell) is not a head, and is not
 * NFKC-normalised to find that out (callers test every cell of a page). */
const HEAD_MAX_LENGTH = 24;
/** Nor is text without an era's initial or its first character, in any form that NFKC makes
 * one (full width, the era squares ㋿㍻㍼, the compatibility ideograph 令; not the letter-like
 * symbols ℝ Ⓡ 𝐑…): normalising every short cell was ~1% of reading a page. */
const MAY_NAME_ERA = /[RHSＲＨＳ令平昭㋿㍻㍼\uF9A8]/;

/** The year key of a column head: `R３` → `R3`, `令和５年度` → `R5`. */
export function yearKey(head: string): string | null {
  if (head.length > HEAD_MAX_LENGTH || !MAY_NAME_ERA.test(head)) return null;
  const t = head.normalize("NFKC").trim();
  const short = /^([RHS])(\d+)$/.exec(t);
  if (short) return `${short[1]}${Number(short[2])}`;
  const era = /(令和|平成|昭和)\s*(元|\d+)\s*年/.exec(t);
  if (era) return `${ERA_INITIAL[era[1]!]}${era[2] === "元" ? 1 : Number(era[2])}`;
  return null;
}

/** `R5` → 2023. */
export function yearKeyToGregorian(key: string): number | null {
  const match = /^([RHS])(\d+)$/.exec(key);
  return match ? INITIAL_START[match[1]!]! + Number(match[2]) : null;
}
