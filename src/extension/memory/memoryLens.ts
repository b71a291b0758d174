// Above each persona: "34 memories · 5 ties · reward 0.62 · run friends-2026…" (opens the agent
// in the Society tree) and "Show memories" (opens the memory inspector), from the run shown (named,
// as the lens follows whichever run was shown last), at its round.
import * as vscode from 'vscode';
import { incomingTies, lensTitle, summarizeAgent, worldShows } from '../../core/memory/agentSummary';
import { personaPlaces } from '../../core/memory/personaPlaces';
import type { SocietyContext } from '../context';
import { fileKey } from '../files';
import type { MemoryHub } from './memoryHub';
import { memorySourceFor } from './memorySourceFor';

export class MemoryLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(
    private readonly ctx: SocietyContext,
    private readonly hub: MemoryHub,
  ) {
    this.onDidChangeCodeLenses = hub.onDidChange;
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const file = fileKey(document.uri);
    const source = await memorySourceFor(this.hub, this.ctx.projects, file);
    const state = source?.stateAt();
    if (!source || !state) return [];
    const analysis = await (await this.ctx.projects.forFile(file)).workspace.analyze(file);
    if (!analysis) return [];
    const lenses: vscode.CodeLens[] = [];
    const incoming = incomingTies(state);
    const shows = worldShows(state, incoming);
    for (const place of personaPlaces(analysis)) {
      if (place.kind !== 'definition') continue;
      const summary = summarizeAgent(state, source.ledger, place.id, incoming, shows);
      if (!summary) continue;
      const range = new vscode.Range(place.line ?? place.range.start.line, 0, place.line ?? place.range.start.line, 0);
      const forgotten = summary.memories - summary.kept;
      lenses.push(
        new vscode.CodeLens(range, {
          title: lensTitle(summary, source.label),
          command: 'society.memory.revealAgent',
          arguments: [place.id],
          tooltip: [
            `${source.label}, round ${summary.round}: ${summary.memories} memories written${forgotten ? ` (${forgotten} forgotten)` : ''}`,
            ...(shows.ties ? [`${summary.ties} ties out and ${summary.tiesIn} in at or above the threshold`] : []),
            ...(shows.rewards ? [`latest reward ${summary.reward?.toFixed(3) ?? 'none'}`] : []),
          ].join(', '),
        }),
      );
      lenses.push(
        new vscode.CodeLens(range, {
          title: 'Show memories',
          command: 'society.memory.show',
          arguments: [place.id],
          tooltip: 'Open the memory inspector for this agent',
        }),
      );
    }
    return lenses;
  }
}
