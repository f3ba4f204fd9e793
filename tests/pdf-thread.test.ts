// A thread set up for pdf.js (preparePdfThread, as each CLI worker is) reads the same as any
// other, without loading pdf.js's native drawing library until something draws, nor Node's
// fetch until something names Response.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../src/extract/pdf.ts";
import { ROOT } from "./helpers.ts";

const PDF = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** A one-page PDF whose text is in a Type3 font with an image glyph (an 8×8 mask, drawn by
 * inline image): pdf.js's parser turns such a glyph into a path with a DOMMatrix. */
function type3Pdf(): string {
  const mask = Buffer.from([0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55]);
  const glyph = Buffer.concat([Buffer.from("8 0 0 0 8 8 d1\nq 8 0 0 8 0 0 cm BI /IM true /W 8 /H 8 /BPC 1 ID "), mask, Buffer.from(" EI Q\n")]);
  const page = Buffer.from("BT /T3 12 Tf 10 50 Td (ABBA) Tj ET\n");
  const stream = (body: Buffer) => Buffer.concat([Buffer.from(`<< /Length ${body.length} >>\nstream\n`), body, Buffer.from("\nendstream")]);
  const objects = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /T3 4 0 R >> >> /Contents 5 0 R >>"),
    Buffer.from("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 8 8] /FontMatrix [0.125 0 0 0.125 0 0] /CharProcs << /A 6 0 R /B 6 0 R >> /Encoding << /Type /Encoding /Differences [65 /A /B] >> /FirstChar 65 /LastChar 66 /Widths [8 8] >>"),
    stream(page),
    stream(glyph),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  const path = join(mkdtempSync(join(tmpdir(), "kanrihyo-type3-")), "type3-image-glyphs.pdf");
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** In a new Node process: (prepared or not) read the fixture, then make a DOMMatrix and
 * Responses. What was read (its digest), which native libraries were loaded after each step,
 * whether reading loaded Node's fetch, and what the DOMMatrix and the Responses did. */
function inFreshThread(prepare: boolean, pdf = PDF) {
  const code = `
    import { createRequire } from "node:module";
    import { createHash } from "node:crypto";
    import { readFileSync } from "node:fs";
    const { preparePdfThread } = await import(${JSON.stringify(join(ROOT, "src/extract/pdf-thread.ts"))});
    if (${prepare}) preparePdfThread();
    const { extractPdf } = await import(${JSON.stringify(join(ROOT, "src/extract/pdf.ts"))});
    const native = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.endsWith(".node")).length;
    const read = await extractPdf(readFileSync(${JSON.stringify(pdf)}), "kokubunji-r5.pdf");
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

  it("reads Type3 image glyphs, whose DOMMatrix loads the drawing library then", async () => {
    const pdf = type3Pdf();
    const read = await extractPdf(readFileSync(pdf), "kokubunji-r5.pdf");
    expect(read.fragments.map((f) => f.text).join("")).toBe("ABBA");
    const prepared = inFreshThread(true, pdf);
    expect(prepared).toMatchObject({ digest: digest(read), afterReading: 1, fetchLoaded: false });
  }, 30_000);
});
