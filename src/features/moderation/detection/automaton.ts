/** Int32 fields per state in `cells`: four fields, 16 bytes, so a state never straddles a cache line. */
export const CELL = 4;
/** Field offsets inside a state's cell. */
export const CHECK = 0;
export const BASE = 1;
export const FAIL = 2;
export const OUT = 3;

/**
 * Aho–Corasick automaton over small integer symbols, stored as a double array: state `s` goes
 * to `t = base(s) + sym` when `check(t) === s`, else it follows its failure link. Each state is
 * one 16-byte cell of a single Int32Array — [check, base, fail, out] — so a successful step
 * reads one cache line, the one holding the next state, whose base, failure link and output
 * field (the first state with outputs on its suffix chain, 0 for none: the output bit) come with
 * the check. State ids are cell indices (root 0); unused cells have check -1.
 * Built once from all patterns and shared by every scan.
 */
export class Automaton {
  /** Number of states, root included. */
  readonly states: number;
  /** [check, base, fail, out] per cell; sized so that base(s) + any symbol stays inside. */
  readonly cells: Int32Array;
  /** Patterns ending exactly at a state: outIds[outStart[s] .. outStart[s + 1]). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
  /** Nearest proper suffix state that has outputs (0: none). */
  readonly dictLink: Int32Array;

  private constructor(states: number, cells: Int32Array, outStart: Int32Array, outIds: Int32Array, dictLink: Int32Array) {
    this.states = states;
    this.cells = cells;
    this.outStart = outStart;
    this.outIds = outIds;
    this.dictLink = dictLink;
  }

  /** Build from patterns (symbol arrays, each symbol in [0, alphabetSize)); output ids are pattern indices. */
  static build(patterns: ArrayLike<number>[], alphabetSize: number): Automaton {
    let total = 0;
    for (const p of patterns) total += p.length;
    const symbols = new Int32Array(total);
    const at = new Int32Array(patterns.length + 1);
    let k = 0;
    patterns.forEach((p, i) => {
      at[i] = k;
      for (let j = 0; j < p.length; j++) symbols[k++] = p[j] as number;
    });
    at[patterns.length] = k;
    return Automaton.buildFlat(symbols, at, alphabetSize);
  }

  /**
   * Build from patterns laid end to end: pattern i is symbols[at[i] .. at[i + 1]) (at has one
   * entry more than there are patterns). No array per pattern, for lexicons of many thousands.
   * Without `failureLinks` it is a trie (goto only): failure links stay 0, dictLink is empty and
   * a state's output field names the state itself when patterns end exactly there, else 0.
   */
  static buildFlat(symbols: Int32Array, at: Int32Array, alphabetSize: number, failureLinks = true): Automaton {
    const trie = buildTrie(symbols, at);
    const { states } = trie;
    const slotOf = placeStates(trie, alphabetSize);
    let top = 0;
    for (let s = 0; s < states; s++) top = Math.max(top, slotOf[s] as number);
    let maxBase = 0;
    const baseOf = new Int32Array(states);
    for (let s = 0; s < states; s++) {
      const e0 = trie.edgeStart[s] as number;
      // A state without children keeps base 0: base + sym then lands on a cell whose check is not it.
      if (e0 < (trie.edgeStart[s + 1] as number)) baseOf[s] = (slotOf[trie.edgeTo[e0] as number] as number) - (trie.edgeSym[e0] as number);
      maxBase = Math.max(maxBase, baseOf[s] as number);
    }
    const size = Math.max(top, maxBase + alphabetSize) + 1;
    const cells = new Int32Array(size * CELL);
    for (let i = 0; i < size; i++) cells[i * CELL + CHECK] = -1;
    for (let s = 0; s < states; s++) {
      const cell = (slotOf[s] as number) * CELL;
      cells[cell + BASE] = baseOf[s] as number;
      for (let e = trie.edgeStart[s] as number; e < (trie.edgeStart[s + 1] as number); e++) cells[(slotOf[trie.edgeTo[e] as number] as number) * CELL + CHECK] = slotOf[s] as number;
    }

    const outStart = new Int32Array(size + 1);
    for (const n of trie.outNode) outStart[(slotOf[n] as number) + 1] = (outStart[(slotOf[n] as number) + 1] as number) + 1;
    for (let s = 0; s < size; s++) outStart[s + 1] = (outStart[s + 1] as number) + (outStart[s] as number);
    const outFill = outStart.slice(0, size);
    const outIds = new Int32Array(trie.outNode.length);
    trie.outNode.forEach((n, i) => {
      const slot = slotOf[n] as number;
      const at = outFill[slot] as number;
      outFill[slot] = at + 1;
      outIds[at] = trie.outPattern[i] as number;
    });
    const automaton = new Automaton(states, cells, outStart, outIds, new Int32Array(failureLinks ? size : 0));
    if (failureLinks) automaton.linkFailures(trie, slotOf);
    else {
      // Goto only: the output field is the state itself where patterns end exactly there.
      for (let s = 0; s < size; s++) if ((outStart[s + 1] as number) > (outStart[s] as number)) cells[s * CELL + OUT] = s;
    }
    return automaton;
  }

