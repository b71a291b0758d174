// Where the view runs: inside a VS Code webview (messages through acquireVsCodeApi, state kept by
// VS Code and its serializer) or in a plain page (the trace embedded as JSON, state in
// sessionStorage, exports downloaded). The app talks to both through ViewHost.
import { EMBEDDED_TRACE_ID, type EmbeddedTrace } from '../src/core/protocol/embeddedTrace';
import {
  isHostMessage,
  type ExportFormat,
  type HostMessage,
  type ViewMessage,
  type ViewState,
} from '../src/core/protocol/viewMessages';

export interface ViewHost {
  readonly kind: 'vscode' | 'standalone';
  post(message: ViewMessage): void;
  listen(handler: (message: HostMessage) => void): void;
  loadState(): ViewState | undefined;
  saveState(state: ViewState): void;
  /** Hand an export over: VS Code asks where to save it, a browser downloads it. */
  save(format: ExportFormat, fileName: string, data: string): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export function detectHost(): ViewHost {
  return typeof acquireVsCodeApi === 'function' ? vscodeHost(acquireVsCodeApi()) : standaloneHost();
}

function vscodeHost(api: VsCodeApi): ViewHost {
  return {
    kind: 'vscode',
    post: (m) => api.postMessage(m),
    listen: (handler) =>
      window.addEventListener('message', (event: MessageEvent) => {
        if (isHostMessage(event.data)) handler(event.data);
      }),
    loadState: () => (api.getState() as ViewState | undefined) ?? undefined,
    saveState: (s) => api.setState(s),
    save: (format, fileName, data) => api.postMessage({ type: 'export', format, fileName, data } satisfies ViewMessage),
  };
}

const MIME: Record<ExportFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  graphml: 'application/xml',
  gexf: 'application/xml',
  csv: 'text/csv',
};

function standaloneHost(): ViewHost {
  const embedded = document.getElementById(EMBEDDED_TRACE_ID);
  let trace: EmbeddedTrace | undefined;
  try {
    trace = embedded?.textContent ? (JSON.parse(embedded.textContent) as EmbeddedTrace) : undefined;
  } catch {
    trace = undefined;
  }
  const key = `society-view:${trace?.header.scenario.hash ?? 'none'}:${trace?.events.length ?? 0}`;
  let handler: ((m: HostMessage) => void) | undefined;
  return {
    kind: 'standalone',
    post: (m) => {
      if (m.type !== 'ready' || !trace || !handler) return;
      const { source, header, events, state, design } = trace;
      const deliver = handler;
      queueMicrotask(() => {
        deliver({
          type: 'load',
          source,
          header,
          events,
          live: false,
          ...(state ? { state } : {}),
          ...(design ? { design } : {}),
        });
        const { complete, note } = trace!;
        if (complete === false || note) {
          deliver({
            type: 'status',
            status: complete === false ? 'stopped' : 'completed',
            message: [complete === false ? 'incomplete trace' : '', note].filter(Boolean).join('; '),
          });
        }
      });
    },
    listen: (h) => {
      handler = h;
    },
    loadState: () => {
      try {
        return JSON.parse(sessionStorage.getItem(key) ?? 'null') ?? undefined;
      } catch {
        return undefined;
      }
    },
    saveState: (s) => {
      try {
        sessionStorage.setItem(key, JSON.stringify(s));
      } catch {
        /* storage unavailable (file:// in some browsers) */
      }
    },
    save: (format, fileName, data) => {
      const bytes = format === 'png' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data;
      const url = URL.createObjectURL(new Blob([bytes], { type: MIME[format] }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  };
}

/** True when the page carries an embedded trace (the standalone view has something to show). */
export function hasEmbeddedTrace(): boolean {
  return document.getElementById(EMBEDDED_TRACE_ID) !== null;
}
