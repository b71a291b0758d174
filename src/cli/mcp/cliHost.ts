// The tools' host in a terminal: `society` itself run as a child process, keys from the
// environment, the cost limit from --cost-limit (or SOCIETY_COST_LIMIT).
import * as path from 'node:path';
import { runSociety } from '../../core/tools/societyProcess';
import type { ToolHost } from '../../core/tools/tools';
import { packageRoot } from './packageRoot';
import { assistantBudget } from '../../core/tools/assistantBudget';

/**
 * `costLimitUsd`: the user's limit for the whole session (0: they lifted it with `--cost-limit
 * none`); every run tool is held to what is left of it (core/tools/assistantBudget.ts).
 */
export function cliHost(cwd: string, costLimitUsd: number): ToolHost {
  const bin = path.join(packageRoot(), 'bin', 'society.js');
  return {
    cwd,
    costLimitUsd,
    ...(costLimitUsd > 0
      ? {
          budget: assistantBudget(
            costLimitUsd,
            `start \`society mcp\` again with a higher \`--cost-limit USD\` (now $${costLimitUsd.toFixed(2)} for the whole session) in their assistant's server settings`,
          ),
        }
      : {}),
    hasKey: (env) => !!process.env[env],
    society: (args, signal, onProgress) => runSociety(bin, args, { cwd, signal, onProgress }),
  };
}
