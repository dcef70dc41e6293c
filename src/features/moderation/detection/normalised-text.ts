import { CharClass, type CharTables } from './char-tables';

/**
 * Reusable buffers holding one message folded to tokens: dropped characters removed,
 * repeated tokens collapsed into one with a run count, and each token's UTF-16 span in the
 * original text, so hits map back to what the sender wrote.
 */
export class NormalisedText {
  length = 0;
  cp = new Int32Array(256);
  cls = new Uint8Array(256);
  run = new Int32Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);

  constructor(private readonly tables: CharTables) {}

  /** Fold `text` into the buffers, replacing what was there. */
  fill(text: string): void {
    const { foldBmp, classBmp } = this.tables;
    const len = text.length;
    if (len > this.cp.length) this.grow(len);
    this.length = 0;
    let i = 0;
    while (i < len) {
      let c = text.charCodeAt(i);
      let w = 1;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < len) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      const f = c < 0x10000 ? (foldBmp[c] as number) : this.tables.foldAstral(c);
      if (f >= 0) {
        this.push(f, f < 0x10000 ? (classBmp[f] as number) : this.tables.classOf(f), i, i + w);
      } else if (f === -2) {
        const outs = this.tables.foldMulti.get(c);
        if (outs) {
          if (this.length + outs.length > this.cp.length) this.grow(this.length + outs.length + len);
          for (const o of outs) this.push(o, this.tables.classOf(o), i, i + w);
        }
      }
      i += w;
    }
  }

  private push(cp: number, cls: number, start: number, end: number): void {
    if (cls === CharClass.STRIP) return;
    const n = this.length;
    if (n > 0 && this.cp[n - 1] === cp) {
      this.run[n - 1] = (this.run[n - 1] as number) + 1;
      this.end[n - 1] = end;
      return;
    }
    this.cp[n] = cp;
    this.cls[n] = cls;
    this.run[n] = 1;
    this.start[n] = start;
    this.end[n] = end;
    this.length = n + 1;
  }

  /** Make room for at least `min` tokens, keeping the ones held. */
  reserve(min: number): void {
    if (min > this.cp.length) this.grow(min);
  }

  private grow(min: number): void {
    const size = Math.max(min, this.cp.length * 2);
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.cp = copy(this.cp, new Int32Array(size));
    this.cls = copy(this.cls, new Uint8Array(size));
    this.run = copy(this.run, new Int32Array(size));
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
  }
}
