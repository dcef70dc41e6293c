import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../support/paths';

describe('bin/cohort-bot.js', () => {
  it('before `npm run build` fails with one line saying to build, not a stack trace', () => {
    // The package layout without dist/: bin/ alone, as in a fresh clone.
    const root = mkdtempSync(path.join(tmpdir(), 'cohort-bot-unbuilt-'));
    mkdirSync(path.join(root, 'bin'));
    copyFileSync(path.join(REPO_ROOT, 'bin/cohort-bot.js'), path.join(root, 'bin/cohort-bot.js'));
    const run = spawnSync(process.execPath, [path.join(root, 'bin/cohort-bot.js'), 'bot'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npm run build');
  });

  it('runs `moderate` in a process of its own with its node flags: verdicts out, the exit code passed on', () => {
    const bin = path.join(REPO_ROOT, 'bin/cohort-bot.js');
    const run = spawnSync(process.execPath, [bin, 'moderate'], { input: '你好\n有人卖冰吗\n', encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { flagged: boolean }).flagged)).toEqual([false, true]);
    const bad = spawnSync(process.execPath, [bin, 'moderate', '--nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage: cohort-bot moderate');
  });
});
