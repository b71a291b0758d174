// An assistant does a whole study from a question through `society mcp` alone (the SDK's client):
// it reads the workflow from the server's prompts, writes the study file as it writes any file,
// checks and estimates it, runs it, and reads the verdicts, the validity and the mechanisms from
// the answer — no file read behind the tools' back, no command line; then scores the offline model
// against people with society_validate.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { scratchDir } from '../../support/scratch';
import { withMcpClient } from '../../support/mcpSession';

const repo = path.resolve(__dirname, '../../..');

async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  onprogress?: (p: { message?: string }) => void,
): Promise<any> {
  const r = await client.callTool({ name, arguments: args }, undefined, onprogress ? { onprogress } : {});
  const text = (r.content as { type: string; text: string }[])[0].text;
  assert.ok(!r.isError, `${name}: ${text}`);
  // Every answer's text from files and runs sits under untrusted_data (issue 87: data, not instructions).
  return JSON.parse(text).untrusted_data;
}

const STUDY = `kind: study
name: Talk and giving
question: In a repeated public goods game with 4 players, does talk before each round raise contributions?
scenario: world.society
rounds: 4
conditions: ["silent, groups of 4", "talk, groups of 4"]
hypotheses:
  - { id: talk, metric: agents.given.mean, higher: "talk, groups of 4", than: "silent, groups of 4", smallest_effect: 5 }
models:
  offline: { provider: offline }
seeds: { sequential: { start: 3, batch: 3, max: 6 } }
`;

describe('an assistant does a study through society mcp', function () {
  it('from the question to verdicts, validity and mechanisms, with the tools alone', async () => {
    const cwd = scratchDir('mcp-study-');
    fs.copyFileSync(
      path.join(repo, 'examples/public-goods-talk/public-goods-talk.society'),
      path.join(cwd, 'world.society'),
    );
    await withMcpClient(cwd, async (client) => {
      const prompts = (await client.listPrompts()).prompts.map((p) => p.name);
      assert.deepEqual(prompts.sort(), ['check_validity', 'design_study', 'write_up']);
      const design = await client.getPrompt({
        name: 'design_study',
        arguments: { question: 'Does talk raise giving?' },
      });
      const steps = (design.messages[0].content as { text: string }).text;
      assert.match(steps, /society_check/);
      assert.match(steps, /"Does talk raise giving\?"/);
      // The assistant writes the file with its own file tool, as it writes any file.
      fs.writeFileSync(path.join(cwd, 'study.society'), STUDY.replace('agents.given.mean', 'agents.gven.mean'));
      const bad = await call(client, 'society_check', { paths: ['study.society'] });
      assert.ok(JSON.stringify(bad).includes('agents.given.mean'), JSON.stringify(bad));
      fs.writeFileSync(path.join(cwd, 'study.society'), STUDY);
      const good = await call(client, 'society_check', { paths: ['study.society'] });
      assert.equal(good.errors, 0, JSON.stringify(good));
      const estimate = await call(client, 'society_estimate', { scenario: 'world.society', rounds: 4 });
      assert.equal(estimate.total.cost_usd, 0);
      const planned = await call(client, 'society_estimate', { study: 'study.society' });
      assert.equal(planned.seeds_at_most, 6);
      assert.deepEqual(
        planned.models.map((m: { model: string; runs: number }) => [m.model, m.runs]),
        [['offline', 12]],
      );
      assert.equal(planned.cost_usd, 0);
      // A long call tells the client what is done of what is planned, as each run ends.
      const told: string[] = [];
      const answer = await call(client, 'society_study', { study: 'study.society', out: 'talk-study' }, (p) =>
        told.push(p.message ?? ''),
      );
      assert.match(told[0] ?? '', /^society_study: 1 of 6 runs done, under way for \d+ s$/, told.join('\n'));
      assert.match(told.at(-1) ?? '', /: (\d+) of \1 runs done/, told.join('\n'));
      assert.equal(answer.folder, 'talk-study');
      const h = answer.study.hypotheses[0];
      assert.equal(h.id, 'talk');
      assert.equal(h.verdict, 'supported');
      assert.ok(h.ci[0] > 0, JSON.stringify(h.ci));
      // What moved between the conditions, rule by rule (the trace's named pushes): talk's agreement among them.
      const rules = h.models[0].rule_contrasts as { rule: string; contrast: number }[];
      assert.ok(
        rules.some((r) => r.rule === 'agreement' && r.contrast > 0),
        JSON.stringify(rules),
      );
      assert.deepEqual(answer.study.validity.unanchored, ['silent, groups of 4', 'talk, groups of 4']);
      assert.ok(!JSON.stringify(answer).includes(cwd), 'paths in the answer are relative to the working folder');
      // Two conditions of one look's experiment, paired by seed, names with commas and all.
      const compared = await call(client, 'society_compare', {
        a: 'talk-study/runs/offline/seeds-1-3',
        conditions: ['silent, groups of 4', 'talk, groups of 4'],
      });
      assert.ok(JSON.stringify(compared.summary).includes('agents.given.mean'), JSON.stringify(compared).slice(0, 400));
      const listed = await call(client, 'society_files', { folder: 'talk-study' });
      const paths = listed.entries.map((e: { path: string }) => e.path);
      for (const name of ['study.md', 'study.json', 'preregistration.json', 'runs/']) {
        assert.ok(paths.includes(name), name);
      }
      const validation = await call(client, 'society_validate', { out: 'people', only: 'dictator', seeds: '1-2' });
      assert.deepEqual(
        validation.validation.entries.map((e: { id: string }) => e.id),
        ['dictator'],
      );
      assert.ok(validation.validation.entries[0].figures.length > 0);
    });
  });
});
