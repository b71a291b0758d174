// The status bar item of Society Studio: what is going on now — a run's round, a debug session —
// or the summary of the run just finished (statusOwners.ts decides which), so the item and the
// society view it opens (click) speak about the same thing.
import * as vscode from 'vscode';
import { StatusOwners } from './statusOwners';
import { OUTCOME_COMMANDS } from './runOutcome';

/** Markdown whose `command:` links may run the outcome's commands, and no others. */
function trustedLinks(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  md.isTrusted = { enabledCommands: [...OUTCOME_COMMANDS] };
  return md;
}

/** Least time between two updates of a run's progress (status bar, notification). */
export const STATUS_EVERY_MS = 250;

export class ActivityStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly owners = new StatusOwners();

  constructor() {
    this.item = vscode.window.createStatusBarItem('society.run', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Society run';
    this.item.command = 'society.showView';
  }

  set(owner: object, text: string, tooltip?: string): void {
    this.owners.set(owner, text, tooltip);
    this.show();
  }
  update(owner: object, text: string): void {
    this.owners.update(owner, text);
    this.show();
  }
  /** `markdown`: a tooltip whose links run the commands of runOutcome.ts (Open Trace, Show Log). */
  ended(owner: object, text: string, markdown?: string): void {
    this.owners.ended(owner, text, markdown);
    this.show();
  }
  clear(owner?: object): void {
    this.owners.clear(owner);
    this.show();
  }

  private show(): void {
    const shown = this.owners.shown();
    if (!shown) {
      this.item.hide();
      return;
    }
    this.item.text = shown.text;
    this.item.tooltip = shown.markdown ? trustedLinks(shown.tooltip ?? '') : shown.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