  /** Next state after reading `sym` in `state` (0 = root). Negative symbols reset to the root. */
  step(state: number, sym: number): number {
    if (sym < 0) return 0;
    const cells = this.cells;
    for (;;) {
      const t = (cells[state * CELL + BASE] as number) + sym;
      if (cells[t * CELL + CHECK] === state) return t;
      if (state === 0) return 0;
      state = cells[state * CELL + FAIL] as number;
    }
  }

  /** The first state with outputs on the suffix chain of `state` (itself included), 0 when none. */
  outputState(state: number): number {
    return this.cells[state * CELL + OUT] as number;
  }

  /** Whether any pattern ends at this state (directly or through a suffix). */
  hasOutput(state: number): boolean {
    return (this.cells[state * CELL + OUT] as number) !== 0;
  }

  private child(state: number, sym: number): number {
    const t = (this.cells[state * CELL + BASE] as number) + sym;
    return this.cells[t * CELL + CHECK] === state ? t : 0;
  }

  private linkFailures(trie: Trie, slotOf: Int32Array): void {
    const { cells, dictLink, outStart } = this;
    const { edgeStart, edgeSym, edgeTo } = trie;
    // Breadth-first over trie nodes (ids are breadth-first already); links in cell ids.
    for (let u = 0; u < trie.states; u++) {
      const su = slotOf[u] as number;
      for (let e = edgeStart[u] as number; e < (edgeStart[u + 1] as number); e++) {
        const sv = slotOf[edgeTo[e] as number] as number;
        const sym = edgeSym[e] as number;
        let f = su === 0 ? 0 : (cells[su * CELL + FAIL] as number);
        let target = su === 0 ? 0 : this.child(f, sym);
        while (target === 0 && f !== 0) {
          f = cells[f * CELL + FAIL] as number;
          target = this.child(f, sym);
        }
        const fv = target === sv ? 0 : target;
        cells[sv * CELL + FAIL] = fv;
        dictLink[sv] = (outStart[fv + 1] as number) > (outStart[fv] as number) ? fv : (dictLink[fv] as number);
        const own = (outStart[sv + 1] as number) > (outStart[sv] as number);
        cells[sv * CELL + OUT] = own ? sv : dictLink[sv];
      }
    }
  }
}

/** A trie in CSR form, states numbered breadth-first, each state's edges in symbol order. */
interface Trie {
  states: number;
  edgeStart: Int32Array;
  edgeSym: Int32Array;
  edgeTo: Int32Array;
  outNode: number[];
  outPattern: number[];
}

