// A text report saved on Windows: UTF-16 with a byte-order mark, or Shift_JIS (CP932), read
// as the UTF-8 sample is; and bytes that are none of these still refused.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "../src/extract/text.ts";
import { Report } from "../src/model/schema.ts";
import { ROOT, SAMPLE_TEXT } from "./helpers.ts";

/** Shift_JIS bytes for a text, by inverting the WHATWG decoder over every two-byte code. */
function shiftJis(text: string): Buffer {
  const decoder = new TextDecoder("shift_jis", { fatal: true });
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!codes.has(char)) codes.set(char, [lead, trail]); // the first (NEC) of duplicates, as Windows writes
      } catch {} // not a character
    }
  }
  return Buffer.from([...text].flatMap((char) => {
    if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
    const code = codes.get(char);
    if (!code) throw new Error(`no Shift_JIS code for ${char}`);
    return code;
  }));
}

const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
const sample = readFileSync(SAMPLE_TEXT, "utf8");
const ENCODED = {
  "utf-8": Buffer.from(sample, "utf8"),
  "utf-8 with a byte-order mark": Buffer.from("\ufeff" + sample, "utf8"),
  "utf-16le": Buffer.from("\ufeff" + sample, "utf16le"),
  "utf-16be": utf16be("\ufeff" + sample),
  "shift_jis": shiftJis(sample),
};

describe("decodeText", () => {
  it("reads the sample in each encoding back to the same text, and names the encoding", () => {
    for (const [name, bytes] of Object.entries(ENCODED)) {
      expect({ name, ...decodeText(bytes) }).toEqual({ name, text: sample, encoding: name.split(" ")[0] });
    }
  });

  it("reads a text cut off in the middle of a character as the text before it", () => {
    const ending = "最終行：令和５年度"; // the sample ends in a line break; end it in characters of 2–3 bytes
    for (const [name, bytes] of Object.entries(ENCODED)) {
      const whole = Buffer.concat([bytes, name.startsWith("utf-16") ? Buffer.from(ending, "utf16le") : name === "shift_jis" ? shiftJis(ending) : Buffer.from(ending)]);
      if (name === "utf-16be") whole.subarray(bytes.length).swap16();
      for (let end = whole.length - 12; end < whole.length; end++) { // every cut, in a character or between two
        const read = decodeText(whole.subarray(0, end));
        expect(read?.encoding).toBe(name.split(" ")[0]);
        expect((sample + ending).startsWith(read!.text) && read!.text.length >= sample.length).toBe(true);
      }
    }
    const utf8 = Buffer.from("事業番号 1", "utf8");
    expect(decodeText(utf8.subarray(0, -1))).toEqual({ text: "事業番号 ", encoding: "utf-8" });
  });

  it("refuses bytes that are not text in any of them", () => {
    expect(decodeText(readFileSync(join(ROOT, "fixtures/bad/photo.pdf")))).toBeNull(); // a PNG
    expect(decodeText(Buffer.from(sample, "utf16le"))).toBeNull(); // UTF-16 without its mark
    expect(decodeText(Buffer.concat([shiftJis("事業番号 1"), Buffer.of(0x1b, 0x80)]))).toBeNull(); // controls: not text
    expect(decodeText(Buffer.of(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00))).toBeNull(); // a lone surrogate after the mark
  });
});

describe("kanrihyo extract on text in each encoding", () => {
  it("gives the same sheets as the UTF-8 sample, with source.encoding", () => {
    const dir = mkdtempSync(join(tmpdir(), "kanrihyo-encodings-"));
    const names = Object.keys(ENCODED).map((_, i) => `r5-${i}.txt`);
    Object.values(ENCODED).forEach((bytes, i) => writeFileSync(join(dir, names[i]!), bytes));
    const run = spawnSync(process.execPath, [join(ROOT, "bin/kanrihyo.js"), "extract", dir, "--out-dir", join(dir, "out"), "--quiet"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const reports = names.map((name) => Report.parse(JSON.parse(readFileSync(join(dir, "out", name.replace(".txt", ".json")), "utf8"))));
    expect(reports.map((r) => r.source.encoding)).toEqual(["utf-8", "utf-8", "utf-16le", "utf-16be", "shift_jis"]);
    expect(reports[0]!.sheets).toHaveLength(24);
    for (const report of reports.slice(1)) expect(report.sheets).toEqual(reports[0]!.sheets);
  }, 60_000);
});
