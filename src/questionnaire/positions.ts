/**
 * Source positions for JSON paths, from jsonc-parser's syntax tree, so that every problem
 * points at the line and column a rule author must edit.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { JsonPath } from './problem';

export interface Position {
  line: number;
  column: number;
}

export class SourceMap {
  private readonly lineStarts: number[] = [0];

  constructor(
    text: string,
    private readonly root: Node | undefined,
  ) {
    // A line ends at \r\n, \n or a lone \r (old Mac files), as editors count lines.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.lineStarts.push(i + 1);
    }
  }

  positionOfOffset(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  /**
   * Where a path is. `key: true` points at a property's name rather than its value (for an
   * unknown key). A path that does not exist (a missing property) resolves to its nearest
   * existing parent.
   */
  positionOfPath(path: JsonPath, options: { key?: boolean } = {}): Position | undefined {
    if (!this.root) return undefined;
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.root, path.slice(0, length));
      if (!node) continue;
      const target = options.key && length === path.length && node.parent?.type === 'property' ? node.parent : node;
      return this.positionOfOffset(target.offset);
    }
    return undefined;
  }
}
