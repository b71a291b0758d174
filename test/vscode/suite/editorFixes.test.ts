// In the extension host: fixes from the QA pass of the extension — snippets offered in context
// (not a static contribution), blank API keys refused and never hiding the environment's, and
// Export Ties reading the trace before it asks anything.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Scenario } from '../../../src/core/format/model/model';
import { loadKeys, validateApiKey } from '../../../src/extension/run/apiKeys';

const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const SNIPPETS = ['event', 'experiment', 'memory', 'persona', 'population', 'relationship', 'scenario'];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'society-qa-snippets-'));
let files = 0;

/** A saved file (closing it asks nothing), outside the workspace: the snippets need no project. */
async function fileWith(text: string): Promise<vscode.TextDocument> {
  const file = path.join(scratch, `f${files++}.society`);
  fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The snippet items VS Code offers at the end of `text` (every provider, contributed snippets included). */
async function snippetsAtEnd(text: string): Promise<string[]> {
  const doc = await fileWith(text);
  const end = doc.positionAt(text.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    end,
  );
  return list.items
    .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
    .map(label)
    .sort();
}

describe('QA fixes in the editor (extension host)', function () {
  this.timeout(30_000);
  before(async () => {
    const ext = vscode.extensions.getExtension('society-studio.society-studio');
    assert.ok(ext);
    await ext.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('offers the document snippets only where they fit: not at a value or inside a flow mapping', async () => {
    assert.deepEqual(await snippetsAtEnd(''), ['persona', 'scenario']);
    assert.deepEqual(await snippetsAtEnd('kind: persona\nid: a\ngender: '), []);
    assert.deepEqual(await snippetsAtEnd('kind: persona\nid: a\ntraits: { '), []);
    assert.deepEqual(await snippetsAtEnd('kind: persona\nid: a\nrelationships:\n  - with: '), []);
    assert.deepEqual(await snippetsAtEnd('kind: persona\nid: a\nrelationships:\n  '), ['relationship']);
    assert.deepEqual(await snippetsAtEnd('kind: scenario\nname: s\n'), ['experiment']);
    const all = await snippetsAtEnd('');
    assert.ok(all.every((s) => SNIPPETS.includes(s)));
  });

  it("Set API Key refuses a blank key, and a blank stored key does not hide the environment's", async () => {
    assert.ok(validateApiKey('   '), 'spaces are refused');
    assert.ok(validateApiKey(''), 'nothing is refused');
    assert.equal(validateApiKey(' sk-test '), undefined);
    const scenario = {
      models: { default: { provider: 'openai', model: 'm', api_key_env: 'SOCIETY_QA_TEST_KEY' } },
    } as unknown as Scenario;
    const stored = (value: string | undefined) => ({
      get: async (key: string) => (key === 'society.apiKey.SOCIETY_QA_TEST_KEY' ? value : undefined),
    });
    process.env.SOCIETY_QA_TEST_KEY = 'sk-from-env';
    try {
      assert.equal((await loadKeys(stored(''), scenario)).get('SOCIETY_QA_TEST_KEY'), 'sk-from-env');
      assert.equal((await loadKeys(stored('  '), scenario)).get('SOCIETY_QA_TEST_KEY'), 'sk-from-env');
      assert.equal((await loadKeys(stored(undefined), scenario)).get('SOCIETY_QA_TEST_KEY'), 'sk-from-env');
      assert.equal(
        (await loadKeys(stored('sk-stored'), scenario)).get('SOCIETY_QA_TEST_KEY'),
        'sk-stored',
        'a stored key comes first',
      );
      delete process.env.SOCIETY_QA_TEST_KEY;
      assert.equal((await loadKeys(stored(''), scenario)).has('SOCIETY_QA_TEST_KEY'), false);
    } finally {
      delete process.env.SOCIETY_QA_TEST_KEY;
    }
  });

  it('Export Ties refuses a file that is not a trace before asking for the format or where to save', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'society-qa-'));
    const junk = path.join(tmp, 'junk.jsonl');
    fs.writeFileSync(junk, 'hello world\n');
    try {
      const asked = new Promise<'asked'>((resolve) => setTimeout(() => resolve('asked'), 4000));
      const outcome = await Promise.race([
        vscode.commands.executeCommand<vscode.Uri | undefined>('society.exportTies', vscode.Uri.file(junk)),
        asked,
      ]);
      if (outcome === 'asked') await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(outcome, undefined, 'the command asked a question about a file it could not read');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
