// The report as JSON text, byte for byte JSON.stringify(report, null, 2) + "\n", but in pieces:
// the top level's arrays (sheets, findings) one element at a time. A 1,000-sheet report is 14 MB
// of JSON; built whole, the string and its copies were the largest allocation of a run.

const indent = (json: string, pad: string) => json.replaceAll("\n", `\n${pad}`); // JSON strings hold no raw newline

export function* reportJson(report: object): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  yield "{\n";
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? "," : "";
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [j, item] of value.entries()) yield `    ${indent(JSON.stringify(item, null, 2), "    ")}${j < value.length - 1 ? "," : ""}\n`;
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), "  ")}${comma}\n`;
    }
  }
  yield "}\n";
}
