// The run as a whole within its bounds (model/runBounds.ts, SOC154): every population group's
// count and every persona, summed, and times the scenario's rounds.
import { MAX_AGENTS, runTooLarge } from '../model/runBounds';
import { isObj, list, mk } from './checkKit';
import type { CheckContext } from './checkContext';

export function runSizeCheck(ctx: CheckContext): void {
  const { v, at, out } = ctx;
  const groups = list(v.population).filter(isObj);
  // Said once where it is written: a non-finite run length (SOC076), a group past its own cap (SOC013).
  if (!Number.isFinite(ctx.rounds)) return;
  if (groups.some((g) => typeof g.count === 'number' && g.count > MAX_AGENTS)) return;
  const counted = groups.reduce((sum, g) => sum + (typeof g.count === 'number' && g.count > 0 ? g.count : 0), 0);
  const agents = counted + ctx.personas.length;
  const why = runTooLarge(agents, ctx.rounds);
  if (!why) return;
  const where = groups.length && counted > 0 ? ['population'] : ['world', 'rounds'];
  out.push(mk('SOC154', 'error', `Run too large: ${why}`, at.file.file, at.valueRange(where)));
}
