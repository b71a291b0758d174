// In the extension host: the Play an Agent panel shows each question it is asked. Found by the new
// user's path (test/e2e/newUserPath.e2e.ts), one run in three on a loaded machine: Play after a
// Run reuses the run's society view, which is revealed over the play panel in its group as the run
// starts; the first question came before VS Code said the panel was hidden, so it was not brought
// forward, and the question waited behind that tab, unseen, its clock not started.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PlayQuestion } from '../../../src/core/protocol/playMessages';
import { PlayWebview } from '../../../src/extension/play/playWebview';

const QUESTION: PlayQuestion = {
  type: 'question',
  id: 1,
  kind: 'act',
  key: 'p1:1:act',
  agent: 'p1',
  name: 'Ana Dahl',
  round: 1,
  seconds: 120,
  context: { system: 'You are Ana Dahl.', situation: 'What you can do this round: contribute.' },
  memories: [],
  options: {
    kind: 'act',
    actions: [
      {
        name: 'contribute',
        description: 'Put some of your coins into the common pot.',
        args: [{ name: 'amount', type: 'number', min: 0, max: 10 }],
        posts: false,
      },
    ],
  },
  format: '{"action": "contribute", "args": {"amount": 5}}',
};

/** The group holding a webview tab of this title. */
function groupOf(label: string): vscode.TabGroup | undefined {
  return vscode.window.tabGroups.all.find((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label === label),
  );
}

/** Waits until `ok` holds (the workbench reports tabs a moment after a panel is made). */
async function until(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; !ok(); i++) {
    if (i > 200) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the Play an Agent panel (extension host)', function () {
  this.timeout(30_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'society-play-panel-'));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('brings a question forward over a view revealed in its group a moment before', async () => {
    const ext = vscode.extensions.getExtension('society-studio.society-studio');
    assert.ok(ext);
    // As Play an Agent finds the workbench after a Run: the scenario, and the run's view beside it.
    const file = path.join(scratch, 'goods.society');
    fs.writeFileSync(file, 'kind: scenario\nname: Goods\n');
    await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.One });
    const view = vscode.window.createWebviewPanel(
      'society.test',
      'Goods (run)',
      { viewColumn: vscode.ViewColumn.Two, preserveFocus: true },
      {},
    );
    const play = new PlayWebview(ext.extensionUri, 'Play Ana Dahl');
    const controller = new AbortController();
    try {
      await until(() => groupOf('Play Ana Dahl')?.activeTab?.label === 'Play Ana Dahl', 'the play panel in front');
      assert.equal(groupOf('Play Ana Dahl'), groupOf('Goods (run)'), 'in the group of the run’s view');
      // The run starts: its view is revealed over the panel (SocietyPanels.show), then asks at once.
      view.reveal(undefined, true);
      const seen = new Promise<void>((resolve) => {
        play.ask(QUESTION, controller.signal, resolve).catch(() => undefined);
      });
      // Seen, and in front: the view's reveal came first (it was sent first), and stays behind.
      await seen;
      await until(() => groupOf('Play Ana Dahl')?.activeTab?.label === 'Play Ana Dahl', 'the question in front');
    } finally {
      controller.abort();
      play.dispose();
      view.dispose();
    }
  });
});
