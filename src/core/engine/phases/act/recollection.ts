// An action's `remember:` text filled in after the action: `{args.x}`, `{world.q}` and `{me.q}`
// become their values, and a pair `{coin|coins}` agrees with the number placed before it ("I put
// 1 coin", "I put 2 coins"), so a text need not read "1 coins" or hedge with "coin(s)".

const PIECE = /\{([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\}|\{([^{}|\n]*)\|([^{}|\n]*)\}/g;

/** Fills the placeholders; a plural pair takes its first form after a value of ±1, else its second. */
export function recollection(text: string, values: Record<string, string>): string {
  let last: number | undefined;
  return text.replace(PIECE, (m, key: string | undefined, one: string, many: string) => {
    if (key !== undefined) {
      const value = values[key];
      if (value === undefined) return m;
      const n = Number(value);
      if (value.trim() !== '' && Number.isFinite(n)) last = n;
      return value;
    }
    return Math.abs(last ?? 2) === 1 ? one : many;
  });
}
