// pdfjs-dist ships no types for its worker module; this is the one entry point we use.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: {
    /** Starts pdf.js's parser listening on a port (as a web worker does on `self`). */
    initializeFromPort(port: unknown): void;
  };
}
