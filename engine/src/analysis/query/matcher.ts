/**
 * Compiles every keyword query of a playbook version into ONE matcher.
 *
 * Leaves (terms, phrases, prefixes, regexes) are deduplicated across queries and indexed:
 * terms and phrases in one token Aho–Corasick automaton, prefixes in one character trie.
 * Per message we tokenize once, walk both indexes once, and evaluate only the queries that
 * contain a leaf that fired (plus the few whose answer does not depend on any indexed leaf,
 * e.g. pure regex queries). That keeps the cost per message nearly flat in the number of
 * queries.
 */
import { RE2JS } from 're2js';
import { fold, tokenize } from '../text/tokenize';
import type { QueryError, QueryNode } from './ast';
import { PrefixTrie, TokenAutomaton } from './aho-corasick';
import { parseQuery } from './parser';

export interface QueryInput {
  id: string;
  query: string;
}

export interface QueryProblem extends QueryError {
  id: string;
}

/** Per-message evaluation state, shared by the compiled closures of all queries. */
interface Scan {
  gen: number;
  seen: Int32Array; // seen[leaf] === gen  ⇔  the leaf fired in this message
  /** Token spans [start, end] of each leaf that fired, only for leaves used by NEAR. */
  spans: Map<number, number[]>;
  folded: string;
  regexCache: Map<number, boolean>;
}

type Eval = (s: Scan) => boolean;

// Query shapes, see `shapes`.
const ANY = 0;
const ALL = 1;
const GENERAL = 2;

interface LeafIndex {
  automaton: TokenAutomaton;
  patternLeaves: number[][]; // AC pattern id → leaf ids
  trie: PrefixTrie;
  regexes: RE2JS[]; // regex leaf k has leaf id regexLeafIds[k]
  leafKeys: Map<string, number>;
  leafCount: number;
  nearLeaves: Set<number>;
}

export class KeywordMatcher {
  readonly problems: QueryProblem[] = [];
  private readonly ids: string[] = [];
  private readonly evals: Eval[] = [];
  private readonly leafQueries: number[][] = [];
  /** Queries evaluated on every message (contain a regex, or have no indexed leaf). */
  private readonly always: number[] = [];
  /** Queries true when none of their indexed leaves fire (e.g. "NOT spam"). */
  private readonly trueWhenEmpty: number[] = [];
  private readonly idx: LeafIndex;
  private readonly scan: Scan;
  private readonly touched: Int32Array;
  /**
   * Most queries are a term, a phrase, an OR of them, or an AND of them. Those are decided
   * here without calling their closure: thousands of distinct closures at one call site
   * make that call megamorphic, which cost more than everything else at 10,000 queries.
   * 'any': true as soon as the query is touched (a leaf fired); number[]: all these leaves.
   */
  private readonly shapes: Array<'any' | number[] | null> = [];
  private readonly shapeKind: Uint8Array;
  private readonly allStart: Int32Array;
  private readonly allList: Int32Array;
  private readonly leafQStart: Int32Array;
  private readonly leafQList: Int32Array;
  private readonly nearLeaf: Uint8Array;

