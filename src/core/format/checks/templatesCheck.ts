// Prompt template variables a prompt kind does not have (SOC050), at the placeholder.
import { PROMPT_KINDS, type PromptKind, type Range } from '../model/model';
import type { PathSegment } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import { PROMPT_VARIABLES, templateVariables, type TemplateVariable } from '../model/templates';
import { didYouMean } from '../model/suggest';
import { isObj, mk } from './checkKit';
import type { CheckContext } from './checkContext';

/** Prompt template variables (SOC050). */
export function templatesCheck(ctx: CheckContext): void {
  const { v, at, file, out } = ctx;
  // Template variables.
  if (isObj(v.prompts)) {
    for (const [kind, template] of Object.entries(v.prompts)) {
      if (typeof template !== 'string' || !(PROMPT_KINDS as readonly string[]).includes(kind)) continue;
      const allowed = PROMPT_VARIABLES[kind as PromptKind];
      const variables = templateVariables(template);
      if (variables.every((x) => allowed.includes(x.name))) continue;
      const ranges = placeholderRanges(at, ['prompts', kind], template, variables);
      for (const [k, variable] of variables.entries()) {
        if (allowed.includes(variable.name)) continue;
        const suggestion = didYouMean(variable.name, allowed);
        const range = ranges[k];
        out.push(
          mk(
            'SOC050',
            'error',
            `Unknown template variable '{{${variable.name}}}' in the ${kind} prompt${suggestion ? `. Did you mean '{{${suggestion}}}'?` : ''} (available: ${allowed.join(', ')})`,
            file,
            range,
          ),
        );
      }
    }
  }
}

/**
 * Where each placeholder of a string scalar is written. The k-th `{{…}}` of the value is the k-th
 * of its source text when both read the same; where escapes or line folding make them differ,
 * the whole value. One pass over each, and a repeated variable gets each occurrence's own range.
 */
function placeholderRanges(at: Locator, path: PathSegment[], value: string, variables: TemplateVariable[]): Range[] {
  const whole = at.valueRange(path);
  const lines = at.file.lines;
  const from = lines.offsetAt(whole.start);
  const source = lines.text.slice(from, lines.offsetAt(whole.end));
  const written = templateVariables(source);
  const aligned = written.length === variables.length;
  return variables.map((v, k) => {
    const w = written[k];
    return aligned && source.slice(w.start, w.end) === value.slice(v.start, v.end)
      ? lines.range(from + w.start, from + w.end)
      : whole;
  });
}
