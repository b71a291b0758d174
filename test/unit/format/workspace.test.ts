import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, loadScenarioFile } from '../../../src/core/format';
import { scratchDir } from '../../support/scratch';

function tempTree(files: Record<string, string>): string {
  const root = scratchDir('society-ws-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const maya =
  'kind: persona\nid: maya\nname: Maya Chen\noccupation: data journalist\ntraits: { openness: 0.8 }\ninterests: [climbing]\nrelationships:\n  - { with: leo, tie: 0.7 }\n';
const leo = 'kind: persona\nid: leo\nname: Leo\n';

describe('scenario loading', () => {
  it('resolves includes, applies schema defaults and keeps source locations', async () => {
    const root = tempTree({
      'personas/maya.society': maya,
      'personas/leo.society': leo,
      'world.society':
        'kind: scenario\nname: Small\nseed: 7\npersonas:\n  - include: personas/*.society\n  - { id: sam, name: Sam }\nworld: { rounds: 3 }\n',
    });
    const { scenario, diagnostics, files } = await loadScenarioFile(path.join(root, 'world.society'), { root });
    assert.deepEqual(diagnostics, []);
    assert.ok(scenario);
    assert.deepEqual(scenario.personas.map((p) => p.id).sort(), ['leo', 'maya', 'sam']);
    assert.equal(files.length, 3);
    const m = scenario.personas.find((p) => p.id === 'maya')!;
    assert.equal(m.traits.openness, 0.8);
    assert.equal(m.traits.neuroticism, 0.5, 'trait default');
    assert.equal(m.motivations.support, 0.5, 'motivation default');
    assert.equal(m.relationships[0].tie, 0.7);
    assert.equal(m.source?.file, path.join(root, 'personas/maya.society'));
    assert.equal(m.relationships[0].source?.range.start.line, 7);
    assert.equal(scenario.seed, 7);
    assert.equal(scenario.world.rounds, 3);
    assert.equal(scenario.world.encounters.mode, 'recommend');
    assert.equal(scenario.world.conversation.turns, 4);
    assert.equal(scenario.ties.threshold, 0.6);
    assert.equal(scenario.memory.top_k, 8);
    assert.equal(scenario.coaching.enabled, false);
    assert.equal(scenario.models.default.provider, 'offline');
    assert.equal(scenario.models.default.concurrency, 8);
  });

  it('returns no scenario when any involved file has an error', async () => {
    const root = tempTree({
      'p/maya.society': maya.replace('with: leo', 'with: lea'),
      'p/leo.society': leo,
      's.society': 'kind: scenario\nname: S\npersonas:\n  - include: p/*.society\n',
    });
    const { scenario, diagnostics } = await loadScenarioFile(path.join(root, 's.society'), { root });
    assert.equal(scenario, undefined);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'SOC021');
    assert.equal(diagnostics[0].file, path.join(root, 'p/maya.society'));
    assert.match(diagnostics[0].message, /Did you mean 'leo'/);
    assert.equal(diagnostics[0].fixes?.[0].newText, 'leo');
  });

  it('builds events, models and population groups', async () => {
    const root = tempTree({
      's.society': [
        'kind: scenario',
        'name: S',
        'personas:',
        '  - { id: a, name: A }',
        'models:',
        '  gpt: { provider: openai, model: gpt-4o-mini, api_key_env: OPENAI_API_KEY }',
        'population:',
        '  - { group: students, count: 5, traits: { openness: { normal: { mean: 0.6, sd: 0.1 }, min: 0, max: 1 } } }',
        'events:',
        '  - { at: 2, broadcast: "Storm" }',
        '  - { at: 3, add: [{ id: b, name: B }] }',
        '  - { at: 4, remove: [b] }',
        '  - { at: 5, set: { "coaching.enabled": true } }',
        '',
      ].join('\n'),
    });
    const { scenario, diagnostics } = await loadScenarioFile(path.join(root, 's.society'), { root });
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.ok(scenario);
    assert.equal(scenario.models.gpt.retries, 3);
    assert.equal(scenario.models.gpt.on_error, 'skip');
    assert.equal(scenario.population[0].id_prefix, 'students');
    assert.equal(scenario.population[0].interests.per_agent, 3);
    assert.equal(scenario.events.length, 4);
    const add = scenario.events[1];
    assert.ok('add' in add);
    assert.equal(add.add[0].traits.openness, 0.5);
    assert.deepEqual(
      scenario.personas.map((p) => p.id),
      ['a'],
      'added personas join at their round, not at the start',
    );
  });

  it('sees unsaved editor text through an overlay', async () => {
    const root = tempTree({ 'p.society': leo });
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    const ws = new SocietyWorkspace(overlay, root);
    const file = path.join(root, 'p.society');
    assert.equal((await ws.analyze(file))!.diagnostics.length, 0);
    overlay.set(file, 'kind: persona\nid: leo\n');
    assert.deepEqual(
      (await ws.analyze(file))!.diagnostics.map((d) => d.code),
      ['SOC010'],
    );
  });

  it('does not treat a scenario matched by its own glob as a cycle', async () => {
    const root = tempTree({
      'a.society': leo,
      's.society': 'kind: scenario\nname: S\npersonas:\n  - include: "*.society"\n',
    });
    const { scenario, diagnostics } = await loadScenarioFile(path.join(root, 's.society'), { root });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      scenario?.personas.map((p) => p.id),
      ['leo'],
    );
  });

  it('reports a scenario that includes itself by name as a cycle (SOC031), not as matching no file', async () => {
    const root = tempTree({
      'a.society': leo,
      's.society': 'kind: scenario\nname: S\npersonas:\n  - include: a.society\n  - include: s.society\n',
    });
    const { diagnostics } = await loadScenarioFile(path.join(root, 's.society'), { root });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range.start.line]),
      [['SOC031', 'Include cycle: s.society → s.society', 4]],
    );
  });

  it('gives the YAML error of a scenario it could not read, not "no scenario to run"', async () => {
    // Each alias level repeats the one before nine times: the yaml package refuses to expand it.
    const levels = Array.from({ length: 12 }, (_, i) =>
      i === 0
        ? 'l0: &l0 [x, x, x, x, x, x, x, x, x]'
        : `l${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
    );
    const root = tempTree({ 's.society': `${levels.join('\n')}\nkind: scenario\nname: S\n` });
    const { scenario, diagnostics } = await loadScenarioFile(path.join(root, 's.society'), { root });
    assert.equal(scenario, undefined);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['SOC001'],
    );
    assert.match(diagnostics[0].message, /alias/i);
  });

  it('reports an include too long to be a pattern on its value (SOC030) instead of throwing', async () => {
    const root = tempTree({
      'a.society': leo,
      's.society': `kind: scenario\nname: S\npersonas:\n  - include: ${'a'.repeat(70_000)}\n  - include: a.society\n`,
    });
    const { scenario, diagnostics } = await loadScenarioFile(path.join(root, 's.society'), { root });
    assert.equal(scenario, undefined);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['SOC030', 3, 13, 70_013]],
    );
    assert.equal(
      diagnostics[0].message,
      'Include is too long to be a pattern (70,000 characters; at most 65,536): it matches no file',
    );
  });

  it('reads wrong-typed endpoint settings as schema errors only (base_url: 5 once stopped every check)', async () => {
    const models = [
      'provider: openai, base_url: 5',
      'provider: openai, base_url: {}',
      'provider: openai, base_url: [a]',
      'provider: 5',
      'provider: [openai]',
      'provider: openai, azure: 5',
      'provider: openai, azure: { deployment: {}, api_version: v }',
      'provider: openai, model: 7',
      'provider: openai, rpm: x',
    ];
    for (const model of models) {
      const root = tempTree({
        's.society': `kind: scenario\nname: S\npersonas: [{ id: a, name: A }]\nmodels:\n  default: { ${model} }\n  b: { provider: openai, rpm: 2 }\n`,
      });
      const { diagnostics } = await loadScenarioFile(path.join(root, 's.society'), { root });
      assert.ok(
        diagnostics.length > 0 && diagnostics.every((d) => d.severity === 'error' && /^SOC01[0-3]$/.test(d.code)),
        `${model}: ${JSON.stringify(diagnostics)}`,
      );
    }
  });

  it('says a file has no scenario at its first document, on a line of the file', async () => {
    const root = tempTree({ 'p.society': `\n${leo}` });
    const ws = new SocietyWorkspace(new NodeFileSystem(), root);
    const { diagnostics } = await ws.resolveScenario(path.join(root, 'p.society'));
    // Was 0:0-0:1: a character past the end of the empty first line.
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['SOC003', { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } }]],
    );
  });
});
