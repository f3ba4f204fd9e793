// pdf.js, as every part of this tool loads it: one build, so that one thread never holds two.
// The legacy build, since Node 22 lacks APIs the modern one uses; minified, since each thread
// reads and decodes the whole module as it starts, and half the bytes took ~30 ms off each
// start (medians of 8, same run: 210 against 178 ms for both modules).
export * from "pdfjs-dist/legacy/build/pdf.min.mjs";
