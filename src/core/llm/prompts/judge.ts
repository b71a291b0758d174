// The rubric judge's prompt: an impartial rater, the rubric (each dimension with its range and
// anchors), who is judged and on what — a conversation's transcript or the agent's record of the
// round — and the JSON shape of the scores. Not a template of `prompts:`: a judge is not an agent.
import type { ChatMessage } from '../chat';
import type { JudgeRequest, PersonaBrief } from '../types';

function personaLines(p: PersonaBrief): string[] {
  const traits = Object.entries(p.traits ?? {})
    .map(([k, v]) => `${k} ${Number(v).toFixed(2)}`)
    .join(', ');
  return [
    `${p.name} (id ${p.id})${p.occupation ? `, ${p.occupation}` : ''}${p.group ? `, group ${p.group}` : ''}`,
    ...(p.bio ? [`About them: ${p.bio}`] : []),
    ...(p.style ? [`How they talk: ${p.style}`] : []),
    ...(traits ? [`Personality (Big Five, 0-1): ${traits}`] : []),
  ];
}

function rubricLines(req: JudgeRequest): string[] {
  return req.rubric.dimensions.map((d) => {
    const anchors = Object.entries(d.anchors ?? {})
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([score, text]) => `${score} = ${text}`)
      .join('; ');
    return `- ${d.name} (${d.min} to ${d.max}): ${d.description}${anchors ? ` [${anchors}]` : ''}`;
  });
}

export function judgePrompt(req: JudgeRequest, instruction: string): ChatMessage[] {
  const system = [
    'You are an impartial judge scoring the agents of a social simulation on a rubric. You do not take part in it.',
    `Setting: ${req.setting}`,
    ...(req.rubric.description ? [`The rubric: ${req.rubric.description}`] : []),
  ].join('\n');
  const about =
    req.target === 'conversation'
      ? [
          `Judge ${req.persona.name} in this conversation (round ${req.round})${req.partner ? ` with ${req.partner.name}` : ''}.`,
          ...personaLines(req.persona),
          'The conversation:',
          ...(req.transcript ?? []).map((l) => `${l.name}: ${l.text}`),
        ]
      : [
          `Judge ${req.persona.name} on what they did up to round ${req.round}.`,
          ...personaLines(req.persona),
          'Their record:',
          ...(req.record?.length ? req.record : ['(nothing recorded)']),
        ];
  const task = [
    ...about,
    '',
    'Score them on each dimension:',
    ...rubricLines(req),
    'Give a one-sentence reason for each score.',
  ];
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${task.join('\n')}\n\n${instruction}` },
  ];
}
