// A real VS Code for end-to-end tests: code-server (installed by install.sh) on a free local
// port, with throwaway user-data and extensions folders, this repository's extension installed
// unpacked, and a workspace folder. Stopped by signalling its process group (started detached).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const INSTALL_DIR = path.resolve(process.env.VSCODE_SERVER_E2E_DIR ?? path.join(REPO, '.vscode-server-e2e'));

export interface CodeServer {
  url: string;
  workspace: string;
  /** The temp folder holding everything (kept after a failure for the logs). */
  tmp: string;
  log(): string;
  stop(): Promise<void>;
}

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  'editor.minimap.enabled': false,
  // Deterministic completion: no word-based items, no recently-used reordering.
  'editor.wordBasedSuggestions': 'off',
  'editor.suggestSelection': 'first',
  'editor.snippetSuggestions': 'bottom',
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

/**
 * `trust: 'untrusted'`: workspace trust on and nothing trusted yet (trusted folders live in the
 * browser's fresh storage), so the folder opens in Restricted Mode; no startup prompt and no
 * prompt for files outside it, so no modal dialog blocks the test.
 */
const UNTRUSTED = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

/** Copies what a packaged extension contains: package.json, dist/, and the files it contributes. */
export function installExtension(extensionsDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const dest = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  if (!fs.existsSync(path.join(REPO, pkg.main))) throw new Error(`${pkg.main} is missing: run npm run build first`);
  // As the .vsix ships them (.vscodeignore), bin/ among them: the tools run the bundled CLI.
  const paths = new Set(['package.json', 'dist', 'bin', 'README.md', 'LICENSE', 'docs/diagnostics.md', 'examples']);
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'path' || k === 'configuration' || k === 'icon') && typeof x === 'string') {
          paths.add(x.replace(/^\.\//, '').split('/')[0]);
        } else collect(x);
      }
    }
  };
  collect(pkg.contributes);
  if (pkg.icon) paths.add(pkg.icon.split('/')[0]);
  for (const p of paths) {
    if (!fs.existsSync(path.join(REPO, p))) continue;
    fs.mkdirSync(path.dirname(path.join(dest, p)), { recursive: true });
    fs.cpSync(path.join(REPO, p), path.join(dest, p), { recursive: true });
  }
  return dest;
}

/** `code-server --install-extension <vsix>` into the given folders; throws with its output on failure. */
function installVsix(vsix: string, dirs: { userData: string; extensions: string; tmp: string }): void {
  const entry = path.join(INSTALL_DIR, 'node_modules/code-server/out/node/entry.js');
  const xdg = {
    XDG_DATA_HOME: path.join(dirs.tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(dirs.tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(dirs.tmp, 'xdg-cache'),
  };
  const r = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...xdg } },
  );
  if (r.status !== 0) {
    throw new Error(
      `code-server --install-extension ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`,
    );
  }
}

/** The address code-server logs once it listens ("HTTP server listening on http://127.0.0.1:PORT/"). */
const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//;

export interface StartOptions {
  /** Install the built extension into the extensions folder (default); off when loading it in place. */
  installExtension?: boolean;
  /** Install this .vsix instead, with code-server's own `--install-extension` (as a user would). */
  vsix?: string;
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** 'disabled' (default): workspace trust off; 'untrusted': on, with the folder in Restricted Mode. */
  trust?: 'disabled' | 'untrusted';
  timeoutMs?: number;
}

/** Starts code-server on `workspace` (a folder the caller filled) and waits until it answers. */
export async function startCodeServer(
  fillWorkspace: (dir: string) => void,
  options: StartOptions = {},
): Promise<CodeServer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const entry = path.join(INSTALL_DIR, 'node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server not found at ${entry}: run bash test/e2e/install.sh`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'society-e2e-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  const untrusted = options.trust === 'untrusted';
  fs.writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify(untrusted ? { ...SETTINGS, ...UNTRUSTED } : SETTINGS, null, 2),
  );
  fs.mkdirSync(extensions, { recursive: true });
  if (options.vsix) installVsix(options.vsix, { userData, extensions, tmp });
  else if (options.installExtension !== false) installExtension(extensions);
  fillWorkspace(workspace);

  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const xdg = {
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
  };
  const server: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      // Port 0: the system picks a free port as code-server binds it, so servers started side by
      // side can never race for one (a port probed free and then closed could be taken).
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(untrusted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      '--config',
      path.join(tmp, 'config.yaml'),
      workspace,
    ],
    {
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, PASSWORD: '', HASHED_PASSWORD: '', ...xdg, ...options.env },
    },
  );
  let exited = false;
  server.on('exit', () => {
    exited = true;
  });

  const stop = async (): Promise<void> => {
    if (exited || server.pid === undefined) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    if (!exited) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const started = Date.now();
  let url: string | undefined;
  for (;;) {
    if (exited) throw new Error(`code-server exited during startup:\n${fs.readFileSync(logFile, 'utf8')}`);
    url ??= LISTENING.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
    try {
      if (url !== undefined && (await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error('code-server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, workspace, tmp, stop, log: () => fs.readFileSync(logFile, 'utf8') };
}
