// `society export <run | experiment | folder> --format parquet --out DIR`: every view `society sql`
// offers as `<view>.parquet`, for pandas, polars, R (arrow) or any database. DuckDB writes them
// from the files read in place; DIR's manifest lists them as ours, as other writers do.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openRunDatabase } from '../../core/query/database';
import { findRunFiles } from '../../core/query/runFiles';
import { mayReplace, recordPresent } from '../ownFiles';
import { outputFolder, shown } from '../options';

/** Exit code of the export: 0 written, 1 could not. */
export async function exportParquet(target: string, out: string | undefined, overwrite: boolean): Promise<number> {
  if (!out) {
    console.error('society export: --format parquet writes one file per view: give the folder with --out DIR');
    return 2;
  }
  try {
    findRunFiles(target);
  } catch (err) {
    console.error(`society export: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const made = outputFolder(out, 'export');
  if (!made) return 1;
  let db;
  try {
    db = await openRunDatabase(target, { writable: [fs.realpathSync(out)] });
  } catch (err) {
    made.removeEmpty();
    console.error(`society export: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const names = db.views.map((v) => `${v}.parquet`);
  try {
    if (!mayReplace('export', out, names, overwrite)) return 1;
    const written = (await db.exportParquet(fs.realpathSync(out))).map((f) => path.basename(f));
    recordPresent(out, written);
    console.error(`society export: wrote ${written.length} Parquet files to ${shown(out)}: ${written.join(', ')}`);
    return 0;
  } catch (err) {
    console.error(`society export: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    db.close();
  }
}
