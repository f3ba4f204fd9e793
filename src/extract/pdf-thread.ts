// A thread that exists to run pdf.js for this tool (each of the CLI's workers) is set up for it
// before pdf.js loads. Five globals then differ from Node's (DecompressionStream, FontFace,
// DOMMatrix, Path2D, Response); other threads keep Node's and pdf.js's defaults, so a program
// using this library is not changed behind its back.
import { createRequire, Module } from "node:module";
import { runInThisContext } from "node:vm";
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

export function preparePdfThread(): void {
  // Too late once pdf.js has loaded (it sets pdfjsLib): fail loudly rather than run unprepared.
  if ("pdfjsLib" in globalThis) throw new Error("preparePdfThread must run before pdf.js is imported (check the static imports)");
  // pdf.js inflates content streams over 1 KB through the web DecompressionStream, which in
  // Node sends each one through the zlib thread pool and back: a thread reading pages sat idle
  // ~10% of its time waiting. Without it, pdf.js inflates in JavaScript on this thread (its own
  // fallback, as in browsers without the API).
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  // Fonts as font faces, so that pdf.js builds no glyph outlines (font-faces.ts).
  acceptFontFaces();
  deferDrawingLibrary();
  deferFetch();
}
