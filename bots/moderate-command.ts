import { access, constants } from 'node:fs/promises';
import { runModerate } from '../src/features/moderation/detection/run-moderate';
import { strictArgs } from './strict-args';

const MODERATE_USAGE = 'usage: cohort-bot moderate [--lexicon <path>[,<path>…]]';

/** Where `moderate` reads and writes; the process's stdin and stdout unless a test passes its own. */
export interface ModerateIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * `cohort-bot moderate [--lexicon a,b]`: stdin lines → JSON lines, one verdict per input line;
 * no database needed. A line ends at \n or \r\n only: a lone \r is part of the line it stands in.
 */
export async function runModerateCommand(
  args: string[],
  io: ModerateIo = { input: process.stdin, output: process.stdout },
  err: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = strictArgs(args, { lexicon: { type: 'string' } });
  if (typeof parsed === 'string' || parsed.lexicon === '') {
    err.write(`${typeof parsed === 'string' ? `${parsed}\n` : ''}${MODERATE_USAGE}\n`);
    return 2;
  }
  // The one place outside config that reads the environment: this command needs no other config.
  const source = parsed.lexicon !== undefined ? '--lexicon' : 'MODERATION_LEXICON';
  const paths = (parsed.lexicon ?? env.MODERATION_LEXICON ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const p of paths) {
    try {
      await access(p, constants.R_OK);
    } catch (e) {
      err.write(`cannot read the word list ${p} (from ${source}): ${(e as { code?: string }).code ?? 'unreadable'}\n`);
      return 1;
    }
  }
  await runModerate({ input: io.input, output: io.output, lexiconPaths: paths.length ? paths : undefined });
  return 0;
}
