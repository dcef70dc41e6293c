import { esc, html } from '../../../src/console/html';
import { cohortsPage, messagePage } from '../../../src/console/console-pages';
import type { Cohort } from '../../../src/domain/types';
import { DEFAULT_COHORT_SETTINGS } from '../../../src/domain/types';

describe('console pages', () => {
  it('escapes HTML and masks phone numbers in every value', () => {
    expect(esc('<script>"x"</script> 13812345678')).not.toMatch(/<script>|13812345678/);
    expect(html`<p>${'a&b'}</p>`.value).toBe('<p>a&amp;b</p>');
  });

  it('a refusal page carries the text escaped', () => {
    expect(messagePage('标题', '<b>x</b>')).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('shows 批准/驳回 only to the office, with the CSRF token in each form', () => {
    const cohort: Cohort = {
      id: '0123456789abcdef01234567',
      code: 'K7Q2MX',
      name: '直播班<13812345678>',
      startDate: '2027-03-01',
      endDate: '2027-03-05',
      location: '',
      timezone: 'Asia/Shanghai',
      createdBy: 'u1',
      plan: { status: 'submitted' },
      settings: { ...DEFAULT_COHORT_SETTINGS },
    };
    const office = cohortsPage([{ cohort, trainees: 3, canDecidePlan: true, status: '未开始' }], { csrf: 'TOKEN', jobs: false });
    expect(office).toContain('/cohorts/0123456789abcdef01234567/plan/approve');
    expect(office.match(/name="_csrf" value="TOKEN"/g)?.length).toBe(3);
    expect(office).not.toContain('13812345678');
    const staff = cohortsPage([{ cohort, trainees: 3, canDecidePlan: false, status: '未开始' }], { csrf: 'TOKEN', jobs: false });
    expect(staff).not.toContain('/plan/approve');
  });
});
