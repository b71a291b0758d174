// The grammar holds what the schema says (issue 86): for every decision schema the engine can send
// (every kind, with each feature that changes its schema), node-llama-cpp's own JSON-schema-to-GBNF
// builder is given the schema as the local worker gives it (grammarSchema), and every bound of the
// schema sent — a text's length, a list's size, an enum, a number's range — must change the
// grammar it builds: a bound whose removal leaves the grammar as it was is one the grammar lost
// (speak's nullable `topic` of at most 200 characters did, and ran long). The bounds left to the
// parse path on purpose are exactly the ones docs/models.md names. Needs node-llama-cpp (installed
// by scripts/local-model.mjs, as this stage does), not a model file.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRuntime } from '../../src/core/llm/local/runtime';
import { grammarSchema } from '../../src/core/llm/local/grammarSchema';
import { responseSchema } from '../../src/core/llm/parse/schemas';
import { DECISION_REQUESTS } from '../support/decisionRequests';

type Gbnf = (schema: unknown) => string;
type Node = Record<string, unknown>;

/** The keywords that bound an answer. */
const BOUNDS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'enum', 'minimum', 'maximum'] as const;
/** The longest text bound spelled into a grammar (docs/models.md: longer is checked by the parse path). */
const LONGEST_SPELLED = 256;

/** Every bound of a schema: the node's path and the keyword. */
function boundsOf(
  s: unknown,
  at: (string | number)[] = [],
  out: { at: (string | number)[]; key: string; node: Node }[] = [],
) {
  if (Array.isArray(s)) s.forEach((x, i) => boundsOf(x, [...at, i], out));
  if (!s || typeof s !== 'object' || Array.isArray(s)) return out;
  const node = s as Node;
  for (const key of BOUNDS) if (key in node) out.push({ at, key, node });
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [name, sub] of Object.entries(v)) boundsOf(sub, [...at, k, name], out);
    } else if (k === 'items' || k === 'anyOf' || k === 'oneOf') boundsOf(v, [...at, k], out);
  }
  return out;
}

/** A copy of `s` without `key` at `at`. */
function without(s: unknown, at: (string | number)[], key: string): unknown {
  const copy = structuredClone(s) as Node;
  let node: any = copy;
  for (const step of at) node = node[step];
  delete node[key];
  return copy;
}

/** Why a bound is left to the parse path, or undefined when the grammar must hold it. */
function leftToParse(node: Node, key: string): string | undefined {
  if (key === 'maxLength' && typeof node.maxLength === 'number' && node.maxLength > LONGEST_SPELLED) {
    return `a text longer than ${LONGEST_SPELLED}`;
  }
  const bounded = typeof node.minimum === 'number' && typeof node.maximum === 'number';
  if ((key === 'minimum' || key === 'maximum') && !bounded) return 'a number bounded on one side';
  return undefined;
}

describe('the grammar holds what the schema says (issue 86)', function () {
  let gbnf: Gbnf;
  before(async function () {
    const entry = findRuntime();
    assert.ok(entry, 'node-llama-cpp is installed (node scripts/local-model.mjs --runtime)');
    const builder = path.join(path.dirname(entry), 'utils', 'gbnfJson', 'getGbnfGrammarForGbnfJsonSchema.js');
    gbnf = ((await import(pathToFileURL(builder).href)) as { getGbnfGrammarForGbnfJsonSchema: Gbnf })
      .getGbnfGrammarForGbnfJsonSchema;
  });

  for (const req of DECISION_REQUESTS) {
    const name = `${req.kind}${'news' in req ? ' with news' : ''}${req.kind === 'advise' ? (req.warm?.length ? ' with warm contacts' : ' without warm contacts') : ''}`;
    it(`${name}: every bound the grammar can hold changes node-llama-cpp's grammar`, () => {
      const sent = responseSchema(req, true);
      const full = gbnf(grammarSchema(sent));
      const lost: string[] = [];
      const left: string[] = [];
      for (const { at, key, node } of boundsOf(sent)) {
        const where = `${at.join('.') || '/'} ${key}`;
        const why = leftToParse(node, key);
        if (why) {
          left.push(`${where} (${why})`);
          continue;
        }
        if (gbnf(grammarSchema(without(sent, at, key))) === full) lost.push(where);
      }
      assert.deepEqual(lost, [], `bounds the grammar lost: ${lost.join('; ')}`);
      // Every text bound left out is a long one; nothing else is left to the parse path silently.
      for (const l of left) assert.match(l, /maxLength \(a text longer than 256\)|a number bounded on one side/);
    });
  }

  it("speak's nullable topic keeps its 200 characters in the grammar", () => {
    const speak = DECISION_REQUESTS.find((r) => r.kind === 'speak')!;
    assert.match(gbnf(grammarSchema(responseSchema(speak, true))), /\{0,200\}/);
  });
});
