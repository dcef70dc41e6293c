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
});
