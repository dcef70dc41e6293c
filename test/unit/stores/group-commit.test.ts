import { GroupCommit, insertManyUnordered } from '../../../src/stores/group-commit';

describe('GroupCommit', () => {
  it('sends what arrives in one tick as one batch, and everything that arrives while it is on its way as the next', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return { duplicates: new Set() };
    });
    const first = [1, 2].map((n) => commit.submit(n));
    // Writers woken in the same tick, a few promise jobs later.
    const late = Promise.resolve().then(() => Promise.resolve()).then(() => commit.submit(3));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3]]);
    const rest = [4, 5, 6].map((n) => commit.submit(n));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    await expect(Promise.all([...first, late, ...rest])).resolves.toEqual([true, true, true, true, true, true]);
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('reports refused duplicates per item and fails the whole batch on any other error', async () => {
    const commit = new GroupCommit<string>(async (items) => {
      if (items.includes('boom')) throw new Error('down');
      return { duplicates: new Set(items.map((x, i) => (x === 'dup' ? i : -1)).filter((i) => i >= 0)) };
    });
    await expect(Promise.all([commit.submit('a'), commit.submit('dup'), commit.submit('b')])).resolves.toEqual([true, false, true]);
    await expect(commit.submit('boom')).rejects.toThrow('down');
    await expect(commit.submit('c')).resolves.toBe(true);
  });

  it('keeps batches within the limit', async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      return { duplicates: new Set() };
    }, 3);
    await Promise.all(Array.from({ length: 10 }, (_, i) => commit.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
  });
});

describe('insertManyUnordered', () => {
  it('turns duplicate-key write errors into indexes', async () => {
    const collection = {
      insertMany: async () => {
        throw Object.assign(new Error('E11000'), { writeErrors: [{ index: 1, code: 11000 }, { index: 3, code: 11000 }] });
      },
    };
    await expect(insertManyUnordered(collection, [{}, {}, {}, {}])).resolves.toEqual({ duplicates: new Set([1, 3]) });
  });

  it('rethrows when any write error is not a duplicate', async () => {
    const collection = {
      insertMany: async () => {
        throw Object.assign(new Error('mixed'), { writeErrors: [{ index: 0, code: 11000 }, { index: 1, code: 121 }] });
      },
    };
    await expect(insertManyUnordered(collection, [{}, {}])).rejects.toThrow('mixed');
  });
});
