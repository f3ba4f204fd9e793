// `-` as an input: standard input (`cat r5.txt | kanrihyo audit -`), saved to a file named
// `stdin` in a folder of its own first. A file is read by a worker thread, which cannot open
// the process's standard input when it is a socket (ENXIO), and read again by --html and when a
// long PDF is read in parts; a pipe can be read once.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export const STDIN_ARG = "-";

/** The folder holding this run's saved standard input, if any. */
let savedIn: string | null = null;

/** Standard input, read to its end into a file; its path (base name `stdin`). */
export async function saveStdin(stdin: Readable): Promise<string> {
  savedIn ??= await mkdtemp(join(tmpdir(), "kanrihyo-stdin-"));
  const path = join(savedIn, "stdin");
  await pipeline(stdin, createWriteStream(path));
  return path;
}

/** Removes the saved standard input: at the end of the run, or when it is interrupted. */
export async function removeSavedStdin(): Promise<void> {
  if (savedIn) await rm(savedIn, { recursive: true, force: true });
  savedIn = null;
}
