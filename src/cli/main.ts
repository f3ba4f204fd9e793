// The command line: `kanrihyo extract|audit <file…>`. Reading and writing files happens here.
import { readFile, writeFile, mkdir, rename } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import type { Report } from "../model/schema.ts";
import { auditSeries, extract } from "../report.ts";
import { chooseLang, type Lang } from "./lang.ts";
import { renderTable } from "./table.ts";

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

const USAGE = `usage:
  kanrihyo extract <file…> [-o FILE | --out-dir DIR]   report(s) as contract JSON
  kanrihyo audit <file…> [--json] [--lang ja|en]       findings; exit 1 on errors, 2 on unreadable input
  --password PW                                        open password of encrypted PDFs`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

async function readReport(path: string, lang: Lang, io: Io, password: string | undefined): Promise<Report | null> {
  try {
    const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
      throw new InputError("Unreadable", basename(path), e.code ?? e.message);
    });
    return await extract(bytes, path, { password });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(e.describe(lang));
    return null;
  }
}

/** Written beside the target and renamed into place, so no reader sees half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

const toJson = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

export async function main(argv: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      "out-dir": { type: "string" },
      json: { type: "boolean" },
      lang: { type: "string" },
      password: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...files] = positionals;
  if (values.help || !command || !["extract", "audit"].includes(command) || files.length === 0) {
    io.stderr(USAGE);
    return values.help ? EXIT.ok : EXIT.unreadable;
  }
  const lang = chooseLang(values.lang, io.env);
  const read: Report[] = [];
  let unreadable = false;
  for (const file of files) {
    const report = await readReport(file, lang, io, values.password);
    if (report) read.push(report);
    else unreadable = true;
  }
  const reports = command === "audit" ? auditSeries(read) : read;
  if (command === "extract") await writeReports(reports, values, io);
  else if (values.json) io.stdout(toJson(reports.length === 1 ? reports[0] : reports).trimEnd());
  else for (const r of reports) io.stdout(renderTable(r, lang));
  if (unreadable) return EXIT.unreadable;
  const errors = command === "audit" && reports.some((r) => r.findings.some((f) => f.severity === "error"));
  return errors ? EXIT.findings : EXIT.ok;
}

async function writeReports(reports: Report[], values: { output?: string; "out-dir"?: string }, io: Io): Promise<void> {
  const dir = values["out-dir"];
  if (dir) {
    await mkdir(dir, { recursive: true });
    for (const r of reports) await writeAtomic(join(dir, `${r.source.file.replace(/\.[^.]*$/, "")}.json`), toJson(r));
  } else if (values.output) {
    await writeAtomic(values.output, toJson(reports.length === 1 ? reports[0] : reports));
  } else if (reports.length > 0) {
    io.stdout(toJson(reports.length === 1 ? reports[0] : reports).trimEnd());
  }
}
