// Mutated PDFs and texts (byte flips, truncation, deleted and shuffled lines) must each give a
// report or a typed InputError, in bounded time: never an unhandled exception.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.ts";
import { Report } from "../src/model/schema.ts";
import { extract } from "../src/report.ts";
import { ROOT, SAMPLE_TEXT } from "./helpers.ts";

const PDF = readFileSync(join(ROOT, "fixtures/bad/mixed.pdf"));
const TEXT = readFileSync(SAMPLE_TEXT, "utf8");
const PER_CASE_MS = 10_000;
const RUNS = { text: Number(process.env.FUZZ_TEXT_RUNS ?? 2500), pdf: Number(process.env.FUZZ_PDF_RUNS ?? 600) };

type Outcome = "report" | `error:${string}`;

async function outcome(bytes: Uint8Array, name: string): Promise<Outcome> {
  const started = Date.now();
  try {
    const report = await extract(bytes, name);
    Report.parse(report);
    return "report";
  } catch (e) {
    if (!(e instanceof InputError)) throw e; // an unhandled exception: the property fails
    return `error:${e.code}`;
  } finally {
    expect(Date.now() - started).toBeLessThan(PER_CASE_MS);
  }
}

const flips = (size: number) => fc.array(fc.tuple(fc.nat({ max: size - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 });

const byteMutation = (source: Uint8Array) =>
  fc.oneof(
    flips(source.length).map((fs) => {
      const b = Buffer.from(source);
      for (const [at, v] of fs) b[at] = v;
      return b;
    }),
    fc.nat({ max: source.length }).map((n) => source.subarray(0, n)),
    fc.tuple(fc.nat({ max: source.length }), fc.nat({ max: 5000 })).map(([at, n]) => Buffer.concat([source.subarray(0, at), source.subarray(Math.min(source.length, at + n))])),
  );

const lines = TEXT.split("\n");
const lineMutation = fc.oneof(
  fc.array(fc.nat({ max: lines.length - 1 }), { minLength: 1, maxLength: 300 }).map((drop) => lines.filter((_, i) => !drop.includes(i)).join("\n")),
  fc.array(fc.tuple(fc.nat({ max: lines.length - 1 }), fc.nat({ max: lines.length - 1 })), { minLength: 1, maxLength: 200 }).map((swaps) => {
    const l = [...lines];
    for (const [a, b] of swaps) [l[a], l[b]] = [l[b]!, l[a]!];
    return l.join("\n");
  }),
  fc.tuple(fc.nat({ max: lines.length - 1 }), fc.nat({ max: 400 })).map(([at, n]) => [...lines.slice(0, at), ...lines.slice(at + n)].join("\n")),
);

describe("fuzzing", () => {
  it(`mutated texts: ${RUNS.text} cases`, async () => {
    const seen = new Map<Outcome, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(lineMutation.map((t) => Buffer.from(t)), byteMutation(Buffer.from(TEXT))), async (bytes) => {
        const o = await outcome(bytes, "fuzz.txt");
        seen.set(o, (seen.get(o) ?? 0) + 1);
      }),
      { numRuns: RUNS.text, seed: 7 },
    );
    expect(seen.get("report")).toBeGreaterThan(RUNS.text / 4); // the mutations do not all fail early
  }, 600_000);

  it(`mutated PDFs: ${RUNS.pdf} cases`, async () => {
    const seen = new Map<Outcome, number>();
    await fc.assert(
      fc.asyncProperty(byteMutation(PDF), async (bytes) => {
        const o = await outcome(bytes, "fuzz.pdf");
        seen.set(o, (seen.get(o) ?? 0) + 1);
      }),
      { numRuns: RUNS.pdf, seed: 11 },
    );
    expect(seen.get("report")).toBeGreaterThan(RUNS.pdf / 10);
    expect([...seen.keys()].filter((k) => k.startsWith("error:")).length).toBeGreaterThan(1);
  }, 600_000);
});
