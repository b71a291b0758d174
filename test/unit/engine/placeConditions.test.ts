// A place argument's `where` (issue 58): the declared places that meet it are the candidates, read
// as `<arg>.id`, `.label`, `.occupants`, `.capacity` and `.full`; the offline model weighs only
// those, an LLM is told only those (prompt, schema enum, answer check), and a run without the
// filter draws what it drew before (no random stream is touched to filter places).
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceOf, traceLines } from './traceHelpers';
import type { ActRequest, DecisionRequest } from '../../../src/core/llm/types';
import { actSchema, checkAct } from '../../../src/core/llm/parse/actAnswer';
import { actValues } from '../../../src/core/llm/prompts/values';
import { recordingFactory } from './recordingModels';

const TOWN = (where: string | undefined): string =>
  [
    'kind: scenario',
    'name: Town',
    'seed: 5',
    'world: { rounds: 6 }',
    'personas:',
    '  - { id: isabella, name: Isabella, plan: { morning: cafe } }',
    'population:',
    '  - { group: folk, count: 9, names: [Ann, Bo, Cy, Di, Ed, Flo, Gus, Hal, Ivy], traits: { openness: 1, conscientiousness: 0 } }',
    'places:',
    '  home: { label: Home }',
    '  cafe: { label: Hobbs Cafe, capacity: 4, overflow: park }',
    '  park: { label: Johnson Park }',
    'day: [morning, afternoon]',
    'plan: { morning: home, afternoon: cafe }',
    'actions:',
    '  go:',
    '    description: Go somewhere for the rest of the day.',
    `    args: { to: { type: place${where ? `, where: "${where}"` : ''} } }`,
    '    move: { to: args.to, for: day }',
    '  stay: { description: Stay where you are. }',
    'round:',
    '  - { phase: plans, actions: [go, stay] }',
    '  - meet',
    '',
  ].join('\n');

const goes = (trace: string): string[] =>
  traceLines(trace)
    .filter((e) => e.type === 'action' && e.action === 'go')
    .map((e) => String(e.args.to));

describe('places: a place argument filtered by `where`', () => {
  it('the offline model takes only places that meet it; without it the park is taken too', async () => {
    const free = goes(await traceOf(await scenarioFromText(TOWN(undefined))));
    assert.ok(free.includes('park'), `without a filter someone goes to the park: ${free.join(' ')}`);
    const kept = goes(await traceOf(await scenarioFromText(TOWN("to.id != 'park'"))));
    assert.ok(kept.length > 0, 'someone still goes somewhere');
    assert.ok(
      kept.every((to) => to === 'home' || to === 'cafe'),
      kept.join(' '),
    );
  });

  it('an LLM is offered only the places with room: prompt, schema enum and answer check agree', async () => {
    const requests: DecisionRequest[] = [];
    await traceOf(await scenarioFromText(TOWN("to.occupants < to.capacity && !to.full && to.label != ''")), {
      modelFactory: recordingFactory((r) => requests.push(r)),
    });
    const acts = requests.filter((r): r is ActRequest => r.kind === 'act');
    const amongAt = (round: number): string[][] =>
      acts
        .filter((r) => r.round === round)
        .map((r) => r.actions.find((a) => a.name === 'go')!.args[0].among ?? ['(all)']);
    // Morning: only Isabella is at the cafe (1 of 4): every place has room.
    assert.deepEqual([...new Set(amongAt(1).map((x) => x.join(',')))], ['home,cafe,park']);
    // Afternoon: the cafe admitted its four and is full; home and the park hold any number.
    assert.deepEqual([...new Set(amongAt(2).map((x) => x.join(',')))], ['home,park']);
    const act = acts.find((r) => r.round === 2)!;
    assert.match(actValues(act).actions, /to: the id of a place, one of: home \(Home\), park \(Johnson Park\)/);
    const go = JSON.parse(
      JSON.stringify(actSchema(act, (d: string) => ({ type: 'string', description: d }))),
    ).properties.choice.anyOf.find(
      (c: { properties: { action: { enum: string[] } } }) => c.properties.action.enum[0] === 'go',
    );
    assert.deepEqual(go.properties.args.properties.to.enum, ['home', 'park']);
    const refused = checkAct(act, { action: 'go', args: { to: 'cafe' }, reason: 'x' }, []);
    assert.ok(!refused.ok && /one of the places home, park/.test(refused.error), JSON.stringify(refused));
    assert.ok(checkAct(act, { action: 'go', args: { to: 'Johnson Park' }, reason: 'x' }, []).ok);
  });

  it('a condition no place meets takes the action off the offer', async () => {
    assert.deepEqual(goes(await traceOf(await scenarioFromText(TOWN("to.id == 'moon'")))), []);
    const home = goes(await traceOf(await scenarioFromText(TOWN("to.id == 'home'"))));
    assert.ok(home.length > 0 && home.every((to) => to === 'home'), home.join(' '));
  });
});
