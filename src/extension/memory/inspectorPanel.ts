// The memory inspector panel: one webview, reused, showing an agent of a memory source. The
// webview asks (filters, preview) and the host answers with core/memory/inspector.ts; when the
// source changes (a run goes on, a debugger moves) the host sends a new context and the view asks
// again. The page follows the society view's rules: nonce CSP, no remote content, text only.
import * as vscode from 'vscode';
import { answerQuery, inspectorContext } from '../../core/memory/inspector';
import type { MemorySource } from '../../core/memory/memorySource';
import { isInspectorViewMessage, type InspectorHostMessage } from '../../core/protocol/memoryMessages';
import { messageHtml, viewOptions, webviewPage } from '../views/webviewHtml';
import { revealInTrace } from './revealInTrace';

export const INSPECTOR_VIEW = 'society.memoryInspector';
const DEBOUNCE_MS = 300;

export class MemoryInspector implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private source?: MemorySource;
  private agent = '';
  private unsubscribe?: () => void;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** `source`'s trace was deleted (its run folder removed): the panel showing it says so instead of its old rows. */
  sourceGone(source: MemorySource): void {
    if (!this.panel || this.source !== source) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.source = undefined;
    this.gone = true;
    showGone(this.panel);
  }

  /** The panel shows the "no longer available" page (scripts off): `show` loads the view again. */
  private gone = false;

  show(source: MemorySource, agent: string): void {
    this.unsubscribe?.();
    this.source = source;
    this.agent = agent;
    this.unsubscribe = source.onChange(() => this.contextSoon());
    if (this.panel) {
      this.panel.title = titleOf(source, agent);
      this.panel.reveal(undefined, false);
      if (this.gone) {
        // The view asks for its context when it has loaded ('ready').
        this.gone = false;
        this.panel.webview.options = viewOptions(this.extensionUri);
        this.panel.webview.html = inspectorHtml(this.panel.webview, this.extensionUri);
      } else this.post(inspectorContext(source, agent));
      return;
    }
    this.adopt(
      vscode.window.createWebviewPanel(
        INSPECTOR_VIEW,
        titleOf(source, agent),
        vscode.ViewColumn.Beside,
        viewOptions(this.extensionUri),
      ),
    );
  }

  /**
   * A panel VS Code restored after a window reload (its webview state names the trace file and
   * agent): show that source again, or say plainly that it is gone.
   */
  restore(panel: vscode.WebviewPanel, source: MemorySource | undefined, agent: string | undefined): void {
    const id = agent && source?.stateAt()?.agents.has(agent) ? agent : source?.stateAt()?.agents.keys().next().value;
    if (!source || !id) {
      showGone(panel);
      return;
    }
    if (this.panel) {
      panel.dispose();
      this.show(source, id);
      return;
    }
    this.unsubscribe?.();
    this.source = source;
    this.agent = id;
    this.unsubscribe = source.onChange(() => this.contextSoon());
    panel.webview.options = viewOptions(this.extensionUri);
    // The tab keeps the title it had before the reload; make it name the agent shown now.
    panel.title = titleOf(source, id);
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    panel.webview.html = inspectorHtml(panel.webview, this.extensionUri);
    panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m));
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.unsubscribe?.();
        this.unsubscribe = undefined;
      }
    });
    this.panel = panel;
  }

  private receive(m: unknown): void {
    if (!isInspectorViewMessage(m) || !this.source) return;
    try {
      if (m.type === 'ready') this.post(inspectorContext(this.source, this.agent));
      else if (m.type === 'query') {
        // The view's own agent select: the tab's title follows it.
        if (m.query.agent !== this.agent && this.panel) this.panel.title = titleOf(this.source, m.query.agent);
        this.agent = m.query.agent;
        this.post(answerQuery(this.source, m.query));
      } else {
        const line = this.source.ledger.entry(m.agent, m.id)?.line;
        if (this.source.file && line) void revealInTrace(this.source.file, line);
      }
    } catch (err) {
      this.log.error(`memory inspector: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private contextSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.source) this.post(inspectorContext(this.source, this.agent));
    }, DEBOUNCE_MS);
  }

  private post(m: InspectorHostMessage): void {
    void this.panel?.webview.postMessage(m);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe?.();
    this.panel?.dispose();
  }
}

/** The tab's title for an agent of a source: its persona's name, or its id. */
function titleOf(source: MemorySource, agent: string): string {
  return `Memories: ${source.stateAt()?.agents.get(agent)?.persona.name ?? agent}`;
}

function inspectorHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPage(webview, extensionUri, { bundle: 'memory', root: 'memory-inspector', title: 'Memory inspector' });
}

/** What a panel says when the run it showed is gone (deleted, or not there after a reload). */
function showGone(panel: vscode.WebviewPanel): void {
  panel.webview.options = { enableScripts: false };
  panel.webview.html = messageHtml(
    'The run this memory inspector showed is no longer available. Run a scenario or open a trace, then use Society: Show Memories.',
  );
}
