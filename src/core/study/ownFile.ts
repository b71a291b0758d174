// A study's file written through the one writer (files/safeWrite.ts): a temporary file beside
// it, renamed over the name, never through a link, never into a folder reached through one.
import * as path from 'node:path';
import { writeFileSafely } from '../files/safeWrite';

export function writeOwnFile(dir: string, name: string, text: string): void {
  writeFileSafely(path.join(dir, name), text, { within: dir });
}
