// The command line's options, for parseArgs: read by the CLI, and before it by the launcher,
// which needs to know whether the call is a batch before Node has started anything else.
import { statSync } from "node:fs";
import { parseArgs } from "node:util";

export const OPTIONS = {
  output: { type: "string", short: "o" }, "out-dir": { type: "string" }, json: { type: "boolean" },
  lang: { type: "string" }, password: { type: "string" }, jobs: { type: "string" }, timeout: { type: "string" },
  "max-size": { type: "string" }, "max-pages": { type: "string" }, resume: { type: "boolean" },
  quiet: { type: "boolean" }, verbose: { type: "boolean" }, help: { type: "boolean", short: "h" }, version: { type: "boolean" }, format: { type: "string" }, html: { type: "string" },
} as const;

/** The V8 option a batch runs with (bin/kanrihyo.js): each thread collects its own garbage. */
export const BATCH_NODE_OPTION = "--single-threaded-gc";

/** Whether the arguments name a batch: several inputs, a folder or a glob (not a single file). */
export function isBatch(argv: string[]): boolean {
  try {
    const [, ...inputs] = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS }).positionals;
    return inputs.length > 1 || inputs.some((p) => /[*?[]/.test(p) || statSync(p, { throwIfNoEntry: false })?.isDirectory());
  } catch {
    return false; // a usage error: the CLI will say what is wrong
  }
}
