/**
 * An article file (`templates/kb/<key>.md`): a front matter of `name: value` lines between
 * two `---` lines, then the body. Deliberately not YAML: three plain fields do not need a
 * YAML parser, and a keyword query full of quotes and colons is taken exactly as written.
 *
 *   ---
 *   title: Where is my order?
 *   tags: orders, delivery
 *   query: (order OR parcel) (where OR late OR track*)
 *   ---
 *   Hi {{customerName}}, …
 */
export interface ArticleFile {
  key: string;
  title?: string;
  tags: string[];
  query?: string;
  body: string;
}

const FIELDS = new Set(['title', 'tags', 'query']);

export function parseArticleFile(key: string, source: string): ArticleFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error(`${key}: an article file starts with a front matter between two "---" lines`);
  const fields: Record<string, string> = {};
  m[1].split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const at = line.indexOf(':');
    const name = at > 0 ? line.slice(0, at).trim() : '';
    if (!FIELDS.has(name))
      throw new Error(`${key}: front matter line ${i + 1} should be "title:", "tags:" or "query:", not ${JSON.stringify(line)}`);
    fields[name] = line.slice(at + 1).trim();
  });
  const tags = (fields.tags ?? '')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return { key, title: fields.title, tags, query: fields.query || undefined, body: m[2].trim() };
}
