import type { Point } from '../core/finding.js';

/** 0-based row/column (tree-sitter style, what createFinding takes) of a character offset in `text`. */
export function offsetPoint(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    row += 1;
    lineStart = index + 1;
  }
  return { row, column: offset - lineStart };
}
