/**
 * Deterministic variant choice: the same interaction always gets the same holding message,
 * different interactions spread over the variants (FNV-1a of the key). Kept apart from the
 * Handlebars environment because the workflow bundle imports it.
 */
export function chooseVariant(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return count > 0 ? h % count : 0;
}
