import { loadConfig } from '../src/kernel/load-config';
import { connectMongo } from '../src/stores/connect-mongo';
import { createStores } from '../src/stores/create-stores';
import { createAdminInvite, DEFAULT_INVITE_MINUTES } from '../src/features/admin';

/** The longest a claim code may live: a day. */
const MAX_MINUTES = 24 * 60;

/**
 * `cohort-bot admin invite [--minutes N]`: prints a one-time administrator claim code (stored
 * hashed) and how to use it, so the first administrator needs no platform user id.
 */
export async function runAdminCommand(
  args: string[],
  io: { env: NodeJS.ProcessEnv; out: NodeJS.WritableStream; err: NodeJS.WritableStream; now: () => Date } = {
    env: process.env,
    out: process.stdout,
    err: process.stderr,
    now: () => new Date(),
  },
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'invite') {
    io.err.write('usage: cohort-bot admin invite [--minutes <n>]\n');
    return 2;
  }
  const at = rest.indexOf('--minutes');
  const minutes = at >= 0 ? Number(rest[at + 1]) : DEFAULT_INVITE_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) {
    io.err.write(`--minutes must be a whole number from 1 to ${MAX_MINUTES}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  const conn = await connectMongo(config.MONGODB_URI);
  try {
    const stores = await createStores(conn);
    const invite = await createAdminInvite(stores.admins, io.now(), minutes);
    io.out.write(
      [
        `administrator claim code: ${invite.code}`,
        `valid once, until ${invite.expiresAt.toISOString()} (${minutes} minutes); code id ${invite.id}`,
        `the person who should become administrator sends the bot, in a private chat: #认领管理员 ${invite.code}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await conn.close();
  }
}
