// What kind of input a file is, judged from its bytes (never from its name).
import { decodeText, type DecodedText } from "./extract/text.ts";
import { InputError } from "./errors.ts";

export type InputKind = { kind: "pdf" } | ({ kind: "text" } & DecodedText);

const PDF_MAGIC = "%PDF-";

/** Whether the bytes are a PDF's: the header may follow some junk bytes; readers accept it
 * within the first kilobyte. */
export const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes(PDF_MAGIC);

export function detectInput(bytes: Uint8Array, file: string): InputKind {
  if (bytes.length === 0) throw new InputError("EmptyFile", file);
  if (isPdf(bytes)) return { kind: "pdf" };
  const text = decodeText(bytes);
  if (text === null) throw new InputError("NotAPdf", file, `starts with bytes ${Buffer.from(bytes.subarray(0, 8)).toString("hex")}`);
  return { kind: "text", ...text };
}
