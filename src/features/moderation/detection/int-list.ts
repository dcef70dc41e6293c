/**
 * A growable list of int32 values in one typed array: what a detector build appends its
 * patterns to (a plain array of numbers takes twice the memory, and every pattern an array of
 * its own would add an object each to a lexicon of tens of thousands).
 */
export class IntList {
  length = 0;
  private data: Int32Array;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(capacity, 16));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i] as number;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** The values as an array of their own (a copy, exactly `length` long): for what outlives the list. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /** The values as a view of the list's storage (no copy): for what is read while the list lives. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
