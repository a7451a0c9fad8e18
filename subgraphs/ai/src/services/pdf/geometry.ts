/** Boxes on a page in PDF points, origin top-left (y grows downwards, as people read). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A run of text with its box. */
export interface TextRun extends Box {
  text: string;
  /** Font size in points (subscripts are smaller). */
  size: number;
}

/** A painted vector shape: its box, whether it was filled or only stroked, and its fill darkness. */
export interface Shape extends Box {
  filled: boolean;
  stroked: boolean;
  /** 0 = white, 1 = black, for the fill colour (stroke-only shapes: the stroke colour). */
  darkness: number;
}

/** Everything read from one page. */
export interface PageContent {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  shapes: Shape[];
}

export const width = (b: Box) => b.x1 - b.x0;
export const height = (b: Box) => b.y1 - b.y0;
export const centerX = (b: Box) => (b.x0 + b.x1) / 2;
export const centerY = (b: Box) => (b.y0 + b.y1) / 2;

/** Share of the smaller box's height that the two boxes have in common vertically. */
export function verticalOverlap(a: Box, b: Box): number {
  const common = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return common <= 0 ? 0 : common / Math.max(0.01, Math.min(height(a), height(b)));
}

export function union(boxes: Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** `inner` lies inside `outer`, allowing `slack` points. */
export function contains(outer: Box, inner: Box, slack = 0.5): boolean {
  return inner.x0 >= outer.x0 - slack && inner.y0 >= outer.y0 - slack && inner.x1 <= outer.x1 + slack && inner.y1 <= outer.y1 + slack;
}

export const round = (n: number) => Math.round(n * 10) / 10;
export const toArray = (b: Box): [number, number, number, number] => [round(b.x0), round(b.y0), round(b.x1), round(b.y1)];
