// Offline interview answers: the agent speaks from its most relevant retrieved memories.
import type { InterviewRequest, InterviewResponse } from '../types';

export function interview(req: InterviewRequest): InterviewResponse {
  const p = req.persona;
  const intro = `I'm ${p.name}${p.occupation ? `, ${p.occupation}` : ''}.`;
  const relevant = req.memories.slice(0, 3).map((m) => m.text.replace(/^Coach: /, 'My coach told me: '));
  if (!relevant.length) return { answer: `${intro} I don't have much to say about that yet.` };
  return { answer: `${intro} What comes to mind: ${relevant.join(' ')}` };
}
