// The `society` command the .vsix ships (bin/society.js over dist/cli.js), run from the extension
// host with VS Code's own Node (ELECTRON_RUN_AS_NODE): a user needs no Node of their own, and the
// work runs in its own process, so the editor stays responsive. The assistant tools, Write Report
// and the terminal's `society` all run this one.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What is kept of a stream: the start and the end of a long output (a run's progress can be long). */
const KEEP_CHARS = 1_000_000;

/** The bundled CLI's entry beside the extension. */
export function bundledCliPath(extensionPath: string): string {
  return path.join(extensionPath, 'bin', 'society.js');
}

/** The environment the CLI runs in: the host's, with Electron running as plain Node. */
export function cliEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, ELECTRON_RUN_AS_NODE: '1' };
}

/** Runs `society <args>` in `cwd`; `signal` ends the child (and the promise resolves with its exit). */
export function runBundledCli(
  extensionPath: string,
  args: readonly string[],
  o: { cwd: string; signal?: AbortSignal },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundledCliPath(extensionPath), ...args], {
      cwd: o.cwd,
      signal: o.signal,
      env: cliEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    const keep = (text: string, more: string): string =>
      text.length + more.length > KEEP_CHARS ? (text + more).slice(-KEEP_CHARS) : text + more;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = keep(stdout, d)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = keep(stderr, d)));
    child.on('error', (err) => (o.signal?.aborted ? resolve({ code: 130, stdout, stderr }) : reject(err)));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
