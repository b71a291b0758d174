// Finds the built society view (dist/webview.js and dist/webview.css) for `society report`,
// whether the CLI runs from its bundle (dist/cli.js) or from source through tsx.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ViewAssets } from '../core/protocol/viewPage';

export function findViewAssets(from = __dirname): ViewAssets | undefined {
  for (const dir of [from, path.resolve(from, '..', '..', 'dist'), path.resolve(from, '..', '..', '..', 'dist')]) {
    const script = path.join(dir, 'webview.js'),
      style = path.join(dir, 'webview.css');
    if (fs.existsSync(script) && fs.existsSync(style)) {
      return {
        script: stripSourceMap(fs.readFileSync(script, 'utf8')),
        style: stripSourceMap(fs.readFileSync(style, 'utf8')),
      };
    }
  }
  return undefined;
}

/** The bundle's source map comment points at a file the report does not carry. */
function stripSourceMap(text: string): string {
  return text.replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*\s*$/, '\n');
}
