/**
 * Realistic keyword queries for the benchmark, generated (seeded) from the TWCS vocabulary:
 * single terms, ORs, ANDs, phrases, prefixes, NOTs, NEARs, hashtags and mentions.
 */
import { tokenize } from '../../engine/src/analysis';
import { rng } from './data';

export function makeQueries(texts: readonly string[], n: number, seed = 1): string[] {
  const freq = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const tags = new Set<string>();
  for (const t of texts) {
    const toks = tokenize(t);
    toks.forEach((tok, i) => {
      if (tok.kind === 'word' && /^[a-z]{3,}$/.test(tok.key)) freq.set(tok.key, (freq.get(tok.key) ?? 0) + 1);
      if ((tok.kind === 'hashtag' || tok.kind === 'mention') && /^[#@][a-z]\w+$/.test(tok.key)) tags.add(tok.key);
      const nx = toks[i + 1];
      if (tok.kind === 'word' && nx?.kind === 'word' && /^[a-z]{3,}$/.test(tok.key) && /^[a-z]{3,}$/.test(nx.key))
        bigrams.set(tok.key + ' ' + nx.key, (bigrams.get(tok.key + ' ' + nx.key) ?? 0) + 1);
    });
  }
  // Distinct words seen at least twice: queries name specific things, not "the".
  const words = [...freq]
    .filter(([, c]) => c >= 2)
    .map(([w]) => w)
    .sort();
  const phrases = [...bigrams]
    .filter(([, c]) => c >= 2)
    .map(([b]) => b)
    .sort();
  const tagList = [...tags].sort();
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const w = () => pick(words);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.3) out.push(w());
    else if (r < 0.45) out.push(`${w()} OR ${w()} OR ${w()}`);
    else if (r < 0.6) out.push(`${w()} ${w()}`);
    else if (r < 0.7) out.push(`"${pick(phrases)}"`);
    else if (r < 0.8) {
      const long = words.filter((x) => x.length >= 6);
      const x = pick(long);
      out.push(`${x.slice(0, 4 + Math.floor(rand() * 2))}*`);
    } else if (r < 0.9) out.push(`(${w()} OR ${w()}) NOT ${w()}`);
    else if (r < 0.95) out.push(`${w()} NEAR/3 ${w()}`);
    else out.push(`${pick(tagList)} OR ${w()}`);
  }
  return out;
}
