// Root hooks for the e2e run: start from an empty test-results/e2e, so every screenshot there is
// from this run.
import * as fs from 'node:fs';
import { RESULTS } from './workbench';

export const mochaHooks = {
  beforeAll(): void {
    fs.rmSync(RESULTS, { recursive: true, force: true });
  },
};
