import * as assert from 'node:assert/strict';
import { SocietyWorkspace, NodeFileSystem, codeActions, type Diagnostic } from '../../../src/core/format';
import { applyEdits } from './editorFixtures';

const ws = new SocietyWorkspace(new NodeFileSystem(), '/');
const everywhere = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

/** The text after applying the action with this title to the file's diagnostics. */
function fix(text: string, title: RegExp, extra: Diagnostic[] = []): string {
  const analysis = ws.analyzeText('/virtual/x.society', text);
  const actions = codeActions(analysis, [...analysis.diagnostics, ...extra], everywhere);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title}; have: ${actions.map((a) => a.title).join(', ')}`);
  return applyEdits(text, action.edit.get('/virtual/x.society')!);
}
const clean = (text: string): void => assert.deepEqual(ws.analyzeText('/virtual/y.society', text).diagnostics, []);

describe('quick fixes', () => {
  it('did-you-mean for a misspelled key (carried by the diagnostic)', () => {
    const out = fix('kind: persona\nid: a\nname: A\noccuption: nurse\n', /Rename to 'occupation'/);
    assert.equal(out, 'kind: persona\nid: a\nname: A\noccupation: nurse\n');
  });

  it('did-you-mean for a persona id, from a cross-file diagnostic', () => {
    const text = 'kind: persona\nid: a\nname: A\nrelationships:\n  - { with: mya }\n';
    const d: Diagnostic = { code: 'SOC021', severity: 'error', message: "Unknown persona id 'mya'", file: '/virtual/x.society', range: { start: { line: 4, character: 12 }, end: { line: 4, character: 15 } }, fixes: [{ title: "Change to 'maya'", file: '/virtual/x.society', range: { start: { line: 4, character: 12 }, end: { line: 4, character: 15 } }, newText: 'maya' }] };
    assert.match(fix(text, /Change to 'maya'/, [d]), /with: maya \}/);
  });

  it('adds a missing required property to a block mapping, at its indentation', () => {
    const out = fix('kind: persona\nid: a\nage: 3\n', /Add missing property 'name'/);
    assert.equal(out, 'kind: persona\nid: a\nage: 3\nname: Maya Chen\n');
    clean(out);
    const item = fix('kind: persona\nid: a\nname: A\nmemories:\n  - importance: 3\n', /Add missing property 'text'/);
    assert.equal(item, 'kind: persona\nid: a\nname: A\nmemories:\n  - importance: 3\n    text: I want to find people to climb with.\n');
    clean(item);
  });

  it('adds a missing required property to a flow mapping', () => {
    const out = fix('kind: scenario\nname: s\nmodels:\n  gpt: { model: x }\n', /Add missing property 'provider'/);
    assert.equal(out, 'kind: scenario\nname: s\nmodels:\n  gpt: { model: x, provider: offline }\n');
    clean(out);
    assert.equal(fix('kind: persona\nid: a\nname: A\nrelationships: [{}]\n', /Add missing property 'with'/), 'kind: persona\nid: a\nname: A\nrelationships: [{ with: leo }]\n');
  });

  it('removes an unknown key: a whole block entry, a flow entry, the first key of a list item', () => {
    const block = fix('kind: persona\nid: a\nname: A\nhobbies:\n  - chess\n  - go\nage: 3\n', /Remove unknown property 'hobbies'/);
    assert.equal(block, 'kind: persona\nid: a\nname: A\nage: 3\n');
    const flow = fix('kind: persona\nid: a\nname: A\ntraits: { openness: 0.5, charm: 0.9, neuroticism: 0.1 }\n', /Remove unknown property 'charm'/);
    assert.equal(flow, 'kind: persona\nid: a\nname: A\ntraits: { openness: 0.5, neuroticism: 0.1 }\n');
    const last = fix('kind: persona\nid: a\nname: A\ntraits: { openness: 0.5, charm: 0.9 }\n', /Remove unknown property 'charm'/);
    assert.equal(last, 'kind: persona\nid: a\nname: A\ntraits: { openness: 0.5 }\n');
    const first = fix('kind: persona\nid: a\nname: A\nmemories:\n  - mood: 3\n    text: hi\n', /Remove unknown property 'mood'/);
    assert.equal(first, 'kind: persona\nid: a\nname: A\nmemories:\n  - text: hi\n');
    for (const t of [block, flow, last, first]) clean(t);
  });

  it('only actions for diagnostics in the requested range', () => {
    const analysis = ws.analyzeText('/virtual/x.society', 'kind: persona\nid: a\nname: A\noccuption: nurse\nhobby: x\n');
    const line3 = { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } };
    assert.deepEqual(codeActions(analysis, analysis.diagnostics, line3).map((a) => a.title), ["Rename to 'occupation'", "Remove unknown property 'occuption'"]);
  });
});
