// What the network's legend says for a given society (webview/model/networkKey.ts), in plain
// Node: ties only where the society forms them, colours that mean something (communities,
// groups, or one neutral colour), and the values of the smallest and largest circles.
import assert from 'node:assert/strict';
import {
  colouring,
  communityColours,
  degreeScale,
  groupColours,
  NEUTRAL,
  neutralColours,
  quantityScale,
  showsTies,
} from '../../../webview/model/networkKey';
import type { NetworkNode } from '../../../webview/model/networkData';
import { nodeRadius } from '../../../webview/network/geometry';
import { QUANTITY_RADIUS } from '../../../webview/model/nodeSizing';
import { agentLabel, agentLines, networkName } from '../../../webview/network/agentText';

const node = (id: string, inDegree = 0, outDegree = 0): NetworkNode => ({
  id,
  name: id,
  label: id,
  inDegree,
  outDegree,
});
const groups = (entries: [string, string][]) => new Map(entries);

describe('the network legend for a society', () => {
  it('speaks of ties where the design or the trace says the society forms them', () => {
    assert.equal(showsTies({ ties: [] }, false), false, 'a round of actions alone');
    assert.equal(showsTies({ ties: ['evaluate'] }, false), true, 'the friend-making loop before its first tie');
    assert.equal(showsTies({ ties: ['module'] }, false), false, 'a module that made none');
    assert.equal(showsTies({ ties: ['module'] }, true), true, 'a module that made some');
    assert.equal(showsTies(undefined, false), false, 'a trace file with no tie in it');
    assert.equal(showsTies(undefined, true), true, 'a trace file with ties');
  });

  it('colours by community with ties, else by group when there are two or more, else one neutral colour', () => {
    const two = groups([
      ['a', 'hill'],
      ['b', 'river'],
    ]);
    const one = groups([
      ['a', 'hill'],
      ['b', 'hill'],
    ]);
    assert.equal(colouring(true, two), 'community');
    assert.equal(colouring(false, two), 'group');
    assert.equal(colouring(false, one), 'neutral');
    assert.equal(colouring(false, new Map()), 'neutral');
    assert.deepEqual([...neutralColours([node('a'), node('b')]).values()], [NEUTRAL, NEUTRAL]);
  });

  it('gives each group a colour its legend entry shows, in natural order, the tenth on sharing grey', () => {
    const { colours, key } = groupColours(
      groups([
        ['a', 'river'],
        ['b', 'hill'],
        ['c', 'hill'],
      ]),
    );
    assert.deepEqual(
      key.entries.map((e) => [e.label, e.colour]),
      [
        ['hill', 0],
        ['river', 1],
      ],
    );
    assert.deepEqual(Object.fromEntries(colours), { a: 1, b: 0, c: 0 });
    const many = groupColours(groups(Array.from({ length: 12 }, (_, i): [string, string] => [`x${i}`, `g${i}`])));
    assert.equal(many.key.entries.length, 10);
    assert.match(many.key.entries[9].label, /^other \(3 groups\)$/);
    for (const c of many.colours.values()) assert.ok(many.key.entries.some((e) => e.colour === c));
  });

  it('draws agents without a tie in the neutral colour, not each a community of one', () => {
    const { colours, key } = communityColours(
      [node('a', 1, 0), node('b', 0, 1), node('c')],
      new Map([
        ['a', 0],
        ['b', 0],
        ['c', 1],
      ]),
    );
    assert.deepEqual(Object.fromEntries(colours), { a: 0, b: 0, c: NEUTRAL });
    assert.deepEqual(key, { kind: 'community', isolated: true });
    assert.deepEqual(communityColours([node('a', 1, 1)], new Map([['a', 3]])).key, {
      kind: 'community',
      isolated: false,
    });
  });

  it('says which values the smallest and the largest circles stand for', () => {
    assert.deepEqual(degreeScale([node('a', 1, 2), node('b'), node('c', 4, 0)]), {
      by: 'ties',
      steps: [
        { value: '0', radius: nodeRadius(0) },
        { value: '4', radius: nodeRadius(4) },
      ],
    });
    assert.deepEqual(degreeScale([node('a'), node('b')])!.steps, [{ value: '0', radius: nodeRadius(0) }]);
    assert.equal(degreeScale([]), undefined);
    const savings = quantityScale('savings', [0, 20], (v) => v.toFixed(1));
    assert.deepEqual(savings, {
      by: 'savings',
      steps: [
        { value: '0.0', radius: QUANTITY_RADIUS[0] },
        { value: '20.0', radius: QUANTITY_RADIUS[1] },
      ],
    });
    assert.equal(quantityScale('flat', [5, 5], String).steps.length, 1, 'one value: one circle');
  });

  it('tells of an agent’s ties only where the society forms them', () => {
    const ana = { ...node('ana', 1, 2), name: 'Ana', quantity: { name: 'wealth', value: '12.5' } };
    assert.deepEqual(agentLines(ana, true), ['2 ties out · 1 in', 'wealth: 12.5']);
    assert.deepEqual(agentLines(ana, false), ['wealth: 12.5']);
    assert.equal(agentLabel(ana, true), 'Ana: 2 ties out, 1 in, wealth 12.5');
    assert.equal(agentLabel(ana, false), 'Ana, wealth 12.5');
    assert.equal(agentLabel({ ...node('bo'), name: 'Bo' }, false), 'Bo');
    assert.deepEqual([networkName(true), networkName(false)], ['Tie network', 'Network']);
  });
});