  constructor(queries: readonly QueryInput[]) {
    this.idx = {
      automaton: new TokenAutomaton(),
      patternLeaves: [],
      trie: new PrefixTrie(),
      regexes: [],
      leafKeys: new Map(),
      leafCount: 0,
      nearLeaves: new Set(),
    };
    for (const q of queries) {
      const parsed = parseQuery(q.query);
      if (!parsed.ast) {
        for (const e of parsed.errors) this.problems.push({ id: q.id, ...e });
        continue; // an invalid query never matches; validation reports it before publish
      }
      const qi = this.ids.length;
      this.ids.push(q.id);
      const leaves: number[] = [];
      let hasRegex = false;
      this.evals.push(
        this.compileNode(parsed.ast, (leaf, isRegex) => {
          leaves.push(leaf);
          hasRegex ||= isRegex;
        }),
      );
      for (const leaf of new Set(leaves)) (this.leafQueries[leaf] ??= []).push(qi);
      this.shapes.push(this.shapeOf(parsed.ast));
      if (hasRegex || leaves.length === 0) this.always.push(qi);
    }
    this.idx.automaton.build();
    this.nearLeaf = new Uint8Array(this.idx.leafCount);
    for (const l of this.idx.nearLeaves) this.nearLeaf[l] = 1;
    this.scan = { gen: 0, seen: new Int32Array(this.idx.leafCount), spans: new Map(), folded: '', regexCache: new Map() };
    this.touched = new Int32Array(this.ids.length);
    // Pack the per-leaf query lists and the query shapes into flat typed arrays (CSR):
    // the hot loop then walks contiguous memory instead of thousands of small heap arrays.
    const nLeaves = this.idx.leafCount;
    this.leafQStart = new Int32Array(nLeaves + 1);
    for (let l = 0; l < nLeaves; l++) this.leafQStart[l + 1] = this.leafQStart[l] + (this.leafQueries[l]?.length ?? 0);
    this.leafQList = new Int32Array(this.leafQStart[nLeaves]);
    for (let l = 0; l < nLeaves; l++) this.leafQList.set(this.leafQueries[l] ?? [], this.leafQStart[l]);
    const nq = this.ids.length;
    this.shapeKind = new Uint8Array(nq);
    this.allStart = new Int32Array(nq + 1);
    const all: number[] = [];
    for (let qi = 0; qi < nq; qi++) {
      const sh = this.shapes[qi];
      this.shapeKind[qi] = sh === 'any' ? ANY : sh === null ? GENERAL : ALL;
      if (Array.isArray(sh)) all.push(...sh);
      this.allStart[qi + 1] = all.length;
    }
    this.allList = Int32Array.from(all);
    // With no leaf firing, which queries hold? Evaluate once now, reuse for every message.
    this.scan.gen = 1;
    for (let qi = 0; qi < this.evals.length; qi++) if (this.evals[qi](this.scan)) this.trueWhenEmpty.push(qi);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Ids of the queries that match `text`. */
  match(text: string): string[] {
    // Hot path: no closures or iterators per message, typed arrays stamped with a
    // generation number instead of clearing sets.
    const s = this.scan;
    const gen = ++s.gen;
    if (s.spans.size > 0) s.spans.clear();
    if (s.regexCache.size > 0) s.regexCache.clear();
    const fired = this.fired;
    fired.length = 0;
    const { automaton, patternLeaves } = this.idx;
    const tokens = tokenize(text);
    let state = 0;
    for (let i = 0; i < tokens.length; i++) {
      const info = this.keyInfo(tokens[i].key);
      state = automaton.step(state, info.sym);
      const outs = automaton.outputs(state);
      for (let j = 0; j < outs.length; j++) {
        const p = outs[j];
        const leaves = patternLeaves[p];
        for (let k = 0; k < leaves.length; k++) this.fire(leaves[k], i - automaton.lengths[p] + 1, i);
      }
      const pre = info.prefixLeaves;
      for (let k = 0; k < pre.length; k++) this.fire(pre[k], i, i);
    }
    if (this.always.length > 0) s.folded = fold(text);

    // Queries to (re-)evaluate: those touching a fired leaf, and the "always" ones.
    const result: string[] = [];
    const touched = this.touched;
    const evals = this.evals;
    const { shapeKind, allStart, allList, leafQStart, leafQList, ids } = this;
    const seen = s.seen;
    for (let f = 0; f < fired.length; f++) {
      const leaf = fired[f];
      for (let j = leafQStart[leaf], end = leafQStart[leaf + 1]; j < end; j++) {
        const qi = leafQList[j];
        if (touched[qi] === gen) continue;
        touched[qi] = gen;
        const kind = shapeKind[qi];
        let ok = true;
        if (kind === GENERAL) ok = evals[qi](s);
        else if (kind === ALL) {
          for (let k = allStart[qi], e = allStart[qi + 1]; k < e; k++) if (seen[allList[k]] !== gen) ok = false;
        }
        if (ok) result.push(ids[qi]);
      }
    }
    for (const qi of this.always) {
      if (touched[qi] === gen) continue;
      touched[qi] = gen;
      if (evals[qi](s)) result.push(this.ids[qi]);
    }
    for (const qi of this.trueWhenEmpty) if (touched[qi] !== gen) result.push(this.ids[qi]);
    return result;
  }

  private readonly fired: number[] = [];

  private fire(leaf: number, start: number, end: number): void {
    const s = this.scan;
    if (s.seen[leaf] !== s.gen) {
      s.seen[leaf] = s.gen;
      this.fired.push(leaf);
    }
    if (this.nearLeaf[leaf] === 1) {
      let arr = s.spans.get(leaf);
      if (!arr) s.spans.set(leaf, (arr = []));
      arr.push(start, end);
    }
  }

  /**
   * Per distinct token key: its automaton symbol and the wildcard prefixes it extends.
   * The same words recur across messages, so one map lookup replaces a symbol lookup plus
   * a walk down the prefix trie. Bounded, so a flood of unique tokens cannot grow it.
   */
  private readonly keyCache = new Map<string, { sym: number; prefixLeaves: number[] }>();

  private keyInfo(key: string): { sym: number; prefixLeaves: number[] } {
    let info = this.keyCache.get(key);
    if (info !== undefined) return info;
    const prefixLeaves: number[] = [];
    const { trie, automaton } = this.idx;
    if (trie.size > 0) {
      const add = (leaf: number) => {
        if (!prefixLeaves.includes(leaf)) prefixLeaves.push(leaf);
      };
      trie.walk(key, add, 0);
      // "#refunds" also extends the plain prefix "refund*".
      if (key.charCodeAt(0) === 35) trie.walk(key.slice(1), add, 0);
    }
    info = { sym: automaton.symbol(key), prefixLeaves };
    if (this.keyCache.size >= 100_000) this.keyCache.clear();
    this.keyCache.set(key, info);
    return info;
  }

  private leafId(key: string): { id: number; fresh: boolean } {
    const found = this.idx.leafKeys.get(key);
    if (found !== undefined) return { id: found, fresh: false };
    const id = this.idx.leafCount++;
    this.idx.leafKeys.set(key, id);
    return { id, fresh: true };
  }

  private compileNode(node: QueryNode, use: (leaf: number, isRegex: boolean) => void): Eval {
    switch (node.type) {
      case 'phrase':
      case 'prefix': {
        const leaf = this.indexLeaf(node);
        use(leaf, false);
        return (s) => s.seen[leaf] === s.gen;
      }
      case 'regex': {
        const { id, fresh } = this.leafId('re:' + node.source);
        if (fresh) this.idx.regexes[id] = RE2JS.compile(node.source, RE2JS.CASE_INSENSITIVE);
        const re = this.idx.regexes[id];
        use(id, true);
        return (s) => {
          let v = s.regexCache.get(id);
          if (v === undefined) s.regexCache.set(id, (v = re.matcher(s.folded).find()));
          return v;
        };
      }
      case 'not': {
        const c = this.compileNode(node.child, use);
        return (s) => !c(s);
      }
      case 'and': {
        const cs = node.children.map((c) => this.compileNode(c, use));
        return (s) => {
          for (let i = 0; i < cs.length; i++) if (!cs[i](s)) return false;
          return true;
        };
      }
      case 'or': {
        const cs = node.children.map((c) => this.compileNode(c, use));
        return (s) => {
          for (let i = 0; i < cs.length; i++) if (cs[i](s)) return true;
          return false;
        };
      }
      case 'near': {
        const a = this.indexLeaf(node.left);
        const b = this.indexLeaf(node.right);
        use(a, false);
        use(b, false);
        this.idx.nearLeaves.add(a).add(b);
        const n = node.distance;
        return (s) => {
          if (s.seen[a] !== s.gen || s.seen[b] !== s.gen) return false;
          const x = s.spans.get(a)!;
          const y = s.spans.get(b)!;
          for (let i = 0; i < x.length; i += 2)
            for (let j = 0; j < y.length; j += 2) {
              // tokens strictly between the two occurrences, whichever comes first
              const gap = x[i] <= y[j] ? y[j] - x[i + 1] - 1 : x[i] - y[j + 1] - 1;
              if (gap <= n && !(x[i] === y[j] && x[i + 1] === y[j + 1])) return true;
            }
          return false;
        };
      }
    }
  }

  private shapeOf(ast: QueryNode): 'any' | number[] | null {
    const isLeaf = (n: QueryNode): n is Extract<QueryNode, { type: 'phrase' | 'prefix' }> => n.type === 'phrase' || n.type === 'prefix';
    if (isLeaf(ast)) return 'any';
    if (ast.type === 'or' && ast.children.every(isLeaf)) return 'any';
    if (ast.type === 'and' && ast.children.every(isLeaf))
      return ast.children.map((c) => this.indexLeaf(c as Extract<QueryNode, { type: 'phrase' | 'prefix' }>));
    return null;
  }

  /** Registers a term/phrase/prefix leaf in the shared indexes (once per distinct leaf). */
  private indexLeaf(node: Extract<QueryNode, { type: 'phrase' | 'prefix' }>): number {
    if (node.type === 'prefix') {
      const { id, fresh } = this.leafId('pre:' + node.prefix);
      if (fresh) this.idx.trie.add(node.prefix, id);
      return id;
    }
    const aliasHashtag = node.bare && /^[\p{L}\p{N}]/u.test(node.keys[0]);
    const { id, fresh } = this.leafId((aliasHashtag ? 'bare:' : 'seq:') + node.keys.join('\u0000'));
    if (fresh) {
      const add = (keys: string[]) => {
        const p = this.idx.automaton.add(keys);
        (this.idx.patternLeaves[p] ??= []).push(id);
      };
      add(node.keys);
      // A bare word also matches the same word used as a hashtag: "refund" finds "#refund".
      if (aliasHashtag) add(['#' + node.keys[0]]);
    }
    return id;
  }
}
