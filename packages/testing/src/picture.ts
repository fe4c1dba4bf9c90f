import type { ImageSpec } from "./image-id.ts";
import { paletteColors, type Rgb, randomPalette, type WeightedColor } from "./palette.ts";
import type { FlatRun } from "./png/zlib-flat-rows.ts";
import { mixSeeds, seededRandom } from "./seeded-random.ts";

/**
 * Paints the picture for a spec as rows of flat runs. The picture is one horizontal band per
 * palette colour (height proportional to its weight, order shuffled by the seed); each band is its
 * exact colour except for a seeded strip that fades into the next band's colour row by row. A few
 * runs per row keep painting and compressing cheap (see zlibFlatRows).
 */
export function paintRows(spec: ImageSpec): FlatRun[][] {
  const rows = paintBands(spec);
  return spec.transparent ? cutOut(rows, spec.width) : rows;
}

const CLEAR: FlatRun = { x: 0, rgb: [0, 0, 0], alpha: 0 };

/**
 * The picture cut to an ellipse inset in its frame, on a fully transparent background: what
 * generate-transparent answers (a subject without a backdrop). Rows stay flat runs.
 */
function cutOut(rows: FlatRun[][], width: number): FlatRun[][] {
  const middle = (rows.length - 1) / 2;
  return rows.map((runs, y) => {
    const dy = rows.length > 1 ? (y - middle) / (rows.length / 2) : 0;
    const half = (width / 2) * 0.9 * Math.sqrt(Math.max(0, 1 - dy * dy * 1.1));
    const left = Math.round(width / 2 - half);
    const right = Math.round(width / 2 + half);
    if (right <= left) return [CLEAR];
    const covering = runs.findLast((run) => run.x <= left) ?? runs[0]!;
    const inside = runs.filter((run) => run.x > left && run.x < right);
    const clipped = [{ ...covering, x: left }, ...inside].map((run) => ({ ...run, alpha: 255 }));
    return [...(left > 0 ? [CLEAR] : []), ...clipped, { ...CLEAR, x: right }];
  });
}

function paintBands(spec: ImageSpec): FlatRun[][] {
  const random = seededRandom(mixSeeds(spec.promptHash, spec.seed, spec.variant));
  const colors = shuffle(spec.palette ? paletteColors(spec.palette) : randomPalette(random), random);
  const bounds = bandBounds(colors, spec.height);
  const rows: FlatRun[][] = [];
  colors.forEach((color, band) => {
    const next = colors[(band + 1) % colors.length]!.rgb;
    const stripStart = 1 + Math.floor(random() * spec.width * 0.5);
    const stripEnd = stripStart + Math.ceil(spec.width * (0.15 + random() * 0.3));
    const top = bounds[band]!;
    const bottom = bounds[band + 1]!;
    for (let y = top; y < bottom; y++) {
      rows.push([
        { x: 0, rgb: color.rgb },
        { x: stripStart, rgb: mix(color.rgb, next, (y - top) / (bottom - top)) },
        { x: stripEnd, rgb: color.rgb },
      ]);
    }
  });
  return rows;
}

/** Row boundaries of the bands: bounds[i]..bounds[i + 1], each band at least one row tall. */
function bandBounds(colors: WeightedColor[], height: number): number[] {
  const total = colors.reduce((sum, color) => sum + color.weight, 0);
  const bounds = [0];
  let cumulative = 0;
  colors.forEach((color, i) => {
    cumulative += color.weight;
    const remaining = colors.length - 1 - i;
    const wanted = Math.round((cumulative / total) * height);
    bounds.push(Math.min(height - remaining, Math.max(bounds[i]! + 1, wanted)));
  });
  return bounds;
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  const channel = (i: 0 | 1 | 2) => Math.round(from[i] + (to[i] - from[i]) * amount);
  return [channel(0), channel(1), channel(2)];
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}
