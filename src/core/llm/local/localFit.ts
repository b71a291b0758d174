// Whether a local model's prompts fit its context, said before a run starts (issue 71) rather than
// by the first call that does not fit. From the estimate's typical prompts: a prompt with more
// memories recalled can be longer, and the call that meets it still fails with the same words.
import type { RunEstimate } from '../estimate';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Errors (a prompt leaves no room to answer) and warnings (an answer may be cut), per local model. */
export function localFit(e: RunEstimate): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const m of e.models) {
    const l = m.local;
    if (!l) continue;
    const { kind, tokens } = l.largest;
    const counted = l.counted === 'tokenizer' ? 'tokens' : 'tokens (≈ characters / 4)';
    const said = `model '${m.name}': the ${kind} prompt is ${int(tokens)} ${counted} and its context holds ${int(l.context)}`;
    if (tokens + 8 > l.context) errors.push(`${said}: raise \`local.context_size\` or shorten the prompt`);
    else if (tokens + l.answer > l.context) {
      warnings.push(
        `${said}: answers over ${int(l.context - tokens)} tokens will be cut (max_tokens ${int(l.answer)})`,
      );
    }
  }
  return { errors, warnings };
}
