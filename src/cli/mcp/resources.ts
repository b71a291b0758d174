// The server's resources: the docs, the examples, and a run folder's files (small text files
// only, confined to the working folder: a trace is asked with society_sql, never sent whole).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { confinedPath } from '../../core/files/confined';
import { packageRoot } from './packageRoot';

/** The largest file given as a resource. */
export const MAX_RESOURCE_BYTES = 1 << 20;
const TEXT_FILES = /\.(md|society|csv|json|txt|html)$/;

/** `rel`'s text when it is a small regular text file inside `root` (core/files/confined.ts), else why not. */
export function confinedText(root: string, rel: string): string {
  const real = confinedPath(root, rel, 'read');
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new Error(`${rel} is not a file`);
  if (!TEXT_FILES.test(real)) {
    throw new Error(`${rel} is not a text file this server gives (ask a trace with society_sql)`);
  }
  if (stat.size > MAX_RESOURCE_BYTES) {
    throw new Error(`${rel} is ${stat.size} bytes, over ${MAX_RESOURCE_BYTES}: ask it with society_sql`);
  }
  return fs.readFileSync(real, 'utf8');
}

function filesUnder(dir: string, test: RegExp, depth = 3): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return depth > 0 && e.name !== 'node_modules' ? filesUnder(full, test, depth - 1) : [];
    return e.isFile() && test.test(e.name) ? [full] : [];
  });
}

/** A template `scheme://{+path}` over `root`'s files matching `test`. */
function folderResource(server: McpServer, name: string, root: string, test: RegExp, description: string): void {
  const scheme = `society-${name}`;
  server.registerResource(
    name,
    new ResourceTemplate(`${scheme}:///{+path}`, {
      list: () => ({
        resources: filesUnder(root, test).map((file) => {
          const rel = path.relative(root, file).split(path.sep).join('/');
          return {
            uri: `${scheme}:///${rel}`,
            name: rel,
            mimeType: file.endsWith('.md') ? 'text/markdown' : 'text/plain',
          };
        }),
      }),
    }),
    { description },
    (uri, { path: rel }) => ({
      contents: [{ uri: uri.href, text: confinedText(root, decodeURIComponent(String(rel))) }],
    }),
  );
}

export function registerResources(server: McpServer, cwd: string): void {
  const root = packageRoot();
  folderResource(
    server,
    'docs',
    path.join(root, 'docs'),
    /\.md$/,
    "Society Studio's documentation (the language, the CLI, models, experiments, SQL)",
  );
  folderResource(server, 'examples', path.join(root, 'examples'), /\.(society|md|csv)$/, 'The example societies');
  folderResource(
    server,
    'runs',
    cwd,
    /^(?!trace\.jsonl$).*\.(csv|json|html|md)$/,
    "A run or experiment folder's files under the working folder (not traces: use society_sql)",
  );
}
