// A run stopped before its setup (round 0) ended has no checkpoint: it says so, and offers no
// --resume (issue 86: a SIGTERM during round 0's surveys said "ends after round -1; continue with
// … --resume").
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { useFakeOpenAI } from '../../support/fakeOpenAI';
import { allowKeyTo } from '../../support/llmFixtures';
import { quietly } from '../../support/quietly';

describe('a run stopped before its setup ended', function () {
  const fake = useFakeOpenAI();

  it('says there is nothing to resume, not "round -1"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-stop0-'));
    process.env.SOCIETY_TEST_FAKE_KEY = 'sk-test';
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.server.url, 'SOCIETY_TEST_FAKE_KEY').join(',');
    try {
      const file = path.join(dir, 's.society');
      fs.writeFileSync(
        file,
        [
          'kind: scenario',
          'name: Stop',
          'personas:',
          '  - { id: maya, name: Maya, interests: [x] }',
          '  - { id: tom, name: Tom, interests: [x] }',
          'world: { rounds: 2 }',
          'surveys:',
          '  - { instrument: mini-ipip, at: [start] }',
          `models: { default: { provider: openai, model: fake-model, base_url: "${fake.server.url}", api_key_env: SOCIETY_TEST_FAKE_KEY } }`,
        ].join('\n') + '\n',
      );
      // The first survey call is on the wire when the SIGTERM comes.
      fake.server.latencyMs = 300;
      let sent = false;
      fake.server.script = () => {
        if (!sent) setImmediate(() => process.emit('SIGTERM'));
        sent = true;
        return undefined;
      };
      const { result, errors } = await quietly(() => runCommand.run([file, '--out', path.join(dir, 'out')]));
      assert.equal(result, 143, errors);
      assert.match(
        errors,
        /stopped by SIGTERM: stopped before its setup \(round 0\) ended, so .*trace\.jsonl holds no round and there is nothing to resume: run it again/,
      );
      assert.doesNotMatch(errors, /round -1|--resume/);
    } finally {
      delete process.env.SOCIETY_TEST_FAKE_KEY;
      delete process.env.SOCIETY_ALLOW_KEYS;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
