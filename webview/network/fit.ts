// The view transform that fits every node into a frame, with a margin.
import type { View } from './canvasDraw';
import type { LayoutNode } from './layout';

/**
 * How far an exported picture may enlarge the network to fill its frame (the screen's cap, 1.6,
 * left a small network a patch in the middle of 1600 × 1200 with its names piled up).
 */
export const EXPORT_MAX_SCALE = 4;

export function fitView(
  nodes: readonly LayoutNode[],
  width: number,
  height: number,
  margin = 30,
  maxScale = 1.6,
): View {
  if (nodes.length === 0) return { k: 1, x: width / 2, y: height / 2 };
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x - n.radius);
    y0 = Math.min(y0, n.y - n.radius);
    x1 = Math.max(x1, n.x + n.radius);
    y1 = Math.max(y1, n.y + n.radius);
  }
  const k = Math.min(
    maxScale,
    (width - 2 * margin) / Math.max(1, x1 - x0),
    (height - 2 * margin) / Math.max(1, y1 - y0),
  );
  const scale = Math.max(0.02, k);
  return { k: scale, x: width / 2 - (scale * (x0 + x1)) / 2, y: height / 2 - (scale * (y0 + y1)) / 2 };
}
