import type { Homework, Member, Submission } from '../../../../src/domain/types';
import { renderHomeworkBoard } from '../../../../src/features/homework/homework-board';

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);
const homework: Homework = {
  id: 'h1', cohortId: 'c1', day: '2027-03-01', seq: 1, content: '写一段直播开场白', deadline: at('21:00'),
  assignedBy: 'lec', assignedByName: '张老师', assignedAt: at('09:10'),
};
const trainee = (userId: string, name: string): Member => ({
  cohortId: 'c1', platform: 'wechaty', userId, name, roles: ['trainee'], active: true, joinedAt: at('08:00'),
});
const submission = (userId: string, name: string): Submission => ({
  id: `s-${userId}`, homeworkId: 'h1', cohortId: 'c1', platform: 'wechaty', userId, name, version: 1, text: '好', imageIds: [],
  submittedAt: at('10:00'), late: false, showcased: false,
});
const trainees = [trainee('u1', '学员甲'), trainee('u2', '学员乙'), trainee('u3', '学员丙')];

describe('renderHomeworkBoard', () => {
  it('shows a trainee excused by approved leave as 请假, outside 已交 N/M and not among the missing', () => {
    const text = renderHomeworkBoard(homework, { timezone: 'Asia/Shanghai' }, trainees, [submission('u2', '学员乙')], new Set(['u1']));
    expect(text.split('\n')).toEqual(['📚 作业《写一段直播开场白》 截止 03-01 21:00', '已交 1/2 · 请假 1 · 未交 1', '📝 请假：学员甲', '⬜ 未交：学员丙']);
  });

  it('counts an excused trainee who handed in anyway as handed in', () => {
    const text = renderHomeworkBoard(homework, { timezone: 'Asia/Shanghai' }, trainees, [submission('u1', '学员甲')], new Set(['u1']));
    expect(text.split('\n').slice(1)).toEqual(['已交 1/3 · 未交 2', '⬜ 未交：学员乙、学员丙']);
  });
});
