import { Injectable } from '@nestjs/common';
import type { SampleThread, SampleThreads } from '@firebreak/engine';
import { parse } from 'csv-parse';
import { createReadStream } from 'fs';
import { stat } from 'fs/promises';
import { join } from 'path';
import { repoRoot } from '../config';

/** The file under FIREBREAK_SAMPLES_DIR; `shared/data` lays it out this way. */
const TWCS_FILE = join('twcs', 'twcs-dev.csv');

/**
 * The TWCS demo threads for the editor's test run. The CSV is streamed once (it is
 * read only when someone asks, and the api does not hold it before), grouped into threads
 * by following `in_response_to_tweet_id`, and kept in memory for the process: it is a few
 * hundred kilobytes and never changes while the api runs. A missing file is not an error:
 * the answer is an empty list that says where the file was looked for.
 */
@Injectable()
export class SamplesService {
  private readonly dir = process.env.FIREBREAK_SAMPLES_DIR ?? join(repoRoot, '..', 'shared', 'data');
  private loaded?: Promise<SampleThread[]>;

  async threads(q: string | undefined, limit: number): Promise<SampleThreads> {
    const file = join(this.dir, TWCS_FILE);
    if (!(await isFile(file))) {
      return {
        threads: [],
        total: 0,
        source: TWCS_FILE,
        message: `No demo threads: ${file} does not exist. Set FIREBREAK_SAMPLES_DIR to the folder that holds ${TWCS_FILE}.`,
      };
    }
    this.loaded ??= readThreads(file).catch((e: unknown) => {
      this.loaded = undefined; // a broken read is retried on the next request, not cached
      throw e;
    });
    const all = await this.loaded;
    const needle = q?.trim().toLowerCase();
    const matching = needle ? all.filter((t) => t.messages.some((m) => m.inbound && m.text.toLowerCase().includes(needle))) : all;
    return { threads: matching.slice(0, limit), total: matching.length, source: TWCS_FILE };
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

interface Row {
  tweet_id: string;
  author_id: string;
  inbound: string;
  created_at: string;
  text: string;
  in_response_to_tweet_id: string;
}

/** Stream the CSV (a real parser: two texts contain bare carriage returns) into threads, in file order of their first tweet. */
async function readThreads(file: string): Promise<SampleThread[]> {
  const rows = new Map<string, Row>();
  const parser = createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true, relax_column_count: true }));
  for await (const row of parser as AsyncIterable<Row>) if (row.tweet_id) rows.set(row.tweet_id, row);

  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    for (;;) {
      const parent = rows.get(at)?.in_response_to_tweet_id;
      if (!parent || !rows.has(parent) || seen.has(parent)) return at;
      seen.add(at);
      at = parent;
    }
  };
  const byRoot = new Map<string, Row[]>();
  for (const [id, row] of rows) {
    const root = rootOf(id);
    const list = byRoot.get(root) ?? [];
    list.push(row);
    byRoot.set(root, list);
  }

  const threads: SampleThread[] = [];
  for (const [root, list] of byRoot) {
    const messages = list
      .map((r) => ({ id: r.tweet_id, author: r.author_id, inbound: r.inbound === 'True', at: isoOf(r.created_at), text: r.text.trim() }))
      .sort((a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id));
    const first = messages.find((m) => m.inbound);
    if (!first || !first.text) continue; // a thread the brand started has no customer message to test with
    threads.push({
      id: root,
      brand: messages.find((m) => !m.inbound)?.author ?? null,
      customer: first.author,
      text: first.text,
      receivedAt: first.at,
      messages,
    });
  }
  return threads;
}

/** TWCS dates read "Tue Oct 31 22:10:10 +0000 2017"; JavaScript's Date parses that form. */
function isoOf(createdAt: string): string {
  const t = Date.parse(createdAt);
  return Number.isNaN(t) ? new Date(0).toISOString() : new Date(t).toISOString();
}
