import { PNG } from 'pngjs';
import { computeDigest } from '../../../../src/features/reporting/digest';
import { renderDigest } from '../../../../src/features/reporting/render-digest';
import { digestCardSvg, DIGEST_CARD_WIDTH, sessionAttendance } from '../../../../src/features/reporting/digest-card';
import { svgToPng, CardFontError } from '../../../../src/charts/render-png';
import { CARD_DAY, CARD_NOW, CARD_PHONE, cardCohort } from '../../../../bench/support/card-cohort';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const input = cardCohort(50);
const digest = computeDigest(input, CARD_DAY, { now: CARD_NOW });
const text = renderDigest(digest);
const sessions = sessionAttendance(input, CARD_DAY, { now: CARD_NOW });
const svg = digestCardSvg(digest, text, sessions);

describe('digestCardSvg', () => {
  it('draws the title and verdict in the text digest’s words, without emoji', () => {
    expect(svg).toContain('「交城县电商培训第3期」日报 03-03');
    expect(svg).toContain('需处理：待批请假 2 条');
    expect(svg).not.toContain('⚠️');
    expect(svg).not.toContain('📊');
  });

  it('counts each held session by the digest’s rule and draws one bar per session', () => {
    expect(sessions.map((s) => `${s.label} ${s.present}/${s.expected}`)).toEqual(['09:00 直播带货实操 2 41/49', '13:30 短视频拍摄 3 41/49']);
    expect(svg).toContain('41/49');
  });

  it('embeds the trend chart, homework, 需关注 names and pending leave', () => {
    expect(svg).toContain('出勤率趋势');
    expect(svg).toContain('03-01');
    expect(svg).toContain('已交');
    expect(svg).toContain('需关注 9 人');
    expect(svg).toContain('累计缺勤4节、缺交作业2次');
    expect(svg).toContain('待批请假 2 条');
  });

  it('masks phone numbers and clips long names', () => {
    expect(svg).not.toContain(CARD_PHONE);
    expect(svg).not.toContain('1111');
    expect(svg).toContain('张三139****5…');
  });
});

describe('the digest card as PNG', () => {
  it('decodes as a 720 px wide, non-blank picture', () => {
    const png = PNG.sync.read(svgToPng(svg, FONT));
    expect(png.width).toBe(DIGEST_CARD_WIDTH);
    expect(png.height).toBeGreaterThan(800);
    const colours = new Set<number>();
    let notWhite = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (r < 240 || g < 240 || b < 240) notWhite += 1;
    }
    expect(colours.size).toBeGreaterThan(50);
    expect(notWhite / (png.width * png.height)).toBeGreaterThan(0.03);
  });

  it('names CARD_FONT_FILE when the font file is missing', () => {
    expect(() => svgToPng(svg, '/nonexistent/font.ttc')).toThrow(CardFontError);
    expect(() => svgToPng(svg, '/nonexistent/font.ttc')).toThrow(/CARD_FONT_FILE/);
  });
});
