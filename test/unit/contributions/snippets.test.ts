// The snippets in snippets/society.json, expanded with their default placeholders, must produce
// .society files that pass `society check`. The completion provider offers them in context
// (src/core/format/service/documentSnippets.ts).
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem, SocietyWorkspace } from '../../../src/core/format';

const repo = join(__dirname, '..', '..', '..');
type Snippet = { prefix: string; body: string[]; description: string };
const snippets = JSON.parse(readFileSync(join(repo, 'snippets', 'society.json'), 'utf8')) as Record<string, Snippet>;
const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));

/** Expands a snippet body the way VS Code does when every placeholder keeps its default. */
function expand(prefix: string, indent = ''): string {
  const snippet = byPrefix.get(prefix);
  assert.ok(snippet, `no snippet with prefix ${prefix}`);
  return snippet.body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n')
    .trimEnd();
}

describe('snippets/society.json', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'society-snippets-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is no static contribution: completion offers each snippet where it fits (documentSnippets.test.ts)', () => {
    // A `contributes.snippets` entry has no context: VS Code offered whole documents at every value.
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.snippets, undefined);
  });

  it('has a description and a final tab stop for every snippet', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description.length > 10, `${name} needs a description`);
      assert.ok(s.body.join('\n').includes('$0'), `${name} needs $0`);
    }
  });

  it('expands to persona and scenario files that pass society check', async () => {
    mkdirSync(join(dir, 'personas'));
    const maya = [expand('persona'), expand('memory', '  ')].join('\n') + '\n';
    const tom =
      expand('persona').replace('id: maya_chen', 'id: tom').replace('name: Maya Chen', 'name: Tom Nguyen') +
      '\nrelationships:\n' +
      expand('relationship', '  ').replace('persona_id', 'maya_chen') +
      '\n';
    writeFileSync(join(dir, 'personas', 'maya_chen.society'), maya);
    writeFileSync(join(dir, 'personas', 'tom.society'), tom);
    const scenario =
      [
        expand('scenario'),
        'population:',
        expand('population', '  '),
        'events:',
        expand('event', '  '),
        expand('experiment'),
      ].join('\n') + '\n';
    writeFileSync(join(dir, 'scenario.society'), scenario);

    const workspace = new SocietyWorkspace(new NodeFileSystem(), dir);
    const { files, diagnostics } = await workspace.check([dir]);
    assert.equal(files.length, 3);
    assert.deepEqual(
      diagnostics.map((d) => `${d.file}:${d.range.start.line + 1}: ${d.code} ${d.message}`),
      [],
    );

    const resolved = await workspace.resolveScenario(join(dir, 'scenario.society'));
    assert.deepEqual(resolved.personas.map((p) => (p.raw as { id: string }).id).sort(), ['maya_chen', 'tom']);
    assert.equal(resolved.scenario?.coaching.enabled, true);
    assert.equal(resolved.scenario?.population[0].count, 20);
  });
});
