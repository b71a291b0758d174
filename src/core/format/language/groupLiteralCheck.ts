// A group compared by name in an expression (`whom.group == 'candidats'`, `me.group != 'lead'`)
// that no population group or persona has (SOC141): the comparison is then false (or true) for
// every agent, so the action is never offered, the filter passes nobody — silently. Said at the
// name inside the string, with the one meant as a quick fix.
import { expressionRange, type ExpressionSite } from './mechanicsSource';
import { unknownName, type Report } from './mechanicsReport';

/** `<x>.group == '<name>'` or `'<name>' != <x>.group`, either quote. */
const GROUP_COMPARISON =
  /\b[A-Za-z_]\w*\.group\s*(?:==|!=)\s*(['"])([^'"]*)\1|(['"])([^'"]*)\3\s*(?:==|!=)\s*[A-Za-z_]\w*\.group\b/g;

export function checkGroupLiterals(r: Report, site: ExpressionSite, groups: ReadonlyMap<string, number>): void {
  const known = [...groups.keys()];
  for (const m of site.text.matchAll(GROUP_COMPARISON)) {
    const name = m[2] ?? m[4];
    if (groups.has(name)) continue;
    // Where the name starts inside the expression: after its opening quote.
    const quote = m[1] ?? m[3];
    const start = m.index + m[0].indexOf(`${quote}${name}${quote}`) + 1;
    unknownName(r, 'SOC141', expressionRange(r.at, site.path, site.text, start, start + name.length), name, known, {
      unknown: `In ${site.what}, no population group or persona has group '${name}': the comparison is the same for every agent`,
      kind: 'groups',
      none: 'no population group or persona has a `group`',
    });
  }
}
