/**
 * Factors of a regular expression: a set F of short strings such that every string the
 * expression matches contains a member of F. A text containing none of them cannot match, so
 * the expression need not run on it. Worked out over the subset of syntax the moderation rules
 * use (literals, groups, alternation, character classes, quantifiers, lookaround, anchors, no
 * flags but `g`); anything else gives null ("no factors": always run the expression).
 */
type Re =
  | { kind: 'lit'; ch: string }
  | { kind: 'class' }
  | { kind: 'empty' }
  | { kind: 'seq'; items: Re[] }
  | { kind: 'alt'; branches: Re[] }
  | { kind: 'rep'; node: Re; min: number; max: number };

const MAX_EXACT = 64;
const MAX_FACTOR = 2;

/**
 * Factors of at most `maxLength` UTF-16 units (two unless told) of an expression's source, or
 * null when it has none the analysis can prove. Longer factors let fewer texts through.
 */
export function regexFactors(source: string, maxLength = MAX_FACTOR): string[] | null {
  let tree: Re;
  try {
    tree = parseRe(source);
  } catch {
    return null;
  }
  const f = factorsOf(tree, maxLength);
  if (!f || f.length === 0 || f.some((s) => s.length === 0)) return null;
  const cut = new Set(f.map((s) => s.slice(0, maxLength)));
  // A surrogate cut in half would not be seen by the BMP-only marking.
  for (const s of cut) for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) < 0xe000) return null;
  return [...cut].sort();
}

/** Every string the expression can match, when that is a small finite set of literals; else null. */
function exactOf(re: Re): string[] | null {
  switch (re.kind) {
    case 'lit':
      return [re.ch];
    case 'empty':
      return [''];
    case 'class':
      return null;
    case 'alt': {
      const out = new Set<string>();
      for (const b of re.branches) {
        const e = exactOf(b);
        if (!e) return null;
        for (const s of e) out.add(s);
      }
      return out.size <= MAX_EXACT ? [...out] : null;
    }
    case 'seq': {
      let acc: string[] | null = [''];
      for (const item of re.items) {
        const e = exactOf(item);
        if (!e) return null;
        acc = product(acc, e);
        if (!acc) return null;
      }
      return acc;
    }
    case 'rep': {
      if (re.max > 4) return null;
      const e = exactOf(re.node);
      if (!e) return null;
      let acc: string[] | null = re.min === 0 ? [''] : [];
      let power: string[] | null = [''];
      for (let n = 1; n <= re.max; n++) {
        power = product(power, e);
        if (!power) return null;
        if (n >= re.min) acc = [...new Set([...(acc ?? []), ...power])];
        if (acc.length > MAX_EXACT) return null;
      }
      return acc;
    }
  }
}

function product(a: string[], b: string[]): string[] | null {
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out.size <= MAX_EXACT ? [...out] : null;
}

function factorsOf(re: Re, max: number): string[] | null {
  switch (re.kind) {
    case 'lit':
      return [re.ch];
    case 'empty':
    case 'class':
      return null;
    case 'alt': {
      const out = new Set<string>();
      for (const b of re.branches) {
        const f = factorsOf(b, max);
        if (!f) return null;
        for (const s of f) out.add(s);
      }
      return [...out];
    }
    case 'rep':
      return re.min >= 1 ? factorsOf(re.node, max) : null;
    case 'seq': {
      // Candidates: each item's own factors, and the exact strings of each run of items with
      // small exact sets (上分 of 上,分; 点火/点把/点一 of (?:放|点)(?:把|一把)?火).
      const candidates: string[][] = [];
      for (const item of re.items) {
        const f = factorsOf(item, max);
        if (f) candidates.push(f);
      }
      for (let i = 0; i < re.items.length; i++) {
        let acc: string[] | null = [''];
        for (let j = i; j < re.items.length && acc; j++) {
          const e = exactOf(re.items[j] as Re);
          if (!e) break;
          acc = product(acc, e);
          if (acc && !acc.includes('')) candidates.push(acc.map((s) => s.slice(0, max)));
        }
      }
      let best: string[] | null = null;
      for (const c of candidates) if (c.every((s) => s.length > 0) && (!best || cost(c, max) < cost(best, max))) best = c;
      return best;
    }
  }
}

