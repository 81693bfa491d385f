/**
 * One tokenizer for messages AND for query terms. Using the same function on both sides
 * is what makes matching predictable: whatever a query term turns into, the same text in
 * a message turns into the same keys.
 *
 * Keys are folded (lower case, accents removed) so matching is case- and
 * accent-insensitive without any per-query work.
 */

export type TokenKind = 'word' | 'url' | 'email' | 'mention' | 'hashtag' | 'emoji';

export interface Token {
  kind: TokenKind;
  /** Folded, canonical form used for matching. */
  key: string;
}

// Order matters: URLs and e-mail addresses before mentions/words, so "a@b.com" and
// "https://x.co/@y" are single tokens rather than a word, a mention and a domain.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]}'])`,
    // The lookbehind lets an address start only where a run of address characters starts,
    // and the local part is bounded (RFC 5321: 64): without both, a long run of dots or
    // dashes made every position re-scan the rest of the run (quadratic time).
    String.raw`(?<email>(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})`,
    String.raw`(?<mention>@[\p{L}\p{N}_]+)`,
    String.raw`(?<hashtag>#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)`,
    // Emoji: one pictograph with its modifiers / ZWJ sequence, or a regional-indicator flag.
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic}\uFE0F?)*|[\u{1F1E6}-\u{1F1FF}]{2})`,
    // Common emoticons, bounded so "e.g. :P" style noise stays rare.
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])[:;=8][-']?[()DPpOo3\/\\|\[\]](?![\p{L}\p{N}]))`,
    // Words: letters/digits, with internal apostrophes for contractions ("don't", "amazon's").
    String.raw`(?<word>[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)`,
  ].join('|'),
  'gu',
);

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Lower-case and strip accents ("Café" → "cafe"). Cheap for pure-ASCII input. */
export function fold(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Canonical form of a word: possessive "'s" dropped ("amazon's" → "amazon") and other
 * apostrophes removed ("don't" → "dont"), so the many ways people type contractions meet.
 */
function canonicalWord(w: string): string {
  if (w.indexOf("'") < 0 && w.indexOf('’') < 0) return w;
  return w.replace(/['’]s$/, '').replace(/['’]/g, '');
}

export function tokenize(text: string): Token[] {
  const folded = fold(text);
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(folded); m !== null; m = TOKEN_RE.exec(folded)) {
    const g = m.groups!;
    if (g.word !== undefined) out.push({ kind: 'word', key: canonicalWord(g.word) });
    else if (g.mention !== undefined) out.push({ kind: 'mention', key: g.mention });
    else if (g.hashtag !== undefined) out.push({ kind: 'hashtag', key: g.hashtag });
    else if (g.url !== undefined) out.push({ kind: 'url', key: g.url.replace(/^https?:\/\//, '') });
    else if (g.email !== undefined) out.push({ kind: 'email', key: g.email });
    else if (g.emoji !== undefined) out.push({ kind: 'emoji', key: g.emoji.replace(/\uFE0F/g, '') });
    else if (g.emoticon !== undefined) out.push({ kind: 'emoji', key: g.emoticon });
  }
  return out;
}
