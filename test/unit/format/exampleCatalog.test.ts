// The examples New Society and Open Example offer (issue 73): every shipped paradigm, read from the
// folder, with its name and description; and a copy renamed as a person names their society.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { exampleCopy, renamedScenario, shippedExamples } from '../../../src/core/format/service/exampleCatalog';
import { DOCS_URL, publishedDocsLinks } from '../../../src/core/format/service/docsLinks';

const examples = path.resolve(__dirname, '../../../examples');

describe('the shipped examples, as the editor offers them', () => {
  it('lists every paradigm the studio ships, friendship first, each with a name and description', () => {
    const list = shippedExamples(examples);
    const ids = list.map((e) => e.id);
    assert.equal(ids[0], 'friends');
    for (const id of ['public-goods', 'ultimatum', 'trust', 'commons', 'town', 'expert-team', 'dictator']) {
      assert.ok(ids.includes(id), `${id} is offered`);
    }
    assert.ok(!ids.includes('cluster'), 'a folder without a scenario of its name is not an example');
    for (const e of list) assert.ok(e.name && e.description, `${e.id} has a name and a description`);
  });

  it('renames a copy, quoting what YAML would misread', () => {
    const text = 'kind: scenario\nname: Public goods\ndescription: x\npersonas:\n  - { id: a, name: A }\n';
    const renamed = renamedScenario(text, 'Ours: a #test');
    assert.equal((parse(renamed) as { name: string }).name, 'Ours: a #test');
    assert.equal((parse(renamed) as { personas: { name: string }[] }).personas[0].name, 'A');
  });

  it("a copy's commands run where it is: `society` on the copy's path, not the repository's (issue 73)", () => {
    // The README of public goods said `npx society experiment examples/public-goods/public-goods.society`:
    // in a new workspace npx asked the npm registry for a `society` package, and that path was not there.
    const text = (files: { path: string; bytes: Uint8Array }[], p: string) =>
      new TextDecoder().decode(files.find((f) => f.path === p)?.bytes);
    const publicGoods = shippedExamples(examples).find((e) => e.id === 'public-goods')!;
    const copy = exampleCopy(publicGoods, { folder: 'lab-goods', title: 'Lab goods' });
    assert.match(text(copy, 'README.md'), /^society experiment lab-goods\/public-goods\.society$/m);
    assert.match(text(copy, 'public-goods.society'), /^name: "Lab goods"$/m);
    const spaced = exampleCopy(publicGoods, { folder: 'my studies/lab goods' });
    assert.match(text(spaced, 'README.md'), /^society experiment 'my studies\/lab goods'\/public-goods\.society$/m);

    for (const e of shippedExamples(examples)) {
      const files = exampleCopy(e, { folder: 'ours' });
      const listed = (dir: string, rel = ''): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((d) => (d.isDirectory() ? listed(path.join(dir, d.name), `${rel}${d.name}/`) : [`${rel}${d.name}`]));
      assert.deepEqual(files.map((f) => f.path).sort(), listed(e.folder).sort(), `${e.id}: every file copied`);
      for (const f of files) {
        const copied = new TextDecoder().decode(f.bytes);
        const original = fs.readFileSync(path.join(e.folder, f.path), 'utf8');
        assert.doesNotMatch(copied, /\bnpx society\b/, `${e.id}/${f.path} runs the society on the terminals' PATH`);
        assert.doesNotMatch(copied, /(?<![\w./-])examples\//, `${e.id}/${f.path} names no folder of the repository`);
        assert.equal(
          copied.split('\n').length,
          original.split('\n').length,
          `${e.id}/${f.path}: lines stay where they were`,
        );
      }
    }
  });

  it("a copy's references to the docs point at the published docs, each to a file there (issue 73)", () => {
    // Copied into a workspace, `docs/model.md` and `../../docs/authoring.md` named files no copy has.
    const repository = JSON.parse(fs.readFileSync(path.resolve(examples, '../package.json'), 'utf8')).repository.url;
    assert.equal(DOCS_URL, `${repository}/blob/main/docs/`);
    let linked = 0;
    for (const e of shippedExamples(examples)) {
      for (const f of exampleCopy(e, { folder: 'ours' })) {
        const copied = new TextDecoder().decode(f.bytes);
        assert.doesNotMatch(
          copied,
          /(?<![\w./:[-])docs\/|\.\.\/docs\//,
          `${e.id}/${f.path} names a docs file the copy lacks`,
        );
        for (const [, file] of copied.matchAll(
          new RegExp(`${DOCS_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([\\w.-]+)`, 'g'),
        )) {
          assert.ok(fs.existsSync(path.resolve(examples, '../docs', file)), `${e.id}/${f.path}: docs/${file} is there`);
          linked++;
        }
      }
    }
    assert.ok(linked > 10, `${linked} links`);
    assert.equal(
      publishedDocsLinks(
        'See docs/model.md and [docs/authoring.md](../../docs/authoring.md#places); src/docs/x.md stays.',
        true,
      ),
      `See [docs/model.md](${DOCS_URL}model.md) and [docs/authoring.md](${DOCS_URL}authoring.md#places); src/docs/x.md stays.`,
    );
    assert.equal(publishedDocsLinks('# (docs/judges.md)', false), `# (${DOCS_URL}judges.md)`);
  });

  it('gives nothing for a folder that is not there', () => {
    assert.deepEqual(shippedExamples(path.join(examples, 'nope')), []);
  });
});
