import { attendanceTrendSvg } from '../../../src/charts/trend-chart';

const POINTS = [
  { day: '2027-03-01', rate: 95.5 },
  { day: '2027-03-02', rate: null },
  { day: '2027-03-03', rate: 80 },
];

describe('attendanceTrendSvg', () => {
  it('renders an SVG document of the requested size', () => {
    const svg = attendanceTrendSvg(POINTS, { width: 500, height: 200 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/width="500"/);
    expect(svg).toMatch(/height="200"/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('labels the days as MM-DD and the rates in percent', () => {
    const svg = attendanceTrendSvg(POINTS);
    expect(svg).toContain('03-01');
    expect(svg).toContain('03-03');
    expect(svg).not.toContain('2027-03-01');
    expect(svg).toContain('95.5%');
    expect(svg).toContain('80%');
  });

  it('draws the rate axis from 0 to 100 %', () => {
    const svg = attendanceTrendSvg(POINTS);
    expect(svg).toContain('>0%<');
    expect(svg).toContain('>100%<');
  });

  it('clamps rates outside 0–100', () => {
    const svg = attendanceTrendSvg([{ day: '2027-03-01', rate: 130 }, { day: '2027-03-02', rate: -5 }]);
    expect(svg).not.toContain('130%');
    expect(svg).not.toContain('-5%');
  });

  it('shows the title when one is given', () => {
    expect(attendanceTrendSvg(POINTS, { title: '出勤率趋势' })).toContain('出勤率趋势');
    expect(attendanceTrendSvg(POINTS)).not.toContain('出勤率趋势');
  });

  it('renders an empty trend without throwing', () => {
    expect(attendanceTrendSvg([]).startsWith('<svg')).toBe(true);
  });
});
