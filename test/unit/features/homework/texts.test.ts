import { IMAGE_WINDOW_MS } from '../../../../src/features/homework/homework-chat';
import { submitHomeworkCommand } from '../../../../src/features/homework/homework.command';
import { assignmentNotice, lateSuffix } from '../../../../src/features/homework/texts';

describe('homework texts', () => {
  it('a late submission is acknowledged with the one late suffix, an on-time one without it', () => {
    expect(lateSuffix(true)).toBe('，已过截止时间，记为迟交');
    expect(lateSuffix(false)).toBe('');
  });

  it('the image window in 交作业 and in the assignment notice is the one images are attached within', () => {
    const minutes = IMAGE_WINDOW_MS / 60_000;
    expect(Number.isInteger(minutes)).toBe(true);
    expect(submitHomeworkCommand.summary).toBe(`提交作业（文字，随后 ${minutes} 分钟内发的图片也算）`);
    const notice = assignmentNotice({ seq: 1, content: '写 3 条标题', deadline: '03-01 21:00', imageWindowMinutes: minutes });
    expect(notice).toContain(`图片在交作业后 ${minutes} 分钟内发出即可`);
  });
});
