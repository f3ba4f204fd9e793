// A thread that exists to run pdf.js for this tool (each of the CLI's workers) is set up for it
// before pdf.js loads. Five globals then differ from Node's (DecompressionStream, FontFace,
// DOMMatrix, Path2D, Response); other threads keep Node's and pdf.js's defaults, so a program
// using this library is not changed behind its back.
import { kMaxLength } from "node:buffer";
import { createRequire, Module } from "node:module";
import { runInThisContext } from "node:vm";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { unlessEnding, type EndGuard } from "./end-guard.ts";
import { acceptFontFaces } from "./font-faces.ts";

type Library = Record<string, unknown>;
type Constructor = new (...args: unknown[]) => object;

/**
 * pdf.js loads @napi-rs/canvas, a native drawing library, as it loads: to give Node the
 * DOMMatrix and Path2D that a canvas draws with. That cost each thread 50–100 ms and the
 * process ~16 MB resident, for drawing this tool never does; its parser needs a DOMMatrix only
 * for Type3 glyphs painted as images. So pdf.js is handed the library as a stand-in that loads
 * the real one on first use, and DOMMatrix and Path2D as constructors that do the same.
 */
function deferDrawingLibrary(): void {
  const fromPdfjs = createRequire(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  let path: string;
  try {
    path = fromPdfjs.resolve("@napi-rs/canvas");
  } catch {
    return; // not installed (it is optional): pdf.js says so itself
  }
  let library: Library | null = null;
  const load = (): Library => {
    if (!library) {
      delete fromPdfjs.cache[path];
      library = fromPdfjs(path) as Library;
    }
    return library;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy({}, { get: (_, key) => Reflect.get(load(), key) });
  fromPdfjs.cache[path] = standIn; // require.cache: "adding or replacing entries is also possible"
  const deferred = (name: string) => function (...args: unknown[]) {
    return new (load()[name] as Constructor)(...args);
  };
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= deferred("DOMMatrix");
  g.Path2D ??= deferred("Path2D");
}

/**
 * pdf.js, as it loads, checks that `Response` has `bytes()`, to add it if not. Node's `Response`
 * is a lazy global: touched in any way, even by that check or by redefining it, it loads Node's
 * whole fetch implementation (undici), ~40 ms of each worker's start (pdf.js loaded in 159
 * against 202 ms, medians of 5), for a tool that hands pdf.js bytes and never fetches. So code on
 * this thread that names `Response` finds a stand-in first: a global lexical binding, which
 * shadows the global object's property (left as Node made it) and forwards construction,
 * statics and instanceof to Node's Response, loading it only then.
 */
function deferFetch(): void {
  runInThisContext(`class Response {
    constructor(...args) { return new globalThis.Response(...args); }
    static json(...args) { return globalThis.Response.json(...args); }
    static error() { return globalThis.Response.error(); }
    static redirect(...args) { return globalThis.Response.redirect(...args); }
    static [Symbol.hasInstance](value) { return value instanceof globalThis.Response; }
    bytes() { throw new TypeError("not a Response: the stand-in's prototype (src/extract/pdf-thread.ts)"); }
  }`);
}

/**
 * pdf.js inflates streams over 1 KB (page contents, font files) through the web
 * DecompressionStream. In Node that sends each one through the zlib thread pool and back, and a
 * thread reading pages sat idle ~10% of its time waiting. Without the API pdf.js inflates in
 * JavaScript. So code on this thread finds, first, a DecompressionStream that inflates with
 * Node's zlib at once, on this thread (`zlib.*Sync`): the same native inflater, no thread hop
 * (240 pages 2.83 → 2.67 s against pdf.js's JavaScript inflater, medians of 5 alternating). A
 * stream zlib cannot inflate whole (cut short, a bad checksum) is refused, and pdf.js inflates
 * it in JavaScript, as these threads did every stream before. (Node's own DecompressionStream
 * refuses some cut-short streams and not others, depending on where the cut falls.)
 */
function inflateOnThisThread(guard: EndGuard | null, maxOutputLength: number): void {
  const zlib: Record<string, (bytes: Uint8Array, options: { maxOutputLength: number }) => Buffer> = {
    deflate: inflateSync,
    "deflate-raw": inflateRawSync,
    gzip: gunzipSync,
    brotli: brotliDecompressSync,
  };
  // Each outside the moments its thread may be terminated (end-guard.ts), and each stopped at
  // the thread's limit: a native call cannot be interrupted, and a few KB may inflate to
  // terabytes. Past it, pdf.js inflates in JavaScript, which its pool can stop (cli/pool.ts).
  const inflaters = Object.fromEntries(Object.entries(zlib).map(([format, inflate]) => [format, (bytes: Uint8Array) => unlessEnding(guard, () => inflate(bytes, { maxOutputLength }))]));
  const standIn = runInThisContext(`class DecompressionStream {
    constructor(format) { return DecompressionStream.create(format); }
  }
  DecompressionStream`) as { create?: (format: string) => object };
  standIn.create = (format) => {
    const inflate = inflaters[format];
    if (!inflate) return new globalThis.DecompressionStream(format as CompressionFormat); // throws, as Node's does
    return inflatedAtClose(inflate);
  };
}

/** The parts of a DecompressionStream that pdf.js uses: write the bytes, close, read them
 * back inflated, in one piece; a read rejects if they could not be inflated. */
function inflatedAtClose(inflate: (bytes: Uint8Array) => Buffer) {
  const chunks: Uint8Array[] = [];
  let inflated: Promise<Uint8Array> | null = null;
  let taken = false;
  const writer = {
    write: async (chunk: Uint8Array) => void chunks.push(chunk),
    close: async () => {
      inflated = Promise.resolve().then(() => {
        const out = inflate(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      });
      await inflated;
    },
  };
  const reader = {
    read: async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
      if (!inflated) throw new TypeError("read before close: this stand-in inflates at close (src/extract/pdf-thread.ts)");
      const value = await inflated;
      if (taken) return { done: true, value: undefined };
      taken = true;
      return { done: false, value };
    },
  };
  return { writable: { getWriter: () => writer }, readable: { getReader: () => reader } };
}

export interface PdfThreadOptions {
  /** For a worker thread that another may terminate (cli/pool.ts). */
  endGuard?: EndGuard | null;
  /** The most bytes one stream may inflate to natively (by default, as many as a Buffer holds). */
  maxInflatedBytes?: number;
}

export function preparePdfThread({ endGuard = null, maxInflatedBytes = kMaxLength }: PdfThreadOptions = {}): void {
  // Too late once pdf.js has loaded (it sets pdfjsLib): fail loudly rather than run unprepared.
  if ("pdfjsLib" in globalThis) throw new Error("preparePdfThread must run before pdf.js is imported (check the static imports)");
  inflateOnThisThread(endGuard, maxInflatedBytes);
  // Fonts as font faces, so that pdf.js builds no glyph outlines (font-faces.ts).
  acceptFontFaces();
  deferDrawingLibrary();
  deferFetch();
}
