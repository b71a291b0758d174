// The `society` debug adapter over stdio (tests, and any DAP client outside VS Code); the
// extension runs the same session inline, with its own keys and VS Code language models.
import { DebugSession } from '@vscode/debugadapter';
import { registryModels } from './registryModels';
import { SocietyDebugSession } from './session';

class StdioSession extends SocietyDebugSession {
  constructor() {
    super({ models: (scenario, run) => registryModels(scenario, run) });
  }
}

DebugSession.run(StdioSession);
