// Joins the printed lines of one cell into its text (fixtures/expected/CONVENTIONS.md).

/** Marks that begin a new item, so the break before them is kept. */
const ITEM_START = /^[・●○◆◇＊*※【［[]/;

/**
 * Visual wraps are joined without a separator; a break is kept where a sentence ended the
 * line (`。`) or the next line opens an item, since those are the writer's own breaks.
 */
export function joinParagraph(lines: readonly string[]): string | null {
  const kept = lines.map((l) => l.replace(/^[ \t]+|[ \t]+$/g, "")).filter((l) => l !== "");
  if (kept.length === 0) return null;
  let text = kept[0]!;
  for (const line of kept.slice(1)) {
    text += text.endsWith("。") || ITEM_START.test(line) ? "\n" + line : line;
  }
  return text;
}
