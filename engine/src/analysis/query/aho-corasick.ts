/**
 * Aho–Corasick over token symbols (not characters): every term and phrase of every query
 * of a playbook version goes into one automaton, so one left-to-right pass over a
 * message's tokens finds all of them, whatever the number of queries.
 */
export class TokenAutomaton {
  private readonly vocab = new Map<string, number>();
  private readonly next: Array<Map<number, number>> = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  /** Pattern ids ending at each state, fail-chain outputs merged in at build time. */
  private out: number[][] = [[]];
  /** Length (in tokens) of every pattern, to compute where a hit starts. */
  readonly lengths: number[] = [];
  private built = false;

  /** Adds a token sequence; returns its pattern id. */
  add(keys: readonly string[]): number {
    if (this.built) throw new Error('automaton already built');
    let s = 0;
    for (const k of keys) {
      let sym = this.vocab.get(k);
      if (sym === undefined) this.vocab.set(k, (sym = this.vocab.size));
      let t = this.next[s].get(sym);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.out.push([]);
        this.next[s].set(sym, t);
      }
      s = t;
    }
    const id = this.lengths.length;
    this.lengths.push(keys.length);
    this.out[s].push(id);
    return id;
  }

  build(): void {
    const n = this.next.length;
    this.fail = new Int32Array(n);
    const queue: number[] = [];
    for (const t of this.next[0].values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [sym, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(sym)) f = this.fail[f];
        const g = this.next[f].get(sym);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        if (this.out[this.fail[t]].length) this.out[t] = this.out[t].concat(this.out[this.fail[t]]);
        queue.push(t);
      }
    }
    this.built = true;
  }

  /** Symbol of a key, or -1 when no pattern uses it (the walk then restarts at the root). */
  symbol(key: string): number {
    const s = this.vocab.get(key);
    return s === undefined ? -1 : s;
  }

  /** One step of the walk; returns the new state. */
  step(state: number, sym: number): number {
    if (sym < 0) return 0;
    let s = state;
    for (;;) {
      const t = this.next[s].get(sym);
      if (t !== undefined) return t;
      if (s === 0) return 0;
      s = this.fail[s];
    }
  }

  outputs(state: number): readonly number[] {
    return this.out[state];
  }
}

/** Character trie of wildcard prefixes; walking one token reports every prefix it extends. */
export class PrefixTrie {
  private readonly kids: Array<Map<string, number>> = [new Map()];
  private readonly ends: number[][] = [[]];
  size = 0;

  add(prefix: string, id: number): void {
    let s = 0;
    // Code units, not code points, to walk exactly as `walk` does.
    for (let i = 0; i < prefix.length; i++) {
      const ch = prefix[i];
      let t = this.kids[s].get(ch);
      if (t === undefined) {
        t = this.kids.length;
        this.kids.push(new Map());
        this.ends.push([]);
        this.kids[s].set(ch, t);
      }
      s = t;
    }
    this.ends[s].push(id);
    this.size++;
  }

  /** Calls `hit(id, pos)` for every stored prefix of `key` (pos is passed through). */
  walk(key: string, hit: (id: number, pos: number) => void, pos: number): void {
    let s = 0;
    for (let i = 0; i < key.length; i++) {
      const t = this.kids[s].get(key[i]);
      if (t === undefined) return;
      s = t;
      const e = this.ends[s];
      for (let j = 0; j < e.length; j++) hit(e[j], pos);
    }
  }
}
