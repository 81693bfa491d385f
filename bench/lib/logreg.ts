/**
 * A small L2-regularised logistic regression on binary features, trained by SGD. Used only
 * by the eval to show what a model FITTED on complaints.csv reaches under 10-fold
 * cross-validation, next to the shipped, unfitted cue lists. It is not part of the product.
 */
export type Features = number[]; // indices of active binary features

export class LogReg {
  private w = new Float64Array(0);
  private b = 0;

  fit(xs: Features[], ys: boolean[], dims: number, opts = { epochs: 12, lr: 0.1, l2: 1e-4, seed: 7 }): this {
    this.w = new Float64Array(dims);
    this.b = 0;
    let s = opts.seed;
    const order = xs.map((_, i) => i);
    for (let e = 0; e < opts.epochs; e++) {
      for (let i = order.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) >>> 0;
        const j = s % (i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const lr = opts.lr / (1 + e);
      for (const i of order) {
        const g = this.prob(xs[i]) - (ys[i] ? 1 : 0);
        for (const f of xs[i]) this.w[f] -= lr * (g + opts.l2 * this.w[f]);
        this.b -= lr * g;
      }
    }
    return this;
  }

  prob(x: Features): number {
    let z = this.b;
    for (const f of x) z += this.w[f];
    return 1 / (1 + Math.exp(-z));
  }
}

/** Unigram + bigram features over tokenizer keys, vocabulary built from the training folds. */
export function featurize(tokens: string[][], vocab: Map<string, number>, grow: boolean): Features[] {
  return tokens.map((ts) => {
    const feats = new Set<number>();
    const grams = [...ts, ...ts.slice(1).map((t, i) => ts[i] + ' ' + t)];
    for (const g of grams) {
      let id = vocab.get(g);
      if (id === undefined && grow) vocab.set(g, (id = vocab.size));
      if (id !== undefined) feats.add(id);
    }
    return [...feats];
  });
}
