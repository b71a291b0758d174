// The `society` debug adapter over stdio (tests, and any DAP client outside VS Code); the
// extension runs the same session inline. Models are built as `society run` builds them: the
// offline model, or OpenAI-compatible endpoints with keys from the environment.
import { DebugSession } from '@vscode/debugadapter';
import { ModelRegistry } from '../core/llm/registry';
import { SocietyDebugSession } from './session';

class StdioSession extends SocietyDebugSession {
  constructor() {
    super({
      models: (scenario) => {
        const registry = new ModelRegistry(scenario);
        return { modelFactory: registry.factory, relevance: registry.memoryRelevance };
      },
    });
  }
}

DebugSession.run(StdioSession);
