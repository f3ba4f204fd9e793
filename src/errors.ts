// Typed input errors: a stable code, the file, and what to do, in Japanese and English. An output
// that cannot be written is one too (Unwritable), named by its own path.

export const ERROR_CODES = {
  NotAPdf: { ja: "PDF でもテキストでもありません", en: "not a PDF or a text file", todo: { ja: "進行管理票の PDF か、そのテキスト（UTF-8、BOM 付き UTF-16、Shift_JIS）を指定してください", en: "give a 進行管理票 PDF or its extracted text (UTF-8, UTF-16 with a byte-order mark, or Shift_JIS)" } },
  EmptyFile: { ja: "ファイルが空です", en: "the file is empty", todo: { ja: "ダウンロードをやり直してください", en: "download the file again" } },
  NoSheetFound: { ja: "進行管理票のシートが見つかりません", en: "no 進行管理票 sheet found", todo: { ja: "事業番号・事業名のある進行管理票か確認してください", en: "check that this is a progress-management report with 事業番号 / 事業名 headers" } },
  PasswordRequired: { ja: "PDF にパスワードが必要です", en: "the PDF needs a password to open", todo: { ja: "--password で文書を開くパスワードを指定してください", en: "give the document's open password with --password" } },
  WrongPassword: { ja: "パスワードが違います", en: "the password is wrong", todo: { ja: "文書を開くパスワードを確認してください", en: "check the document's open password" } },
  DamagedPdf: { ja: "PDF が壊れているか途中で切れています", en: "the PDF is damaged or truncated", todo: { ja: "元のファイルを取得し直してください", en: "get the original file again" } },
  NoTextLayer: { ja: "文字情報がありません（画像だけの PDF）", en: "the PDF has no text layer (a scan)", todo: { ja: "OCR で文字情報を付けてから読み込んでください", en: "run OCR on it first, then read the result" } },
  TooLarge: { ja: "ファイルが大きすぎます", en: "the file is larger than the limit", todo: { ja: "--max-size で上限を上げてください", en: "raise the limit with --max-size if the file is genuine" } },
  TooManyPages: { ja: "ページ数が上限を超えています", en: "the PDF has more pages than the limit", todo: { ja: "--max-pages で上限を上げてください", en: "raise the limit with --max-pages if the file is genuine" } },
  TimeLimit: { ja: "制限時間内に読み終わりませんでした", en: "reading did not finish within the time limit", todo: { ja: "--timeout で制限時間を延ばすか、ファイルを確認してください", en: "raise --timeout, or check the file" } },
  OutOfMemory: { ja: "読み込みに必要なメモリが上限を超えました", en: "reading it needed more memory than a worker may use", todo: { ja: "極端に大きな画像・ストリーム・ページ（壊れたか悪意のあるファイル）がないか確認し、正常なファイルなら分割してください", en: "check it for very large images, streams or pages (a damaged or hostile file); split a genuine one into smaller files" } },
  ChangedWhileRead: { ja: "読み込み中にファイルが変わりました", en: "the file changed while it was being read", todo: { ja: "書き込みが終わってから読み込み直してください", en: "read it again once nothing is writing it" } },
  Unreadable: { ja: "ファイルを読めません", en: "the file cannot be read", todo: { ja: "パスと権限を確認してください", en: "check the path and permissions" } },
  Unwritable: { ja: "出力を書き込めません", en: "the output cannot be written", todo: { ja: "出力先のフォルダ・権限・空き容量を確認してください", en: "check the output's folder, its permissions and the free space" } },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class InputError extends Error {
  readonly code: ErrorCode;
  readonly file: string;
  readonly detail: string | null;
  constructor(code: ErrorCode, file: string, detail: string | null = null) {
    const text = ERROR_CODES[code];
    super(`${file}: ${code}: ${text.en}${detail ? ` (${detail})` : ""}; ${text.todo.en}`);
    this.code = code;
    this.file = file;
    this.detail = detail;
  }

  /** One line for a person, in the chosen language. */
  describe(lang: "ja" | "en"): string {
    const text = ERROR_CODES[this.code];
    const sep = lang === "ja" ? "。" : "; ";
    return `${this.file}: ${this.code}: ${text[lang]}${this.detail ? ` (${this.detail})` : ""}${sep}${text.todo[lang]}`;
  }
}

/** A failed system call's code (ENOENT, EACCES, ENOSPC…) for an error's detail, else the error
 * as text. */
export const systemCode = (e: unknown): string => (e as NodeJS.ErrnoException | null)?.code ?? String(e);
