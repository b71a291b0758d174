// What `society experiment` checks before any run: a `--reference` no condition has (it ran every
// run and failed only in the analysis), and a key some condition's model needs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unknownReference } from '../../../src/core/experiment/analyze';
import { missingExperimentKey } from '../../../src/cli/experimentKeys';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const society = (args: string[]) =>
  spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('society experiment: checked before any run', () => {
  it('names the conditions when the reference is none of them', () => {
    const conditions = [{ name: 'uncoached' }, { name: 'coached' }];
    assert.equal(unknownReference(conditions, 'coached'), undefined);
    assert.equal(unknownReference(conditions, undefined), undefined);
    assert.equal(
      unknownReference(conditions, 'nope'),
      "unknown reference condition 'nope' (conditions: uncoached, coached)",
    );
  });

  it('refuses an unknown reference before any run, exit 2, with no output folder made', function () {
    const out = path.join(scratchDir('society-reference-'), 'exp');
    const r = society(['experiment', 'examples/friends/friends.society', '--reference', 'nope', '--out', out]);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, "society experiment: unknown reference condition 'nope' (conditions: uncoached, coached)\n");
    // No folder: no run started (runs write their traces under OUT/traces).
    assert.ok(!fs.existsSync(out), 'no folder');
  });

  it('finds a key a condition needs, though the scenario as written runs offline', async () => {
    const { scenario } = await loadScenarioFile(path.join(repo, 'examples/friends/friends.society'));
    const keyed = {
      name: 'gpt',
      set: { models: { default: { provider: 'openai', model: 'm', api_key_env: 'SOCIETY_TEST_NO_SUCH_KEY' } } },
    };
    const conditions = [{ name: 'offline', set: {} }, keyed];
    assert.equal(
      missingExperimentKey(scenario!, [conditions[0]], () => undefined),
      undefined,
    );
    assert.equal(
      missingExperimentKey(scenario!, conditions, () => undefined),
      "model 'default' (condition 'gpt') needs an API key in the environment variable SOCIETY_TEST_NO_SUCH_KEY (its api_key_env), which is not set",
    );
    const has = (n: string): string | undefined => (n === 'SOCIETY_TEST_NO_SUCH_KEY' ? 'sk-x' : undefined);
    // Set, but not OpenAI's own key: it goes to api.openai.com only with the user's word.
    assert.match(
      missingExperimentKey(scenario!, conditions, has, []) ?? '',
      /SOCIETY_TEST_NO_SUCH_KEY to api\.openai\.com: not sent.*--allow-key SOCIETY_TEST_NO_SUCH_KEY@api\.openai\.com.*\(condition 'gpt'\)$/,
    );
    assert.equal(
      missingExperimentKey(scenario!, conditions, has, [{ env: 'SOCIETY_TEST_NO_SUCH_KEY', host: 'api.openai.com' }]),
      undefined,
    );
  });
});
