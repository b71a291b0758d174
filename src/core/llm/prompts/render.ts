// Turns a decision request into chat messages laid out for prefix caches (see renderPrompt): the
// handbook every call shares, the system template (who the agent is; for the coach's `advise`,
// who the coach is and whom it coaches), then the call's own part (the situation). Scenario
// `prompts:` override the defaults per kind: `system` for the agents, `coach_system` for the coach.
import { type PromptTemplates, templateVariables } from '../../format';
import type { ChatMessage } from '../chat';
import { RESPONSE_FORMATS, type DecisionKind, type DecisionRequest } from '../types';
import { DEFAULT_CONTEXT, DEFAULT_SHARED, DEFAULT_TEMPLATES } from './defaults';
import { HANDBOOK_KINDS, handbook, taskEntry, taskLine } from './handbook';
import { judgePrompt } from './judge';
import { promptValues, type PromptContext } from './values';

/**
 * A template line split once at its `{{name}}` placeholders: `literals` around them (one more than
 * `vars`), and each placeholder as written, kept where its name is unknown. Rendering is then
 * string concatenation, not a regular-expression replace per line per call (≈ 8,000 calls a run).
 */
interface CompiledLine {
  literals: string[];
  vars: string[];
  placeholders: string[];
}

function compileLine(text: string): CompiledLine {
  const line: CompiledLine = { literals: [], vars: [], placeholders: [] };
  let at = 0;
  for (const v of templateVariables(text)) {
    line.literals.push(text.slice(at, v.start));
    line.vars.push(v.name);
    line.placeholders.push(text.slice(v.start, v.end));
    at = v.end;
  }
  line.literals.push(text.slice(at));
  return line;
}

// Templates are few and rendered thousands of times per round: split them into lines once.
const compiled = new Map<string, CompiledLine[]>();
function compile(template: string): CompiledLine[] {
  let lines = compiled.get(template);
  if (!lines) {
    if (compiled.size > 64) compiled.clear();
    lines = template.split('\n').map(compileLine);
    compiled.set(template, lines);
  }
  return lines;
}

/**
 * renderTemplate's result for a compiled line: known names replaced, unknown ones left as written.
 * A known name that is empty inside brackets of its own takes them with it: "Tom ({{partner.occupation}})."
 * reads "Tom." for a persona without an occupation, not "Tom ()." (seen in a real model's prompt).
 */
function renderLine(line: CompiledLine, values: Record<string, string>): string {
  let out = line.literals[0];
  for (let i = 0; i < line.vars.length; i++) {
    const name = line.vars[i];
    let after = line.literals[i + 1];
    const value = Object.hasOwn(values, name) ? values[name] : line.placeholders[i];
    if (value === '' && out.endsWith('(') && after.startsWith(')')) {
      out = out.slice(0, -1).trimEnd();
      after = after.slice(1);
    }
    out += value + after;
  }
  return out;
}

/**
 * Renders a template line by line; a line whose variables are all known and empty is dropped,
 * so "Age: {{persona.age}}" disappears for a persona without an age.
 */
export function renderLines(template: string, values: Record<string, string>): string {
  const out: string[] = [];
  for (const line of compile(template)) {
    if (!line.vars.length) {
      out.push(line.literals[0]);
      continue;
    }
    if (line.vars.every((v) => values[v] === '')) continue;
    out.push(renderLine(line, values));
  }
  return out.join('\n').trim();
}

