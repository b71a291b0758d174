// `society <args>` as a child process, for the tools that run the CLI (both hosts: the terminal's
// `society mcp` and the editor). The signal kills the child (a cancelled or overdue call stops
// its run), and its output is read up to a cap: a child that prints without end cannot fill the
// host's memory. Given `onProgress`, the child is asked for progress lines (progressLines.ts), which
// are handed over as they come and left out of the stderr returned.
import { spawn } from 'node:child_process';
import { isProgressLine, PROGRESS_ENV, readProgressLine, type ToolProgress } from './progressLines';

/** Characters of stdout (and of stderr) kept; the child is stopped past them. */
export const MAX_CHILD_OUTPUT = 8 * 1024 * 1024;

export interface SocietyOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin args` in `cwd`; resolves when it ends (killed on abort, or past the output cap). */
export function runSociety(
  bin: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal; onProgress?: (p: ToolProgress) => void },
): Promise<SocietyOutput> {
  const { onProgress } = options;
  const env = onProgress ? { ...(options.env ?? process.env), [PROGRESS_ENV]: '1' } : options.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env,
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    const keep = (text: string, d: string): string => {
      if (text.length + d.length <= MAX_CHILD_OUTPUT) return text + d;
      child.kill();
      return text + d.slice(0, Math.max(0, MAX_CHILD_OUTPUT - text.length));
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = keep(stdout, d)));
    // Progress lines are whole lines: a chunk's unfinished last line waits for the next chunk.
    let pending = '';
    const fromStderr = (d: string): string => {
      if (!onProgress) return d;
      const lines = (pending + d).split('\n');
      pending = lines.pop() ?? '';
      if (pending.length > 4096) {
        lines.push(pending);
        pending = '';
      }
      let kept = '';
      for (const line of lines) {
        const p = isProgressLine(line) ? readProgressLine(line) : undefined;
        if (p) onProgress(p);
        else if (!isProgressLine(line)) kept += `${line}\n`;
      }
      return kept;
    };
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = keep(stderr, fromStderr(d))));
    child.on('error', (err) => (options.signal?.aborted ? undefined : reject(err)));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr: stderr + pending }));
  });
}
