// Community colours are a function of the communities on screen (webview/model/stableColours.ts):
// a community is named by its smallest member (its anchor) and keeps that anchor's colour in a
// parent, in its branch, and from round to round while the anchor stays in it (issue 73).
import * as assert from 'node:assert/strict';
import { anchoredColours, homeColour } from '../../../webview/model/stableColours';

/** A partition from lists of members (Louvain's numbering: arbitrary, here reversed). */
const partition = (...groups: string[][]): Record<string, number> =>
  Object.fromEntries(groups.flatMap((g, i) => g.map((id) => [id, 100 - i * 7])));

/** The colour of each group of `groups` under `colours`, one per group (all members agree). */
function colourOf(colours: Map<string, number>, groups: string[][]): number[] {
  return groups.map((g) => {
    const seen = new Set(g.map((id) => colours.get(id)));
    assert.equal(seen.size, 1, `${g.join(',')} share one colour`);
    return [...seen][0]!;
  });
}

describe('community colours (issue 73)', () => {
  it("gives a branch's communities its parent's colours, whatever happened between", () => {
    // Shared rounds: {a,b,c} {d,e} {f,g}. The parent keeps them; the branch merges {a..d} and
    // {e,f,g} for a round, then falls back into the parent's three. Chained colours (each round
    // inheriting from the one before) gave {d,e} and {f,g} each other's colour in the branch.
    const three = [
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['f', 'g'],
    ];
    const parent = [partition(...three), partition(...three), partition(...three)];
    const branch = [partition(...three), partition(['a', 'b', 'c', 'd'], ['e', 'f', 'g']), partition(...three)];
    for (let r = 0; r < 3; r++) {
      const p = anchoredColours(parent[r]);
      if (r !== 1) assert.deepEqual(colourOf(anchoredColours(branch[r]), three), colourOf(p, three), `round ${r}`);
    }
    // Louvain's numbers are not the community: another numbering, the same colours.
    const renumbered = Object.fromEntries(Object.entries(parent[2]).map(([id, c]) => [id, c * 3 + 1]));
    assert.deepEqual(anchoredColours(renumbered), anchoredColours(parent[2]));
  });

  it('keeps a community’s colour from round to round while its anchor stays in it', () => {
    // ann's community loses cy and dee's gains fay and gus: each keeps its anchor, so its colour.
    const before = anchoredColours(partition(['ann', 'bo', 'cy'], ['dee', 'eli'], ['fay', 'gus', 'hal']));
    const after = anchoredColours(partition(['ann', 'bo'], ['cy', 'hal'], ['dee', 'eli', 'fay', 'gus']));
    assert.equal(after.get('ann'), before.get('ann'), "ann's community");
    assert.equal(after.get('eli'), before.get('eli'), "dee's community");
  });

  it('gives distinct communities distinct colours, each its anchor’s home colour where free', () => {
    // Two anchors with one home colour: the first in anchor order keeps it, the other the next free one.
    const ids = Array.from({ length: 40 }, (_, i) => `agent${i}`);
    const [x, y] = ids
      .flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b]))
      .find(([a, b]) => homeColour(a) === homeColour(b))!;
    const colours = anchoredColours(partition([x, `${x}~1`], [y, `${y}~1`]));
    const [cx, cy] = x < y ? [x, y] : [y, x];
    assert.equal(colours.get(cx), homeColour(cx));
    assert.notEqual(colours.get(cy), colours.get(cx));
  });

  it('past ten communities, the nine largest keep distinct colours and the rest share the grey', () => {
    const groups = Array.from({ length: 13 }, (_, c) => Array.from({ length: 13 - c }, (_, k) => `n${c}_${k}`));
    const colours = colourOf(anchoredColours(partition(...groups)), groups);
    assert.equal(new Set(colours.slice(0, 9)).size, 9, 'the nine largest: nine colours');
    assert.ok(!colours.slice(0, 9).includes(9), 'none of them the grey');
    assert.deepEqual(colours.slice(9), [9, 9, 9, 9], 'the rest share the grey "other"');
    // Ten or fewer: ten distinct colours, the tenth included.
    const ten = Array.from({ length: 10 }, (_, i) => [`m${i}`]);
    assert.equal(new Set(colourOf(anchoredColours(partition(...ten)), ten)).size, 10);
  });

  it('leaves agents without a tie out: they take no colour from a community that has ties', () => {
    const lone = Array.from({ length: 12 }, (_, i) => [`z${i}`]);
    const colours = anchoredColours(partition(['a', 'b'], ['c', 'd'], ...lone), new Set(lone.flat()));
    assert.deepEqual([...colours.keys()].sort(), ['a', 'b', 'c', 'd']);
    assert.notEqual(colours.get('a'), 9);
    assert.notEqual(colours.get('a'), colours.get('c'));
  });
});
