import { PNG } from 'pngjs';
import { evaluateScorecard, type ScorecardInput } from '../../../../src/features/feedback/scorecard';
import { renderScorecard } from '../../../../src/features/feedback/render-scorecard';
import { scorecardCardSvg, SCORECARD_CARD_WIDTH } from '../../../../src/features/feedback/scorecard-card';
import { svgToPng } from '../../../../src/charts/render-png';

const DAYS = ['2027-03-01', '2027-03-02', '2027-03-03'] as const;
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** Fails feedback (2 of 4 satisfied); the lecturer's name carries a phone number. */
function input(): ScorecardInput {
  return {
    lecturerName: '王老师13800001111',
    cohort: { name: '交城县电商培训第3期', code: 'JC2703', startDate: '2027-03-01', timezone: 'Asia/Shanghai' },
    trainingDays: [...DAYS],
    hours: DAYS.map((day) => ({ day, hours: 6.5, source: 'actual' as const })),
    timetableFirstProvidedAt: at('2027-02-26', '18:00'),
    homework: DAYS.map((day, i) => ({ id: `h${i}`, day, submissions: 5, reviewedSubmissions: 5, reviewedAt: at(day, '21:00') })),
    sessions: DAYS.map((day) => ({ id: day, day, title: '上午课', startsAt: at(day, '09:00'), endsAt: at(day, '12:00'), actualEnd: at(day, '12:00'), cancelled: false })),
    questions: { asked: 4, answered: 4 },
    attendance: DAYS.map((day, i) => ({ day, places: 40, present: 38 - 4 * i, onLeave: 0 })),
    satisfactionScores: [5, 4, 2, 1],
  };
}

const card = evaluateScorecard(input());
const text = renderScorecard(card);
const svg = scorecardCardSvg(card, text);

describe('scorecardCardSvg', () => {
  it('draws the verdict and each criterion in the text scorecard’s words, with a mark word per status', () => {
    expect(card.verdict.passed).toBe(false);
    expect(svg).toContain('讲师考核表');
    expect(svg).toContain('未通过');
    expect(svg).toContain('1. ');
    expect(svg).toContain('4. ');
    expect(svg).toContain('>达标<');
    expect(svg).toContain('>未达标<');
    expect(svg).not.toContain('❌');
  });

  it('charts the lecturer’s days of attendance and masks phone numbers', () => {
    expect(svg).toContain('出勤率（按天）');
    expect(svg).toContain('03-02');
    expect(svg).not.toContain('13800001111');
  });

  it('draws to a decodable PNG of the card’s width', () => {
    const png = PNG.sync.read(svgToPng(svg, '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'));
    expect(png.width).toBe(SCORECARD_CARD_WIDTH);
    expect(new Set(Array.from({ length: png.data.length / 4 }, (_, i) => png.data.readUInt32BE(i * 4))).size).toBeGreaterThan(20);
  });
});
