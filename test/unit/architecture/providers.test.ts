// One table of providers (format/providers.ts): the schema's enum, the extension's setting and the
// registry's client factories follow it, so a new provider missed in any of them fails here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROVIDER_NAMES, PROVIDERS } from '../../../src/core/format/model/providers';
import { CLIENT_FACTORIES } from '../../../src/core/llm/registry';
import { PROVIDER_FIELDS } from '../../../src/core/format/checks/providerFields';

const repo = path.resolve(__dirname, '../../..');

describe('the providers table', () => {
  it('is what the schema allows for models[].provider', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/society.schema.json'), 'utf8'));
    const enums: string[][] = [];
    const walk = (node: unknown, key?: string): void => {
      if (!node || typeof node !== 'object') return;
      if (key === 'provider' && Array.isArray((node as { enum?: unknown }).enum)) {
        enums.push((node as { enum: string[] }).enum);
      }
      for (const [k, v] of Object.entries(node)) walk(v, k);
    };
    walk(schema);
    assert.ok(enums.length >= 1);
    for (const e of enums) assert.deepEqual([...e].sort(), [...PROVIDER_NAMES].sort());
  });

  it("is what the extension's default-model setting offers", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    const configuration = [pkg.contributes.configuration].flat() as {
      properties: Record<string, { enum: string[] }>;
    }[];
    const setting = configuration.map((c) => c.properties['society.defaultModel.provider']).find((x) => x)!;
    assert.deepEqual([...setting.enum].sort(), [...PROVIDER_NAMES].sort());
  });

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
    for (const field of Object.keys(PROVIDER_FIELDS))
      assert.ok(settings.includes(field), `no model setting '${field}'`);
  });

  it('embeds memories exactly where the traits say `embeddings`', () => {
    for (const [name, t] of Object.entries(PROVIDERS)) {
      const f = CLIENT_FACTORIES[name as keyof typeof PROVIDERS];
      const embeds = f !== 'in-process' && f.embeddings !== undefined;
      assert.equal(embeds, t.embeddings, `${name}: traits say embeddings ${t.embeddings}, the client table ${embeds}`);
    }
  });
});
