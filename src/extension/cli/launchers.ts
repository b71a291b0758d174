// The `society` launchers a VS Code terminal runs (terminalCli.ts): no vscode here, tested in plain Node.

/** The launcher scripts: a POSIX shell one and, on Windows, a .cmd. Their text names both paths, quoted. */
export function launchers(node: string, cli: string): Record<string, string> {
  const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    society: `#!/bin/sh\n# Society Studio's CLI, as the VS Code extension ships it.\nELECTRON_RUN_AS_NODE=1 exec ${sh(node)} ${sh(cli)} "$@"\n`,
    'society.cmd': `@echo off\r\nrem Society Studio's CLI, as the VS Code extension ships it.\r\nset ELECTRON_RUN_AS_NODE=1\r\n"${node}" "${cli}" %*\r\n`,
  };
}
