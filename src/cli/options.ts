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

/** What is wrong with an option's value, if anything: a limit that is not a number above zero
 * (a whole one for --jobs and --max-pages), a language other than ja or en. A value that
 * cannot be used is refused rather than replaced by the default: `--timeout 2m` must not run
 * with 120 s while its user thinks it runs with two minutes. */
export function optionError(values: { [K in "jobs" | "timeout" | "max-size" | "max-pages" | "lang"]?: string }): string | null {
  for (const name of ["jobs", "timeout", "max-size", "max-pages"] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const n = Number(text);
    const whole = name === "jobs" || name === "max-pages";
    if (text.trim() === "" || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
      return `--${name} ${JSON.stringify(text)}: give ${whole ? "a whole number" : "a number"} above zero`;
    }
  }
  if (values.lang !== undefined && values.lang !== "ja" && values.lang !== "en") return `--lang ${JSON.stringify(values.lang)}: give ja or en`;
  return null;
}

/** How many workers read at once: --jobs, by default one per core. */
export const jobsOf = (jobs: string | undefined): number => Math.max(1, Math.floor(positive(jobs, availableParallelism())));

/** The V8 options a batch runs with (bin/kanrihyo.js), which can only be given as Node starts.
 * Either way each thread collects its own garbage: V8's parallel collection runs on helper
 * threads, which take cores from the other workers. With a worker on every core, each thread
 * also compiles its own hot code (`--single-threaded`): V8's background compiler had no idle
 * core left either, and 200 files with --jobs 2 took 5.28 → 4.93 s (9.6 against 10.2
 * CPU-seconds; medians of 15, alternating). With a core to spare the background compiler uses
 * it: --jobs 1 took 8.68 → 9.20 s with `--single-threaded`.
 *
 * And no pretenuring: V8 allocates objects straight into the old generation from the places
 * in the code whose objects tend to outlive a scavenge. A document's structures do, and then
 * die with it; in a batch of short documents they filled the old generation with ~0.9 MB of
 * garbage per four-page file, which only a full collection frees. 200 files took 7.22 → 6.08 s
 * and 221 → 193 MB with --jobs 1, 5.59 → 4.84 s and 325 → 257 MB with --jobs 2 (medians of 8,
 * alternating; faster in 7 and 8 of the 8 pairs). A single long PDF keeps it: its structures
 * live as long as it is read (240 pages: 1.47 against 1.72 s without). */
const SHORT_LIVED_DOCUMENTS = "--no-allocation-site-pretenuring";
export const BATCH_NODE_OPTIONS = {
  coreToSpare: ["--single-threaded-gc", SHORT_LIVED_DOCUMENTS],
  everyCoreBusy: ["--single-threaded", SHORT_LIVED_DOCUMENTS],
} as const;

const namesBatch = ([, ...inputs]: string[]) =>
  inputs.length > 1 || inputs.some((p) => /[*?[]/.test(p) || statSync(p, { throwIfNoEntry: false })?.isDirectory());

/** The V8 options to re-execute Node with for these arguments, or null when they do not name a
 * batch (several inputs, a folder or a glob) or are a usage error (the CLI will say what). */
export function batchNodeOptions(argv: string[], cores = availableParallelism()): readonly string[] | null {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch {
    return null;
  }
  if (!namesBatch(args.positionals)) return null;
  return jobsOf(args.values.jobs) >= cores ? BATCH_NODE_OPTIONS.everyCoreBusy : BATCH_NODE_OPTIONS.coreToSpare;
}
