/** Readers for the shared evaluation data (../shared/data relative to the repo root). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const DATA = join(__dirname, '..', '..', '..', 'shared', 'data');

export function readCsv<T = Record<string, string>>(rel: string): T[] {
  return parse(readFileSync(join(DATA, rel)), { columns: true, skip_empty_lines: true, relax_quotes: true }) as T[];
}

export interface TwcsRow {
  tweet_id: string;
  author_id: string;
  inbound: string;
  created_at: string;
  text: string;
  response_tweet_id: string;
  in_response_to_tweet_id: string;
}

export function twcs(): TwcsRow[] {
  return readCsv<TwcsRow>('twcs/twcs-dev.csv');
}

/** Inbound first messages: a customer tweet that starts a thread. */
export function twcsFirstInbound(): TwcsRow[] {
  return twcs().filter((r) => r.inbound === 'True' && r.in_response_to_tweet_id === '');
}

/** A small seeded PRNG (mulberry32) so samples are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sample<T>(xs: readonly T[], n: number, rand: () => number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
