// Colours of the network, read from VS Code's theme variables (with fallbacks for a plain browser)
// so light, dark and high-contrast themes all work, including on the canvas, which cannot use CSS.
import { CATEGORY_COLORS } from '../../src/core/analysis/pure';

export interface NetworkTheme {
  background: string;
  foreground: string;
  /** One-way ties. */
  tie: string;
  /** Reciprocated ties (emphasised). */
  mutual: string;
  /** Selection ring and hover. */
  focus: string;
  /** Node outline (the contrast border in high-contrast themes). */
  outline: string;
  font: string;
  communities: readonly string[];
  /** Nodes no colour distinguishes (no communities or groups to tell apart). */
  neutral: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readTheme(root: Element = document.body): NetworkTheme {
  const s = getComputedStyle(root);
  const highContrast =
    document.body.classList.contains('vscode-high-contrast') ||
    document.body.classList.contains('vscode-high-contrast-light');
  const foreground = cssVar(s, '--vscode-editor-foreground', cssVar(s, '--society-fallback-foreground', '#333333'));
  return {
    background: cssVar(s, '--vscode-editor-background', cssVar(s, '--society-fallback-background', '#ffffff')),
    foreground,
    tie: foreground,
    mutual: cssVar(s, '--vscode-charts-purple', '#b07aa1'),
    focus: cssVar(s, '--vscode-focusBorder', '#0078d4'),
    outline: highContrast
      ? cssVar(s, '--vscode-contrastBorder', foreground)
      : cssVar(s, '--vscode-editor-background', '#ffffff'),
    font: `${cssVar(s, '--vscode-font-size', '12px')} ${cssVar(s, '--vscode-font-family', 'system-ui, sans-serif')}`,
    communities: CATEGORY_COLORS,
    neutral: cssVar(s, '--vscode-charts-foreground', '#8a8a8a'),
  };
}

/** A node's fill: a palette colour (community or group), or the neutral one for a negative index. */
export function nodeColour(theme: NetworkTheme, index: number): string {
  if (index < 0) return theme.neutral;
  return theme.communities[((index % theme.communities.length) + theme.communities.length) % theme.communities.length];
}

/** Calls back when VS Code switches theme (it rewrites the body's classes and variables). */
export function onThemeChange(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  return () => observer.disconnect();
}
