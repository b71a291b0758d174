// A person plays an agent of a debug session (launch.json `"play": "<agent id>"`): its decisions
// are asked in the play panel while the debugger runs, and the answers go to human.jsonl beside the
// session's trace when it writes one (`society run --replay` reproduces it from there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Scenario } from '../../core/format';
import { allPersonas, type ModelFactory } from '../../core/engine';
import { ANSWERS_FILE, AnswerBook, PlaySession, answerLine } from '../../core/llm/human';
import { editorPlayHeader } from './playAgent';
import { PlayWebview } from './playWebview';
import { appendSafely, writeFileSafely } from '../../core/files/safeWrite';

/** The wrap that puts the person in front of the agent's model; throws (the session does not start) for an unknown agent. */
export function debugPlay(
  extensionUri: vscode.Uri,
  scenario: Scenario,
  agent: string,
  trace: unknown,
  rounds: number | undefined,
): (factory: ModelFactory) => ModelFactory {
  const people = allPersonas(scenario.personas, scenario.population, scenario.seed);
  const persona = people.find((p) => p.id === agent);
  if (!persona) {
    throw new Error(
      `"play": no agent '${agent}' in ${scenario.name} (agents: ${people
        .slice(0, 12)
        .map((p) => p.id)
        .join(', ')})`,
    );
  }
  const header = editorPlayHeader(agent);
  const file = typeof trace === 'string' ? path.join(path.dirname(trace), ANSWERS_FILE) : undefined;
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileSafely(file, answerLine(header));
  }
  const book = new AnswerBook(header, false, [], (r) => file && appendSafely(file, answerLine(r)));
  const panel = new PlayWebview(extensionUri, `Play ${persona.name} (debug)`);
  panel.status(`You play ${persona.name}. The debugged run asks you when ${persona.name} has a decision to make.`);
  const session = new PlaySession({
    book,
    port: panel,
    templates: scenario.prompts,
    context: { rounds: rounds ?? scenario.world.rounds },
  });
  return (factory) => session.wrap(factory);
}