/**
 * How often a factor set lets a rule run: single characters cost far more than pairs, and (when
 * longer factors are asked for) pairs more than longer strings.
 */
function cost(factors: string[], max: number): number {
  const unique = new Set(factors.map((s) => s.slice(0, max)));
  let c = 0;
  for (const s of unique) c += s.length === 1 ? 1000 : max <= 2 || s.length >= 4 ? 1 : s.length === 2 ? 10 : 2;
  return c;
}

function parseRe(source: string): Re {
  let pos = 0;
  const peek = (): string => source.charAt(pos);
  const fail = (): never => {
    throw new Error(`unsupported expression at ${pos}: ${source}`);
  };
  const parseAlt = (): Re => {
    const branches: Re[] = [parseSeq()];
    while (peek() === '|') {
      pos++;
      branches.push(parseSeq());
    }
    return branches.length === 1 ? (branches[0] as Re) : { kind: 'alt', branches };
  };
  /** The quantifier at pos as [min, max], consumed (a lazy `?` after it too); null when there is none. */
  const quantifier = (): [number, number] | null => {
    const q = peek();
    let range: [number, number];
    if (q === '?') range = [0, 1];
    else if (q === '*') range = [0, Infinity];
    else if (q === '+') range = [1, Infinity];
    else if (q === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(pos)) ?? fail();
      const min = Number(m[1]);
      range = [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])];
      pos += m[0].length - 1;
    } else return null;
    pos++;
    if (peek() === '?') pos++; // lazy: the same strings
    return range;
  };
  const parseSeq = (): Re => {
    const items: Re[] = [];
    while (pos < source.length && peek() !== '|' && peek() !== ')') {
      let atom = parseAtom();
      for (let q = quantifier(); q; q = quantifier()) atom = { kind: 'rep', node: atom, min: q[0], max: q[1] };
      items.push(atom);
    }
    return items.length === 1 ? (items[0] as Re) : { kind: 'seq', items };
  };
  const parseAtom = (): Re => {
    const c = peek();
    if (c === '(') {
      let lookaround = false;
      if (source.startsWith('(?:', pos)) pos += 3;
      else if (source.startsWith('(?=', pos) || source.startsWith('(?!', pos)) {
        pos += 3;
        lookaround = true;
      } else if (source.startsWith('(?<=', pos) || source.startsWith('(?<!', pos)) {
        pos += 4;
        lookaround = true;
      } else if (source.startsWith('(?', pos)) fail();
      else pos++;
      const inner = parseAlt();
      if (peek() !== ')') fail();
      pos++;
      // Lookaround matches no characters of its own.
      return lookaround ? { kind: 'empty' } : inner;
    }
    if (c === '[') {
      const end = classEnd(source, pos);
      if (end < 0) fail();
      pos = end + 1;
      return { kind: 'class' };
    }
    if (c === '^' || c === '$') {
      pos++;
      return { kind: 'empty' };
    }
    if (c === '.') {
      pos++;
      return { kind: 'class' };
    }
    if (c === '\\') {
      const e = source.charAt(pos + 1);
      pos += 2;
      if (/[dDwWsS]/.test(e)) return { kind: 'class' };
      if (/[.\\+*?()[\]{}|^$/-]/.test(e)) return { kind: 'lit', ch: e };
      return fail();
    }
    if (c === ')' || c === '|' || c === '?' || c === '*' || c === '+' || c === '{' || c === '}' || c === ']') fail();
    const cp = source.codePointAt(pos) as number;
    const ch = String.fromCodePoint(cp);
    pos += ch.length;
    return { kind: 'lit', ch };
  };
  const tree = parseAlt();
  if (pos !== source.length) fail();
  return tree;
}

/** Index of the ']' closing the character class that opens at `from`, -1 if none. */
function classEnd(source: string, from: number): number {
  let i = from + 1;
  if (source.charAt(i) === '^') i++;
  if (source.charAt(i) === ']') i++;
  for (; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (c === ']') return i;
  }
  return -1;
}


