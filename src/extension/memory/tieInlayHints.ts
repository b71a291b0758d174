// After each relationship's `with:`, the tie strength both ways in the run shown.
import * as vscode from 'vscode';
import { personaPlaces } from '../../core/memory/personaPlaces';
import { tieHints } from '../../core/memory/tieHints';
import type { SocietyContext } from '../context';
import { toPosition } from '../convert';
import { fileKey } from '../files';
import type { MemoryHub } from './memoryHub';
import { memorySourceFor } from './memorySourceFor';

export class TieInlayHints implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints: vscode.Event<void>;

  constructor(
    private readonly ctx: SocietyContext,
    private readonly hub: MemoryHub,
  ) {
    this.onDidChangeInlayHints = hub.onDidChange;
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.InlayHint[]> {
    const file = fileKey(document.uri);
    const source = await memorySourceFor(this.hub, this.ctx.projects, file);
    const state = source?.stateAt();
    if (!state) return [];
    const analysis = await (await this.ctx.projects.forFile(file)).workspace.analyze(file);
    if (!analysis) return [];
    return tieHints(state, personaPlaces(analysis))
      .filter((h) => range.contains(toPosition(h.position)))
      .map((h) => {
        const hint = new vscode.InlayHint(toPosition(h.position), h.label);
        hint.paddingLeft = true;
        hint.tooltip = h.tooltip;
        return hint;
      });
  }
}
