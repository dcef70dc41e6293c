import type { CheckStatus, Scorecard } from './scorecard';
import { SCORECARD_DETAILS_IN_EXPORT } from './texts';
import { attendanceTrendSvg } from '../../charts/trend-chart';
import { CARD_COLORS as C, SvgCard } from '../../charts/svg-card';

/** The card's width, as the digest card's: a phone screen at 2×. */
export const SCORECARD_CARD_WIDTH = 720;

const CHART_HEIGHT = 220;
const MARK_COLOR: Record<CheckStatus, string> = { pass: C.ok, fail: C.bad, no_data: C.muted };
const MARK_WORD: Record<CheckStatus, string> = { pass: '达标', fail: '未达标', no_data: '无数据' };
const CRITERION_LINE = /^(?:✅|❌|—) (\d)\. /u;

/**
 * The lecturer scorecard as a picture (SVG, drawn to PNG by charts/render-png): the verdict in a
 * green or red band, one row per criterion with its mark in colour and the text scorecard's own
 * line, the lecturer's days of attendance as a chart, then 情节严重 and the tier lines. Pure.
 * `scorecardText` is renderScorecard's output, so the card and the text say the same words.
 */
export function scorecardCardSvg(card: Scorecard, scorecardText: string): string {
  const lines = scorecardText.split('\n');
  const [verdict = '', cohortLine = ''] = lines;
  const statuses: CheckStatus[] = [card.requirements.status, card.interaction.status, card.attendanceDrop.status, card.feedback.status];
  const svg = new SvgCard(SCORECARD_CARD_WIDTH);
  svg.band(verdict, card.verdict.passed ? C.ok : C.bad, 26);
  svg.paragraph(cohortLine, { size: 20, color: C.muted });
  svg.heading('考核项');
  for (const line of lines.slice(2, -1)) {
    const m = CRITERION_LINE.exec(line);
    if (m) {
      const status = statuses[Number(m[1]) - 1] ?? 'no_data';
      const top = svg.y + 6;
      svg.rect(svg.padding, top, 80, 28, MARK_COLOR[status], 6);
      svg.text(svg.padding + 40, top + 21, MARK_WORD[status], { size: 18, color: '#ffffff', anchor: 'middle' });
      svg.y -= 4;
      svg.paragraph(line.replace(/^(?:✅|❌|—) /u, ''), { size: 20 }, 3, 96);
      svg.space(10);
    } else {
      svg.paragraph(line, { size: 20, color: line.startsWith('⚠️') ? C.bad : C.ink }, 2);
    }
  }
  const days = card.attendanceDrop.days;
  if (days.length > 1) {
    svg.heading('出勤率（按天）');
    const points = days.map((d) => ({ day: d.day, rate: d.rate === null ? null : Math.floor(d.rate * 1000 + 1e-6) / 10 }));
    svg.embed(attendanceTrendSvg(points, { width: svg.inner, height: CHART_HEIGHT }), CHART_HEIGHT);
  }
  svg.space(16);
  svg.rect(svg.padding, svg.y, svg.inner, 1, C.line);
  svg.paragraph(lines[lines.length - 1] ?? SCORECARD_DETAILS_IN_EXPORT, { size: 18, color: C.muted });
  return svg.toSvg();
}
