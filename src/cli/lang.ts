export type Lang = "ja" | "en";

/** --lang, else the locale of the environment (LC_ALL, LC_MESSAGES, LANG). */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === "ja" || flag === "en") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.startsWith("ja") ? "ja" : "en";
}
