// Entry of the memory inspector bundle (browser IIFE) inside its VS Code webview: mounts the
// inspector and connects it to the host through the typed protocol (core/protocol/memoryMessages).
import { isInspectorHostMessage, type InspectorViewMessage } from '../../src/core/protocol/memoryMessages';
import { Inspector, type InspectorState } from './inspector';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

function mount(): void {
  const api = acquireVsCodeApi();
  const root = document.getElementById('memory-inspector');
  if (!root) return;
  const inspector = new Inspector(
    root,
    {
      post: (m: InspectorViewMessage) => api.postMessage(m),
      saveState: (s: InspectorState) => api.setState(s),
    },
    (api.getState() as InspectorState | undefined) ?? undefined,
  );
  window.addEventListener('message', (event: MessageEvent) => {
    if (isInspectorHostMessage(event.data)) inspector.receive(event.data);
  });
  api.postMessage({ type: 'ready' } satisfies InspectorViewMessage);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
