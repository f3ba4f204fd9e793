// ■□ rows: which option is checked.

const CHECKED = new Set(["■", "☑", "☒", "✓", "✔", "レ"]);
const UNCHECKED = new Set(["□", "☐"]);

export interface BoxRow {
  marks: boolean[];
}

/** A line made only of box glyphs → its marks; null for any other line. */
export function readBoxRow(line: string): BoxRow | null {
  const glyphs = line.replace(/\s+/g, "");
  if (glyphs.length < 2) return null;
  const marks: boolean[] = [];
  for (const g of glyphs) {
    if (CHECKED.has(g)) marks.push(true);
    else if (UNCHECKED.has(g)) marks.push(false);
    else return null;
  }
  return { marks };
}

/** The option of the single checked box; null when none or several are checked. */
export function findCheckedBox<T>(row: BoxRow | null, options: readonly T[]): T | null {
  if (!row || row.marks.length !== options.length) return null;
  const checked = row.marks.flatMap((m, i) => (m ? [i] : []));
  return checked.length === 1 ? options[checked[0]!]! : null;
}

/** The row as ■/□, one character per box, whatever glyphs or shapes printed it. */
export function printedMarks(row: BoxRow | null): string | null {
  return row ? row.marks.map((m) => (m ? "■" : "□")).join("") : null;
}
