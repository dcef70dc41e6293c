import vm from 'node:vm';
import { WEB_PAGE } from '../../../../src/platform/web/web-page';

describe('the web chat page', () => {
  it('has a script that parses (it is served as a string, so no compiler sees it)', () => {
    const script = WEB_PAGE.slice(WEB_PAGE.indexOf('<script>') + '<script>'.length, WEB_PAGE.indexOf('</script>'));
    expect(script.length).toBeGreaterThan(1000);
    expect(() => new vm.Script(script)).not.toThrow();
  });
  it('loads nothing from elsewhere: no external scripts, styles, fonts or images', () => {
    expect(WEB_PAGE).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(WEB_PAGE).not.toMatch(/@import|url\(/i);
  });
});
