// The reports' neutral colours, light and dark, in one table. Both pages' stylesheets are written
// from it as CSS custom properties, and their inline SVGs take their greys from it, so a picture
// follows the page into dark mode instead of keeping black text or white halos that vanish there.
// The data colours (palette.ts) are the same in both schemes: the ten categorical ones keep at
// least 3:1 against the dark page; viridis' darkest purple does not (1.1:1), hence the light rim
// round nodes and swatches in dark mode. Every text colour keeps WCAG AA (4.5:1) against the page
// and the note background in both schemes (tested).

export interface Shades {
  light: string;
  dark: string;
}

export const THEME = {
  /** The page, and the pictures' background. */
  page: { light: '#ffffff', dark: '#1e1e1e' },
  text: { light: '#222222', dark: '#dddddd' },
  /** Secondary text: subtitles, captions, tick labels, code, the embedded view's legend. */
  muted: { light: '#555555', dark: '#a6a6a6' },
  link: { light: '#0b57d0', dark: '#8ab4f8' },
  /** Lines between table rows. */
  rule: { light: '#dddddd', dark: '#444444' },
  /** Chart grid lines. */
  grid: { light: '#e5e5e5', dark: '#383838' },
  /** Network ties and their arrowheads, drawn at 60% opacity. */
  tie: { light: '#777777', dark: '#a0a0a0' },
  /** The ring round a node and a legend swatch: the page's colour in light, a light ring in dark. */
  rim: { light: '#ffffff', dark: '#bdbdbd' },
  /** The random baseline's dots and bars in the experiment's charts. */
  baseline: { light: '#888888', dark: '#8c8c8c' },
  noteBackground: { light: '#fff8e1', dark: '#3a3220' },
  noteBorder: { light: '#f2c14e', dark: '#b8902a' },
  /** Claim verdicts. */
  holds: { light: '#1b7f3b', dark: '#7fd69a' },
  inconclusive: { light: '#8a5a00', dark: '#e8b857' },
  fails: { light: '#b3261e', dark: '#ff8a80' },
} as const satisfies Record<string, Shades>;

export type ThemeToken = keyof typeof THEME;

/** Tokens used as text colours: each needs 4.5:1 against the page and the note background. */
export const TEXT_TOKENS: readonly ThemeToken[] = ['text', 'muted', 'link', 'holds', 'inconclusive', 'fails'];

/** The CSS custom property of a token: `noteBackground` -> `--report-note-background`. */
export const themeVar = (token: ThemeToken): string =>
  `--report-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** `var(--report-…)` for a stylesheet. */
export const themed = (token: ThemeToken): string => `var(${themeVar(token)})`;

/**
 * Greys in the inline SVGs, each an `ink-…` class that the page's stylesheet maps to a token. The
 * element also carries the light shade as an attribute, so an SVG copied out of the page still
 * draws; inside the page the class wins (any CSS rule outranks a presentation attribute). Text in
 * the text colour needs none of this: it is `currentColor`.
 */
export const SVG_INKS = {
  'ink-muted': { property: 'fill', token: 'muted' },
  'ink-grid': { property: 'stroke', token: 'grid' },
  'ink-halo': { property: 'stroke', token: 'page' },
  'ink-rim': { property: 'stroke', token: 'rim' },
  'ink-tie': { property: 'stroke', token: 'tie' },
  'ink-tie-head': { property: 'fill', token: 'tie' },
  'ink-baseline-bar': { property: 'stroke', token: 'baseline' },
  'ink-baseline-dot': { property: 'fill', token: 'baseline' },
} as const satisfies Record<string, { property: 'fill' | 'stroke'; token: ThemeToken }>;

export type SvgInk = keyof typeof SVG_INKS;

/** `class="…" fill="…"` (or stroke) for an SVG element inked with `ink`, plus any `classes` of its own. */
export function ink(name: SvgInk, ...classes: string[]): string {
  const { property, token } = SVG_INKS[name];
  return `class="${[...classes, name].join(' ')}" ${property}="${THEME[token].light}"`;
}

const declarations = (scheme: keyof Shades): string =>
  `color-scheme: ${scheme}; ${Object.entries(THEME)
    .map(([token, shades]) => `${themeVar(token as ThemeToken)}: ${shades[scheme]};`)
    .join(' ')}`;

/**
 * The colour part of a report's stylesheet, the one theme source of every page: the tokens for
 * light, for `prefers-color-scheme: dark`, and for VS Code's theme classes on a webview's body (a
 * webview's prefers-color-scheme follows the operating system, not the editor's theme; the page
 * editor puts the same class on a saved page's body, savedPage.ts); printed, always light ink on
 * white. Then the page, links and the SVG inks.
 */
export function themeCss(): string {
  const inks = Object.entries(SVG_INKS).map(
    ([name, { property, token }]) => `svg .${name} { ${property}: ${themed(token)}; }`,
  );
  return [
    `:root { ${declarations('light')} }`,
    `@media (prefers-color-scheme: dark) { :root { ${declarations('dark')} } }`,
    `body.vscode-light, body.vscode-high-contrast-light { ${declarations('light')} }`,
    `body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light) { ${declarations('dark')} }`,
    // Paper is white whatever the screen was: the :not(#_) outranks every scheme rule above.
    `@media print { ${PRINTED} { ${declarations('light')} } figure, svg, tr { break-inside: avoid; } a { text-decoration: none; } }`,
    `body { background: ${themed('page')}; color: ${themed('text')}; }`,
    `a, a:visited { color: ${themed('link')}; }`,
    `svg { background: ${themed('page')}; }`,
    ...inks,
    '',
  ].join('\n');
}

/** Selectors that outrank every scheme rule of themeCss (for print). */
const PRINTED = ':root:root, html body:not(#_)';
