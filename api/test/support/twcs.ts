import { parse } from 'csv-parse/sync';
import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from './stack';

/** Customer tweets from the TWCS sample, read where the data lives (never copied into the product). */
export interface Tweet {
  id: string;
  authorId: string;
  text: string;
}

let cache: Tweet[] | undefined;

export function inboundTweets(): Tweet[] {
  cache ??= (
    parse(readFileSync(join(repoRoot, '..', 'shared', 'data', 'twcs', 'twcs-dev.csv')), { columns: true, skip_empty_lines: true }) as Array<
      Record<string, string>
    >
  )
    .filter((r) => r.inbound === 'True' && r.text.trim().length > 20)
    .map((r) => ({ id: r.tweet_id, authorId: r.author_id, text: r.text }));
  return cache;
}

/** Tweets whose text matches, in file order. */
export const tweetsMatching = (re: RegExp, n: number) =>
  inboundTweets()
    .filter((t) => re.test(t.text))
    .slice(0, n);
