import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Knowledge-base articles in more than one language: each article has an ISO 639-1 `lang`
 * and is indexed with that language's PostgreSQL text-search configuration, so "Lieferung"
 * stems as German and "delivery" as English. `kb_text_config` is the one mapping from a
 * language code to a configuration (the search query uses it too); languages PostgreSQL
 * has no stemmer for fall back to `simple` (lower-cased words, no stemming).
 */
export class KbLanguage1733153000000 implements MigrationInterface {
  name = 'KbLanguage1733153000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kb_text_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE lang
          WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german'
          WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch' WHEN 'sv' THEN 'swedish'
          WHEN 'da' THEN 'danish' WHEN 'no' THEN 'norwegian' WHEN 'fi' THEN 'finnish' WHEN 'hu' THEN 'hungarian'
          WHEN 'ro' THEN 'romanian' WHEN 'el' THEN 'greek' WHEN 'tr' THEN 'turkish' WHEN 'ru' THEN 'russian'
          WHEN 'ar' THEN 'arabic' WHEN 'hi' THEN 'hindi' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish'
          WHEN 'lt' THEN 'lithuanian' WHEN 'ca' THEN 'catalan'
          ELSE 'simple' END)::regconfig
      $$;
      ALTER TABLE kb_articles ADD COLUMN lang text NOT NULL DEFAULT 'en' CHECK (lang ~ '^[a-z]{2}$');
      ALTER TABLE kb_articles DROP COLUMN search;
      ALTER TABLE kb_articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(kb_text_config(lang), title), 'A') ||
        setweight(to_tsvector(kb_text_config(lang), regexp_replace(body, '\\{\\{[^}]*\\}\\}', ' ', 'g')), 'B')
      ) STORED;
      CREATE INDEX kb_articles_search ON kb_articles USING GIN (search);
      CREATE INDEX kb_articles_lang ON kb_articles (lang);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX kb_articles_lang;
      ALTER TABLE kb_articles DROP COLUMN search;
      ALTER TABLE kb_articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', regexp_replace(body, '\\{\\{[^}]*\\}\\}', ' ', 'g')), 'B')
      ) STORED;
      CREATE INDEX kb_articles_search ON kb_articles USING GIN (search);
      ALTER TABLE kb_articles DROP COLUMN lang;
      DROP FUNCTION kb_text_config(text);
    `);
  }
}
