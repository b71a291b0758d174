// `--allow-key VAR@HOST[:PORT]`: the user's word that the key in VAR may go to HOST, for the
// commands that call models (core/llm/keyRoute.ts decides; without a word only a provider's own
// key goes to its own host). The command line's allowances join SOCIETY_ALLOW_KEYS in this
// process's environment, which is how they reach everything the command starts: an experiment's
// worker threads, and the `society` children of `society mcp`.
import type { OptionRow } from './optionRows';
import { keyAllowances } from '../core/llm/keyRoute';
import { printable } from '../core/text/printable';

export const ALLOW_KEY_ROW = [
  '--allow-key VAR@HOST[:PORT]',
  "let the key in the environment variable VAR go to HOST (a model's base_url): needed for any key but a provider's own to its own host; may repeat (also: SOCIETY_ALLOW_KEYS=VAR@HOST[:PORT],…)",
  { multiple: true },
] as const satisfies OptionRow;

/**
 * Adds `given` to SOCIETY_ALLOW_KEYS after checking every allowance, the environment's too: true,
 * or false after saying which one is not VAR@HOST[:PORT] (exit 2).
 */
export function grantKeys(command: string, given: readonly string[] | undefined): boolean {
  try {
    keyAllowances(given ?? []);
  } catch (err) {
    console.error(`society ${command}: ${printable((err as Error).message)}`);
    return false;
  }
  if (given?.length) {
    const had = process.env.SOCIETY_ALLOW_KEYS?.trim();
    process.env.SOCIETY_ALLOW_KEYS = [...(had ? [had] : []), ...given].join(',');
  }
  return true;
}
