// pdf.js, as every part of this tool loads it: one build, so that one thread never holds two.
// The legacy build, since Node 22 lacks APIs the modern one uses. Not the minified one: it
// loads ~30 ms sooner, but read 240 pages in 1.55 against 1.10 s on a thread with Node's default
// heap (4 alternating runs; +90 MB, mostly garbage collection), though not in our workers.
export * from "pdfjs-dist/legacy/build/pdf.mjs";
