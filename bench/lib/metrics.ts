/** Accuracy metrics for the eval report. */

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function prf(pred: readonly boolean[], gold: readonly boolean[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < pred.length; i++) {
    if (pred[i] && gold[i]) tp++;
    else if (pred[i]) fp++;
    else if (gold[i]) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

/** Per-class, macro and support-weighted F1 for a multi-class labelling. */
export function multiClassF1<L extends string>(pred: readonly L[], gold: readonly L[], labels: readonly L[]) {
  const perClass = {} as Record<L, Prf>;
  for (const l of labels)
    perClass[l] = prf(
      pred.map((p) => p === l),
      gold.map((g) => g === l),
    );
  const macro = labels.reduce((a, l) => a + perClass[l].f1, 0) / labels.length;
  const weighted = labels.reduce((a, l) => a + perClass[l].f1 * perClass[l].support, 0) / gold.length;
  const accuracy = pred.filter((p, i) => p === gold[i]).length / gold.length;
  return { perClass, macro, weighted, accuracy };
}

/** Stratification-free k-fold split of indices (shuffled by the given PRNG). */
export function kFolds(n: number, k: number, rand: () => number): number[][] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return Array.from({ length: k }, (_, f) => idx.filter((_, i) => i % k === f));
}

export const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
