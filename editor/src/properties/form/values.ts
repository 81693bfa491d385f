/** Immutable updates of plain JSON values by a path of keys / indices. */
export type Path = readonly string[];

export function getIn(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path`; `undefined` removes an object key (the field
 * falls back to its default), so a cleared optional field leaves no empty string behind.
 */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = setIn(copy[Number(head)], rest, value);
    return copy;
  }
  const obj = root && typeof root === 'object' ? (root as Record<string, unknown>) : {};
  const next = setIn(obj[head], rest, value);
  const { [head]: _old, ...others } = obj;
  void _old;
  return next === undefined ? others : { ...others, [head]: next };
}
