// How a memory names an action an agent took: from its action event (the arguments as applied,
// bounds included), never from a second computation, so a memory cannot misstate the choice
// (issue 88). A number reads with at most two decimals; an agent argument as the person's name.
import type { ActionArg } from '../../../format';

/** A number as memories write it. */
export const shown = (x: number | string): string => (typeof x === 'number' ? String(Math.round(x * 100) / 100) : x);

/** One recorded argument's value as a memory writes it: an agent argument as the person's name. */
export function argValue(
  name: string,
  value: number | string,
  spec: readonly ActionArg[],
  nameOf: (id: string) => string | undefined,
): string {
  const agent = typeof value === 'string' && spec.find((x) => x.name === name)?.type === 'agent';
  return agent ? (nameOf(value as string) ?? (value as string)) : shown(value);
}

/** "amount 2.5, to Bea Lund": each recorded argument. */
export function argWords(
  args: Readonly<Record<string, number | string>>,
  spec: readonly ActionArg[],
  nameOf: (id: string) => string | undefined,
): string {
  return Object.entries(args)
    .map(([k, v]) => `${k} ${argValue(k, v, spec, nameOf)}`)
    .join(', ');
}

/** "contribute (amount 2.5)", or the action alone when it takes no arguments. */
export function choiceWords(
  action: string,
  args: Readonly<Record<string, number | string>>,
  spec: readonly ActionArg[],
  nameOf: (id: string) => string | undefined,
): string {
  const words = argWords(args, spec, nameOf);
  return words ? `${action} (${words})` : action;
}
