// franc-min 5.x (the last CommonJS major) ships no types.
declare module 'franc-min' {
  function franc(text: string, options?: { minLength?: number; whitelist?: string[]; blacklist?: string[] }): string;
  namespace franc {
    function all(text: string, options?: { minLength?: number; whitelist?: string[] }): Array<[string, number]>;
  }
  export = franc;
}
