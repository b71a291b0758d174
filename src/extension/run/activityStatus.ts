// The status bar item of Society Studio: what is going on now — a run's round, a debug session —
// or the summary of the run just finished. A later run or debug session replaces it, and the
// summary of a run goes when a debug session starts, so the item and the society view it opens
// (click) speak about the same thing.
import * as vscode from 'vscode';

/** Least time between two updates of a run's progress (status bar, notification). */
export const STATUS_EVERY_MS = 250;

export class ActivityStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private owner?: object;

  constructor() {
    this.item = vscode.window.createStatusBarItem('society.run', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Society run';
    this.item.command = 'society.showView';
  }

  /** Shows `text` for `owner` (a run, a debug session); a later owner takes the item over. */
  set(owner: object, text: string, tooltip?: string): void {
    this.owner = owner;
    this.item.text = text;
    if (tooltip !== undefined) this.item.tooltip = tooltip;
    this.item.show();
  }

  /** Updates the text only while `owner` still has the item. */
  update(owner: object, text: string): void {
    if (this.owner === owner) this.item.text = text;
  }

  /** Hides the item if `owner` (or anyone, without one) has it. */
  clear(owner?: object): void {
    if (owner && this.owner !== owner) return;
    this.owner = undefined;
    this.item.hide();
  }

  dispose(): void { this.item.dispose(); }
}
