import { loadConfig } from '../src/kernel/load-config';
import { loadScoringConfig } from '../src/kernel/scoring-config';
import { connectMongo } from '../src/stores/connect-mongo';
import { ARCHIVE_KINDS, buildArchive, parseArchiveKind, saveArchive } from '../src/features/reporting/archive-workbooks';
import { createStores } from '../src/stores/create-stores';

const EXPORT_USAGE = `usage: cohort-bot export <cohort-code> <${ARCHIVE_KINDS.join('|')}> [--out <dir>]`;

/** Splits `<code> <kind> [--out <dir>]`; null when the arguments do not fit. */
function parseArgs(args: string[]): { code: string; kind: string; out?: string } | null {
  const positional: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out') {
      out = args[++i];
      if (!out) return null;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (!out) return null;
    } else if (arg.startsWith('-')) {
      return null;
    } else {
      positional.push(arg);
    }
  }
  const [code, kind] = positional;
  if (!code || !kind || positional.length !== 2) return null;
  return { code, kind, out };
}

/** `cohort-bot export <code> <kind> [--out <dir>]`: writes a cohort archive workbook and prints its path. */
export async function runExportCommand(
  args: string[],
  io: { env: NodeJS.ProcessEnv; out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { env: process.env, out: process.stdout, err: process.stderr },
): Promise<number> {
  const { out, err } = io;
  const parsed = parseArgs(args);
  const kind = parsed ? parseArchiveKind(parsed.kind) : null;
  if (!parsed || !kind) {
    err.write(`${EXPORT_USAGE}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  const scoring = loadScoringConfig(config.SCORING_CONFIG);
  const conn = await connectMongo(config.MONGODB_URI);
  try {
    const stores = await createStores(conn);
    const cohort = await stores.cohorts.findByCode(parsed.code);
    if (!cohort) {
      err.write(`没有找到班级码 ${parsed.code}\n`);
      return 1;
    }
    const file = await buildArchive(stores, cohort.id, kind, { scoring, now: new Date() });
    const saved = await saveArchive(file, parsed.out ?? config.EXPORT_DIR);
    out.write(`${saved}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}