/**
 * The top-level alternatives of an expression's source, in order, with an alternative that is
 * one whole non-capturing group (`(?:a|b)`, no quantifier) opened into its own alternatives.
 * `a|b|c` matches where the first of a, b, c that matches at the leftmost position matches, so
 * the alternatives run one by one and merged that way find exactly what the whole finds.
 */
export function topLevelBranches(source: string): string[] {
  const out: string[] = [];
  for (const branch of splitTopLevel(source)) {
    const inner = wholeGroup(branch);
    if (inner === null) out.push(branch);
    else out.push(...topLevelBranches(inner));
  }
  return out;
}

/** `source` split at its depth-0 `|`. */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let from = 0;
  const closed = walkStructure(source, (c, i, depth) => {
    if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
    return false;
  });
  if (!closed) return [source];
  parts.push(source.slice(from));
  return parts;
}

/** The inside of `branch` when it is one `(?:…)` group and nothing else; null otherwise. */
function wholeGroup(branch: string): string | null {
  if (!branch.startsWith('(?:')) return null;
  let inner: string | null = null;
  walkStructure(branch, (c, i, depth) => {
    if (c !== ')' || depth !== 0) return false;
    // The group that opens the branch closes here: it is the whole branch only if nothing follows.
    if (i === branch.length - 1) inner = branch.slice(3, i);
    return true;
  });
  return inner;
}

/**
 * Visits the characters of `source` that shape it (not escaped, not inside a character class),
 * with the group depth after each: `(` counts before its visit, `)` before its own. Stops when
 * `visit` returns true. False when a class is left open.
 */
function walkStructure(source: string, visit: (c: string, i: number, depth: number) => boolean): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) return false;
      i = end;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (visit(c, i, depth)) return true;
  }
  return true;
}

/**
 * A cheap test run before an expression on a stretch of text: when the stretch holds none of the
 * expression's factors (regexFactors), the expression cannot match it and need not run. With the
 * `i` flag, ASCII letters are compared in lower case; an expression without factors is always let through.
 */
export class FactorGate {
  private readonly single = new Int32Array(0x10000 >>> 5);
  private readonly pairStart = new Int32Array(0x10000 >>> 5);
  private readonly pairs = new Set<number>();
  private readonly fold: boolean;
  private readonly open: boolean;

  constructor(re: RegExp) {
    this.fold = re.ignoreCase;
    let factors = regexFactors(re.source);
    if (factors && re.ignoreCase) {
      // Only ASCII letters fold here: a factor holding any other cased character lets everything through.
      const cased = (s: string): boolean => [...s].some((ch) => ch.charCodeAt(0) > 0x7f && ch.toLowerCase() !== ch.toUpperCase());
      factors = factors.some(cased) ? null : factors.map((f) => f.replace(/[A-Z]/g, (ch) => ch.toLowerCase()));
    }
    this.open = factors === null;
    for (const f of factors ?? []) {
      const a = f.charCodeAt(0);
      if (f.length === 1) this.single[a >>> 5] = (this.single[a >>> 5] as number) | (1 << (a & 31));
      else {
        this.pairStart[a >>> 5] = (this.pairStart[a >>> 5] as number) | (1 << (a & 31));
        this.pairs.add((a << 16) | f.charCodeAt(1));
      }
    }
  }

  /** Whether text[from, to) holds one of the factors (false: the expression cannot match text.slice(from, to)). */
  admits(text: string, from: number, to: number): boolean {
    if (this.open) return true;
    const end = Math.min(to, text.length);
    for (let i = Math.max(0, from); i < end; i++) {
      const c = this.unit(text, i);
      if (((this.single[c >>> 5] as number) & (1 << (c & 31))) !== 0) return true;
      if (((this.pairStart[c >>> 5] as number) & (1 << (c & 31))) !== 0 && i + 1 < end && this.pairs.has((c << 16) | this.unit(text, i + 1))) return true;
    }
    return false;
  }

  private unit(text: string, i: number): number {
    const c = text.charCodeAt(i);
    return this.fold && c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  }
}
