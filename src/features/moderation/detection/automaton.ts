/**
 * Aho–Corasick automaton over small integer symbols, stored in typed arrays: a dense row for
 * the root (most steps fall back there) and sorted edge lists (CSR) for every other state.
 * Built once from all patterns and shared by every scan; `step` follows failure links.
 */
export class Automaton {
  /** Number of states, root included. */
  readonly states: number;
  private readonly rootNext: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeSym: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly fail: Int32Array;
  /** Patterns ending exactly at a state: outIds[outStart[s] .. outStart[s + 1]). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
  /** Nearest proper suffix state that has outputs (0: none). */
  readonly dictLink: Int32Array;

  private constructor(
    states: number,
    rootNext: Int32Array,
    edgeStart: Int32Array,
    edgeSym: Int32Array,
    edgeTo: Int32Array,
    fail: Int32Array,
    outStart: Int32Array,
    outIds: Int32Array,
    dictLink: Int32Array,
  ) {
    this.states = states;
    this.rootNext = rootNext;
    this.edgeStart = edgeStart;
    this.edgeSym = edgeSym;
    this.edgeTo = edgeTo;
    this.fail = fail;
    this.outStart = outStart;
    this.outIds = outIds;
    this.dictLink = dictLink;
  }

  /** Build from patterns (symbol arrays, each symbol in [0, alphabetSize)); output ids are pattern indices. */
  static build(patterns: ArrayLike<number>[], alphabetSize: number): Automaton {
    const order = patterns.map((_, i) => i).filter((i) => (patterns[i] as ArrayLike<number>).length > 0);
    order.sort((a, b) => compare(patterns[a] as ArrayLike<number>, patterns[b] as ArrayLike<number>));

    // Trie from sorted patterns: children of a node arrive in increasing symbol order.
    let capacity = 1024;
    let parentOf = new Int32Array(capacity);
    let symOf = new Int32Array(capacity);
    let states = 1;
    const outNode: number[] = [];
    const outPattern: number[] = [];
    const path: number[] = [0];
    let prev: ArrayLike<number> = [];
    for (const id of order) {
      const p = patterns[id] as ArrayLike<number>;
      let lcp = 0;
      const limit = Math.min(p.length, prev.length);
      while (lcp < limit && p[lcp] === prev[lcp]) lcp++;
      let node = path[lcp] as number;
      for (let d = lcp; d < p.length; d++) {
        if (states === capacity) {
          capacity *= 2;
          parentOf = grow(parentOf, capacity);
          symOf = grow(symOf, capacity);
        }
        const child = states++;
        parentOf[child] = node;
        symOf[child] = p[d] as number;
        path[d + 1] = child;
        node = child;
      }
      outNode.push(node);
      outPattern.push(id);
      prev = p;
    }

    // Edge lists: state ids were allocated in DFS order, so a stable counting sort by parent
    // keeps each node's children in symbol order.
    const dfsStart = new Int32Array(states + 1);
    for (let s = 1; s < states; s++) {
      const slot = (parentOf[s] as number) + 1;
      dfsStart[slot] = (dfsStart[slot] as number) + 1;
    }
    for (let s = 0; s < states; s++) dfsStart[s + 1] = (dfsStart[s + 1] as number) + (dfsStart[s] as number);
    const fill = dfsStart.slice(0, states);
    const dfsSym = new Int32Array(Math.max(states - 1, 0));
    const dfsTo = new Int32Array(Math.max(states - 1, 0));
    for (let s = 1; s < states; s++) {
      const parent = parentOf[s] as number;
      const at = fill[parent] as number;
      fill[parent] = at + 1;
      dfsSym[at] = symOf[s] as number;
      dfsTo[at] = s;
    }
    // Renumber states breadth-first: the shallow states every scan visits sit together in memory.
    const bfs = new Int32Array(states);
    const newId = new Int32Array(states);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const o = bfs[head] as number;
      for (let e = dfsStart[o] as number; e < (dfsStart[o + 1] as number); e++) {
        const c = dfsTo[e] as number;
        newId[c] = tail;
        bfs[tail++] = c;
      }
    }
    const edgeStart = new Int32Array(states + 1);
    const edgeSym = new Int32Array(dfsSym.length);
    const edgeTo = new Int32Array(dfsTo.length);
    let at = 0;
    for (let i = 0; i < states; i++) {
      edgeStart[i] = at;
      const o = bfs[i] as number;
      for (let e = dfsStart[o] as number; e < (dfsStart[o + 1] as number); e++, at++) {
        edgeSym[at] = dfsSym[e] as number;
        edgeTo[at] = newId[dfsTo[e] as number] as number;
      }
    }
    edgeStart[states] = at;
    for (let i = 0; i < outNode.length; i++) outNode[i] = newId[outNode[i] as number] as number;