function buildTrie(symbols: Int32Array, at: Int32Array): Trie {
  const count = at.length - 1;
  const order: number[] = [];
  for (let i = 0; i < count; i++) if ((at[i + 1] as number) > (at[i] as number)) order.push(i);
  order.sort((a, b) => compareFlat(symbols, at, a, b));

  // Trie from sorted patterns: children of a node arrive in increasing symbol order.
  // A trie has at most one state per symbol, plus the root.
  const parentOf = new Int32Array(symbols.length + 1);
  const symOf = new Int32Array(symbols.length + 1);
  let states = 1;
  const outNode: number[] = [];
  const outPattern: number[] = [];
  const path: number[] = [0];
  let prev = -1;
  for (const id of order) {
    const from = at[id] as number;
    const length = (at[id + 1] as number) - from;
    let lcp = 0;
    if (prev >= 0) {
      const prevFrom = at[prev] as number;
      const limit = Math.min(length, (at[prev + 1] as number) - prevFrom);
      while (lcp < limit && symbols[from + lcp] === symbols[prevFrom + lcp]) lcp++;
    }
    let node = path[lcp] as number;
    for (let d = lcp; d < length; d++) {
      const child = states++;
      parentOf[child] = node;
      symOf[child] = symbols[from + d] as number;
      path[d + 1] = child;
      node = child;
    }
    outNode.push(node);
    outPattern.push(id);
    prev = id;
  }

  // Edge lists: node ids were allocated in DFS order, so a stable counting sort by parent
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
  // Renumber breadth-first.
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
  let edge = 0;
  for (let i = 0; i < states; i++) {
    edgeStart[i] = edge;
    const o = bfs[i] as number;
    for (let e = dfsStart[o] as number; e < (dfsStart[o + 1] as number); e++, edge++) {
      edgeSym[edge] = dfsSym[e] as number;
      edgeTo[edge] = newId[dfsTo[e] as number] as number;
    }
  }
  edgeStart[states] = edge;
  for (let i = 0; i < outNode.length; i++) outNode[i] = newId[outNode[i] as number] as number;
  return { states, edgeStart, edgeSym, edgeTo, outNode, outPattern };
}

/**
 * Cell of every trie node in the double array, placed breadth-first: the shallow states every
 * scan visits sit together. Each node's children get a base where all their cells are free
 * (first fit over a linked list of the free cells).
 */
function placeStates(trie: Trie, alphabetSize: number): Int32Array {
  const { states, edgeStart, edgeSym, edgeTo } = trie;
  const slotOf = new Int32Array(states);
  let capacity = Math.max(1024, states * 2 + alphabetSize);
  let used = new Uint8Array(capacity);
  // Free cells as a linked list (next free cell after i), from cell 1 on; cell 0 is the root.
  let nextFree = new Int32Array(capacity + 1);
  let prevFree = new Int32Array(capacity + 1);
  const initFree = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      nextFree[i] = i + 1;
      prevFree[i + 1] = i;
    }
  };
  initFree(0, capacity);
  nextFree[capacity] = capacity;
  used[0] = 1;
  // Where a state with several children starts looking: free cells that several such states
  // already found too crowded are passed over (single-child states still fill them).
  let crowded = new Uint8Array(capacity);
  let multiFrom = 1;
  const take = (i: number): void => {
    if (i === multiFrom) multiFrom = nextFree[i] as number;
    used[i] = 1;
    const p = prevFree[i] as number;
    const n = nextFree[i] as number;
    nextFree[p] = n;
    prevFree[n] = p;
  };
  nextFree[0] = 1;
  prevFree[1] = 0;
  const ensure = (need: number): void => {
    if (need < capacity) return;
    const size = Math.max(need + 1, capacity * 2);
    const u = new Uint8Array(size);
    u.set(used);
    const c = new Uint8Array(size);
    c.set(crowded);
    crowded = c;
    const nf = new Int32Array(size + 1);
    nf.set(nextFree);
    const pf = new Int32Array(size + 1);
    pf.set(prevFree);
    // The old sentinel (capacity) becomes a real free cell followed by the new ones.
    used = u;
    nextFree = nf;
    prevFree = pf;
    const old = capacity;
    capacity = size;
    initFree(old, capacity);
    nextFree[capacity] = capacity;
  };
  for (let s = 0; s < states; s++) {
    const e0 = edgeStart[s] as number;
    const e1 = edgeStart[s + 1] as number;
    if (e0 === e1) continue;
    const first = edgeSym[e0] as number;
    const last = edgeSym[e1 - 1] as number;
    // The first child takes a free cell p, so base = p - first ≥ 0 and no child lands on the root cell.
    const multi = e1 - e0 > 1;
    let p = multi ? multiFrom : nextFree[0];
    while (p < first) p = nextFree[p] as number;
    for (;;) {
      if (p >= capacity) ensure(p + alphabetSize);
      const base = p - first;
      ensure(base + last + 1);
      let fits = true;
      for (let e = e0 + 1; e < e1; e++) {
        if (used[base + (edgeSym[e] as number)] === 1) {
          fits = false;
          break;
        }
      }
      if (fits) {
        for (let e = e0; e < e1; e++) {
          const cell = base + (edgeSym[e] as number);
          take(cell);
          slotOf[edgeTo[e] as number] = cell;
        }
        break;
      }
      if (multi && p < capacity && (crowded[p] = (crowded[p] as number) + 1) >= CROWDED && p === multiFrom) multiFrom = nextFree[p] as number;
      p = nextFree[p] as number;
    }
  }
  return slotOf;
}

