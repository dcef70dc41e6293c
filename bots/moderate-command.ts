import { runModerate } from '../src/features/moderation/detection/run-moderate';

/** Where `moderate` reads and writes; the process's stdin and stdout unless a test passes its own. */
export interface ModerateIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * `cohort-bot moderate [--lexicon a,b]`: stdin lines → JSON lines, one verdict per input line;
 * no database needed. A line ends at \n or \r\n only: a lone \r is part of the line it stands in.
 */
export async function runModerateCommand(args: string[], io: ModerateIo = { input: process.stdin, output: process.stdout }): Promise<number> {
  const i = args.indexOf('--lexicon');
  const fromFlag = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && !fromFlag) {
    process.stderr.write('usage: cohort-bot moderate [--lexicon <path>[,<path>…]]\n');
    return 2;
  }
  // The one place outside config that reads the environment: this command needs no other config.
  const paths = (fromFlag ?? process.env.MODERATION_LEXICON ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  await runModerate({ input: io.input, output: io.output, lexiconPaths: paths.length ? paths : undefined });
  return 0;
}
