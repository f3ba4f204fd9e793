// pdfjs-dist declares types for `pdfjs-dist` (its modern build) and for legacy/build/pdf.mjs;
// the minified legacy builds this tool loads (pdfjs.ts) export the same.
declare module "pdfjs-dist/legacy/build/pdf.min.mjs" {
  export * from "pdfjs-dist";
}

// It ships no types for its worker module; this is the one entry point we use.
declare module "pdfjs-dist/legacy/build/pdf.worker.min.mjs" {
  export const WorkerMessageHandler: {
    /** Starts pdf.js's parser listening on a port (as a web worker does on `self`). */
    initializeFromPort(port: unknown): void;
  };
}