/** Failed fits of several-children states after which a free cell is passed over by them. */
const CROWDED = 16;

function compareFlat(symbols: Int32Array, at: Int32Array, a: number, b: number): number {
  const fa = at[a] as number;
  const fb = at[b] as number;
  const la = (at[a + 1] as number) - fa;
  const lb = (at[b + 1] as number) - fb;
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) {
    const d = (symbols[fa + i] as number) - (symbols[fb + i] as number);
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * A goto-only automaton (Automaton.buildFlat without failure links) packed for walks: a trie
 * needs no failure link, and its output field only says whether patterns end at the state
 * itself, so each state is 8 bytes, [check, base << 1 | own output], half a 16-byte cell.
 * The sound-alike walks step through the 230 000-odd letter states of a full lexicon; packed,
 * the copy a detector keeps takes 1.9 MB instead of 3.7 MB.
 */
export class PackedTrie {
  /** Number of states, root included. */
  readonly states: number;
  /** [check, base << 1 | 1 when patterns end exactly here] per cell; unused cells have check -1. */
  readonly cells: Int32Array;
  /** Patterns ending exactly at a state: outIds[outStart[s] .. outStart[s + 1]). */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;

  private constructor(states: number, cells: Int32Array, outStart: Int32Array, outIds: Int32Array) {
    this.states = states;
    this.cells = cells;
    this.outStart = outStart;
    this.outIds = outIds;
  }

  /** The packed form of a goto-only automaton (its 16-byte cells are not kept). */
  static of(a: Automaton): PackedTrie {
    if (a.dictLink.length > 0) throw new Error('PackedTrie takes an automaton without failure links');
    const size = a.cells.length / CELL;
    const cells = new Int32Array(size * 2);
    for (let s = 0; s < size; s++) {
      const base = a.cells[s * CELL + BASE] as number;
      if (base < 0 || base >= 1 << 30) throw new Error('a trie base does not fit PackedTrie');
      cells[s * 2] = a.cells[s * CELL + CHECK] as number;
      // Goto only: the output field is the state itself where patterns end there, else 0.
      cells[s * 2 + 1] = (base << 1) | (a.cells[s * CELL + OUT] !== 0 ? 1 : 0);
    }
    return new PackedTrie(a.states, cells, a.outStart, a.outIds);
  }
}