/** The per-call part of the answer format: the ids this call's answer may take ('' when none). */
export function jsonChoices(req: DecisionRequest): string {
  const out: string[] = [];
  if (req.kind === 'choose_partner') {
    out.push(`"choice" must be one of: ${req.candidates.map((c) => c.id).join(', ')}.`);
  }
  if (req.kind === 'speak' && req.news?.length) {
    out.push(
      `Also "tells": the ids of the things you know that this message passes on ([] for none), of: ${req.news.map((k) => k.id).join(', ')}.`,
    );
  }
  if (req.kind === 'speak' && req.heard?.length) {
    out.push(
      `Also "doubts": the ids of what you were just told that you do not believe ([] for none), of: ${req.heard.map((k) => k.id).join(', ')}.`,
    );
  }
  if (req.kind === 'advise') {
    const ids = (req.warm ?? []).map((c) => c.id);
    out.push(
      ids.length
        ? `"partner" is optional: the id of one warm contact to do it with, one of: ${ids.join(', ')}; or null.`
        : '"partner" must be null: there are no warm contacts to suggest yet.',
    );
  }
  return out.join('\n');
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

/**
 * Laid out for prefix caches (a provider's or a vLLM server's): the system message holds what
 * calls share, then the persona (stable per agent); the user message what changes per call: the
 * memories (oldest first, so a later call mostly extends an earlier one's list), the round and
 * which memories are most relevant now (retrieval order, by id), the situation and the ids the
 * answer may take. What calls share depends on the layout (layout.ts): `handbook` opens every
 * call with every kind's task and shape (one prefix for the whole run; more tokens, cheap only
 * where cached input is), `per_kind` with only this kind's. A scenario's own templates fill the
 * same places; the built-in setting, round and memories lines come only with the built-in system
 * template they were part of, the built-in task text only with the built-in kind template.
 */
export function renderPrompt(req: DecisionRequest, templates: PromptTemplates, ctx: PromptContext): ChatMessage[] {
  // A judge is not an agent: neither the agents' system prompt nor their templates apply.
  if (req.kind === 'judge') return judgePrompt(req, judgeInstruction(req));
  const values = promptValues(req, ctx);
  const ownSystem = req.kind === 'advise' ? templates.coach_system : templates.system;
  const context = req.kind === 'advise' ? DEFAULT_CONTEXT.coach : DEFAULT_CONTEXT.agent;
  // A kind the handbook does not hold (a survey) says its task in the call, as per_kind does.
  const inHandbook = ctx.layout === 'handbook' && HANDBOOK_KINDS.includes(req.kind);
  // The built-in survey situation is the questionnaire, the same for everyone asked: shared, so
  // it goes before the persona; a scenario's own survey template may speak of the agent.
  const situation = renderLines(templates[req.kind] ?? DEFAULT_TEMPLATES[req.kind], values);
  const sharedSituation = req.kind === 'survey' && templates.survey === undefined;
  const system = [
    inHandbook ? handbook(templates) : '',
    ownSystem === undefined ? renderLines(DEFAULT_SHARED, values) : '',
    inHandbook ? '' : taskEntry(req.kind, templates),
    sharedSituation ? situation : '',
    renderLines(systemTemplate(req.kind, templates), values),
  ];
  const call = [
    ownSystem === undefined ? renderLines(context, values) : '',
    relevance(req),
    sharedSituation ? '' : situation,
    inHandbook ? taskLine(req.kind) : '',
    jsonChoices(req),
  ];
  return [
    { role: 'system', content: system.filter(Boolean).join('\n\n') },
    { role: 'user', content: call.filter(Boolean).join('\n\n') },
  ];
}

/** The judge's answer format: the shape and every dimension's range. */
function judgeInstruction(req: DecisionRequest & { kind: 'judge' }): string {
  const ranges = req.rubric.dimensions.map((d) => `"${d.name}" ${d.min} to ${d.max}`).join(', ');
  return [
    `Answer with only a JSON object of this shape, no other text:\n${RESPONSE_FORMATS.judge}`,
    `Score every dimension with a whole number in its range: ${ranges}.`,
  ].join('\n');
}

/** Retrieval's order, which the oldest-first memory list no longer shows ('' for fewer than two). */
function relevance(req: DecisionRequest): string {
  if (req.memories.length < 2) return '';
  return `Most relevant memories now (ids, best first): ${req.memories.map((m) => m.id).join(', ')}.`;
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
