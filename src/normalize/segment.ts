// A run of printed lines with the look-ups the sheet readers share.

export interface Line {
  text: string;
  no: number;
  page: number;
}

export type LineTest = (text: string) => boolean;

export const is = (label: string): LineTest => (t) => t === label;
export const startsWith = (label: string): LineTest => (t) => t.startsWith(label);
export const endsWith = (label: string): LineTest => (t) => t.endsWith(label);
export const anyOf = (...tests: LineTest[]): LineTest => (t) => tests.some((test) => test(t));

export class Segment {
  readonly lines: readonly Line[];
  constructor(lines: readonly Line[]) {
    this.lines = lines;
  }

  get length(): number {
    return this.lines.length;
  }

  text(i: number): string {
    return this.lines[i]?.text.trim() ?? "";
  }

  find(test: LineTest, from = 0, to = this.lines.length): number {
    for (let i = Math.max(0, from); i < Math.min(to, this.lines.length); i++) if (test(this.text(i))) return i;
    return -1;
  }

  /** The next non-blank line at or after `from`. */
  nextText(from: number, to = this.lines.length): number {
    return this.find((t) => t !== "", from, to);
  }

  /**
   * Lines from `from` up to the first that passes `stop`. A stop label glued to the end of a
   * line (`…取り組まれたい。専門部会からの意見`) ends the paragraph there and is dropped.
   */
  paragraph(from: number, stop: LineTest, glued: readonly string[] = []): { lines: string[]; end: number } {
    const lines: string[] = [];
    for (let i = from; i < this.lines.length; i++) {
      const t = this.text(i);
      if (stop(t)) return { lines, end: i };
      const label = glued.find((g) => t.endsWith(g));
      if (label) {
        lines.push(t.slice(0, -label.length));
        return { lines, end: i };
      }
      lines.push(this.lines[i]!.text);
    }
    return { lines, end: this.lines.length };
  }
}
