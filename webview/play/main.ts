// Entry of the play panel bundle (browser IIFE) inside its VS Code webview: mounts the panel and
// connects it to the host through the typed protocol (core/protocol/playMessages).
import { isPlayHostMessage, type PlayViewMessage } from '../../src/core/protocol/playMessages';
import { PlayPanel } from './playPanel';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

function mount(): void {
  const api = acquireVsCodeApi();
  const root = document.getElementById('society-play');
  if (!root) return;
  const panel = new PlayPanel(root, (m: PlayViewMessage) => api.postMessage(m));
  window.addEventListener('message', (event: MessageEvent) => {
    if (isPlayHostMessage(event.data)) panel.receive(event.data);
  });
  api.postMessage({ type: 'ready' } satisfies PlayViewMessage);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
