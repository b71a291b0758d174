// The header's model words: the models the run's agents use (their agent_added events, issue 88),
// not every config the trace's header lists — a run with a local model chosen in the editor was
// headed "offline rule-based model (not an LLM) · local …" while every call went to the local one.
// A local model is named by its file; where it was read from is the tooltip's.
import { modelWords } from '../src/core/format/pure';
import { ModelsUsed } from '../src/core/trace/modelsUsed';
import type { TraceEvent, TraceHeader } from '../src/core/trace/events';

export class ModelLabel {
  private used?: ModelsUsed;

  constructor(private readonly el: HTMLElement) {}

  load(header: TraceHeader, events: readonly TraceEvent[]): void {
    this.used = new ModelsUsed(header);
    this.add(events);
  }

  add(events: readonly TraceEvent[]): void {
    if (!this.used) return;
    for (const e of events) this.used.add(e);
    const models = this.used.configs();
    // Each label once: two configs of one model read as one.
    this.el.textContent = [...new Set(models.map(modelWords))].join(' · ');
    const files = models.filter((x) => x.provider === 'local' && x.model).map((x) => x.model!);
    this.el.title = [...new Set(files)].join('\n');
  }
}
