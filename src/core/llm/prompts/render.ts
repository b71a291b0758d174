// Turns a decision request into chat messages: the system template (who the agent is; for the
// coach's `advise`, who the coach is and whom it coaches), the kind's template (the situation and
// the question), and the JSON shape the answer must take. Scenario `prompts:` override the
// defaults per kind: `system` for the agents, `coach_system` for the coach.
import type { PromptTemplates } from '../../format/language/model';
import { renderTemplate, templateVariables } from '../../format/language/templates';
import type { ChatMessage } from '../chat';
import { RESPONSE_FORMATS, type DecisionKind, type DecisionRequest } from '../types';
import { DEFAULT_TEMPLATES } from './defaults';
import { judgePrompt } from './judge';
import { promptValues, type PromptContext } from './values';

interface CompiledLine {
  text: string;
  vars: string[];
}

// Templates are few and rendered thousands of times per round: split them into lines once.
const compiled = new Map<string, CompiledLine[]>();
function compile(template: string): CompiledLine[] {
  let lines = compiled.get(template);
  if (!lines) {
    if (compiled.size > 64) compiled.clear();
    lines = template.split('\n').map((text) => ({ text, vars: templateVariables(text).map((v) => v.name) }));
    compiled.set(template, lines);
  }
  return lines;
}

/**
 * Renders a template line by line; a line whose variables are all known and empty is dropped,
 * so "Age: {{persona.age}}" disappears for a persona without an age.
 */
export function renderLines(template: string, values: Record<string, string>): string {
  const out: string[] = [];
  for (const line of compile(template)) {
    if (!line.vars.length) {
      out.push(line.text);
      continue;
    }
    if (line.vars.every((v) => values[v] === '')) continue;
    out.push(renderTemplate(line.text, values));
  }
  return out.join('\n').trim();
}

/** The closing instruction of every prompt: answer with JSON of the kind's shape. */
export function jsonInstruction(req: DecisionRequest): string {
  let s = `Answer with only a JSON object of this shape, no other text:\n${RESPONSE_FORMATS[req.kind]}`;
  if (req.kind === 'choose_partner') s += `\n"choice" must be one of: ${req.candidates.map((c) => c.id).join(', ')}.`;
  if (req.kind === 'reflect') s += '\n"evidence" lists the ids of the memories above that support the insight.';
  if (req.kind === 'judge') {
    const ranges = req.rubric.dimensions.map((d) => `"${d.name}" ${d.min} to ${d.max}`).join(', ');
    s += `\nScore every dimension with a whole number in its range: ${ranges}.`;
  }
  if (req.kind === 'speak' && req.news?.length) {
    s += `\nAlso "tells": the ids of the things you know that this message passes on ([] for none), of: ${req.news.map((k) => k.id).join(', ')}.`;
  }
  if (req.kind === 'speak' && req.heard?.length) {
    s += `\nAlso "doubts": the ids of what you were just told that you do not believe ([] for none), of: ${req.heard.map((k) => k.id).join(', ')}.`;
  }
  if (req.kind === 'advise') {
    const ids = (req.warm ?? []).map((c) => c.id);
    s += ids.length
      ? `\n"partner" is optional: the id of one warm contact to do it with, one of: ${ids.join(', ')}; or null.`
      : '\n"partner" must be null: there are no warm contacts to suggest yet.';
  }
  return s;
}

/**
 * The system template of a request. The coach's `advise` gets `coach_system` (the scenario's, or
 * the built-in coach system), never `system`: that one speaks as the agent ("You are
 * {{persona.name}} … Stay in character"), and the coach is not the person it coaches. Every
 * other kind gets the scenario's `system` or the built-in agent system.
 */
export function systemTemplate(kind: DecisionKind, templates: PromptTemplates): string {
  if (kind === 'advise') return templates.coach_system ?? DEFAULT_TEMPLATES.coach_system;
  return templates.system ?? DEFAULT_TEMPLATES.system;
}

export function renderPrompt(req: DecisionRequest, templates: PromptTemplates, ctx: PromptContext): ChatMessage[] {
  // A judge is not an agent: neither the agents' system prompt nor their templates apply.
  if (req.kind === 'judge') return judgePrompt(req, jsonInstruction(req));
  const values = promptValues(req, ctx);
  const system = renderLines(systemTemplate(req.kind, templates), values);
  const task = renderLines(templates[req.kind] ?? DEFAULT_TEMPLATES[req.kind], values);
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${task}\n\n${jsonInstruction(req)}` },
  ];
}

/** The one follow-up after an unusable answer: show the model its answer and what was wrong. */
export function reaskMessages(
  messages: ChatMessage[],
  answer: string,
  problem: string,
  kind: DecisionKind,
): ChatMessage[] {
  return [
    ...messages,
    { role: 'assistant', content: answer },
    {
      role: 'user',
      content: `That answer could not be used: ${problem}\nReply again with only the JSON object, exactly in this shape:\n${RESPONSE_FORMATS[kind]}`,
    },
  ];
}
