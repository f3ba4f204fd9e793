// A thread set up for pdf.js (preparePdfThread, as each CLI worker is) reads the same as any
// other, without loading pdf.js's native drawing library until something draws, nor Node's
// fetch until something names Response.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../src/extract/pdf.ts";
import { ROOT } from "./helpers.ts";

const PDF = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** In a new Node process: (prepared or not) read the fixture, then make a DOMMatrix and
 * Responses. What was read (its digest), which native libraries were loaded after each step,
 * whether reading loaded Node's fetch, and what the DOMMatrix and the Responses did. */
function inFreshThread(prepare: boolean) {
  const code = `
    import { createRequire } from "node:module";
    import { createHash } from "node:crypto";
    import { readFileSync } from "node:fs";
    const { preparePdfThread } = await import(${JSON.stringify(join(ROOT, "src/extract/pdf-thread.ts"))});
    if (${prepare}) preparePdfThread();
    const { extractPdf } = await import(${JSON.stringify(join(ROOT, "src/extract/pdf.ts"))});
    const native = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.endsWith(".node")).length;
    const read = await extractPdf(readFileSync(${JSON.stringify(PDF)}), "kokubunji-r5.pdf");
    const afterReading = native();
    const fetchLoaded = process.moduleLoadList.some((m) => m.includes("undici"));
    const m = new DOMMatrix().scaleSelf(2, 3);
    const made = new Response("ab");
    const response = { bytes: [...(await made.bytes())], json: await Response.json({ a: 1 }).json(), isResponse: made instanceof Response, isNodes: made instanceof globalThis.Response };
    console.log(JSON.stringify({ digest: createHash("sha256").update(JSON.stringify(read)).digest("hex"), afterReading, afterDrawing: native(), scaled: [m.a, m.d], fetchLoaded, response }));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe("a thread prepared for pdf.js", () => {
  it("reads a PDF as any thread does, loading the drawing library only when something draws", async () => {
    const here = digest(await extractPdf(readFileSync(PDF), "kokubunji-r5.pdf"));
    const unprepared = inFreshThread(false);
    const works = { scaled: [2, 3], response: { bytes: [97, 98], json: { a: 1 }, isResponse: true, isNodes: true } };
    expect(unprepared).toEqual({ digest: here, afterReading: 1, afterDrawing: 1, fetchLoaded: true, ...works }); // pdf.js's default: loaded at once
    const prepared = inFreshThread(true);
    expect(prepared).toEqual({ digest: here, afterReading: 0, afterDrawing: 1, fetchLoaded: false, ...works });
  }, 30_000);
});
