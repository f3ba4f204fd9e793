// Joins the printed lines of one cell into its text (fixtures/expected/CONVENTIONS.md).

/** Marks that begin a new item, so the break before them is kept. */
const ITEM_START = /^[・●○◆◇＊*※【［[]/;

const isSpaceOrTab = (c: string | undefined) => c === " " || c === "\t";

/** The line without the spaces and tabs at its ends; an ideographic space (U+3000) is the
 * writer's indent and stays. (Not `/^[ \t]+|[ \t]+$/g`: its second half is tried at every
 * space of a run and was quadratic in the run.) */
function trimSpacesAndTabs(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isSpaceOrTab(line[start])) start++;
  while (end > start && isSpaceOrTab(line[end - 1])) end--;
  return line.slice(start, end);
}

/**
 * Visual wraps are joined without a separator; a break is kept where a sentence ended the
 * line (`。`) or the next line opens an item, since those are the writer's own breaks.
 */
export function joinParagraph(lines: readonly string[]): string | null {
  const kept = lines.map(trimSpacesAndTabs).filter((l) => l !== "");
  if (kept.length === 0) return null;
  let text = kept[0]!;
  for (const line of kept.slice(1)) {
    text += text.endsWith("。") || ITEM_START.test(line) ? "\n" + line : line;
  }
  return text;
}
