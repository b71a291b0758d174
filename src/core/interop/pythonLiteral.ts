// Python list literals as pandas writes list columns into CSV (OASIS `following_agentid_list`,
// `previous_tweets`): `[1, 5]`, `['a', "b's"]`, `[]`. Only lists of numbers and strings; anything
// else is undefined (never evaluated).

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The items of a flat list literal; a bare number is a list of one; undefined when unreadable. */
export function parsePythonList(text: string): (string | number)[] | undefined {
  const s = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return [Number(s)];
  if (!s.startsWith('[') || !s.endsWith(']')) return undefined;
  const items: (string | number)[] = [];
  let i = 1;
  const end = s.length - 1;
  const skipSpace = () => {
    while (i < end && /\s/.test(s[i])) i++;
  };
  while (true) {
    skipSpace();
    if (i >= end) break;
    const c = s[i];
    if (c === "'" || c === '"') {
      let value = '';
      i++;
      while (i < end && s[i] !== c) {
        if (s[i] === '\\' && i + 1 < end) {
          const next = s[i + 1];
          if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          value += ESCAPES[next] ?? `\\${next}`;
          i += 2;
        } else value += s[i++];
      }
      if (s[i] !== c) return undefined;
      i++;
      items.push(value);
    } else {
      const m = /^-?\d+(\.\d+)?/.exec(s.slice(i, end));
      if (!m) return undefined;
      items.push(Number(m[0]));
      i += m[0].length;
    }
    skipSpace();
    if (i >= end) break;
    if (s[i] !== ',') return undefined;
    i++;
  }
  return items;
}
