// Debug configurations for `society`: F5 on an open .society file debugs it without a launch.json
// (a persona file debugs the scenario that includes it), and the Run and Debug view offers one
// dynamic configuration per scenario in the workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SocietyContext } from '../context';
import { runDirectory, TRACE_FILE } from '../run/runFolder';
import { confirmDebugCost } from './debugCost';
import { requireTrust } from '../trust/guard';
import { loadScenarioFile } from '../../core/format';
import { ScenarioProblems } from '../run/runSession';
import { showScenarioProblems } from '../run/showScenarioProblems';

export const DEBUG_TYPE = 'society';

export class SocietyDebugConfigurations implements vscode.DebugConfigurationProvider {
  constructor(private readonly ctx: SocietyContext) {}

  async resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    // Every launch (F5, launch.json, startDebugging) passes here; undefined cancels it quietly.
    if (!requireTrust('debug')) return undefined;
    if (!config.type && !config.request && !config.name) {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc?.languageId !== 'society' || doc.uri.scheme !== 'file') return config;
      if (doc.isDirty) await doc.save();
      config = { type: DEBUG_TYPE, request: 'launch', name: 'Debug simulation', scenario: doc.uri.fsPath };
    }
    if (!config.scenario) {
      const file = vscode.window.activeTextEditor?.document.uri.fsPath;
      if (file?.endsWith('.society')) config.scenario = file;
    }
    if (typeof config.scenario === 'string') {
      const scenario = await this.scenarioFor(config.scenario);
      if (!scenario) {
        void vscode.window.showErrorMessage(
          `${path.basename(config.scenario)} is not a scenario and no scenario includes it.`,
        );
        return undefined;
      }
      config.scenario = scenario;
      // Includes may reach the whole workspace folder, as Run Simulation and the editor's checks allow.
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(scenario))?.uri.fsPath;
      if (config.root === undefined && folder) config.root = folder;
      // A scenario with errors is told as Run Simulation tells it, before the session starts (the
      // adapter's launch failure came as VS Code's modal, offering to open a launch.json).
      const { diagnostics } = await loadScenarioFile(scenario, {
        root: typeof config.root === 'string' ? config.root : path.dirname(scenario),
      });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) {
        void showScenarioProblems(new ScenarioProblems(errors));
        return undefined;
      }
      // Before a debug run the cost limit cannot vouch for, ask; Cancel aborts the launch.
      if (!(await confirmDebugCost({ scenario, rounds: config.rounds, model: config.model }))) return undefined;
      // A debugged run leaves its trace (with any console interviews) under the runs folder too.
      if (config.trace === undefined) {
        const root = folder ?? path.dirname(scenario);
        const runsFolder = vscode.workspace.getConfiguration('society').get<string>('runsFolder', 'runs');
        config.trace = path.join(
          runDirectory(root, runsFolder, `${path.basename(scenario, '.society')} debug`, new Date(), fs.existsSync),
          TRACE_FILE,
        );
      }
    } else {
      void vscode.window.showErrorMessage(
        'Open a .society scenario (or set "scenario" in launch.json) to debug a simulation.',
      );
      return undefined;
    }
    return config;
  }

  /** Dynamic configurations: one per scenario file in the workspace. */
  async provideDebugConfigurations(): Promise<vscode.DebugConfiguration[]> {
    const files = await vscode.workspace.findFiles('**/*.society', '**/node_modules/**', 200);
    const out: vscode.DebugConfiguration[] = [];
    for (const f of files) {
      const project = await this.ctx.projects.forFile(f.fsPath);
      if (project.resolutionsInvolving(f.fsPath).some((r) => r.file === f.fsPath)) {
        out.push({
          type: DEBUG_TYPE,
          request: 'launch',
          name: `Debug ${path.basename(f.fsPath)}`,
          scenario: f.fsPath,
          stopOnEntry: false,
        });
      }
    }
    return out;
  }

  /** The file itself when it is a scenario, else the first scenario that includes it. */
  private async scenarioFor(file: string): Promise<string | undefined> {
    const project = await this.ctx.projects.forFile(file);
    const resolutions = project.resolutionsInvolving(file);
    return resolutions.find((r) => r.file === file)?.file ?? resolutions[0]?.file;
  }
}
