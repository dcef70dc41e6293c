import type * as Echarts from 'echarts';

let echartsModule: typeof Echarts | undefined;

/**
 * ECharts, loaded by the first chart drawn (about 18 MB resident): a process that draws none
 * (a bot, a worker with pictures off) does not carry it. Charts are drawn synchronously, so it
 * is required, not imported.
 */
function echarts(): typeof Echarts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (echartsModule ??= require('echarts') as typeof Echarts);
}

/** One day of the attendance trend: the day (YYYY-MM-DD) and its rate in percent, or null when nothing was counted. */
export interface TrendPoint {
  day: string;
  rate: number | null;
}

/** Size and optional heading of a trend chart. */
export interface TrendChartOptions {
  width?: number;
  height?: number;
  title?: string;
  /** Print each point's rate above it (default: when there are at most 10 points); off when a table shows the figures. */
  pointLabels?: boolean;
}

const DEFAULT_WIDTH = 680;
const DEFAULT_HEIGHT = 260;
const FONT_FAMILY = 'Noto Sans CJK SC, sans-serif';
const LINE_COLOR = '#2f6fdb';

/** `YYYY-MM-DD` → `MM-DD`; anything else is shown as given. */
function shortDay(day: string): string {
  const m = /^\d{4}-(\d{2}-\d{2})$/.exec(day);
  return m?.[1] ?? day;
}

/** A rate clamped to 0–100 and rounded to one decimal; null stays a gap in the line. */
function clampRate(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return Math.round(Math.min(100, Math.max(0, rate)) * 10) / 10;
}

/**
 * The attendance rate per day as a server-rendered ECharts line chart (SVG text), so the
 * staff console and the digest picture draw the same trend without a browser.
 */
export function attendanceTrendSvg(points: readonly TrendPoint[], options: TrendChartOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const hasTitle = options.title !== undefined && options.title !== '';
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      ...(hasTitle ? { title: { text: options.title, left: 'center', top: 6, textStyle: { fontSize: 18, fontWeight: 'bold', fontFamily: FONT_FAMILY } } } : {}),
      grid: { left: 60, right: 28, top: hasTitle ? 56 : 30, bottom: 36 },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: points.map((p) => shortDay(p.day)),
        axisLabel: { fontSize: 15, color: '#444', fontFamily: FONT_FAMILY, hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { fontSize: 15, color: '#444', formatter: '{value}%', fontFamily: FONT_FAMILY },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      series: [
        {
          type: 'line',
          data: points.map((p) => clampRate(p.rate)),
          connectNulls: false,
          showSymbol: true,
          symbolSize: 7,
          lineStyle: { width: 3, color: LINE_COLOR },
          itemStyle: { color: LINE_COLOR },
          label: { show: options.pointLabels ?? points.length <= 10, position: 'top', fontSize: 14, color: '#222', formatter: '{c}%', fontFamily: FONT_FAMILY },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
