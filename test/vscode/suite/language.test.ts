// In the extension host (VS Code's test runner, or code-server in CI): the language features
// through VS Code's own provider commands, on the friends example as the workspace folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
const uri = (rel: string): vscode.Uri => vscode.Uri.joinPath(folder(), rel);

async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function at(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${doc.uri.fsPath}`);
  return doc.positionAt(i + delta);
}

/** Resolves when the diagnostics of `target` satisfy `ok` (checked now and on every change). */
function diagnosticsWhere(
  target: vscode.Uri,
  ok: (list: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const list = vscode.languages.getDiagnostics(target);
      if (!ok(list)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(list);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `diagnostics of ${target.fsPath}: ${JSON.stringify(vscode.languages.getDiagnostics(target).map((d) => d.message))}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const hoverText = (hovers: vscode.Hover[]): string =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

describe('Society language features (extension host)', function () {
  this.timeout(30_000);

  before(async () => {
    const ext = vscode.extensions.getExtension('society-studio.society-studio');
    assert.ok(ext, 'the extension is installed');
    await open('personas/tom_nguyen.society');
    await ext.activate();
    assert.ok(ext.isActive);
  });

  it('completes persona ids where a relationship names one', async () => {
    const doc = await open('personas/tom_nguyen.society');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      at(doc, 'with: liam_obrien', 6),
    );
    const ids = list.items.map(label);
    for (const id of ['maya_chen', 'liam_obrien', 'zara_ahmed']) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    }
    const maya = list.items.find((i) => label(i) === 'maya_chen')!;
    assert.equal(maya.detail, 'Maya Chen · data journalist');
  });

  it('completes keys from the schema with their documentation', async () => {
    const doc = await open('personas/tom_nguyen.society');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      at(doc, 'traits: {', 10),
    );
    assert.deepEqual(
      list.items
        .map(label)
        .filter((l) => ['openness', 'neuroticism'].includes(l))
        .sort(),
      ['neuroticism', 'openness'],
    );
  });

  it('hovers a persona id with a card, and a key with its schema docs', async () => {
    const doc = await open('personas/tom_nguyen.society');
    const card = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        at(doc, 'liam_obrien', 2),
      ),
    );
    assert.match(card, /Liam O'Brien/);
    assert.match(card, /secondary school maths teacher/);
    const key = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        at(doc, 'occupation:', 2),
      ),
    );
    assert.match(key, /Occupation; offered as small talk/);
  });

  it("goes to a persona's definition and finds its references", async () => {
    const doc = await open('personas/tom_nguyen.society');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      at(doc, 'liam_obrien', 2),
    );
    const target = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri));
    assert.deepEqual(
      target.map((u) => path.basename(u.fsPath)),
      ['liam_obrien.society'],
    );
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      doc.uri,
      at(doc, 'id: tom_nguyen', 5),
    );
    assert.deepEqual(refs.map((r) => path.basename(r.uri.fsPath)).sort(), [
      'liam_obrien.society',
      'tom_nguyen.society',
    ]);
  });

  it('renames a persona id in every file that mentions it, as one edit', async () => {
    const doc = await open('personas/tom_nguyen.society');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      at(doc, 'liam_obrien', 2),
      'liam_o',
    );
    const files = edit
      .entries()
      .map(([u, edits]) => `${path.basename(u.fsPath)}:${edits.map((e) => e.newText).join(',')}`)
      .sort();
    assert.deepEqual(files, ['liam_obrien.society:liam_o', 'tom_nguyen.society:liam_o']);
  });

  it('outlines and folds a persona', async () => {
    const doc = await open('personas/tom_nguyen.society');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    assert.equal(symbols[0].name, 'Tom Nguyen');
    assert.ok(symbols[0].children.some((c) => c.name === 'relationships'));
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      doc.uri,
    );
    const bio = at(doc, 'bio:').line;
    assert.ok(
      folds.some((f) => f.start === bio && f.end > bio),
      'the bio block folds',
    );
  });

  it('re-checks the personas that reference an id while it is edited, and offers the fix', async () => {
    const liam = await open('personas/liam_obrien.society');
    const tom = uri('personas/tom_nguyen.society');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      liam.uri,
      new vscode.Range(at(liam, 'liam_obrien'), at(liam, 'liam_obrien', 'liam_obrien'.length)),
      'liam_obrie',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
    const [problem] = await diagnosticsWhere(tom, (l) => l.some((d) => codeOf(d) === 'SOC021'));
    // The code links to its row of the diagnostics reference (issue 73).
    const code = problem.code as { value: string; target: vscode.Uri };
    assert.match(code.target.path, /docs\/diagnostics\.md$/);
    assert.match(code.target.fragment, /^L\d+$/);
    assert.match(problem.message, /Unknown persona id 'liam_obrien' in relationship/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      tom,
      problem.range,
    );
    assert.ok(
      actions.some((a) => a.title === "Change to 'liam_obrie'"),
      actions.map((a) => a.title).join(', '),
    );
    await vscode.window.showTextDocument(liam);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(tom, (l) => l.length === 0);
  });

  it('Society: New Society writes a society without problems', async () => {
    const parent = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'society-new-')));
    const scenario = await vscode.commands.executeCommand<vscode.Uri>(
      'society.newSociety',
      parent,
      'Test club',
      'starter',
    );
    assert.equal(path.relative(parent.fsPath, scenario.fsPath), path.join('test-club', 'test-club.society'));
    assert.deepEqual(fs.readdirSync(path.join(parent.fsPath, 'test-club/personas')).sort(), [
      'ines.society',
      'leo.society',
      'maya.society',
      'sam.society',
    ]);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, scenario.fsPath);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      scenario,
    );
    assert.equal(symbols[0].name, 'Test club');
    await diagnosticsWhere(scenario, (l) => l.length === 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(parent.fsPath, { recursive: true, force: true });
  });
});
