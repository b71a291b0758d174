// The tools' host in a terminal: `society` itself run as a child process, keys from the
// environment, the cost limit from --cost-limit (or SOCIETY_COST_LIMIT).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { ToolHost } from '../../core/tools/tools';
import { packageRoot } from './packageRoot';

export function cliHost(cwd: string, costLimitUsd: number): ToolHost {
  const bin = path.join(packageRoot(), 'bin', 'society.js');
  return {
    cwd,
    costLimitUsd,
    hasKey: (env) => !!process.env[env],
    society: (args, signal) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd, signal, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '',
          stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      }),
  };
}
