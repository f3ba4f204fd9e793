// fast-check arbitraries for valid sheets, following fixtures/expected/CONVENTIONS.md.
import fc from "fast-check";
import type { Figure, Indicator, Sheet } from "../src/model/schema.ts";
import { FUTURE_DIRECTIONS, GRADES } from "../src/model/schema.ts";

const YEARS = ["R3", "R4", "R5", "R6"] as const;
const KANJI = [..."事業支援就労相談窓口市民企業情報提供実施継続拡充推進検討地域連携対象者参加人数向上確保開催周知活用育成環境整備改善計画令和年度数値目標達成状況調査"];
const KANA = [..."あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソタチツテト"];
const OTHER = [..."、（）「」・ＨＰ0123456789０１２３４５６７８９ABC％　"];
const CHAR = fc.constantFrom(...KANJI, ...KANJI, ...KANA, ...OTHER);

/** Text with no leading or trailing space, no 。 (sentences add it), not starting with a mark. */
const phrase = (min: number, max: number) =>
  fc.array(CHAR, { minLength: min, maxLength: max }).map((cs) => {
    const s = cs.join("").replace(/^[・　\s]+|[　\s]+$/g, "");
    return s === "" ? "事業" : s;
  });
const sentence = phrase(4, 60).map((s) => s + "。");
/** A paragraph of sentences; some lines are ・ items. The writer's breaks follow 。 or precede ・. */
const paragraph = fc
  .array(fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 3 })
  .map((paras) => paras.map(([ss, item]) => (item ? "・" : "") + ss.join("")).join("\n"));

const number = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map((n) => n.toLocaleString("en-US")),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, "0")}`),
  fc.integer({ min: 0, max: 99 }).map((n) => `${n}人`),
);
const figureOf = (printed: string): Figure => {
  const t = printed.normalize("NFKC").replace(/[,人%]/g, "");
  return { printed, value: printed === "－" || !/^\d+(\.\d+)?$/.test(t) ? null : Number(t) };
};
const cell = (kinds: fc.Arbitrary<string>) => fc.oneof({ weight: 6, arbitrary: kinds }, { weight: 1, arbitrary: fc.constant("－") });
const rate = fc.integer({ min: 0, max: 30000 }).map((n) => `${(n / 10).toFixed(1)}%`);
const yearRow = (value: fc.Arbitrary<string>, blankFrom: number) =>
  fc.tuple(...YEARS.map((_, i) => (i >= blankFrom ? fc.constant(null) : fc.option(cell(value), { freq: 8 })))).map((cells) =>
    Object.fromEntries(YEARS.map((y, i) => [y, cells[i] == null ? null : figureOf(cells[i]!)])),
  );

const UNITS = ["件", "人", "回", "％", "日", "万円", "％以上"];
const indicator = (kind: Indicator["kind"]): fc.Arbitrary<Indicator> =>
  fc.record({ name: phrase(3, 70), label: phrase(2, 20), unit: fc.constantFrom(...UNITS), target: yearRow(fc.oneof(number, fc.constant("1学年全員")), 4), actual: yearRow(number, 3), rate: yearRow(rate, 3) })
    .map(({ name, label, unit, target, actual, rate }) => ({ kind, name, rowLabel: `${label}（${unit}）`, unit, target, actual, rate }));

export const arbitrarySheet = (page: number): fc.Arbitrary<Sheet> =>
  fc.record({
    no: fc.integer({ min: 1, max: 99 }),
    name: phrase(2, 40), department: phrase(2, 10), targetGroup: phrase(2, 24),
    basicPolicy: phrase(4, 30), development: phrase(2, 20), approachPolicy: paragraph,
    approachPolicyLabel: fc.constantFrom("取組方針", "主な課題"),
    content: paragraph, resultsAndIssues: paragraph,
    plan: fc.array(indicator("plan"), { minLength: 1, maxLength: 5 }),
    reference: fc.array(indicator("reference"), { minLength: 0, maxLength: 3 }),
    overallRate: yearRow(rate, 3),
    evaluation: fc.option(fc.constantFrom(...GRADES), { freq: 6 }),
    adjustment: fc.constantFrom("有", "無"),
    covid: fc.oneof(fc.constant({ impact: "無" as const, note: null }), paragraph.map((note) => ({ impact: "有" as const, note }))),
    futureDirection: fc.option(fc.constantFrom(...FUTURE_DIRECTIONS), { freq: 6 }),
    futureDirectionText: paragraph, committeeOpinion: paragraph, subcommitteeOpinion: paragraph,
  }).map((s) => {
    const mark = <T,>(options: readonly T[], v: T | null) => options.map((o) => (o === v ? "■" : "□")).join("");
    return {
      no: s.no, page, name: s.name, department: s.department, targetGroup: s.targetGroup,
      basicPolicy: s.basicPolicy, development: s.development, approachPolicy: s.approachPolicy, approachPolicyLabel: s.approachPolicyLabel,
      content: s.content, resultsAndIssues: s.resultsAndIssues, indicators: [...s.plan, ...s.reference],
      overallRate: s.overallRate, evaluation: s.evaluation, adjustment: s.adjustment, covid: s.covid,
      futureDirection: s.futureDirection, futureDirectionText: s.futureDirectionText,
      marks: { evaluation: mark(GRADES, s.evaluation), futureDirection: mark(FUTURE_DIRECTIONS, s.futureDirection) },
      committeeOpinion: s.committeeOpinion, subcommitteeOpinion: s.subcommitteeOpinion,
    };
  });
