import { KeywordMatcher } from '@firebreak/engine';

/** Anything that runs SQL: a DataSource, an EntityManager or a query runner. */
export interface Sql {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * An article whose keyword query matches the message gets this added to its text rank.
 * Text ranks are normalised into [0, 1) (ts_rank_cd's rank/(rank+1)), so a boost of 1
 * puts every keyword-matched article above every article found by text alone; among
 * keyword-matched articles the text decides. A manager who writes a query means it.
 */
export const KEYWORD_BOOST = 1;

export interface RankedArticle {
  id: string;
  key: string | null;
  title: string;
  body: string;
  tags: string[];
  lang: string;
  score: number;
  /** Where the body meets the message: HTML-escaped text with the matched words in <mark>…</mark>. */
  snippet: string;
  why: {
    /** Full-text rank: title words weigh A, body words B; cover density, normalised. */
    textRank: number;
    /** The words (as PostgreSQL stems them) the message and the article share. */
    matchedTerms: string[];
    keywordQuery: string | null;
    keywordMatched: boolean;
    keywordBoost: number;
  };
}

export interface RankOptions {
  /** Only articles in this language (ISO 639-1); without it, every article, each read in its own language. */
  lang?: string;
}

/*
 * The message becomes an OR of its own lexemes (stop words dropped, stemmed the way each
 * article's language stems), because customers write sentences, not search queries: an
 * AND of every word would find nothing. The message is stemmed once per language the
 * candidate articles are in (kb_text_config, the mapping the index uses too). Lexemes are
 * quoted for the tsquery parser by hand (quote_literal would switch to E'' syntax on a
 * backslash). The snippet is made only for the rows returned, from an HTML-escaped body.
 */
const RANK_SQL = String.raw`
  WITH langs AS (SELECT DISTINCT lang FROM kb_articles WHERE $5::text IS NULL OR lang = $5),
  m AS (SELECT lang, to_tsvector(kb_text_config(lang), $1) AS v FROM langs),
  q AS (
    SELECT m.lang, m.v, CASE WHEN length(m.v) = 0 THEN NULL ELSE array_to_string(array(
      SELECT '''' || replace(replace(l, '\', '\\'), '''', '''''') || '''' FROM unnest(tsvector_to_array(m.v)) AS l
    ), ' | ')::tsquery END AS tsq
    FROM m
  ),
  ranked AS (
    SELECT a.id, a.key, a.title, a.body, a.tags, a.query, a.lang, q.tsq,
      coalesce(ts_rank_cd(a.search, q.tsq, 32), 0)::float8 AS text_rank,
      a.id = ANY($2::uuid[]) AS keyword_matched,
      array(SELECT unnest(tsvector_to_array(a.search)) INTERSECT SELECT unnest(tsvector_to_array(q.v)) ORDER BY 1) AS matched_terms
    FROM kb_articles a JOIN q ON q.lang = a.lang
    WHERE (q.tsq IS NOT NULL AND a.search @@ q.tsq) OR a.id = ANY($2::uuid[])
  ),
  best AS (
    SELECT *, text_rank + CASE WHEN keyword_matched THEN $3::float8 ELSE 0 END AS score
    FROM ranked
    ORDER BY score DESC, title, id
    LIMIT $4
  ),
  escaped AS (SELECT *, replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS safe_body FROM best)
  SELECT id, key, title, body, tags, query, lang, text_rank, keyword_matched, matched_terms, score,
    coalesce(
      ts_headline(kb_text_config(lang), safe_body, tsq,
        'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=<mark>, StopSel=</mark>'),
      left(safe_body, 200)
    ) AS snippet
  FROM escaped
  ORDER BY score DESC, title, id`;

interface Row {
  id: string;
  key: string | null;
  title: string;
  body: string;
  tags: string[];
  query: string | null;
  lang: string;
  text_rank: number;
  keyword_matched: boolean;
  matched_terms: string[];
  score: number;
  snippet: string;
}

/** The articles that fit a message, best first, each with why it ranks where it does. */
export async function rankArticles(db: Sql, text: string, limit = 5, options: RankOptions = {}): Promise<RankedArticle[]> {
  const keywordMatched = await keywordMatches(db, text);
  const rows = await db.query<Row[]>(RANK_SQL, [text, keywordMatched, KEYWORD_BOOST, limit, options.lang ?? null]);
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: r.title,
    body: r.body,
    tags: r.tags,
    lang: r.lang,
    score: round(r.score),
    snippet: r.snippet,
    why: {
      textRank: round(r.text_rank),
      matchedTerms: r.matched_terms,
      keywordQuery: r.query,
      keywordMatched: r.keyword_matched,
      keywordBoost: r.keyword_matched ? KEYWORD_BOOST : 0,
    },
  }));
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/*
 * One matcher for all article queries, as the analysis does for a playbook's keyword
 * nodes; rebuilt only when an article's query changes (the signature is every id and
 * update time), so a draft costs one small query and one scan of the message.
 */
let cached: { signature: string; matcher: KeywordMatcher } | undefined;

async function keywordMatches(db: Sql, text: string): Promise<string[]> {
  const rows = await db.query<Array<{ id: string; query: string; updated_at: Date }>>(
    `SELECT id, query, updated_at FROM kb_articles WHERE query IS NOT NULL ORDER BY id`,
  );
  if (!rows.length) return [];
  const signature = rows.map((r) => `${r.id}@${new Date(r.updated_at).getTime()}`).join(',');
  if (cached?.signature !== signature) cached = { signature, matcher: new KeywordMatcher(rows.map((r) => ({ id: r.id, query: r.query }))) };
  return [...cached.matcher.match(text)];
}
