import { Resvg } from '@resvg/resvg-js';

/** One character's outline at 1000 units per em (baseline at y = 0, y down) and its advance in those units. */
interface Glyph {
  /** The id of its path in the card's <defs>; null when the glyph draws nothing (a space). */
  id: string | null;
  d: string;
  advance: number;
}

const UNITS = 1000;
/** Above this many cached characters a font's cache starts over (a bound, never reached by cards). */
const MAX_GLYPHS = 20_000;
/** Advances of characters that draw nothing, in units per em. */
const BLANK_ADVANCE: Record<string, number> = { ' ': 224, '\u00a0': 224, '\u3000': 1000 };
// Where the baseline sits below the y of a text for each dominant-baseline, in ems (Noto Sans CJK: ascent 0.88, descent 0.12).
const BASELINE_SHIFT: Record<string, number> = {
  central: 0.38,
  middle: 0.3,
  hanging: 0.88,
  'text-before-edge': 0.88,
  'text-top': 0.88,
  ideographic: -0.12,
  'text-after-edge': -0.12,
  'text-bottom': -0.12,
};

const caches = new Map<string, Map<string, Glyph>>();

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

const firstX = (d: string): number => Number(/M\s*(-?[\d.]+)/.exec(d)?.[1] ?? Number.NaN);

/**
 * Fetches the outlines of `chars` from the font, all in one resvg pass: each character once
 * anchored at its start and once at its end, so the shift between the two is its advance.
 */
function loadGlyphs(cache: Map<string, Glyph>, chars: string[], fontFile: string): void {
  const drawn = chars.filter((c) => BLANK_ADVANCE[c] === undefined);
  for (const c of chars) if (BLANK_ADVANCE[c] !== undefined) cache.set(c, { id: null, d: '', advance: BLANK_ADVANCE[c] });
  if (drawn.length === 0) return;
  const texts = drawn.map(
    (c, i) =>
      `<text id="s${i}" x="0" y="0" font-size="${UNITS}">${escapeXml(c)}</text><text id="e${i}" x="0" y="0" font-size="${UNITS}" text-anchor="end">${escapeXml(c)}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${UNITS}" height="${UNITS}">${texts.join('')}</svg>`;
  const out = new Resvg(svg, { font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' }, logLevel: 'off' }).toString();
  const paths = new Map<string, string>();
  for (const m of out.matchAll(/<g id="([se]\d+)"[^>]*>([\s\S]*?)<\/g>/g)) {
    paths.set(m[1]!, [...m[2]!.matchAll(/ d="([^"]*)"/g)].map((p) => p[1]!).join(' '));
  }
  drawn.forEach((c, i) => {
    const start = paths.get(`s${i}`) ?? '';
    const end = paths.get(`e${i}`) ?? '';
    const advance = start && end ? firstX(start) - firstX(end) : UNITS / 2;
    const id = start ? `cg${c.codePointAt(0)!.toString(16)}` : null;
    cache.set(c, { id, d: start, advance: Number.isFinite(advance) ? advance : UNITS / 2 });
  });
}

/** The glyph cache of one font file, filled with whatever of `chars` it lacks. */
function glyphsFor(fontFile: string, chars: Iterable<string>): Map<string, Glyph> {
  let cache = caches.get(fontFile);
  if (!cache || cache.size > MAX_GLYPHS) caches.set(fontFile, (cache = new Map<string, Glyph>()));
  const missing = [...new Set(chars)].filter((c) => !cache.has(c));
  if (missing.length > 0) loadGlyphs(cache, missing, fontFile);
  return cache;
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs.set(m[1]!, m[2]!);
  for (const decl of (attrs.get('style') ?? '').split(';')) {
    const [k, v] = decl.split(':').map((s) => s.trim());
    if (k && v && !attrs.has(k)) attrs.set(k, v);
  }
  return attrs;
}

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;

/**
 * Replaces every plain <text> of an SVG (ours and ECharts') with the font's glyph outlines,
 * placed by the text's x, y, transform, text-anchor and dominant-baseline; bold is drawn with a
 * thin stroke. resvg 2.6 re-reads the font file for each glyph it lays out, which for a CJK
 * collection of 19 MB costs milliseconds per character; outlines fetched once per process and
 * reused (<defs> and <use>) make a card cost a few of those, not hundreds.
 * Text it cannot read (with child elements) is left for resvg to draw.
 */
export function outlineText(svg: string, fontFile: string): string {
  const matches = [...svg.matchAll(TEXT)];
  if (matches.length === 0) return svg;
  const texts = matches.map((m) => Array.from(unescapeXml(m[2]!)));
  const glyphs = glyphsFor(fontFile, texts.flat());
  const used = new Map<string, string>();
  let k = 0;
  const body = svg.replace(TEXT, (_m, tag: string) => {
    const chars = texts[k++]!;
    const a = attributes(tag);
    const size = parseFloat(a.get('font-size') ?? '16') || 16;
    const advances = chars.map((c) => glyphs.get(c)?.advance ?? UNITS / 2);
    const width = advances.reduce((s, v) => s + v, 0);
    const anchor = a.get('text-anchor') ?? 'start';
    const x0 = parseFloat(a.get('x') ?? '0') || 0;
    const y0 = parseFloat(a.get('y') ?? '0') || 0;
    const startUnits = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
    const shift = BASELINE_SHIFT[a.get('dominant-baseline') ?? ''] ?? 0;
    const fill = a.get('fill') ?? '#000000';
    const bold = /^(bold|[6-9]00)$/.test(a.get('font-weight') ?? '');
    const uses: string[] = [];
    let pen = startUnits;
    chars.forEach((c, i) => {
      const g = glyphs.get(c);
      if (g?.id) {
        used.set(g.id, g.d);
        uses.push(`<use href="#${g.id}" x="${Math.round(pen)}"/>`);
      }
      pen += advances[i]!;
    });
    const scale = size / UNITS;
    const place = `translate(${(x0).toFixed(2)} ${(y0 + shift * size).toFixed(2)}) scale(${scale.toFixed(5)})`;
    const stroke = bold ? ` stroke="${fill}" stroke-width="28" stroke-linejoin="round"` : '';
    const inner = `<g transform="${place}" fill="${fill}"${stroke}>${uses.join('')}</g>`;
    const transform = a.get('transform');
    return transform ? `<g transform="${transform}">${inner}</g>` : inner;
  });
  const defs = `<defs>${[...used].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('')}</defs>`;
  return body.replace(/<svg\b[^>]*>/, (open) => `${open}${defs}`);
}
