// Global setup for the e2e run: start from an empty test-results/e2e, so every screenshot there is
// from this run. A global fixture runs once in mocha's main process, also in parallel mode (a root
// hook would run in every worker and delete the screenshots another worker had taken).
import * as fs from 'node:fs';
import { RESULTS } from './workbench';

export function mochaGlobalSetup(): void {
  fs.rmSync(RESULTS, { recursive: true, force: true });
}
