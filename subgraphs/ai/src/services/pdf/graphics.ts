import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Shape } from './geometry.js';

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/** Darkness of a `#rrggbb` colour (pdfjs hands every colour space over as RGB hex). */
function darknessOf(color: unknown): number {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return 1;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);
  return 1 - (0.299 * r! + 0.587 * g! + 0.114 * b!);
}

interface State { ctm: Matrix; fill: number; stroke: number }

/**
 * The page's painted shapes from its operator list, with boxes in page space (top-left origin):
 * the path's own bounding box (pdfjs gives it with each `constructPath`) through the current
 * transform. Marks are found from these, never from text.
 */
export async function readShapes(page: PDFPageProxy, pageHeight: number, maxShapes: number): Promise<Shape[]> {
  const list = await page.getOperatorList();
  const shapes: Shape[] = [];
  const stack: State[] = [];
  let state: State = { ctm: [1, 0, 0, 1, 0, 0], fill: 1, stroke: 1 };
  for (let i = 0; i < list.fnArray.length && shapes.length < maxShapes; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state = { ...state, ctm: multiply(state.ctm, args as Matrix) };
    else if (fn === OPS.setFillRGBColor) state = { ...state, fill: darknessOf(args?.[0]) };
    else if (fn === OPS.setStrokeRGBColor) state = { ...state, stroke: darknessOf(args?.[0]) };
    else if (fn === OPS.constructPath) {
      const shape = shapeOf(args, state, pageHeight);
      if (shape) shapes.push(shape);
    }
  }
  return shapes;
}

/** `constructPath` args in pdfjs 5: [paint operator, path data, min/max box]. */
function shapeOf(args: unknown[] | null, state: State, pageHeight: number): Shape | null {
  const paint = args?.[0] as number;
  const minMax = args?.[2] as ArrayLike<number> | null;
  const filled = FILLS.has(paint);
  const stroked = STROKES.has(paint);
  if ((!filled && !stroked) || !minMax || minMax.length < 4) return null;
  const corners = [apply(state.ctm, minMax[0]!, minMax[1]!), apply(state.ctm, minMax[2]!, minMax[3]!),
    apply(state.ctm, minMax[0]!, minMax[3]!), apply(state.ctm, minMax[2]!, minMax[1]!)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => pageHeight - c[1]);
  return {
    x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys),
    filled, stroked, darkness: filled ? state.fill : state.stroke,
  };
}
