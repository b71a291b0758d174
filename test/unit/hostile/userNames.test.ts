// Issue 58, kind 1: a name a user wrote (a census category, a survey item or scale, a rubric
// dimension, an observed measure) used as an object key. `constructor`, `valueOf` and `__proto__`
// are names like any other: each is found only where it was written and never lost.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';
import type { Scenario } from '../../../src/core/format/model/model';
import { samplePopulation } from '../../../src/core/engine/society/population';
import { runToText } from '../../support/runToText';
import type { JudgementEvent, SurveyEvent } from '../../../src/core/trace/events';
import { judgementsCsv } from '../../../src/core/analysis/export/judgementsCsv';
import { fitRuns } from '../../../src/core/analysis/calibration/fit';
import { readObserved } from '../../../src/core/format/assemble/observedData';
import { nameRecord, own, owns } from '../../../src/core/text/nameRecord';
import { resolveText } from '../format/editorFixtures';

const dir = path.resolve('/virtual/hostile-names');
const file = path.join(dir, 's.society');

async function resolveWith(text: string, files: Record<string, string> = {}) {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  for (const [name, t] of Object.entries(files)) overlay.set(path.join(dir, name), t);
  return new SocietyWorkspace(overlay, dir).resolveScenario(file);
}

const events = (trace: string) =>
  trace
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string });

describe('hostile names: a name a user wrote is a key like any other', () => {
  it('nameRecord and own: no inherited member answers, __proto__ is kept', () => {
    const r = nameRecord<number>([['__proto__', 1]]);
    r['constructor'] = 2;
    assert.deepEqual(Object.keys(r), ['__proto__', 'constructor']);
    assert.equal(own({}, 'valueOf'), undefined);
    assert.equal(owns({}, 'constructor'), false);
    assert.equal(own(JSON.parse('{"__proto__": 3}') as Record<string, number>, '__proto__'), 3);
  });

  it('a census category `constructor` sets the occupation "constructor" (not Object)', async () => {
    const text = [
      'kind: scenario',
      'name: S',
      'seed: 3',
      'population:',
      '  - group: people',
      '    count: 6',
      '    census: { marginals: m.csv, attributes: { job: occupation, __proto__: location } }',
      '',
    ].join('\n');
    const m = 'attribute,category,count\njob,constructor,3\njob,valueOf,3\n__proto__,toString,6\n';
    const r = await resolveWith(text, { 'm.csv': m });
    assert.deepEqual(
      r.diagnostics.map((d) => d.message),
      [],
    );
    const people = samplePopulation((r.scenario as Scenario).population[0], 3);
    assert.deepEqual([...new Set(people.map((p) => p.occupation))].sort(), ['constructor', 'valueOf']);
    assert.deepEqual([...new Set(people.map((p) => p.location))], ['toString']);
    assert.ok(people.every((p) => own(p.provenance?.cell, '__proto__') === 'toString'));
  });

  it('survey items and scales named `__proto__`, `constructor`, `valueOf` keep their answers', async () => {
    const { scenario } = await resolveText(
      file,
      [
        'kind: scenario',
        'name: Surveyed',
        'seed: 3',
        'world: { setting: A small town., rounds: 1 }',
        'personas:',
        '  - { id: ana, name: Ana, interests: [x] }',
        '  - { id: bo, name: Bo, interests: [x] }',
        'instruments:',
        '  mood:',
        '    title: Mood',
        '    items:',
        '      - { id: __proto__, text: I am outgoing. }',
        '      - { id: constructor, text: I keep to myself. }',
        '      - { id: valueOf, text: I like it. }',
        '    scales:',
        '      __proto__: { items: [__proto__, constructor], reverse: [constructor] }',
        '      valueOf: { items: [valueOf] }',
        'surveys:',
        '  - { instrument: mood, at: [start] }',
        '',
      ].join('\n'),
    );
    const { trace } = await runToText(scenario as Scenario);
    const surveys = events(trace).filter((e): e is SurveyEvent => e.type === 'survey');
    assert.equal(surveys.length, 2);
    for (const s of surveys) {
      assert.deepEqual(Object.keys(s.answers), ['__proto__', 'constructor', 'valueOf']);
      assert.ok(Object.values(s.answers).every((a) => typeof a === 'number'));
      assert.deepEqual(Object.keys(s.scales ?? {}), ['__proto__', 'valueOf']);
    }
  });

  it('a rubric dimension `valueOf` is scored (not null with "signal.toFixed is not a function")', async () => {
    const { scenario } = await resolveText(
      file,
      [
        'kind: scenario',
        'name: Judged',
        'seed: 3',
        'world: { setting: A small town., rounds: 1 }',
        'personas:',
        '  - { id: ana, name: Ana, interests: [x] }',
        '  - { id: bo, name: Bo, interests: [x] }',
        'judges:',
        '  - name: j',
        '    rubric:',
        '      description: x',
        '      dimensions:',
        '        valueOf: { description: a, min: 0, max: 10 }',
        '        __proto__: { description: b, min: 0, max: 10 }',
        '        constructor: { description: c, min: 0, max: 10, offline: goal }',
        '    target: agents',
        '    rounds: every',
        '    by: [offline]',
        '',
      ].join('\n'),
    );
    const { trace } = await runToText(scenario as Scenario);
    const judged = events(trace).filter((e): e is JudgementEvent => e.type === 'judgement');
    assert.equal(judged.length, 2);
    for (const j of judged) {
      assert.equal(j.error, undefined);
      assert.deepEqual(Object.keys(j.scores), ['valueOf', '__proto__', 'constructor']);
      assert.ok(Object.values(j.scores).every((s) => typeof s === 'number'));
    }
    assert.doesNotMatch(judgementsCsv(judged), /native code|\[object Object\]/);
  });

  it('an observed measure `constructor` is compared with the series `constructor`, and unmapped says so', async () => {
    const { data } = readObserved('round,measure,value\n1,constructor,2\n2,constructor,4\n');
    const series = { rounds: [1, 2], metrics: { constructor: [2, 4] } };
    const [fit] = fitRuns([{ condition: 'c', seed: 1, series }], data);
    assert.equal(fit.series, 'constructor');
    assert.deepEqual(
      fit.rounds.map((r) => r.simulated),
      [2, 4],
    );
    // check: a measure that is no series of the runs and not mapped is SOC134, `constructor` too.
    const text = [
      'kind: scenario',
      'name: S',
      'seed: 1',
      'personas: [{ id: a, name: A }]',
      'calibration: { observed: o.csv }',
      '',
    ].join('\n');
    const r = await resolveWith(text, { 'o.csv': 'round,measure,value\n1,constructor,2\n' });
    assert.ok(r.diagnostics.some((d) => d.code === 'SOC134' && /Measure 'constructor'/.test(d.message)));
  });
});
