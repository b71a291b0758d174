// The studio's other ways into a run, on the same real model (SmolLM2-135M-Instruct in-process):
// the assistant's run tool (`society mcp`'s society_run, which runs `society run` as a child
// process) must give the trace an in-process run of the same file gives, byte for byte; and
// `society validate --model` plays library entries on it and writes its table.
//
// The files are the shipped ones cut to a few agents (YAML edited, nothing else changed), so what
// runs is each game's own rules and prompts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { validateCommand } from '../../src/cli/commands/validate';
import { loadScenarioFile } from '../../src/core/format/project/load';
import { closeLocalEngines } from '../../src/core/llm/local/localEngine';
import { findRuntime } from '../../src/core/llm/local/runtime';
import { SMOLLM2, localModel, runLocal } from '../support/localModelRun';
import { quietly } from '../support/quietly';
import { scratchDir } from '../support/scratch';
import { withMcpClient } from '../support/mcpSession';

const repo = path.resolve(__dirname, '../..');

/** The stage's model config as a file writes it (`model:` the cached file's absolute path). */
function modelEntry(): Record<string, unknown> {
  const { name: _name, ...entry } = localModel();
  return entry;
}

/** Copies `from` to `to`, with each group's count, the rounds and the models set as given. */
function cutFile(from: string, to: string, o: { count: number; rounds?: number }): void {
  const doc = parseDocument(fs.readFileSync(from, 'utf8'));
  const groups = doc.get('population') as { items: { set(k: string, v: unknown): void }[] } | undefined;
  for (const g of groups?.items ?? []) g.set('count', o.count);
  if (o.rounds !== undefined) doc.setIn(['world', 'rounds'], o.rounds);
  doc.set('models', { default: modelEntry() });
  doc.delete('surveys');
  fs.writeFileSync(to, String(doc));
}

/**
 * The JSON a tool answered, failing with its text when it was an error. Asked as an assistant asks:
 * the SDK's 60 s request timeout, restarted by the server's progress (a run here takes minutes).
 */
async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  let beats = 0;
  const r = await client.callTool({ name, arguments: args }, undefined, {
    resetTimeoutOnProgress: true,
    onprogress: () => void beats++,
  });
  console.log(`      ${name}: ${beats} progress notifications`);
  const text = (r.content as { type: string; text: string }[])[0].text;
  assert.ok(!r.isError, `${name}: ${text}`);
  // Text from files and runs sits under untrusted_data (issue 87: data, never instructions).
  return (JSON.parse(text) as { untrusted_data: Record<string, unknown> }).untrusted_data;
}

describe('a real small instruct model through the run tool and validate', function () {
  // A hang guard, not a clock.
  this.timeout(900_000);

  before(function () {
    assert.ok(fs.existsSync(SMOLLM2) && findRuntime(), 'run `node scripts/local-model.mjs` first');
  });
  after(() => closeLocalEngines());

  // One round: the same bytes in two processes is shown by every call of it; a second round only
  // doubled the stage's time on the critical path of the suite (issue 88).
  it("society_run (society mcp) on a public goods game, 4 × 1: the in-process run's trace, byte for byte", async () => {
    const cwd = scratchDir('society-model-mcp-');
    const scenarioFile = path.join(cwd, 'public-goods.society');
    cutFile(path.join(repo, 'examples/public-goods/public-goods.society'), scenarioFile, { count: 4, rounds: 1 });
    const { scenario, diagnostics } = await loadScenarioFile(scenarioFile);
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    const inProcess = await runLocal(scenario);
    const gifts = inProcess.lines.filter((l) => l.type === 'action' && l.action === 'contribute');
    assert.ok(gifts.length > 0, 'nobody contributed or the model chose nothing valid');
    for (const g of gifts) {
      assert.ok(typeof g.args.amount === 'number' && g.args.amount >= 0 && g.args.amount <= 10, JSON.stringify(g));
    }

    await withMcpClient(cwd, async (client) => {
      const ran = await callTool(client, 'society_run', { scenario: 'public-goods.society', out: 'runs/mcp' });
      assert.equal(ran.exitCode, 0, JSON.stringify(ran));
      assert.equal(ran.estimatedUsd, 0);
      const viaTool = fs.readFileSync(path.join(cwd, 'runs/mcp/trace.jsonl'), 'utf8');
      // Same file, seed, model file and thread count: the same bytes, in another process. The
      // header alone differs: the CLI names the scenario's file, relative to the run's folder.
      const [toolHeader, ...toolEvents] = viaTool.split('\n');
      const [ownHeader, ...ownEvents] = inProcess.trace.split('\n');
      const { file, ...scenarioNamed } = JSON.parse(toolHeader).scenario;
      assert.equal(fs.realpathSync(path.resolve(cwd, 'runs/mcp', file)), fs.realpathSync(scenarioFile));
      assert.deepEqual({ ...JSON.parse(toolHeader), scenario: scenarioNamed }, JSON.parse(ownHeader));
      const firstDiff = toolEvents.findIndex((l, i) => l !== ownEvents[i]);
      assert.equal(firstDiff, -1, `line ${firstDiff + 2} differs:\n${toolEvents[firstDiff]}\n${ownEvents[firstDiff]}`);
      assert.equal(toolEvents.length, ownEvents.length);
    });
  });

  it('society validate --model local --only dictator,ultimatum writes its table', async () => {
    const dir = scratchDir('society-model-validate-');
    const library = path.join(dir, 'library');
    fs.mkdirSync(library);
    for (const id of ['dictator', 'ultimatum']) {
      cutFile(path.join(repo, 'validation', `${id}.society`), path.join(library, `${id}.society`), { count: 2 });
      fs.copyFileSync(
        path.join(repo, 'validation', `${id}.reference.json`),
        path.join(library, `${id}.reference.json`),
      );
    }
    const models = path.join(dir, 'models.society');
    cutFile(path.join(library, 'dictator.society'), models, { count: 2 });
    const out = path.join(dir, 'out');
    const {
      result,
      out: printed,
      errors,
    } = await quietly(() =>
      validateCommand.run([
        '--library',
        library,
        '--only',
        'dictator,ultimatum',
        '--seeds',
        '1',
        '--model',
        'default',
        '--models',
        models,
        '--jobs',
        '1',
        '--out',
        out,
      ]),
    );
    assert.equal(result, 0, errors);
    const table = fs.readFileSync(path.join(out, 'validation.csv'), 'utf8');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'validation.json'), 'utf8')) as Record<string, unknown>;
    for (const id of ['dictator', 'ultimatum']) assert.match(table, new RegExp(`^${id},`, 'm'), table);
    assert.equal(json.model, 'default');
    console.log(`      validate:\n${(printed + errors).trim().replace(/^/gm, '        ')}`);
  });
});
