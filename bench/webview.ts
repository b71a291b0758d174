// Society view benchmark in headless Chromium (software rendering, --disable-gpu): a network of
// 2,000 agents and 10,000 directed ties drawn on the canvas. Measures the time to the first
// drawn frame, frame intervals while the force layout animates (tick + draw), and frame
// intervals while panning and zooming every frame, and the time of one full redraw. Frame
// intervals are whole display frames (16.7 ms). Targets: under 50 ms while the layout moves
// (≥ 20 fps); under 33 ms while panning or zooming and for a full redraw (≥ 30 fps). Also the
// largest network still drawn as SVG (290 agents, 1,160 ties), while its layout animates: < 50 ms.
import type { Page } from 'playwright-core';
import { report, type Timing } from './measure';
import { launchChromium, openView } from '../test/webview/harness';
import { syntheticTrace } from '../test/webview/fixtures';

const FRAMES = 90;

function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: s.length };
}

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

/**
 * Frame intervals (rAF) in one of two modes: 'layout' reheats the force layout, so each frame
 * ticks and draws; 'panZoom' stops it and moves the view every frame through the zoom behaviour,
 * alternating wheel zoom and arrow-key pans as a user would.
 */
async function frameGaps(page: Page, mode: 'layout' | 'panZoom'): Promise<number[]> {
  return page.evaluate(
    async ([frames, m]) => {
      const app = (
        window as unknown as {
          societyApp: { network: { layout: { reheat(a: number): void; stop(): void }; element: HTMLElement } };
        }
      ).societyApp;
      const el = app.network.element;
      const r = el.getBoundingClientRect();
      if (m === 'layout') app.network.layout.reheat(0.5);
      else app.network.layout.stop();
      const gaps: number[] = [];
      let last = performance.now();
      await new Promise<void>((done) => {
        const step = (now: number) => {
          gaps.push(now - last);
          last = now;
          const i = gaps.length;
          if (m === 'panZoom') {
            if (i % 2) {
              el.dispatchEvent(
                new WheelEvent('wheel', {
                  deltaY: i % 4 === 1 ? -40 : 40,
                  clientX: r.x + r.width / 2,
                  clientY: r.y + r.height / 2,
                  bubbles: true,
                  cancelable: true,
                }),
              );
            } else {
              el.dispatchEvent(
                new KeyboardEvent('keydown', {
                  key: i % 4 === 0 ? 'ArrowLeft' : 'ArrowRight',
                  bubbles: true,
                  cancelable: true,
                }),
              );
            }
          }
          if (gaps.length < frames) requestAnimationFrame(step);
          else done();
        };
        requestAnimationFrame(step);
      });
      return gaps.slice(2);
    },
    [FRAMES, mode] as const,
  );
}

export async function run(): Promise<void> {
  const trace = syntheticTrace({ agents: 2000, ties: 10000, rounds: 5, seed: 7 });
  const browser = await launchChromium();
  try {
    const start = performance.now();
    const { page, errors } = await openView(browser, trace, { width: 1400, height: 900 });
    const firstFrame = performance.now() - start;
    const counts = await page.$eval('.network', (e) => ({ ...(e as HTMLElement).dataset }));
    if (counts.renderer !== 'canvas' || counts.nodes !== '2000' || counts.edges !== '10000') {
      throw new Error(`unexpected view: ${JSON.stringify(counts)}`);
    }

    const layout = await frameGaps(page, 'layout');

    const panZoom = await frameGaps(page, 'panZoom');

    // A full drawing of the whole picture (what follows a gesture, or any change), rasterized.
    const full = await page.evaluate(() => {
      const app = (
        window as unknown as { societyApp: { network: { element: HTMLElement; draw(): void; fit(): void } } }
      ).societyApp;
      app.network.fit();
      const ctx = app.network.element.querySelector('canvas')!.getContext('2d')!;
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        app.network.draw();
        ctx.getImageData(0, 0, 1, 1);
        times.push(performance.now() - t);
      }
      return times;
    });

    // Hover: nearest-node lookup for a pointer move.
    const hover = await page.evaluate(() => {
      const app = (
        window as unknown as { societyApp: { network: { layout: { find(x: number, y: number, r: number): unknown } } } }
      ).societyApp;
      const t = performance.now();
      for (let i = 0; i < 200; i++) app.network.layout.find(Math.sin(i) * 300, Math.cos(i) * 300, 4);
      return (performance.now() - t) / 200;
    });
    if (errors.length) throw new Error(errors.join('\n'));
    console.log(`webview: 2,000 agents, 10,000 ties, canvas, headless Chromium without GPU`);
    report('webview: open to first frame', { median: firstFrame, min: firstFrame, max: firstFrame, runs: 1 });
    report('webview: frame while the layout animates', timing(layout), 50, `p95 ${p95(layout).toFixed(1)} ms`);
    report('webview: frame while panning/zooming', timing(panZoom), 33, `p95 ${p95(panZoom).toFixed(1)} ms`);
    report('webview: full redraw of the whole network', timing(full), 33);
    report('webview: hover hit test', { median: hover, min: hover, max: hover, runs: 200 }, 1);
    await page.close();

    const small = await openView(browser, syntheticTrace({ agents: 290, ties: 1160, rounds: 3, seed: 7 }), {
      width: 1400,
      height: 900,
    });
    const renderer = await small.page.$eval('.network', (e) => (e as HTMLElement).dataset.renderer);
    if (renderer !== 'svg') throw new Error(`290 agents drawn on ${renderer}, not svg`);
    const svgLayout = await frameGaps(small.page, 'layout');
    if (small.errors.length) throw new Error(small.errors.join('\n'));
    report(
      'webview: 290 agents as SVG, frame while the layout animates',
      timing(svgLayout),
      50,
      `p95 ${p95(svgLayout).toFixed(1)} ms`,
    );
    await small.page.close();
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
