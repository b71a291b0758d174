// Breakpoint lines → what they stop at, and stops → the lines their frames show, on the forum
// example (persona documents in one file, inline events, an event that adds a persona).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { personaLine, roundLine, targetAt } from '../../../src/core/debug/sourceMap';

const dir = path.resolve(__dirname, '../../../examples/forum');
const scenarioFile = path.join(dir, 'forum.society');
const people = path.join(dir, 'people.society');
const read = (f: string): string[] => fs.readFileSync(f, 'utf8').split('\n');
const lineOf = (file: string, re: RegExp): number => read(file).findIndex((l) => re.test(l));

describe('debug source map', () => {
  let scenario: Scenario;
  before(async () => {
    scenario = (await loadScenarioFile(scenarioFile, { root: dir })).scenario!;
  });

  it('maps a line of a persona document to that persona, up to the next document', () => {
    assert.deepEqual(targetAt(scenario, people, lineOf(people, /^id: ana_silva/), read), {
      kind: 'persona',
      agent: 'ana_silva',
    });
    assert.deepEqual(
      targetAt(scenario, people, lineOf(people, /^id: rahul_mehta/) - 3, read),
      { kind: 'persona', agent: 'ana_silva' },
      'last line of ana',
    );
    assert.deepEqual(targetAt(scenario, people, lineOf(people, /^id: rahul_mehta/) + 5, read), {
      kind: 'persona',
      agent: 'rahul_mehta',
    });
    assert.equal(targetAt(scenario, people, 0, read), undefined, 'the comment before the first document');
  });

  it('maps event lines to their round, a persona an event adds to that persona, other scenario lines to rounds', () => {
    assert.deepEqual(targetAt(scenario, scenarioFile, lineOf(scenarioFile, /Census date/), read), {
      kind: 'event',
      round: 4,
    });
    assert.deepEqual(targetAt(scenario, scenarioFile, lineOf(scenarioFile, /^ {2}- at: 7/), read), {
      kind: 'event',
      round: 7,
    });
    assert.deepEqual(targetAt(scenario, scenarioFile, lineOf(scenarioFile, /Arrived from Istanbul/), read), {
      kind: 'persona',
      agent: 'elif_yilmaz',
    });
    assert.deepEqual(targetAt(scenario, scenarioFile, lineOf(scenarioFile, /remove: \[lucy_tran\]/), read), {
      kind: 'event',
      round: 11,
    });
    assert.deepEqual(targetAt(scenario, scenarioFile, lineOf(scenarioFile, /^\s+rounds: 24/), read), { kind: 'round' });
    assert.equal(targetAt(scenario, path.join(dir, 'nope.society'), 3, read), undefined);
  });

  it("points frames at the persona's id line and at the round's event or the rounds line", () => {
    const tariq = scenario.personas.find((p) => p.id === 'tariq_hussein');
    assert.deepEqual(personaLine(tariq, read), { file: people, line: lineOf(people, /^id: tariq_hussein/) });
    const elif = scenario.events.flatMap((e) => ('add' in e ? e.add : [])).find((p) => p.id === 'elif_yilmaz');
    assert.deepEqual(personaLine(elif, read), { file: scenarioFile, line: lineOf(scenarioFile, /- id: elif_yilmaz/) });
    assert.deepEqual(roundLine(scenario, 4, read), { file: scenarioFile, line: lineOf(scenarioFile, /^ {2}- at: 4/) });
    assert.deepEqual(roundLine(scenario, 5, read), {
      file: scenarioFile,
      line: lineOf(scenarioFile, /^\s+rounds: 24/),
    });
  });
});
