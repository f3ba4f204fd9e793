// A thread set up for pdf.js (preparePdfThread, as each CLI worker is) reads the same as any
// other, without loading pdf.js's native drawing library until something draws, nor Node's
// fetch until something names Response, and inflating streams with zlib on the thread, up to a
// limit (past it pdf.js inflates in JavaScript, where the CLI's pool can stop it).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../src/extract/pdf.ts";
import { pdfOfObjects, streamObject } from "../fixtures/generator/raw-pdf.ts";
import { ROOT } from "./helpers.ts";

const PDF = join(ROOT, "fixtures/pdf/kokubunji-r5.pdf");
const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** A PDF file of the given objects, written to a new temporary folder. */
function pdfFile(name: string, objects: Buffer[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kanrihyo-thread-")), name);
  writeFileSync(path, pdfOfObjects(objects));
  return path;
}

/** A one-page PDF whose text is in a Type3 font with an image glyph (an 8×8 mask, drawn by
 * inline image): pdf.js's parser turns such a glyph into a path with a DOMMatrix. */
function type3Pdf(): string {
  const mask = Buffer.from([0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55]);
  const glyph = Buffer.concat([Buffer.from("8 0 0 0 8 8 d1\nq 8 0 0 8 0 0 cm BI /IM true /W 8 /H 8 /BPC 1 ID "), mask, Buffer.from(" EI Q\n")]);
  const page = Buffer.from("BT /T3 12 Tf 10 50 Td (ABBA) Tj ET\n");
  return pdfFile("type3-image-glyphs.pdf", [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /T3 4 0 R >> >> /Contents 5 0 R >>"),
    Buffer.from("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 8 8] /FontMatrix [0.125 0 0 0.125 0 0] /CharProcs << /A 6 0 R /B 6 0 R >> /Encoding << /Type /Encoding /Differences [65 /A /B] >> /FirstChar 65 /LastChar 66 /Widths [8 8] >>"),
    streamObject(page),
    streamObject(glyph),
  ]);
}

/** A one-page PDF whose content stream is Flate-compressed to well over 1 KB (pdf.js inflates
 * such a stream through DecompressionStream), 300 lines of text; `keep` cuts the compressed
 * bytes short, as in a damaged file. */
function flatePdf(keep = 1): string {
  const lines = Array.from({ length: 300 }, (_, i) => `BT /F1 6 Tf ${(i * 37) % 500} ${800 - (i % 130) * 6} Td (line ${i} ${(i * 7919) % 10007}) Tj ET`);
  const deflated = deflateSync(lines.join("\n"));
  expect(deflated.length).toBeGreaterThan(2048);
  return pdfFile(keep < 1 ? "flate-cut-short.pdf" : "flate.pdf", [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 850] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    streamObject(deflated.subarray(0, Math.floor(deflated.length * keep)), "/Filter /FlateDecode "),
  ]);
}

/** How a fresh thread is set up before pdf.js loads: as the CLI's workers are, as Node is, or
 * without any DecompressionStream (pdf.js then inflates every stream in JavaScript). */
type Setup = "prepared" | "unprepared" | "js-inflate";

/** A limit on what one stream may inflate to, natively, below most of the sample's streams. */
const INFLATE_LIMIT = 1000;

/** In a new Node process set up as said, read the PDF, then make a DOMMatrix and Responses, and
 * inflate with DecompressionStream as pdf.js does. What was read (its digest and how many
 * fragments), which native libraries were loaded after each step, whether reading loaded Node's
 * fetch, and what the DOMMatrix, the Responses and the inflating did. */
