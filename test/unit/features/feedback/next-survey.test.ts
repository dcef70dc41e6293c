import type { Session, Survey } from '../../../../src/domain/types';
import { nextSurvey } from '../../../../src/features/feedback/survey-service';

const session = (id: string, lecturerName: string, endsAt: string, cancelled = false): Session => ({
  id,
  cohortId: 'c1',
  day: endsAt.slice(0, 10),
  startsAt: new Date(new Date(`${endsAt}+08:00`).getTime() - 3 * 3600_000),
  endsAt: new Date(`${endsAt}+08:00`),
  title: '课',
  lecturerName,
  cancelled,
});
const survey = (lecturerName: string): Survey => ({ id: `s-${lecturerName}`, cohortId: 'c1', lecturerName, openedAt: new Date(), closesAt: new Date(), invited: [] });

describe('nextSurvey', () => {
  const sessions = [
    session('1', '张老师', '2027-06-07T12:00:00'),
    session('2', '李老师', '2027-06-07T17:00:00'),
    session('3', '张老师', '2027-06-08T12:00:00'),
    session('4', '李老师', '2027-06-09T12:00:00', true),
  ];

  it('is about the lecturer whose last session ends first, ignoring cancelled sessions', () => {
    expect(nextSurvey(sessions, [])).toEqual({ lecturerName: '李老师', lastEndsAt: new Date('2027-06-07T17:00:00+08:00') });
  });

  it('skips lecturers who already had a survey, and is null when all had one', () => {
    expect(nextSurvey(sessions, [survey('李老师')])?.lecturerName).toBe('张老师');
    expect(nextSurvey(sessions, [survey('李老师'), survey('张老师')])).toBeNull();
  });
});