    const rootNext = new Int32Array(alphabetSize);
    for (let e = edgeStart[0] as number; e < (edgeStart[1] as number); e++) rootNext[edgeSym[e] as number] = edgeTo[e] as number;

    const outCount = new Int32Array(states + 1);
    for (const n of outNode) outCount[n + 1] = (outCount[n + 1] as number) + 1;
    for (let s = 0; s < states; s++) outCount[s + 1] = (outCount[s + 1] as number) + (outCount[s] as number);
    const outStart = outCount;
    const outFill = outStart.slice(0, states);
    const outIds = new Int32Array(outNode.length);
    outNode.forEach((n, i) => {
      const at = outFill[n] as number;
      outFill[n] = at + 1;
      outIds[at] = outPattern[i] as number;
    });

    const automaton = new Automaton(
      states,
      rootNext,
      edgeStart,
      edgeSym,
      edgeTo,
      new Int32Array(states),
      outStart,
      outIds,
      new Int32Array(states),
    );
    automaton.linkFailures();
    return automaton;
  }

  /** Next state after reading `sym` in `state` (0 = root). Negative symbols reset to the root. */
  step(state: number, sym: number): number {
    if (sym < 0) return 0;
    const { edgeStart, edgeSym, edgeTo, fail } = this;
    for (;;) {
      if (state === 0) return this.rootNext[sym] as number;
      let lo = edgeStart[state] as number;
      let hi = edgeStart[state + 1] as number;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) {
          if (edgeSym[lo] === sym) return edgeTo[lo] as number;
        }
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const s = edgeSym[mid] as number;
          if (s === sym) return edgeTo[mid] as number;
          if (s < sym) lo = mid + 1;
          else hi = mid;
        }
      }
      state = fail[state] as number;
    }
  }

  /** Whether any pattern ends at this state (directly or through a suffix). */
  hasOutput(state: number): boolean {
    return (this.outStart[state + 1] as number) > (this.outStart[state] as number) || (this.dictLink[state] as number) !== 0;
  }

  private child(state: number, sym: number): number {
    if (state === 0) return this.rootNext[sym] as number;
    for (let e = this.edgeStart[state] as number; e < (this.edgeStart[state + 1] as number); e++) {
      if (this.edgeSym[e] === sym) return this.edgeTo[e] as number;
    }
    return 0;
  }

  private linkFailures(): void {
    const { edgeStart, edgeSym, edgeTo, fail, dictLink, outStart } = this;
    const queue = new Int32Array(this.states);
    let head = 0;
    let tail = 0;
    for (let e = edgeStart[0] as number; e < (edgeStart[1] as number); e++) queue[tail++] = edgeTo[e] as number;
    while (head < tail) {
      const u = queue[head++] as number;
      for (let e = edgeStart[u] as number; e < (edgeStart[u + 1] as number); e++) {
        const v = edgeTo[e] as number;
        const sym = edgeSym[e] as number;
        let f = fail[u] as number;
        let target = this.child(f, sym);
        while (target === 0 && f !== 0) {
          f = fail[f] as number;
          target = this.child(f, sym);
        }
        const fv = target === v ? 0 : target;
        fail[v] = fv;
        dictLink[v] = (outStart[fv + 1] as number) > (outStart[fv] as number) ? fv : (dictLink[fv] as number);
        queue[tail++] = v;
      }
    }
  }
}

function compare(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function grow(a: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}
