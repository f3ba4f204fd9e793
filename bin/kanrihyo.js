#!/usr/bin/env node
// Runs on the Node pinned in package.json (npm scripts and `npx kanrihyo` put it first on
// PATH), from the build in dist/ when it is current, else from the TypeScript sources directly
// through Node's type stripping (Node ≥ 22.18).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `kanrihyo needs Node 22.18 or later (this is ${process.version}); ` +
      "run it as `npx kanrihyo …` or through `npm start`, which use the Node pinned in package.json\n",
  );
  process.exit(2);
}
// V8 gives a function its type feedback only once it has run a while, so it is optimised later.
// A run of this tool is short and spends it in pdf.js: feedback from the first call warms the
// JIT sooner (a cold 24-page audit 0.95 → 0.90 s and 1.05 → 1.01 s, 240 pages 2.56 → 2.31 s;
// medians of 5–9 alternating runs). Set before any worker starts, so that every thread has it.
process.getBuiltinModule("node:v8").setFlagsFromString("--no-lazy-feedback-allocation");
// Compiled code is cached on disk between runs (pdf.js is large): a faster cold start.
const { enableCompileCache } = await import("node:module");
enableCompileCache?.();
const from = builtIsCurrent() ? { dir: "../dist/", ext: ".js" } : { dir: "../src/", ext: ".ts" };
// A batch keeps its workers busy, and V8's helper threads (parallel garbage collection, and
// with a worker on every core its background compiler) then take cores from the workers; and
// its documents are short-lived, which V8's pretenuring does not expect. V8 options can only
// be given when Node starts, so a batch re-executes Node with those chosen in cli/options
// (same process, stdio and exit code). A single file keeps V8's defaults: there the helpers use
// a core that would otherwise be idle, and the document lives as long as it is read.
const { batchNodeOptions } = await import(`${from.dir}cli/options${from.ext}`);
const batchOptions = batchNodeOptions(process.argv.slice(2))?.filter((o) => !process.execArgv.includes(o)) ?? [];
if (batchOptions.length > 0 && typeof process.execve === "function") {
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...batchOptions, ...process.argv.slice(1)], process.env);
}
// Reading a file needs a worker with pdf.js loaded: start one now, while this thread loads the
// CLI, unless the call is only asking for help or the version.
const wantsWork = process.argv.length > 3 && !["--help", "-h", "--version"].some((flag) => process.argv.includes(flag));
const prestarted = wantsWork ? (await import(`${from.dir}cli/pool${from.ext}`)).startWorker() : undefined;
const { main, interrupt } = await import(`${from.dir}cli/main${from.ext}`);

// Ctrl-C or kill: stop the workers and remove the files being written (main.ts, interrupt).
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    interrupt().finally(() => process.exit(code));
  });
}

// A reader that stops early (`kanrihyo extract r5.pdf | head`) closes the pipe, and writing on
// fails with EPIPE, which unhandled ends Node with a stack trace. The run goes on instead: its
// files are still written and its exit code still says what was found; only output nobody
// reads is dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

const io = {
  stdout: (s) => process.stdout.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
  env: process.env,
  progress: { isTTY: Boolean(process.stderr.isTTY), write: (s) => process.stderr.write(s) },
  prestarted,
};
try {
  process.exitCode = await main(process.argv.slice(2), io);
} catch (error) {
  process.stderr.write(`kanrihyo: internal error: ${error?.stack ?? error}\n`);
  process.exitCode = 3;
}

/** Whether dist/ (npm run build) is newer than every source file: plain JavaScript starts faster
 * than TypeScript, which Node strips of its types in each thread at every start. */
function builtIsCurrent() {
  const { readdirSync, statSync } = process.getBuiltinModule("node:fs");
  const src = new URL("../src/", import.meta.url);
  try {
    const built = statSync(new URL("../dist/BUILT", import.meta.url)).mtimeMs;
    return readdirSync(src, { recursive: true }).every((f) => statSync(new URL(f, src)).mtimeMs < built);
  } catch {
    return false; // no build
  }
}
