// Entry of the society view bundle (browser IIFE). Runs in a VS Code webview or in any page that
// embeds a trace (`society report`): mounts into #society-app, or a new element at the top.
import { App } from './app';
import { detectHost, hasEmbeddedTrace } from './host';

function mount(): void {
  const host = detectHost();
  if (host.kind === 'standalone' && !hasEmbeddedTrace()) return;
  let root = document.getElementById('society-app');
  if (!root) {
    root = document.createElement('div');
    root.id = 'society-app';
    document.body.prepend(root);
  }
  document.documentElement.classList.add('society-app-running');
  const app = new App(root, host);
  (window as unknown as { societyApp?: App }).societyApp = app;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
