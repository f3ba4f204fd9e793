// Printed cell text → Figure. NFKC is applied only to read the number; `printed` keeps the
// sheet's characters.
import { isNotApplicable } from "../model/not-applicable.ts";
import type { Figure } from "../model/schema.ts";

/** A number, optionally followed by a unit and a note mark (`2.8 ※`, `122人`, `104.0%`). The
 * spaces before a unit belong to it: two optional runs side by side (`\s*(?:unit)?\s*`) took
 * time quadratic in a run of spaces. */
const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(?:%|人|件|回|日|万円|円|時間|社|者|課|か所|箇所|世帯))?\s*(?:※.*)?$/;

export function parseFigure(printed: string): Figure {
  const text = printed.trim();
  if (isNotApplicable(text)) return { printed: text, value: null };
  const match = NUMBER.exec(text.normalize("NFKC"));
  if (!match) return { printed: text, value: null };
  return { printed: text, value: Number(match[1]!.replaceAll(",", "")) };
}

/** Whether a printed cell holds a figure at all (a number or `－`), as opposed to prose. */
export function looksLikeFigure(text: string): boolean {
  const t = text.trim();
  return isNotApplicable(t) || NUMBER.test(t.normalize("NFKC"));
}
