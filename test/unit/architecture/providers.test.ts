// One table of providers (format/model/providers.ts): the registry's client factories follow it (a
// Record, which the compiler checks; here at run time too), and its traits agree. The schema's
// enum, the extension's setting and docs/models.md are written from it (reference.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROVIDER_NAMES, PROVIDERS } from '../../../src/core/format/model/providers';
import { CLIENT_FACTORIES } from '../../../src/core/llm/registry';
import { PROVIDER_FIELDS } from '../../../src/core/format/checks/providerFields';

const repo = path.resolve(__dirname, '../../..');

describe('the providers table', () => {
  it('has a client factory for every provider, and traits that agree with each other', () => {
    assert.deepEqual(Object.keys(CLIENT_FACTORIES).sort(), [...PROVIDER_NAMES].sort());
    for (const [name, t] of Object.entries(PROVIDERS)) {
      if (t.instant) assert.ok(!t.priced && !t.endpoint, `${name}: an instant provider is free and calls nothing`);
      if ('defaultBaseUrl' in t) assert.ok(t.endpoint, `${name}: a base URL means an endpoint`);
    }
  });

  it('names only model settings the schema has, in its table of settings some providers ignore (SOC043)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/society.schema.json'), 'utf8'));
    const settings = Object.keys(schema.$defs.model.properties);
    for (const field of Object.keys(PROVIDER_FIELDS)) {
      assert.ok(settings.includes(field), `no model setting '${field}'`);
    }
  });

  it('embeds memories exactly where the traits say `embeddings`', () => {
    for (const [name, t] of Object.entries(PROVIDERS)) {
      const f = CLIENT_FACTORIES[name as keyof typeof PROVIDERS];
      const embeds = f !== 'in-process' && f.embeddings !== undefined;
      assert.equal(embeds, t.embeddings, `${name}: traits say embeddings ${t.embeddings}, the client table ${embeds}`);
    }
  });
});
