// Progress on stderr: a live bar with counts and ETA on a terminal, plain lines otherwise,
// nothing with --quiet.
export interface ProgressSink {
  isTTY: boolean;
  write(text: string): void;
}

export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private readonly total: number;
  private readonly sink: ProgressSink | null;

  constructor(total: number, sink: ProgressSink | null) {
    this.total = total;
    this.sink = sink;
  }

  tick(file: string, outcome: string): void {
    this.done++;
    if (!this.sink) return;
    if (!this.sink.isTTY) {
      this.sink.write(`[${this.done}/${this.total}] ${file}: ${outcome}\n`);
      return;
    }
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.done > 0 ? Math.round((elapsed / this.done) * (this.total - this.done)) : 0;
    this.sink.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total} ETA ${eta}s `);
    if (this.done === this.total) this.sink.write("\n");
  }
}
