import { outlineText } from '../../../src/charts/text-outlines';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const svgOf = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">${body}</svg>`;
const usesOf = (svg: string) => [...svg.matchAll(/<use href="#(cg[0-9a-f]+)" x="(-?\d+)"\/>/g)].map((m) => ({ id: m[1]!, x: Number(m[2]) }));

describe('outlineText', () => {
  it('replaces each text with the font’s outlines, one per drawn character, defined once', () => {
    const out = outlineText(svgOf('<text x="10" y="40" font-size="20" fill="#123456">出勤 出勤</text>'), FONT);
    expect(out).not.toContain('<text');
    expect(usesOf(out).map((u) => u.id)).toEqual(['cg51fa', 'cg52e4', 'cg51fa', 'cg52e4']);
    expect(out.match(/<path id="cg51fa"/g)).toHaveLength(1);
    expect(out).toContain('fill="#123456"');
    expect(out).toContain('translate(10.00 40.00) scale(0.02000)');
  });

  it('advances CJK characters by one em and leaves a space between words', () => {
    const xs = usesOf(outlineText(svgOf('<text font-size="10">出勤 出勤</text>'), FONT)).map((u) => u.x);
    expect(xs.slice(0, 2)).toEqual([0, 1000]);
    expect(xs[2]! - xs[1]!).toBeGreaterThan(1000);
  });

  it('follows text-anchor, dominant-baseline and the transform ECharts writes', () => {
    const out = outlineText(
      svgOf('<text dominant-baseline="central" text-anchor="end" style="font-size:10px;font-family:Noto Sans CJK SC;" transform="translate(48 20)" fill="#444">出勤</text>'),
      FONT,
    );
    expect(usesOf(out).map((u) => u.x)).toEqual([-2000, -1000]);
    expect(out).toContain('<g transform="translate(48 20)">');
    expect(out).toContain('translate(0.00 3.80)');
  });

  it('unescapes XML entities and draws bold with a stroke', () => {
    const out = outlineText(svgOf('<text font-size="10" font-weight="bold" fill="#000">#批准请假 &lt;编号&gt;</text>'), FONT);
    expect(usesOf(out).map((u) => u.id)).toContain('cg3c');
    expect(out).toContain('stroke="#000"');
  });

  it('leaves an SVG without text as it is', () => {
    const svg = svgOf('<rect width="10" height="10"/>');
    expect(outlineText(svg, FONT)).toBe(svg);
  });
});
