// What mirrors a table and must stay a literal (the schema's provider enum, package.json's setting,
// the docs' provider, command and validation-library tables) is written from the table by
// `npm run docs:reference` (scripts/reference/mirrors.ts); one left behind fails here, by its file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROVIDER_NAMES } from '../../../src/core/format/model/providers';
import { MIRRORS, ROOT, replaceSection, staleMirrors } from '../../../scripts/reference/mirrors';

describe('mirrors of the tables', () => {
  it('are each as their table makes them', async () => {
    const stale = await staleMirrors();
    assert.deepEqual(
      stale.map((s) => `${s.file} is out of date with ${s.from}: run npm run docs:reference`),
      [],
    );
  });

  it('writes a provider left out of the schema back into it', async () => {
    const file = 'schemas/society.schema.json';
    const committed = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const schema = JSON.parse(committed);
    schema.$defs.model.properties.provider.enum = ['offline'];
    const mirror = MIRRORS.find((m) => m.file === file)!;
    const written = JSON.parse(await mirror.write(`${JSON.stringify(schema, null, 2)}\n`));
    assert.deepEqual(written.$defs.model.properties.provider.enum, PROVIDER_NAMES);
  });

  it('replaces only the body between its markers, and names the file where they are missing', () => {
    const b = '<!-- generated: t, from T by `npm run docs:reference`; edit the table, not this -->';
    const e = '<!-- end generated: t -->';
    assert.equal(replaceSection('d.md', `a\n${b}\nold\n${e}\nz\n`, 't', 'T', 'new\n'), `a\n${b}\nnew\n${e}\nz\n`);
    assert.throws(() => replaceSection('d.md', 'a\n', 't', 'T', 'new\n'), /d\.md: no generated section 't'/);
  });
});
