// The `survey` prompt's variables: the instrument's title, its instructions and its items, each
// with its id and how it is answered. The offline rule's hints (trait, reverse keying) are never shown.
import type { ResponseScale } from '../../format';
import type { SurveyRequest } from '../types';

/** How an item is answered, in words: "1 (Very inaccurate) to 5 (Very accurate)", "one of: a, b". */
export function scaleWords(s: ResponseScale): string {
  switch (s.type) {
    case 'likert': {
      const a = s.anchors;
      return a?.length === s.points
        ? `a whole number: ${a.map((label, i) => `${i + 1} = ${label}`).join(', ')}`
        : `a whole number from 1 to ${s.points}`;
    }
    case 'numeric':
      return `a number from ${s.min} to ${s.max}`;
    case 'choice':
      return `one of: ${s.options.map((o) => `"${o}"`).join(', ')}`;
    case 'text':
      return 'a short answer in your own words';
  }
}

export function surveyValues(req: SurveyRequest): Record<string, string> {
  return {
    instrument: req.title,
    instructions: req.instructions ?? '',
    items: req.items.map((i) => `- ${i.id}: ${i.text} (answer ${scaleWords(i.response)})`).join('\n'),
  };
}
