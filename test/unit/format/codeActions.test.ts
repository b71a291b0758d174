import * as assert from 'node:assert/strict';
import { SocietyWorkspace, NodeFileSystem, codeActions, type Diagnostic } from '../../../src/core/format';
import { expandSnippet } from '../../../src/core/format/service/codeActions';
import { applyEdits } from './editorFixtures';

const ws = new SocietyWorkspace(new NodeFileSystem(), '/');
const everywhere = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

/** The text after applying the action with this title to the file's diagnostics (a snippet edit with its placeholders' defaults). */
function fix(text: string, title: RegExp, extra: Diagnostic[] = []): string {
  const { out, snippet } = apply(text, title, extra);
  return snippet ? expandSnippet(out) : out;
}

/** As `fix`, but a snippet edit's text is left as the snippet. */
function fixSnippet(text: string, title: RegExp, extra: Diagnostic[] = []): string {
  const { out, snippet } = apply(text, title, extra);
  assert.ok(snippet, `${title} is a snippet edit`);
  return out;
}

function apply(text: string, title: RegExp, extra: Diagnostic[]): { out: string; snippet: boolean } {
  const analysis = ws.analyzeText('/virtual/x.society', text);
  const actions = codeActions(analysis, [...analysis.diagnostics, ...extra], everywhere);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title}; have: ${actions.map((a) => a.title).join(', ')}`);
  return { out: applyEdits(text, action.edit.get('/virtual/x.society')!), snippet: action.snippet === true };
}
const clean = (text: string): void => assert.deepEqual(ws.analyzeText('/virtual/y.society', text).diagnostics, []);

describe('quick fixes', () => {
  it('did-you-mean for a misspelled key (carried by the diagnostic)', () => {
    const out = fix('kind: persona\nid: a\nname: A\noccuption: nurse\n', /Rename to 'occupation'/);
    assert.equal(out, 'kind: persona\nid: a\nname: A\noccupation: nurse\n');
  });

  it('did-you-mean for a persona id, from a cross-file diagnostic', () => {
    const text = 'kind: persona\nid: a\nname: A\nrelationships:\n  - { with: mya }\n';
    const d: Diagnostic = {
      code: 'SOC021',
      severity: 'error',
      message: "Unknown persona id 'mya'",
      file: '/virtual/x.society',
      range: { start: { line: 4, character: 12 }, end: { line: 4, character: 15 } },
      fixes: [
        {
          title: "Change to 'maya'",
          file: '/virtual/x.society',
          range: { start: { line: 4, character: 12 }, end: { line: 4, character: 15 } },
          newText: 'maya',
        },
      ],
    };
    assert.match(fix(text, /Change to 'maya'/, [d]), /with: maya \}/);
  });

  it('adds a missing required property to a block mapping, at its indentation', () => {
    const out = fix('kind: persona\nid: a\nage: 3\n', /Add missing property 'name'/);
    assert.equal(out, 'kind: persona\nid: a\nage: 3\nname: A\n');
    clean(out);
    const item = fix('kind: persona\nid: a\nname: A\nmemories:\n  - importance: 3\n', /Add missing property 'text'/);
    assert.equal(item, 'kind: persona\nid: a\nname: A\nmemories:\n  - importance: 3\n    text: text\n');
    clean(item);
  });

  it('a missing value is a placeholder to tab through, never a schema example that looks like real data', () => {
    // The schema's example name is "Maya Chen", a persona of the friends example: a persona's name comes from its id.
    assert.equal(
      fixSnippet('kind: persona\nid: fixme\nage: 3\n', /Add missing property 'name'/),
      'kind: persona\nid: fixme\nage: 3\nname: ${1:Fixme}\n',
    );
    assert.equal(
      fixSnippet('kind: persona\nid: jo_ann-lee\n', /Add missing property 'name'/),
      'kind: persona\nid: jo_ann-lee\nname: ${1:Jo Ann Lee}\n',
    );
    assert.equal(
      fixSnippet('kind: persona\nname: Inês Costa\n', /Add missing property 'id'/),
      'kind: persona\nname: Inês Costa\nid: ${1:ines_costa}\n',
    );
    assert.equal(
      fixSnippet('kind: persona\nid: a\nname: A\nmemories:\n  - importance: 3\n', /Add missing property 'text'/),
      'kind: persona\nid: a\nname: A\nmemories:\n  - importance: 3\n    text: ${1:text}\n',
    );
    assert.equal(
      fixSnippet('kind: persona\nid: a\nname: A\nrelationships: [{}]\n', /Add missing property 'with'/),
      'kind: persona\nid: a\nname: A\nrelationships: [{ with: ${1:persona_id} }]\n',
    );
    assert.equal(
      fixSnippet('kind: scenario\nname: s\nmodels:\n  gpt: { model: x }\n', /Add missing property 'provider'/),
      'kind: scenario\nname: s\nmodels:\n  gpt: { model: x, provider: ${1|offline,openai,vscode,local|} }\n',
      'an enum is a choice',
    );
    for (const text of [
      'kind: persona\nid: a\nage: 3\n',
      'kind: persona\nid: a\nname: A\nmemories:\n  - importance: 3\n',
    ]) {
      assert.doesNotMatch(fixSnippet(text, /Add missing property/), /Maya|climb/);
    }
  });

  it('adds a missing required property to a flow mapping', () => {
    const out = fix('kind: scenario\nname: s\nmodels:\n  gpt: { model: x }\n', /Add missing property 'provider'/);
    assert.equal(out, 'kind: scenario\nname: s\nmodels:\n  gpt: { model: x, provider: offline }\n');
    clean(out);
    assert.equal(
      fix('kind: persona\nid: a\nname: A\nrelationships: [{}]\n', /Add missing property 'with'/),
      'kind: persona\nid: a\nname: A\nrelationships: [{ with: persona_id }]\n',
    );
  });

  it('removes an unknown key: a whole block entry, a flow entry, the first key of a list item', () => {
    const block = fix(
      'kind: persona\nid: a\nname: A\nhobbies:\n  - chess\n  - go\nage: 3\n',
      /Remove unknown property 'hobbies'/,
    );
    assert.equal(block, 'kind: persona\nid: a\nname: A\nage: 3\n');
    const flow = fix(
      'kind: persona\nid: a\nname: A\ntraits: { openness: 0.5, charm: 0.9, neuroticism: 0.1 }\n',
      /Remove unknown property 'charm'/,
    );
    assert.equal(flow, 'kind: persona\nid: a\nname: A\ntraits: { openness: 0.5, neuroticism: 0.1 }\n');
    const last = fix(
      'kind: persona\nid: a\nname: A\ntraits: { openness: 0.5, charm: 0.9 }\n',
      /Remove unknown property 'charm'/,
    );
    assert.equal(last, 'kind: persona\nid: a\nname: A\ntraits: { openness: 0.5 }\n');
    const first = fix(
      'kind: persona\nid: a\nname: A\nmemories:\n  - mood: 3\n    text: hi\n',
      /Remove unknown property 'mood'/,
    );
    assert.equal(first, 'kind: persona\nid: a\nname: A\nmemories:\n  - text: hi\n');
    for (const t of [block, flow, last, first]) clean(t);
  });

  it('only actions for diagnostics in the requested range', () => {
    const analysis = ws.analyzeText(
      '/virtual/x.society',
      'kind: persona\nid: a\nname: A\noccuption: nurse\nhobby: x\n',
    );
    const line3 = { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } };
    assert.deepEqual(
      codeActions(analysis, analysis.diagnostics, line3).map((a) => a.title),
      ["Rename to 'occupation'", "Remove unknown property 'occuption'"],
    );
  });
});
