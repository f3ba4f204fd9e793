// The printed labels of a sheet, in one place: the normalizer anchors on these words.
export const LABEL = {
  subcommittee: "就労支援連絡専門部会の意見",
  subcommitteeEnd: "専門部会からの意見",
  committee: "就労支援推進委員会の意見",
  futureOptions: "拡大・拡充",
  future: "今後の取組方針",
  covid: "有無",
  evaluationOptions: "目標を大幅に上回った",
  adjustment: "調整",
  overall: "総合達成率",
  planIndicators: "⑥",
  referenceIndicators: "⑦",
  indicatorStatus: "【指標の状況】",
  content: "事業内容",
  results: "対象年度の実績及び課題",
  basicPolicy: "基本方針",
  development: "展開",
  approachPolicy: ["取組方針", "主な課題"],
} as const;

/** 事業番号 / 事業名 line; `事業` may stand on the line before. */
export const NUMBER_LINE = /^(?:事業)?\s*番号\s*(\S+)\s+事業名\s*(.*)$/;
export const POLICY_LINE = /^【.*方針】/;

// The lines below are read by searching for their keyword, not by one regular expression: a
// lazy group beside runs of whitespace (`^所管課\s*(.*?)\s+対象者`) backtracks through every
// split of a long run, and a 4,000-character line of spaces took 25 s (2 Dec). Each of these
// reads a line once; what they return is what those expressions captured, trimmed.

/** The index of the first character after `from` that is not whitespace. */
function afterSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && /\s/.test(line[i]!)) i++;
  return i;
}

/** `所管課 {department} 対象者 {targetGroup}`: the first 対象者 after whitespace ends the
 * department; one right after 所管課 and its spaces is the department when another follows. */
export function departmentLine(line: string): { department: string; targetGroup: string } | null {
  if (!line.startsWith("所管課")) return null;
  const named = afterSpaces(line, "所管課".length);
  const found = line.slice(named).search(/\s対象者/);
  const space = found >= 0 ? named + found : named > "所管課".length && line.startsWith("対象者", named) ? named - 1 : -1;
  if (space < 0) return null;
  return { department: line.slice("所管課".length, space).trim(), targetGroup: line.slice(space + 1 + "対象者".length).trim() };
}

/** `{title} ［対象：{fiscal year}］` ending the line: the first ［対象： opens it, the last ］ closes it. */
export function titleLine(line: string): { title: string; fiscalYear: string } | null {
  const text = line.trimEnd();
  if (!text.endsWith("］")) return null;
  const open = text.indexOf("［対象：", 1);
  const fiscalYear = open < 0 ? "" : text.slice(open + "［対象：".length, -1);
  if (fiscalYear === "") return null;
  return { title: text.slice(0, open).trimEnd(), fiscalYear };
}

/** `※{plan}期間：{period}`, anywhere in the line: a plan's name (often empty) and its period, as
 * printed after the colon. The plan has a character at least: a 期間： right after `※` and its
 * spaces is the plan's name when another 期間： follows. */
export function planPeriodLine(line: string): { plan: string; period: string } | null {
  for (let mark = line.indexOf("※"); mark >= 0; mark = line.indexOf("※", mark + 1)) {
    const named = afterSpaces(line, mark + 1);
    const followed = (at: number) => at >= 0 && at + "期間：".length < line.length;
    let at = line.indexOf("期間：", named + 1);
    if (!followed(at)) at = named > mark + 1 && line.startsWith("期間：", named) ? named : -1; // a space is the name
    if (!followed(at)) continue;
    return { plan: line.slice(mark + 1, at).trim(), period: line.slice(at + "期間：".length).trimEnd() };
  }
  return null;
}

/** ⑧'s five boxes, in grade order S, A, B, C, D. */
export const EVALUATION_OPTIONS = ["目標を大幅に上回った", "目標どおり達成した", "おおむね達成した", "目標を達成できなかった", "取組を行えなかった"] as const;
