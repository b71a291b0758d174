// In the extension host: Society: Import Personas… and Society: Export Ties… through
// executeCommand, with the choices a caller may pass instead of answering the questions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { TraceEvent } from '../../../src/core/trace/events';

const agent = (name: string, friend: string) =>
  JSON.stringify({
    type: 'TinyPerson',
    persona: {
      name,
      age: 30,
      occupation: { title: 'Nurse', organization: 'City Hospital', description: `${name} works nights.` },
      personality: { big_five: { openness: 'High. Curious.', extraversion: 'Low' } },
      preferences: { interests: ['Gardening', 'Radio'] },
      relationships: [{ name: friend, description: 'A colleague.' }],
    },
  });

describe('Society import and export (extension host)', function () {
  this.timeout(60_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'society-interop-'));
  let scenario: vscode.Uri | undefined;
  // The import writes into the workspace (the friends example): leave it as the other suites expect.
  after(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (scenario) await vscode.workspace.fs.delete(vscode.Uri.file(path.dirname(scenario.fsPath)), { recursive: true });
  });

  it('imports TinyTroupe agents into a new folder with an including scenario, and opens it', async () => {
    const files = [
      ['Ana Folau', 'Ben Ito'],
      ['Ben Ito', 'Ana Folau'],
    ].map(([name, friend]) => {
      const file = path.join(tmp, `${name.replace(' ', '')}.agent.json`);
      fs.writeFileSync(file, agent(name, friend));
      return vscode.Uri.file(file);
    });
    scenario = await vscode.commands.executeCommand<vscode.Uri>('society.importPersonas', files[0], files, {
      name: 'Night nurses',
    });
    assert.ok(scenario, 'no scenario written');
    assert.equal(path.basename(scenario.fsPath), 'night_nurses.society');
    const personas = path.join(path.dirname(scenario.fsPath), 'personas');
    assert.deepEqual(fs.readdirSync(personas).sort(), ['ana_folau.society', 'ben_ito.society']);
    assert.match(fs.readFileSync(path.join(personas, 'ana_folau.society'), 'utf8'), /- with: ben_ito/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, scenario.fsPath);
    const loaded = await loadScenarioFile(scenario.fsPath, { root: vscode.workspace.workspaceFolders![0].uri.fsPath });
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('exports the ties of a run as GEXF over rounds and as GraphML', async () => {
    assert.ok(scenario);
    const loaded = await loadScenarioFile(scenario.fsPath, { root: vscode.workspace.workspaceFolders![0].uri.fsPath });
    const simulation = Simulation.create({ ...loaded.scenario!, world: { ...loaded.scenario!.world, rounds: 3 } });
    const events: TraceEvent[] = [];
    simulation.on((e) => events.push(structuredClone(e)));
    await simulation.run();
    const trace = path.join(tmp, 'trace.jsonl');
    fs.writeFileSync(trace, [simulation.header, ...events].map((l) => JSON.stringify(l)).join('\n') + '\n');
    const gexf = vscode.Uri.file(path.join(tmp, 'ties.gexf'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('society.exportTies', vscode.Uri.file(trace), {
      format: 'gexf',
      dynamic: true,
      target: gexf,
    });
    assert.equal(written?.fsPath, gexf.fsPath);
    const text = fs.readFileSync(gexf.fsPath, 'utf8');
    assert.match(text, /<gexf xmlns="http:\/\/gexf.net\/1.3"/);
    assert.match(text, /mode="dynamic"/);
    assert.match(text, /label="Ana Folau"/);
    const graphml = vscode.Uri.file(path.join(tmp, 'ties.graphml'));
    await vscode.commands.executeCommand('society.exportTies', vscode.Uri.file(trace), {
      format: 'graphml',
      target: graphml,
    });
    assert.match(fs.readFileSync(graphml.fsPath, 'utf8'), /<graphml /);
  });
});
