// Where the grammar colours CEL (issue 42: 8a) is where the engine reads CEL: the schema marks each
// expression-valued string (`x-expression`, `x-expression-keys`), syntaxes/build-grammar.mjs
// builds its rules from those marks, and here the marks are checked against the language model's
// expression sites (mechanicsSource.ts), both ways, so a new kind of expression cannot be left
// coloured as a plain string.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSociety, schemaAtPath, societySchema, type SchemaNode } from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { expressionSites, readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { scopeNames } from '../../../src/core/format/checks/mechanicsMessages';
import { STATE_PATH } from '../../../src/core/format/schema/worldPaths';

const repo = path.resolve(__dirname, '../../..');

/** A scenario with an expression at every kind of site. */
const SCENARIO = [
  'kind: scenario',
  'name: Sites',
  'state:',
  '  world:',
  '    pot: { initial: 0, update: "world.pot + 1.0" }',
  '  agents:',
  '    purse: { initial: 1, update: "me.purse * 1.1" }',
  'actions:',
  '  give:',
  '    description: Give.',
  '    args:',
  '      to: { type: agent, where: "to.purse < me.purse" }',
  '      amount: { type: number, min: "0.0", max: "me.purse" }',
  '    when: "me.purse > 1.0"',
  '    effects:',
  '      to.purse: "to.purse + 1.0"',
  '',
].join('\n');

/** Every schema node marked as an expression, by where it is. */
function markedNodes(): Map<SchemaNode, string> {
  const out = new Map<SchemaNode, string>();
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const n = node as SchemaNode;
    if (typeof n['x-expression'] === 'string') out.set(n, at);
    for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
  };
  walk(societySchema, '#');
  return out;
}

describe('CEL in the grammar and in the language model (issue 42: 8a)', () => {
  it('marks every expression site the language model reads, with the value it must give, and nothing else', () => {
    const parsed = parseSociety(SCENARIO, path.resolve('/virtual/cel/s.society'));
    const doc = parsed.documents[0];
    const m = readMechanics(doc.value, new Locator(parsed, doc))!;
    const sites = expressionSites(m, [{ index: 0, name: 'act', when: 'round > 1' }]);
    assert.equal(sites.length, 8);
    const value = { ...(doc.value as object), round: [{ phase: 'act', when: 'round > 1' }] };
    const reached = new Set<SchemaNode>();
    for (const site of sites) {
      const node = schemaAtPath('scenario', site.path, value);
      assert.equal(node?.['x-expression'], site.wanted, `${site.path.join('.')} is marked ${site.wanted}`);
      reached.add(node!);
    }
    const unreached = [...markedNodes()].filter(([node]) => !reached.has(node)).map(([, at]) => at);
    assert.deepEqual(unreached, [], 'every mark is a site the engine reads');
  });

  it("a condition's update of a quantity is marked by its key", () => {
    const set = schemaAtPath('scenario', ['experiment', 'conditions', 0, 'set'])!;
    const keys = new RegExp(String(set['x-expression-keys']));
    for (const key of ['state.world.pot.update', 'state.agents.purse.update']) {
      assert.ok(keys.test(key) && STATE_PATH.test(key), key);
    }
    assert.ok(!keys.test('state.world.pot.initial') && !keys.test('coaching.enabled'));
  });

  it('the built grammar colours those keys, and the names every scope reads', () => {
    const grammar = fs.readFileSync(path.join(repo, 'syntaxes/society.tmLanguage.json'), 'utf8');
    const rules = JSON.parse(grammar).repository['cel-plain'].patterns as { match?: string; name?: string }[];
    const names = rules.find((r) => r.name === 'variable.language.cel.society')!.match!;
    const written = new Set(/\(\?:(.*)\)/.exec(names)![1].split('|'));
    const action = { kind: 'action' as const, action: { name: 'a', description: '', args: [], effects: [] } };
    const read = new Set([...scopeNames({ kind: 'world' }), ...scopeNames({ kind: 'agent' }), ...scopeNames(action)]);
    assert.deepEqual([...written].sort(), [...read].sort());
    for (const key of ['update', 'when', 'effects']) assert.ok(grammar.includes(key), key);
  });
});
