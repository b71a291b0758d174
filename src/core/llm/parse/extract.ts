// Tolerant JSON extraction from model answers. Models wrap JSON in prose or code fences, leave
// trailing commas, use single quotes or Python literals. Each repair is mechanical (no guessing
// of content) and reported, so the record shows what was done to an answer.

export type Extracted = { ok: true; value: unknown; repairs: string[] } | { ok: false; error: string };

function tryParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The body of the first ``` fenced block, if any. */
function fenced(text: string): string | undefined {
  const m = /```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```/.exec(text);
  return m ? m[1] : undefined;
}

/** The balanced {...} (or [...]) span starting at `start`, skipping brackets inside strings of either quote. */
export function balancedSpan(text: string, start = text.search(/[{[]/)): string | undefined {
  if (start < 0) return undefined;
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"') quote = c;
    else if (c === "'" && /[\s{[,:]/.test(text[i - 1] ?? ' ')) quote = c;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack.pop() !== c) return undefined;
      if (!stack.length) return text.slice(start, i + 1);
    }
  }
  // Unclosed (answer cut off by max_tokens): close what is open so the repairs can try.
  return stack.length ? text.slice(start) + (quote ?? '') + stack.reverse().join('') : undefined;
}

/**
 * Candidate objects in order, one per "{", so "{a thought} then {...}" still finds the answer.
 * `cut` marks a span that runs to the end of the text unclosed (brackets added).
 */
function* spans(text: string, limit = 20): Generator<{ span: string; cut: boolean }> {
  let tried = 0;
  for (let i = text.indexOf('{'); i >= 0 && tried < limit; i = text.indexOf('{', i + 1), tried++) {
    const span = balancedSpan(text, i);
    if (span !== undefined) yield { span, cut: !text.startsWith(span, i) };
  }
}

/** Rewrites single-quoted strings as JSON strings. A quote closes only before , } ] : or the end. */
function singleToDouble(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // copy a double-quoted string verbatim
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c !== "'") {
      out += c;
      continue;
    }
    let body = '';
    let j = i + 1;
    for (; j < text.length; j++) {
      const d = text[j];
      if (d === '\\' && text[j + 1] === "'") {
        body += "'";
        j++;
        continue;
      }
      if (d === "'" && /^\s*([,}\]:]|$)/.test(text.slice(j + 1))) break;
      body += d === '"' ? '\\"' : d;
    }
    out += `"${body}"`;
    i = j;
  }
  return out;
}

const REPAIRS: [string, (s: string) => string][] = [
  ['smart quotes', (s) => s.replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'")],
  [
    'comments',
    (s) => s.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str: string | undefined) => str ?? ''),
  ],
  ['single quotes', singleToDouble],
  [
    'unquoted keys',
    (s) =>
      s.replace(
        /("(?:[^"\\]|\\.)*")|([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*:)/g,
        (m, str: string | undefined, pre: string, key: string, colon: string) => str ?? `${pre}"${key}"${colon}`,
      ),
  ],
  [
    'python literals',
    (s) =>
      s.replace(
        /("(?:[^"\\]|\\.)*")|\b(True|False|None)\b/g,
        (m, str: string | undefined, lit: string) =>
          str ?? (lit === 'True' ? 'true' : lit === 'False' ? 'false' : 'null'),
      ),
  ],
  [
    'trailing commas',
    (s) => s.replace(/("(?:[^"\\]|\\.)*")|,(\s*[}\]])/g, (m, str: string | undefined, close: string) => str ?? close),
  ],
  [
    'raw newlines in strings',
    (s) => s.replace(/"(?:[^"\\]|\\.)*"/g, (str) => str.replace(/\r?\n/g, '\\n').replace(/\t/g, '\\t')),
  ],
];

export function extractJson(answer: string): Extracted {
  const text = answer.replace(/^\uFEFF/, '').trim();
  if (!text) return { ok: false, error: 'the answer was empty' };
  const direct = tryParse(text);
  if (direct) return { ok: true, value: direct.value, repairs: [] };

  const repairs: string[] = [];
  let candidate = text;
  const fence = fenced(text);
  if (fence !== undefined) {
    candidate = fence.trim();
    repairs.push('code fence');
  }
  for (const { span, cut } of spans(candidate)) {
    const fixed = repair(span);
    if (fixed) {
      return {
        ok: true,
        value: fixed.value,
        repairs: [...repairs, ...(span !== candidate ? ['surrounding text'] : []), ...fixed.repairs],
      };
    }
    // Every later "{" is inside this cut-off object: a nested one parsing is not the answer, and
    // judging it would tell the model the wrong problem.
    if (cut) return { ok: false, error: 'the answer was cut off inside its JSON object (too long for max_tokens?)' };
  }
  return {
    ok: false,
    error:
      balancedSpan(candidate) === undefined
        ? 'no JSON object found in the answer'
        : 'the answer is not valid JSON, even after repairs',
  };
}

/** Applies the repairs in order until the span parses. */
function repair(span: string): { value: unknown; repairs: string[] } | undefined {
  const repairs: string[] = [];
  let candidate = span;
  for (const [name, fix] of REPAIRS) {
    const parsed = tryParse(candidate);
    if (parsed) return { value: parsed.value, repairs };
    const next = fix(candidate);
    if (next !== candidate) {
      repairs.push(name);
      candidate = next;
    }
  }
  const parsed = tryParse(candidate);
  return parsed ? { value: parsed.value, repairs } : undefined;
}
