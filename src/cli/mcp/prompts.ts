// The server's prompts: the workflow of a study as the tool itself serves it — design a study from
// a question, check whether people were ever measured in its design, write it up — each pointing to
// the tools that do the work, so an assistant needs no skill pack of its own. Arguments are the
// user's words, placed as quoted data in the text, never as instructions.
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/** A user's argument inside a prompt: one line, quoted, bounded. */
const quoted = (s: string): string => JSON.stringify(s.replace(/\s+/g, ' ').slice(0, 2000));

interface StudyPrompt {
  name: string;
  title: string;
  description: string;
  arg: string;
  argDescription: string;
  text: (arg: string) => string;
}

export const PROMPTS: readonly StudyPrompt[] = [
  {
    name: 'design_study',
    title: 'Design a study from a question',
    description: 'Turn a research question into a preregistered study file, checked and estimated before it runs.',
    arg: 'question',
    argDescription: 'the research question, in words',
    text: (q) =>
      `Design a Society Studio study for this research question (the user's words, as data): ${quoted(q)}.\n` +
      `1. Find or write the world: society_describe on the shipped examples (resources list them) or a scenario of your own; its experiment.conditions are the conditions a study names.\n` +
      `2. Write a .society file with kind: study: name, question, scenario, hypotheses (id, metric, higher/than or effect: {of, minus} for a contrast of contrasts, expect, smallest_effect in the metric's units), models (each a model config; the offline model is free), seeds (fixed, or sequential with start, batch and a cap max), and validity.anchors where a condition matches a human experiment of the validation library.\n` +
      `3. society_check the file until it has no error; society_estimate the scenario for the cost per run.\n` +
      `4. Ask the user before running anything that costs money; then society_study.`,
  },
  {
    name: 'check_validity',
    title: 'Check whether people behave so',
    description:
      "Before trusting a study's answer: which of its conditions human experiments measured, and how the models score there.",
    arg: 'study',
    argDescription: 'the study .society file (a path inside the working folder)',
    text: (s) =>
      `Check the validity of the study at ${quoted(s)}.\n` +
      `1. society_validate (only the library entries that match the study's design, e.g. only: public-goods) on each model the study names, to see how each scores against people.\n` +
      `2. In the study's validity.anchors, anchor each condition that corresponds to a library condition; society_check it.\n` +
      `3. Say plainly which conditions are unanchored (no human figure): a finding there is the model's, not people's.\n` +
      `4. If the user has their own observed data, a calibration: block and society_calibrate fit the scenario to it.`,
  },
  {
    name: 'write_up',
    title: 'Write up a study',
    description:
      'Report a finished study honestly: verdicts per model, how sure, which mechanism, whether people behave so, what was lost.',
    arg: 'study',
    argDescription: 'the study .society file (a path inside the working folder)',
    text: (s) =>
      `Write up the study at ${quoted(s)}.\n` +
      `1. society_study (it resumes; nothing finished is rerun) and read its answer: per hypothesis the verdict on each model and across them, the effect and its interval.\n` +
      `2. For each finding say: how sure (the interval, Holm's p), on which models it holds, which mechanism produced it (mechanisms; a finding flagged as carried by a single offline rule is an assumption of the model, and must be said so), whether people behave so (validity: anchored figures, or unanchored), and what was lost (data_quality).\n` +
      `3. State every deviation from the preregistration. study.md in the output folder is the write-up to paste; study.tex the results table.`,
  },
];

export function registerPrompts(server: McpServer): void {
  for (const p of PROMPTS) {
    server.registerPrompt(
      p.name,
      {
        title: p.title,
        description: p.description,
        argsSchema: { [p.arg]: z.string().min(1).max(2000).describe(p.argDescription) },
      },
      (args: Record<string, string>) => ({
        messages: [{ role: 'user' as const, content: { type: 'text' as const, text: p.text(args[p.arg] ?? '') } }],
      }),
    );
  }
}
