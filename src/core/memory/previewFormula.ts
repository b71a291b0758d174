// The retrieval formula as the preview states it, with the run's weights: one line the webview
// shows above the ranking (pure, so the webview bundle takes it without the engine).
import type { MemoryConfig } from '../format';

export function previewFormula(s: MemoryConfig, round: number): string {
  const rescaled = s.normalize === 'minmax' ? ', each rescaled to 0..1 over the stream (min–max, per query)' : '';
  return (
    `score = ${s.recency}·recency + ${s.importance}·importance + ${s.relevance}·relevance${rescaled}   ` +
    `(recency = ${s.decay}^(${round} − round), importance = ★/10, relevance = words in common, by stem)`
  );
}
