// The tools' host in a terminal: `society` itself run as a child process, keys from the
// environment, the cost limit from --cost-limit (or SOCIETY_COST_LIMIT).
import * as path from 'node:path';
import { runSociety } from '../../core/tools/societyProcess';
import type { ToolHost } from '../../core/tools/tools';
import { packageRoot } from './packageRoot';

export function cliHost(cwd: string, costLimitUsd: number): ToolHost {
  const bin = path.join(packageRoot(), 'bin', 'society.js');
  return {
    cwd,
    costLimitUsd,
    hasKey: (env) => !!process.env[env],
    society: (args, signal) => runSociety(bin, args, { cwd, signal }),
  };
}
