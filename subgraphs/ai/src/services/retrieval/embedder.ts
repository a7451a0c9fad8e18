import { createHash } from 'node:crypto';
import type { Ollama } from 'ollama';

export interface Embedding { vector: number[]; model: string; text: string }

export interface Embedder {
  readonly model: string;
  embed(text: string): Promise<Embedding>;
}

const DIMENSIONS = 256;

function normalize(v: number[]): number[] {
  const length = Math.hypot(...v) || 1;
  return v.map((x) => x / length);
}

/**
 * A deterministic embedding with no model: character trigrams of the lower-cased text hashed into
 * 256 signed buckets. Similar label/value texts land close together; identical texts are identical.
 */
export class HashingEmbedder implements Embedder {
  readonly model = 'local-trigram-256';

  async embed(text: string): Promise<Embedding> {
    const v = new Array<number>(DIMENSIONS).fill(0);
    const t = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
    for (let i = 0; i + 3 <= t.length; i++) {
      const h = createHash('md5').update(t.slice(i, i + 3)).digest();
      v[h.readUInt16LE(0) % DIMENSIONS]! += h[2]! & 1 ? 1 : -1;
    }
    return { vector: normalize(v), model: this.model, text };
  }
}

/** Ollama's /api/embed, falling back to the local embedding when the server fails (logged by the caller). */
export class OllamaEmbedder implements Embedder {
  constructor(private readonly client: Ollama, readonly model: string, private readonly fallback = new HashingEmbedder()) {}

  async embed(text: string): Promise<Embedding> {
    try {
      const res = await this.client.embed({ model: this.model, input: text });
      const vector = res.embeddings[0];
      if (!vector?.length) throw new Error('no embedding returned');
      return { vector: normalize(vector), model: this.model, text };
    } catch {
      return this.fallback.embed(text);
    }
  }
}

export const cosine = (a: number[], b: number[]) => (a.length !== b.length ? 0 : a.reduce((s, x, i) => s + x * b[i]!, 0));
