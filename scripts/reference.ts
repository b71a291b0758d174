// `npm run docs:reference`: writes each mirror of a table (scripts/reference/mirrors.ts) from the
// table; `-- --check` writes nothing and exits 1 naming each file out of date. The schema's own
// mirrors (docs/format.md, the TextMate grammar) are made from it in turn, so they follow.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, staleMirrors } from './reference/mirrors';

const check = process.argv.includes('--check');

/** The generators that read the schema: each run after it is written, or with --check. */
const FROM_SCHEMA = ['scripts/format-reference.mjs', 'syntaxes/build-grammar.mjs'];

async function main(): Promise<number> {
  const stale = await staleMirrors();
  if (check) {
    for (const s of stale) console.error(`${s.file} is out of date with ${s.from}: run npm run docs:reference`);
  } else {
    for (const s of stale) {
      writeFileSync(path.join(ROOT, s.file), s.want);
      console.log(`wrote ${s.file} (from ${s.from})`);
    }
  }
  let failed = check && stale.length > 0;
  if (check || stale.some((s) => s.file.startsWith('schemas/'))) {
    for (const script of FROM_SCHEMA) {
      const r = spawnSync(process.execPath, [path.join(ROOT, script), ...(check ? ['--check'] : [])], {
        stdio: 'inherit',
      });
      failed ||= r.status !== 0;
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
