// The reports in light and dark: every text colour keeps WCAG AA contrast in both schemes, both
// pages define their colours for prefers-color-scheme: dark (and VS Code's dark themes), and no
// picture keeps a hard-coded grey (black text, white halos) that would vanish on a dark page.
import assert from 'node:assert/strict';
import { analyzeExperiment, renderExperimentHtml } from '../../../src/core/experiment';
import { intervalChartSvg } from '../../../src/core/experiment/intervalChart';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { lineChartSvg } from '../../../src/core/analysis/report/lineChartSvg';
import { networkSvg } from '../../../src/core/analysis/report/networkSvg';
import { CATEGORY_COLORS, sequentialColor } from '../../../src/core/analysis/report/palette';
import { renderReportHtml } from '../../../src/core/analysis/report/reportHtml';
import { buildRunReport } from '../../../src/core/analysis/report/reportModel';
import {
  SVG_INKS,
  TEXT_TOKENS,
  THEME,
  themeCss,
  themeVar,
  type SvgInk,
  type ThemeToken,
} from '../../../src/core/analysis/report/reportTheme';
import { viewEmbed } from '../../../src/core/protocol/viewPage';
import { syntheticTrace } from '../../webview/fixtures';
import { outcome } from '../experiment/fixtures';
import { contrastRatio, isGrey } from './contrast';
import { parseStrictXml } from './xml';
import { comparePage } from '../../../src/core/analysis/compare/comparePage';
import { validationHtml } from '../../../src/core/validation/report';
import type { EntryResult } from '../../../src/core/validation/validate';

const SCHEMES = ['light', 'dark'] as const;
const shade = (token: ThemeToken, scheme: (typeof SCHEMES)[number]) => THEME[token][scheme];

function runReportPage(withView = false): string {
  const trace = syntheticTrace({ agents: 12, ties: 20 });
  const view = withView
    ? viewEmbed({ script: 'var a = 1;', style: 'a { color: red }' }, trace, { embedded: true })
    : undefined;
  return renderReportHtml(buildRunReport(trace.header, trace.events), { view });
}

function experimentPage(): string {
  const r = analyzeExperiment(
    'x',
    [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on', set: { 'coaching.enabled': true } },
    ],
    [1, 2],
    [outcome('off', 1), outcome('off', 2, { density: 0.02 }), outcome('on', 1), outcome('on', 2, { density: 0.3 })],
  );
  return renderExperimentHtml(r, { model: 'offline', rounds: 3, wallSeconds: 1 });
}

function comparisonPage(): string {
  return comparePage(
    'a vs b',
    '<h1>a vs b</h1><p class="note">two runs</p><table><tr><td class="num">1</td></tr></table>',
  );
}

/** A validation page with one figure of each verdict colour and a series drawn against people's. */
function validationPage(): string {
  const estimate = { n: 3, mean: 0.4, sd: 0.05, ci95: [0.3, 0.5] as [number, number] };
  const figure = { id: 'f', label: 'Share given', metric: 'm', condition: 'c', human: 0.3, band: [0.2, 0.35] };
  const result = {
    entry: {
      id: 'dictator',
      title: 'Dictator game',
      series: [
        {
          metric: 'm',
          condition: 'c',
          source: 'Engel 2011',
          points: [
            { round: 1, value: 0.3 },
            { round: 2, value: 0.28 },
          ],
        },
      ],
    },
    scored: (['inside', 'near', 'far', 'wrong'] as const).map((verdict) => ({
      figure: { ...figure, source: 'Engel 2011', n: '100', subjects: 'people' },
      simulated: estimate,
      verdict,
    })),
    series: [{ metric: 'm', condition: 'c', rounds: [1, 2].map((round) => ({ round, sim: estimate })) }],
    seeds: [1, 2, 3],
  } as unknown as EntryResult;
  return validationHtml([result], 'offline');
}

const styleOf = (page: string): string => /<style>([\s\S]*?)<\/style>/.exec(page)![1];

/**
 * Greys in `markup`'s fill and stroke attributes that no theme ink covers: each must sit on an
 * element with an `ink-…` class for that property, and be that ink's light shade.
 */
function strayGreys(markup: string, mimeType: 'image/svg+xml' | 'application/xhtml+xml'): string[] {
  const doc = parseStrictXml(markup, mimeType);
  const stray: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const classes = (el.getAttribute('class') ?? '').split(' ');
    for (const property of ['fill', 'stroke'] as const) {
      const value = el.getAttribute(property);
      if (!value || !isGrey(value)) continue;
      const inked = classes.some(
        (c) =>
          c in SVG_INKS &&
          SVG_INKS[c as SvgInk].property === property &&
          THEME[SVG_INKS[c as SvgInk].token].light === value,
      );
      if (!inked) stray.push(`<${el.nodeName} ${property}="${value}">`);
    }
  }
  return stray;
}

