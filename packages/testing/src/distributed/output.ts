import type { Readable } from 'node:stream';

/** Everything a process wrote, kept in memory (bounded) so a test can scan it, e.g. for secrets. */
export class CapturedOutput {
  private readonly chunks: string[] = [];
  private size = 0;

  constructor(private readonly maxChars = 20_000_000) {}

  attach(stream: Readable | null, echo?: (line: string) => void): void {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      if (this.size < this.maxChars) {
        this.chunks.push(chunk);
        this.size += chunk.length;
      }
      echo?.(chunk);
    });
  }

  text(): string {
    return this.chunks.join('');
  }

  /** The last `n` characters, for error messages. */
  tail(n = 2_000): string {
    return this.text().slice(-n);
  }
}
