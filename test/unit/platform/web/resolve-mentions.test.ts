import { resolveMentions } from '../../../../src/platform/web/resolve-mentions';

const members = [
  { id: 'a', name: '王小' },
  { id: 'b', name: '王小明' },
  { id: 'c', name: '张老师' },
];

describe('resolveMentions', () => {
  it('finds members named after @ in the order they appear, each once', () => {
    expect(resolveMentions('#点评 @张老师 和 @王小 好 @张老师', members)).toEqual(['c', 'a']);
  });
  it('reads the longest member name, so @王小明 is not @王小', () => {
    expect(resolveMentions('@王小明 你好', members)).toEqual(['b']);
  });
  it('keeps the ids picked from the @ list first and drops ids that are not members', () => {
    expect(resolveMentions('@张老师 看看', members, ['b', 'stranger'])).toEqual(['b', 'c']);
  });
  it('mentions nobody in text without @', () => {
    expect(resolveMentions('王小明 签到', members)).toEqual([]);
  });
});
