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
export const DEPARTMENT_LINE = /^所管課\s*(.*?)\s+対象者\s*(.*)$/;
export const TITLE_LINE = /^(.+?)\s*［対象：(.+?)］\s*$/;
export const PLAN_PERIOD_LINE = /※\s*(.+?)期間：(.+?)\s*$/;
export const POLICY_LINE = /^【.*方針】/;

/** ⑧'s five boxes, in grade order S, A, B, C, D. */
export const EVALUATION_OPTIONS = ["目標を大幅に上回った", "目標どおり達成した", "おおむね達成した", "目標を達成できなかった", "取組を行えなかった"] as const;
