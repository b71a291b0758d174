// A local model named by its file name alone is found in the cache's models folder, where the
// install script puts it; the cache folder the script was given is remembered without
// SOCIETY_CACHE (issue 86). HOME is a scratch folder here, so the machine's cache is never touched.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { modelPath } from '../../../src/core/llm/local/modelFile';
import { rememberedCacheNote, societyCache } from '../../../src/core/llm/local/settings';
import { checkCommand } from '../../../src/cli/commands/check';
import { ggufFile, SMOLLM2_META } from '../../support/ggufFile';
import { localScenarioText } from '../../support/localScenario';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';

describe('a local model by its file name, and the cache folder remembered', () => {
  let home: string | undefined, cache: string | undefined;
  beforeEach(() => {
    home = process.env.HOME;
    cache = process.env.SOCIETY_CACHE;
    process.env.HOME = scratchDir('home-');
    delete process.env.SOCIETY_CACHE;
  });
  afterEach(() => {
    process.env.HOME = home;
    if (cache === undefined) delete process.env.SOCIETY_CACHE;
    else process.env.SOCIETY_CACHE = cache;
  });

  it("finds a bare file name in the cache's models folder when it is not beside the scenario", () => {
    const models = path.join(societyCache(), 'models');
    fs.mkdirSync(models, { recursive: true });
    fs.writeFileSync(path.join(models, 'tiny.gguf'), 'x');
    const workspace = scratchDir('ws-');
    const source = { file: path.join(workspace, 'a.society'), range: {} as never };
    assert.equal(modelPath({ name: 'default', model: 'tiny.gguf', source }), path.join(models, 'tiny.gguf'));
    // Beside the scenario wins; a path with a folder is never looked up in the cache.
    fs.writeFileSync(path.join(workspace, 'tiny.gguf'), 'y');
    assert.equal(modelPath({ name: 'default', model: 'tiny.gguf', source }), path.join(workspace, 'tiny.gguf'));
    assert.equal(
      modelPath({ name: 'default', model: 'sub/tiny.gguf', source }),
      path.join(workspace, 'sub', 'tiny.gguf'),
    );
    assert.equal(modelPath({ name: 'default', model: 'none.gguf', source }), path.join(workspace, 'none.gguf'));
  });

  it('society check resolves a bare file name as the run does: the cached file, read and judged', async () => {
    // Before: check looked beside the scenario only and said "no such model file" (SOC155) of a
    // model the run would load from the cache.
    const models = path.join(societyCache(), 'models');
    fs.mkdirSync(models, { recursive: true });
    fs.writeFileSync(path.join(models, 'good.gguf'), ggufFile(SMOLLM2_META));
    fs.writeFileSync(path.join(models, 'page.gguf'), '<html>not a model</html>');
    const workspace = scratchDir('ws-');
    const file = path.join(workspace, 'local.society');
    const check = async (model: string) => {
      fs.writeFileSync(file, localScenarioText(model));
      const r = await quietly(() => checkCommand.run([file, '--root', workspace]));
      return { code: r.result, said: r.out + r.errors };
    };
    const good = await check('good.gguf');
    assert.equal(good.code, 0, good.said);
    // The cached file is the one read: its problem is named, not "no such file".
    const page = await check('page.gguf');
    assert.equal(page.code, 1);
    assert.match(page.said, /SOC155 Model file 'page\.gguf': not a GGUF model/);
    const absent = await check('absent.gguf');
    assert.match(absent.said, /SOC155 Model file 'absent\.gguf': no such model file/);
  });

  it('the folder the install script was given is the cache of later commands, without the variable', () => {
    const elsewhere = scratchDir('cache-');
    // What scripts/local-model.mjs does with SOCIETY_CACHE, without installing anything: its note.
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `process.argv = [process.argv[0], 'local-model.mjs', '--none']; import(${JSON.stringify(path.resolve(__dirname, '../../../scripts/local-model.mjs'))})`,
      ],
      { env: { ...process.env, SOCIETY_CACHE: elsewhere }, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(rememberedCacheNote(), 'utf8').trim(), elsewhere);
    assert.equal(societyCache(), elsewhere);
    process.env.SOCIETY_CACHE = scratchDir('own-');
    assert.equal(societyCache(), process.env.SOCIETY_CACHE, 'the variable still wins');
    delete process.env.SOCIETY_CACHE;
    fs.rmSync(elsewhere, { recursive: true });
    assert.equal(
      societyCache(),
      path.join(process.env.HOME!, '.cache', 'society-studio'),
      'a folder gone is forgotten',
    );
  });
});