function inFreshThread(setup: Setup, pdf = PDF, inflateLimit: number | null = null) {
  const code = `
    import { createRequire } from "node:module";
    import { createHash } from "node:crypto";
    import { readFileSync } from "node:fs";
    const { preparePdfThread } = await import(${JSON.stringify(join(ROOT, "src/extract/pdf-thread.ts"))});
    const setup = ${JSON.stringify(setup)};
    if (setup === "prepared") preparePdfThread(${JSON.stringify(inflateLimit === null ? {} : { maxInflatedBytes: inflateLimit })});
    if (setup === "js-inflate") delete globalThis.DecompressionStream;
    const { extractPdf } = await import(${JSON.stringify(join(ROOT, "src/extract/pdf.ts"))});
    const native = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.endsWith(".node")).length;
    const read = await extractPdf(readFileSync(${JSON.stringify(pdf)}), "kokubunji-r5.pdf");
    const afterReading = native();
    const fetchLoaded = process.moduleLoadList.some((m) => m.includes("undici"));
    const m = new DOMMatrix().scaleSelf(2, 3);
    const made = new Response("ab");
    const response = { bytes: [...(await made.bytes())], json: await Response.json({ a: 1 }).json(), isResponse: made instanceof Response, isNodes: made instanceof globalThis.Response };
    const zlib = await import("node:zlib");
    const inflate = async (bytes, format = "deflate") => {
      const { readable, writable } = new DecompressionStream(format);
      const writer = writable.getWriter();
      writer.write(bytes).catch(() => {});
      writer.close().catch(() => {});
      const reader = readable.getReader();
      let text = "";
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += Buffer.from(chunk.value).toString();
      return text;
    };
    const inflater = setup === "js-inflate" ? null : {
      standIn: DecompressionStream !== globalThis.DecompressionStream,
      deflate: await inflate(zlib.deflateSync("ab")),
      raw: await inflate(zlib.deflateRawSync("cd"), "deflate-raw"),
      gzip: await inflate(zlib.gzipSync("ef"), "gzip"),
      brotli: await inflate(zlib.brotliCompressSync("gh"), "brotli"),
      garbage: await inflate(Buffer.from("garbage")).catch(() => "rejected"),
      cutShort: await inflate(zlib.deflateSync("ab").subarray(0, 5)).catch(() => "rejected"),
      unknown: (() => { try { new DecompressionStream("zip"); } catch (e) { return e.code; } })(),
      atLimit: (await inflate(zlib.deflateSync("x".repeat(${INFLATE_LIMIT})))).length,
      overLimit: await inflate(zlib.deflateSync("x".repeat(${INFLATE_LIMIT + 1}))).then((text) => text.length, () => "rejected"),
      brotliOverLimit: await inflate(zlib.brotliCompressSync("x".repeat(${INFLATE_LIMIT + 1})), "brotli").then((text) => text.length, () => "rejected"),
    };
    console.log(JSON.stringify({ digest: createHash("sha256").update(JSON.stringify(read)).digest("hex"), fragments: read.fragments.length, afterReading, afterDrawing: native(), scaled: [m.a, m.d], fetchLoaded, response, inflater }));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe("a thread prepared for pdf.js", () => {
  it("reads a PDF as any thread does, loading the drawing library only when something draws, and inflates as Node does", async () => {
    const here = digest(await extractPdf(readFileSync(PDF), "kokubunji-r5.pdf"));
    const unprepared = inFreshThread("unprepared");
    const response = { bytes: [97, 98], json: { a: 1 }, isResponse: true, isNodes: true };
    const inflater = { deflate: "ab", raw: "cd", gzip: "ef", brotli: "gh", garbage: "rejected", cutShort: "rejected", unknown: "ERR_INVALID_ARG_VALUE" };
    const works = { digest: here, fragments: expect.any(Number), scaled: [2, 3], response };
    const limit = { atLimit: INFLATE_LIMIT };
    expect(unprepared).toEqual({ ...works, afterReading: 1, afterDrawing: 1, fetchLoaded: true, inflater: { standIn: false, ...inflater, ...limit, overLimit: INFLATE_LIMIT + 1, brotliOverLimit: INFLATE_LIMIT + 1 } }); // pdf.js's default: loaded at once
    // With INFLATE_LIMIT, the same digest: the streams past it pdf.js inflates itself.
    const prepared = inFreshThread("prepared", PDF, INFLATE_LIMIT);
    expect(prepared).toEqual({ ...works, afterReading: 0, afterDrawing: 1, fetchLoaded: false, inflater: { standIn: true, ...inflater, ...limit, overLimit: "rejected", brotliOverLimit: "rejected" } });
  }, 30_000);

  it("reads Type3 image glyphs, whose DOMMatrix loads the drawing library then", async () => {
    const pdf = type3Pdf();
    const read = await extractPdf(readFileSync(pdf), "kokubunji-r5.pdf");
    expect(read.fragments.map((f) => f.text).join("")).toBe("ABBA");
    const prepared = inFreshThread("prepared", pdf);
    expect(prepared).toMatchObject({ digest: digest(read), afterReading: 1, fetchLoaded: false });
  }, 30_000);

  // The stand-in DecompressionStream inflates with Node's zlib on the thread; a stream it cannot
  // inflate whole (cut short, a bad checksum) is refused, and pdf.js inflates it in JavaScript,
  // as it does every stream where there is no DecompressionStream.
  it("inflates Flate streams with zlib on the thread, and leaves a damaged one to pdf.js's own inflater", () => {
    for (const pdf of [flatePdf(), flatePdf(0.6)]) {
      const prepared = inFreshThread("prepared", pdf);
      const inJs = inFreshThread("js-inflate", pdf);
      expect(prepared.digest).toBe(inJs.digest);
      expect(prepared.fragments).toBe(pdf.endsWith("flate.pdf") ? 300 : inJs.fragments);
    }
  }, 30_000);
});
