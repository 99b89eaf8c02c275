/**
 * Progress for long runs: a bar redrawn in place on a terminal (files done of
 * total, letters per second, time left, errors so far), plain lines every few
 * seconds when the output is a file or a pipe, nothing with --quiet.
 */
export class Progress {
  private readonly start = performance.now();
  private last = 0;
  private done = 0;
  private errors = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream | null,
    private readonly every = stream?.isTTY ? 100 : 5000,
  ) {}

  tick(files: number, errors: number): void {
    this.done += files;
    this.errors += errors;
    const now = performance.now();
    if (this.stream && now - this.last >= this.every) {
      this.last = now;
      this.draw(now);
    }
  }

  finish(): void {
    if (!this.stream) return;
    this.draw(performance.now());
    if (this.stream.isTTY) this.stream.write('\n');
  }

  private draw(now: number): void {
    const seconds = (now - this.start) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = rate > 0 ? (this.total - this.done) / rate : 0;
    const eta = `${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, '0')}`;
    const stats = `${this.done}/${this.total} files  ${Math.round(rate)} letters/s  ETA ${eta}  errors ${this.errors}`;
    if (this.stream!.isTTY) {
      const width = 30;
      const filled = this.total ? Math.round((width * this.done) / this.total) : width;
      this.stream!.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${stats}\x1b[K`);
    } else {
      this.stream!.write(`imr: ${stats}\n`);
    }
  }
}
