// `prompts.coach_system`, the coach's system prompt: a prompt kind with its own variables (advise's,
// which the coach can see; unknown ones diagnosed for it as for any kind), accepted by the schema
// as a string only, and documented in completion and hover like the other prompt keys.
import * as assert from 'node:assert/strict';
import {
  completionsAt,
  hoverAt,
  NodeFileSystem,
  OverlayFileSystem,
  SocietyWorkspace,
  type CompletionSources,
} from '../../../src/core/format';
import { PROMPT_KINDS } from '../../../src/core/format/model/model';
import { validatorFor } from '../../../src/core/format/schema/schema';
import { PROMPT_VARIABLES } from '../../../src/core/format/model/templates';
import { cursorIn, projectOf } from './editorFixtures';

const HEAD = 'kind: scenario\nname: x\npersonas: [{ id: a, name: A }]\n';

async function diagnostics(text: string) {
  const fs = new OverlayFileSystem(new NodeFileSystem());
  fs.set('/v/s.society', text);
  return (await new SocietyWorkspace(fs, '/v').resolveScenario('/v/s.society')).diagnostics;
}
const codes = async (text: string): Promise<string[]> => (await diagnostics(text)).map((d) => d.code);

describe('prompts.coach_system', () => {
  it("is a prompt kind with the variables the coach sees: the common ones and advise's, not the other kinds'", () => {
    assert.ok(PROMPT_KINDS.includes('coach_system'));
    for (const v of [...PROMPT_VARIABLES.system, 'rewards', 'reward_changes', 'ratings_received']) {
      assert.ok(PROMPT_VARIABLES.coach_system.includes(v), v);
    }
    for (const v of ['conversation', 'partner.name', 'candidates', 'question', 'recent_memories']) {
      assert.ok(!PROMPT_VARIABLES.coach_system.includes(v), v);
    }
    assert.deepEqual([...PROMPT_VARIABLES.coach_system].sort(), [...PROMPT_VARIABLES.advise].sort());
  });

  it('the schema accepts a string and rejects anything else', () => {
    const check = validatorFor('scenario');
    const doc = (coach: unknown) => ({
      kind: 'scenario',
      name: 'x',
      personas: [{ id: 'a', name: 'A' }],
      prompts: { system: 'You are {{persona.name}}.', coach_system: coach },
    });
    assert.ok(check(doc('You coach {{persona.name}}.')), JSON.stringify(check.errors));
    for (const bad of [3, true, ['a'], { text: 'a' }, null]) {
      assert.ok(!check(doc(bad)), `accepted ${JSON.stringify(bad)}`);
      assert.ok(
        check.errors!.some((e) => e.instancePath === '/prompts/coach_system' && e.keyword === 'type'),
        JSON.stringify(check.errors),
      );
    }
  });

  it('a scenario with it checks clean; a non-string is SOC012, a misspelt key SOC011', async () => {
    assert.deepEqual(
      await codes(
        `${HEAD}prompts:\n  system: "You are {{persona.name}}."\n  coach_system: "You coach {{persona.name}} ({{rewards}}; {{ratings_received}}; {{reward_changes}}), round {{round}} of {{rounds}}.\\n{{memories}}"\n`,
      ),
      [],
    );
    assert.deepEqual(await codes(`${HEAD}prompts:\n  coach_system: 3\n`), ['SOC012']);
    assert.deepEqual(await codes(`${HEAD}prompts:\n  coach_sytem: "x"\n`), ['SOC011']);
  });

  it('unknown variables are diagnosed for coach_system, per kind', async () => {
    const found = (
      await diagnostics(`${HEAD}prompts:\n  coach_system: "{{conversation}} and {{persona.nam}}"\n`)
    ).filter((d) => d.code === 'SOC050');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /Unknown template variable '\{\{conversation\}\}' in the coach_system prompt/);
    assert.match(found[0].message, /available: .*rewards, reward_changes, ratings_received/);
    assert.match(
      found[1].message,
      /'\{\{persona\.nam\}\}' in the coach_system prompt\. Did you mean '\{\{persona\.name\}\}'\?/,
    );
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        [4, 17, 33],
        [4, 38, 53],
      ],
    );
    // The coach's variables belong to coach_system (and advise), not to the agents' system prompt.
    const agent = (
      await diagnostics(
        `${HEAD}prompts:\n  system: "{{rewards}}"\n  coach_system: "{{rewards}}"\n  advise: "{{rewards}}"\n`,
      )
    ).filter((d) => d.code === 'SOC050');
    assert.deepEqual(
      agent.map((d) => d.message.replace(/ \(available.*$/, '')),
      ["Unknown template variable '{{rewards}}' in the system prompt"],
    );
  });

  it('completion offers it under prompts with its documentation; hover documents it', async () => {
    const none: CompletionSources = { personas: () => [], models: () => [], includes: () => [] };
    const { lines, position } = cursorIn(`${HEAD}prompts:\n  system: "x"\n  |`);
    const list = completionsAt(lines, position, none);
    const item = list.find((i) => i.label === 'coach_system');
    assert.ok(item, `offered: ${list.map((i) => i.label).join(', ')}`);
    assert.equal(item.detail, 'string');
    assert.match(item.documentation!, /The coach's system prompt, for `advise` only/);
    assert.match(item.documentation!, /`system` never applies to the coach/);
    assert.match(item.documentation!, /\{\{ratings_received\}\}/);

    const text = `${HEAD}prompts:\n  system: "x"\n  coach_system: "y"\n`;
    const { project, file } = await projectOf({ 's.society': text });
    const hover = await hoverAt(project, file('s.society'), text.indexOf('coach_system'));
    assert.match(hover!.markdown, /^\*\*coach_system\*\* · string\n\nThe coach's system prompt/);
    const system = await hoverAt(project, file('s.society'), text.indexOf('system'));
    assert.match(system!.markdown, /never the coach's \(see `coach_system`\)/);
  });
});
