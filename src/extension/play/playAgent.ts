// "Society: Play an Agent…": pick a scenario's agent and run the scenario in the editor as Run
// Simulation does, with that agent's decisions asked of you in a panel beside the society view.
// The answers go to human.jsonl in the run's folder: `society run <scenario> --replay --out <run
// folder> --overwrite` replays the session byte for byte (docs/cli.md, "Play an agent").
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadScenarioFile } from '../../core/format';
import { allPersonas } from '../../core/engine';
import { PLAYED_KINDS, type PlayHeader } from '../../core/llm/human';
import { requireTrust } from '../trust/guard';
import type { Projects } from '../projects';
import type { RunController } from '../run/runController';
import { rootOf } from '../run/runSession';
import { scenarioFile, scenarioToRun } from '../run/scenarioTarget';
import { PlayWebview } from './playWebview';

/** Seconds to answer each question, and what answers when the time is up. */
export const PLAY_TIMEOUT = 120;

/** What the editor plays (a run or a debug session): the default kinds, PLAY_TIMEOUT, the agent's own model after it. */
export function editorPlayHeader(agent: string): PlayHeader {
  return { type: 'play', agent, kinds: [...PLAYED_KINDS], timeout: PLAY_TIMEOUT, fallback: 'model' };
}

export async function playAgent(
  extensionUri: vscode.Uri,
  runs: RunController,
  projects: Projects | undefined,
  target?: vscode.Uri,
  agentId?: string,
): Promise<void> {
  if (!requireTrust('run')) return;
  const opened = await scenarioFile(target);
  if (!opened) {
    void vscode.window.showErrorMessage(
      'Open a .society scenario (a document with kind: scenario) to play an agent of it.',
    );
    return;
  }
  const file = projects ? await scenarioToRun(opened, projects) : opened;
  if (!file) return;
  const { scenario } = await loadScenarioFile(file, { root: rootOf(file) });
  if (!scenario) {
    void vscode.window.showErrorMessage(`${path.basename(file)} has errors: fix them to play it.`);
    return;
  }
  const people = allPersonas(scenario.personas, scenario.population, scenario.seed);
  const agent =
    people.find((p) => p.id === agentId)?.id ??
    (
      await vscode.window.showQuickPick(
        // The group is the role in a game (proposers, responders): whom you play decides what you are asked.
        people.map((p) => ({
          label: p.name,
          description: p.group ? `${p.group} · ${p.id}` : p.id,
          detail: p.occupation,
          id: p.id,
        })),
        {
          title: `Play an agent of ${scenario.name}`,
          placeHolder: 'Whom do you play? You take their partner choices, messages, ratings and actions.',
          matchOnDescription: true,
        },
      )
    )?.id;
  if (!agent) return;
  const name = people.find((p) => p.id === agent)?.name ?? agent;
  const header = editorPlayHeader(agent);
  const panel = new PlayWebview(extensionUri, `Play ${name}`);
  panel.status(
    `You play ${name} in ${scenario.name}. The run asks you when ${name} has a decision to make; you have ${PLAY_TIMEOUT} s for each, then ${name}'s own model decides.`,
  );
  try {
    await runs.run(vscode.Uri.file(file), { play: { header, port: panel } });
  } finally {
    panel.ended('The run has ended. The answers are in human.jsonl in its run folder.', name);
  }
}
