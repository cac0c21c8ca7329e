// The list, virtualised by hand the way the console does it: a spacer as tall as every row,
// the rows within the browser's viewport height plus 10 above and below rendered, moved down
// with a transform; rows have one height, read back from a rendered row. Work is done once a
// frame: events and input only mark what changed.

import { buildRow, patchRow } from "./rows.js";

const OVERSCAN = 10;
const FALLBACK_ROW_PX = 88;

export function windowRange(top, height, row, len) {
  if (len === 0 || row <= 0) return [0, 0];
  const firstSeen = Math.floor(Math.max(top, 0) / row);
  const lastSeen = Math.ceil((Math.max(top, 0) + Math.max(height, 0)) / row);
  const first = Math.min(Math.max(firstSeen - OVERSCAN, 0), len);
  const end = Math.max(Math.min(lastSeen + OVERSCAN, len), first);
  return [first, end];
}

export class VirtualList {
  constructor(viewport, spacer, ul, onCommand) {
    Object.assign(this, { viewport, spacer, ul, onCommand });
    this.rowPx = FALLBACK_ROW_PX;
    this.measured = false;
    this.rows = new Map();
    this.top = 0;
    this.height = window.innerHeight;
    this.visible = [];
  }

  // Renders the window of `visible`; `dirty` says which rendered rows must be patched
  // (`true`: all of them, after a language switch or a new index).
  render(visible, ctx, dirty) {
    this.visible = visible;
    const len = visible.length;
    this.spacer.style.height = `${len * this.rowPx}px`;
    const [first, end] = windowRange(this.top, this.height, this.rowPx, len);
    this.ul.style.transform = `translateY(${first * this.rowPx}px)`;
    const keep = new Set(visible.slice(first, end));
    for (const [uuid, li] of this.rows) {
      if (!keep.has(uuid)) {
        li.remove();
        this.rows.delete(uuid);
      }
    }
    let before = this.ul.firstChild;
    for (let i = first; i < end; i++) {
      const uuid = visible[i];
      let li = this.rows.get(uuid);
      const fresh = !li;
      if (fresh) {
        li = buildRow(uuid, this.onCommand);
        this.rows.set(uuid, li);
      }
      if (fresh || dirty === true || dirty.has(uuid) || li._place !== i + 1 || li._size !== len) {
        li._place = i + 1;
        li._size = len;
        patchRow(li, ctx.parts.get(uuid), { ...ctx, place: i + 1, size: len });
      }
      if (li !== before) this.ul.insertBefore(li, before);
      else before = before.nextSibling;
    }
    if (!this.measured && this.ul.firstChild) {
      const h = this.ul.firstChild.offsetHeight;
      this.measured = true;
      if (h > 0 && Math.abs(h - this.rowPx) > 0.5) {
        this.rowPx = h;
        return true; // measured: render again with the real height
      }
    }
    return false;
  }
}