describe('report colours in light and dark', () => {
  describe('contrast (WCAG 2)', () => {
    for (const scheme of SCHEMES) {
      it(`keeps every text colour at 4.5:1 or more on the page and on a note (${scheme})`, () => {
        for (const token of TEXT_TOKENS) {
          for (const background of ['page', 'noteBackground'] as const) {
            const ratio = contrastRatio(shade(token, scheme), shade(background, scheme));
            assert.ok(ratio >= 4.5, `${token} on ${background} (${scheme}): ${ratio.toFixed(2)}:1`);
          }
        }
      });

      it(`keeps the pictures' marks at 3:1 or more on the page (${scheme})`, () => {
        // WCAG 1.4.11, non-text contrast: the random baseline's dots and bars, the rim of a node.
        assert.ok(contrastRatio(shade('baseline', scheme), shade('page', scheme)) >= 3, 'baseline');
        if (scheme === 'dark') assert.ok(contrastRatio(shade('rim', scheme), shade('page', scheme)) >= 3, 'rim');
      });
    }

    it("keeps the categorical colours at 3:1 on the dark page and rims viridis' darkest purple, which is not", () => {
      for (const colour of CATEGORY_COLORS) {
        assert.ok(
          contrastRatio(colour, THEME.page.dark) >= 3,
          `${colour}: ${contrastRatio(colour, THEME.page.dark).toFixed(2)}:1`,
        );
      }
      const purple = sequentialColor(0);
      assert.ok(contrastRatio(purple, THEME.page.dark) < 1.5, 'why nodes have a light rim in dark mode');
      assert.ok(contrastRatio(THEME.rim.dark, purple) >= 3);
    });

    it("gives the embedded view's network legend the report's muted colour, not its 4.48:1 grey", () => {
      assert.ok(contrastRatio('#777777', '#ffffff') < 4.5, "the view's own fallback, #777 on white");
      assert.ok(
        styleOf(runReportPage(true)).includes(
          `.society-app.embedded { --muted: var(--vscode-descriptionForeground, var(${themeVar('muted')})); }`,
        ),
      );
    });
  });

  describe('stylesheets', () => {
    const pages = {
      'run report': () => runReportPage(),
      'run report with the view': () => runReportPage(true),
      'experiment report': experimentPage,
      comparison: comparisonPage,
      'validation report': validationPage,
    };
    for (const [name, page] of Object.entries(pages)) {
      it(`define every colour for light, for prefers-color-scheme: dark and for VS Code's dark themes (${name})`, () => {
        const style = styleOf(page());
        const block = (opening: string) => {
          const start = style.indexOf(opening);
          assert.ok(start >= 0, `no block ${opening}`);
          return style.slice(start, style.indexOf('}', start));
        };
        const light = block(':root {'),
          dark = block('@media (prefers-color-scheme: dark) { :root {'),
          vscodeDark = block('body.vscode-dark');
        for (const [token, shades] of Object.entries(THEME)) {
          const name = themeVar(token as ThemeToken);
          assert.ok(light.includes(`${name}: ${shades.light};`), `${name} (light)`);
          assert.ok(dark.includes(`${name}: ${shades.dark};`), `${name} (dark)`);
          assert.ok(vscodeDark.includes(`${name}: ${shades.dark};`), `${name} (VS Code dark)`);
        }
        assert.match(dark, /color-scheme: dark;/);
      });

      it(`takes every colour from the theme (${name})`, () => {
        const own = styleOf(page()).replace(themeCss(), '');
        assert.doesNotMatch(own, /#[0-9a-f]{3,6}\b|(?<![\w-])(white|black|gr[ae]y)(?![\w-])|rgba?\(/i);
        assert.match(own, /var\(--report-/);
      });
    }
  });

  describe('pictures', () => {
    const graph = graphFromTies(
      Array.from({ length: 8 }, (_, i) => ({
        id: `a${i}`,
        attrs: { name: `A${i}`, group: `g${i % 3}`, ...(i % 3 ? { age: 20 + i } : {}) },
      })),
      Array.from({ length: 7 }, (_, i) => ({ from: `a${i}`, to: `a${(i + 1) % 8}`, strength: 0.9 })).concat([
        { from: 'a1', to: 'a0', strength: 0.9 },
      ]),
      0.5,
    );
    const estimate = { n: 3, mean: 0.01, sd: 0.006, ci95: [-0.004, 0.024] as [number, number] };
    const pictures: Record<string, () => string> = {
      'network by group': () => networkSvg(graph),
      'network by a numeric attribute': () => networkSvg(graph, { colorBy: 'age' }),
      'line chart': () =>
        lineChartSvg(
          [
            {
              label: 'total',
              color: 'currentColor',
              points: [
                [0, 0.2],
                [1, 0.4],
              ],
            },
          ],
          { title: 't', xLabel: 'x', yLabel: 'y', yDomain: [0, 1] },
        ),
      'interval chart': () =>
        intervalChartSvg('density', [
          { label: 'off', estimate },
          { label: 'random (off)', estimate, baseline: true },
          { label: 'on', estimate: { n: 0, mean: null, sd: null, ci95: null } },
        ]),
    };
    for (const [name, svg] of Object.entries(pictures)) {
      it(`draws no grey outside the theme's inks, text in currentColor (${name})`, () => {
        const markup = svg();
        assert.deepEqual(strayGreys(markup, 'image/svg+xml'), []);
        assert.match(markup, /fill="currentColor"/);
      });
    }

    it('draws no stray grey anywhere in either page', () => {
      assert.deepEqual(strayGreys(runReportPage(), 'application/xhtml+xml'), []);
      assert.deepEqual(strayGreys(experimentPage(), 'application/xhtml+xml'), []);
      assert.deepEqual(strayGreys(validationPage(), 'application/xhtml+xml'), []);
    });

    it('maps every ink to its token in the stylesheet', () => {
      for (const [name, { property, token }] of Object.entries(SVG_INKS)) {
        assert.ok(themeCss().includes(`svg .${name} { ${property}: var(${themeVar(token)}); }`), name);
      }
    });
  });
});
