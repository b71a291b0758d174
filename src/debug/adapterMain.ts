// The `society` debug adapter over stdio (tests, and any DAP client outside VS Code); the
// extension runs the same session inline. Only the offline model is available here.
import { DebugSession } from '@vscode/debugadapter';
import { SocietyDebugSession } from './session';

class StdioSession extends SocietyDebugSession {
  constructor() { super(); }
}

DebugSession.run(StdioSession);
