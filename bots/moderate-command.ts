import { runModerate } from '../src/features/moderation/detection/run-moderate';

/** `cohort-bot moderate [--lexicon a,b]`: stdin lines → JSON lines; no database needed. */
export async function runModerateCommand(args: string[]): Promise<number> {
  const i = args.indexOf('--lexicon');
  const fromFlag = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && !fromFlag) {
    process.stderr.write('usage: cohort-bot moderate [--lexicon <path>[,<path>…]]\n');
    return 2;
  }
  // The one place outside config that reads the environment: this command needs no other config.
  const paths = (fromFlag ?? process.env.MODERATION_LEXICON ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  await runModerate({ input: process.stdin, output: process.stdout, lexiconPaths: paths.length ? paths : undefined });
  return 0;
}
