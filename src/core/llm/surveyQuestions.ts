// A survey's items as a model is asked them: each with the trait and keying of the first scale
// that scores it (the offline rule answers by them; an LLM's prompt leaves them out). The engine
// asks these, and `society estimate` prices them.
import type { Survey } from '../format';
import type { SurveyQuestion } from './types';

/** The items as asked: each with the trait and keying of the first scale that scores it. */
export function questions(s: Survey): SurveyQuestion[] {
  return s.instrument.items.map((item) => {
    const scale = s.instrument.scales.find((sc) => sc.items.includes(item.id));
    return {
      id: item.id,
      text: item.text,
      response: item.response,
      ...(scale?.measures ? { trait: scale.measures } : {}),
      ...(scale?.reverse.includes(item.id) ? { reverse: true } : {}),
    };
  });
}
