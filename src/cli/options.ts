// The command line's options, for parseArgs: read by the CLI, and before it by the launcher,
// which needs to know whether the call is a batch before Node has started anything else.
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

export const OPTIONS = {
  output: { type: "string", short: "o" }, "out-dir": { type: "string" }, json: { type: "boolean" },
  lang: { type: "string" }, password: { type: "string" }, jobs: { type: "string" }, timeout: { type: "string" },
  "max-size": { type: "string" }, "max-pages": { type: "string" }, resume: { type: "boolean" },
  quiet: { type: "boolean" }, verbose: { type: "boolean" }, help: { type: "boolean", short: "h" }, version: { type: "boolean" }, format: { type: "string" }, html: { type: "string" },
} as const;

/** A number given on the command line, if it is one above zero; else the fallback. */
export const positive = (text: string | undefined, fallback: number): number => {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** How many workers read at once: --jobs, by default one per core. */
export const jobsOf = (jobs: string | undefined): number => Math.max(1, Math.floor(positive(jobs, availableParallelism())));

/** The V8 options a batch runs with (bin/kanrihyo.js), which can only be given as Node starts.
 * Either way each thread collects its own garbage: V8's parallel collection runs on helper
 * threads, which take cores from the other workers. With a worker on every core, each thread
 * also compiles its own hot code (`--single-threaded`): V8's background compiler had no idle
 * core left either, and 200 files with --jobs 2 took 5.28 → 4.93 s (9.6 against 10.2
 * CPU-seconds; medians of 15, alternating). With a core to spare the background compiler uses
 * it: --jobs 1 took 8.68 → 9.20 s with `--single-threaded`. */
export const BATCH_NODE_OPTIONS = { coreToSpare: "--single-threaded-gc", everyCoreBusy: "--single-threaded" } as const;

/** The arguments parsed, or null for a usage error (the CLI will say what is wrong). */
function parsed(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch {
    return null;
  }
}

const namesBatch = ([, ...inputs]: string[]) =>
  inputs.length > 1 || inputs.some((p) => /[*?[]/.test(p) || statSync(p, { throwIfNoEntry: false })?.isDirectory());

/** Whether the arguments name a batch: several inputs, a folder or a glob (not a single file). */
export function isBatch(argv: string[]): boolean {
  const args = parsed(argv);
  return args !== null && namesBatch(args.positionals);
}

/** The V8 option to re-execute Node with for these arguments, or null (not a batch). */
export function batchNodeOption(argv: string[], cores = availableParallelism()): string | null {
  const args = parsed(argv);
  if (args === null || !namesBatch(args.positionals)) return null;
  return jobsOf(args.values.jobs) >= cores ? BATCH_NODE_OPTIONS.everyCoreBusy : BATCH_NODE_OPTIONS.coreToSpare;
}
