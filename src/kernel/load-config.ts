import { IANAZone } from 'luxon';
import { z } from 'zod';

const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0));

const httpUrl = z.string().refine((v) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, 'must be an http(s) URL');

const intFrom = (def: number, min: number) =>
  z.coerce.number().int().min(min).optional().transform((v) => v ?? def);

/** The whole runtime configuration, validated once at start from the environment. */
export const configSchema = z.object({
  MONGODB_URI: z.string({ error: 'is required' }).regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb://'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis://').default('redis://127.0.0.1:6379'),
  /**
   * A Redis Cluster instead of REDIS_URL's server: comma-separated `host:port` seeds. Every key
   * then carries QUEUE_PREFIX as one hash tag (`{cohort-bot}`), which BullMQ needs on a cluster.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be host:port[,host:port…]')
    .optional()
    .transform((v) => (v ? v.split(',') : undefined)),
  /** Unset: wechaty when a puppet-service token is set, dingtalk when a DingTalk client id is, else the built-in web chat. */
  BOT_PLATFORM: z.enum(['wechaty', 'dingtalk', 'web']).optional(),
  ADMIN_IDS: csv,
  TZ_DEFAULT: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => IANAZone.isValidZone(tz), 'must be an IANA time zone such as Asia/Shanghai'),
  MODERATION_LEXICON: csv,
  /** JSON file with points weights and tier thresholds; defaults apply when unset. */
  SCORING_CONFIG: z.string().optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z.string().optional(),
  WECHATY_PUPPET_SERVICE_TLS_CA_CERT: z.string().optional(),
  WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME: z.string().optional(),
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: z
    .string()
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  DINGTALK_CLIENT_ID: z.string().optional(),
  DINGTALK_CLIENT_SECRET: z.string().optional(),
  DINGTALK_GATEWAY_URL: httpUrl.default('https://api.dingtalk.com/v1.0/gateway/connections/open'),
  DINGTALK_API_URL: httpUrl.default('https://api.dingtalk.com'),
  BOT_NAME: z.string().default('班级助手'),
  /** Where 导出 saves workbooks on platforms whose robot cannot send files (DingTalk). */
  EXPORT_DIR: z.string().default('./exports'),
  /** Staff digest to a WeCom group robot (SPEC §1): its webhook URL, which carries the robot's key. */
  DIGEST_WECOM_WEBHOOK: httpUrl.optional(),
  /** Staff digest to a DingTalk custom robot: its webhook URL and, when 加签 is on, its SEC… secret. */
  DIGEST_DINGTALK_WEBHOOK: httpUrl.optional(),
  DIGEST_DINGTALK_SECRET: z.string().optional(),
  /** Reminder times (cohort time zone): the evening before a training day, the review nudge next morning. */
  REMINDER_DAY_BEFORE_TIME: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:mm').default('20:00'),
  REVIEW_REMINDER_TIME: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:mm').default('08:00'),
  /** Minutes before a homework deadline that non-submitters are reminded. */
  HOMEWORK_REMINDER_MINUTES: intFrom(60, 1),
  /** When the staff daily digest goes out (cohort time zone). */
  DIGEST_TIME: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:mm').default('20:30'),
  /** How long a worker holds a job before another may take it over (a crashed worker's jobs). */
  WORKER_LOCK_SECONDS: intFrom(30, 1),
  /** A simulated clock for demos and tests: `<ISO start>@<anchor epoch ms>x<speed>`. */
  SIMULATED_CLOCK: z.string().optional(),
  /** The warning ladder (SPEC §3.7): warnings in force that lead to a mute, then to removal. */
  MODERATION_MUTE_AFTER: intFrom(3, 1),
  MODERATION_REMOVE_AFTER: intFrom(5, 1),
  MODERATION_WARNING_TTL_HOURS: intFrom(72, 1),
  MODERATION_MUTE_MINUTES: intFrom(60, 1),
  /** Flood control: more than FLOOD_MAX_MESSAGES in FLOOD_WINDOW_SECONDS from one member. */
  FLOOD_MAX_MESSAGES: intFrom(12, 1),
  FLOOD_WINDOW_SECONDS: intFrom(30, 1),
  /** What the outbox sends a minute to one group or one private chat, and from one bot account in all (0: no account budget). */
  OUTBOX_CHAT_PER_MINUTE: intFrom(20, 1),
  OUTBOX_ACCOUNT_PER_MINUTE: intFrom(60, 0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUEUE_PREFIX: z.string().regex(/^(\{[A-Za-z0-9_-]+\}|[A-Za-z0-9_-]+)$/, 'letters, digits, - and _ only (optionally in one {…} hash tag)').default('cohort-bot'),
  SIGNIN_BOARD_INTERVAL_MS: intFrom(3000, 0),
  STALE_MESSAGE_SECONDS: intFrom(600, 0),
  BOT_LOGIN_TIMEOUT_SECONDS: intFrom(60, 1),
  /** File the bot and worker processes rewrite with the time every minute, for a container healthcheck. */
  HEARTBEAT_FILE: z.string().optional(),
  /** Where the bot and worker processes answer GET /healthz; loopback unless told otherwise. Port 0: any free port. */
  HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional().transform((v) => v ?? 9090),
  /** How long start-up waits for MongoDB and Redis before it exits non-zero with one line naming the one it could not reach. */
  CONNECT_TIMEOUT_SECONDS: intFrom(10, 1),
  /** How long MongoDB or Redis may stay unreachable while the process runs before it exits non-zero (the restart policy brings it back). */
  OUTAGE_LIMIT_SECONDS: intFrom(120, 1),
  /** How long one chat event may be in the pipeline before the bot counts itself stuck: /healthz fails and the process exits non-zero. */
  EVENT_STALL_SECONDS: intFrom(180, 1),
  /** After a logout or a lost puppet connection, how long the bot waits for a new login before it exits non-zero (the restart policy brings it back). */
  LOGOUT_GRACE_SECONDS: intFrom(30, 0),
  /** A page that shows the WeChat login QR code from its value (appended URL-encoded), linked in the staff robots' message; `off`: no link. */
  LOGIN_QR_LINK: z.union([z.literal('off'), httpUrl]).default('off'),
  /** The built-in web chat (BOT_PLATFORM=web): the address it listens on; loopback unless told otherwise. */
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).optional().transform((v) => v ?? 8080),
  /** The staff console (`cohort-bot console`): the address it listens on; loopback unless told otherwise. */
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).optional().transform((v) => v ?? 8090),
  /** The address staff open: sign-in links from #后台 and signed image links (DingTalk robot markdown) start with it. */
  CONSOLE_PUBLIC_URL: httpUrl.default('http://127.0.0.1:8090'),
  /** Signs sign-in links, sessions and image links (at least 32 characters); without it #后台 says the console is not set up. */
  CONSOLE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a #后台 sign-in link stays usable (it is single use either way). */
  CONSOLE_LINK_MINUTES: intFrom(10, 1),
  /** How long a console session lasts after sign-in. */
  CONSOLE_SESSION_HOURS: intFrom(12, 1),
  /** The CJK font the digest and scorecard pictures are drawn with (Debian: fonts-noto-cjk). */
  CARD_FONT_FILE: z.string().min(1).default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  /** Web chat only: create the demo cohort in its class group when the database has no cohort. Unset: on for web. */
  DEMO_SEED: z
    .enum(['1', '0', 'true', 'false'], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true')),
});

/** The platforms a bot process can connect to. */
export type BotPlatform = 'wechaty' | 'dingtalk' | 'web';

/** Validated configuration as the rest of the program sees it, defaults that depend on other variables filled in. */
export type Config = Omit<z.infer<typeof configSchema>, 'BOT_PLATFORM' | 'DEMO_SEED'> & { BOT_PLATFORM: BotPlatform; DEMO_SEED: boolean };

/** Raised when the environment is unusable; its message is one readable line. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads and validates the configuration once; a bad value stops start-up naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    picked[key] = value === '' ? undefined : value;
  }
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = first?.path.join('.') ?? 'environment';
    const detail = first?.code === 'invalid_type' && picked[name] === undefined ? 'is required' : first?.message;
    throw new ConfigError(`configuration error: ${name} ${detail ?? 'is invalid'}`);
  }
  const { BOT_PLATFORM, DEMO_SEED, ...rest } = parsed.data;
  // An explicit BOT_PLATFORM wins; else the credentials present choose; with none, the web chat runs.
  const platform: BotPlatform = BOT_PLATFORM ?? (rest.WECHATY_PUPPET_SERVICE_TOKEN ? 'wechaty' : rest.DINGTALK_CLIENT_ID ? 'dingtalk' : 'web');
  // On a Redis Cluster the whole key space is one hash tag: BullMQ's scripts and ours touch several keys at once.
  const QUEUE_PREFIX = rest.REDIS_CLUSTER_NODES && !rest.QUEUE_PREFIX.startsWith('{') ? `{${rest.QUEUE_PREFIX}}` : rest.QUEUE_PREFIX;
  return { ...rest, QUEUE_PREFIX, BOT_PLATFORM: platform, DEMO_SEED: platform === 'web' && (DEMO_SEED ?? true) };
}

/** Platform settings checked only by the process that connects to that platform; the web chat needs none. */
export function requirePlatformConfig(config: Config): void {
  if (config.BOT_PLATFORM === 'wechaty') {
    if (!config.WECHATY_PUPPET_SERVICE_TOKEN) {
      throw new ConfigError('configuration error: WECHATY_PUPPET_SERVICE_TOKEN is required when BOT_PLATFORM=wechaty');
    }
    if (!config.WECHATY_PUPPET_SERVICE_ENDPOINT) {
      throw new ConfigError('configuration error: WECHATY_PUPPET_SERVICE_ENDPOINT is required when BOT_PLATFORM=wechaty (host:port of the puppet service)');
    }
  } else if (config.BOT_PLATFORM === 'dingtalk') {
    if (!config.DINGTALK_CLIENT_ID) throw new ConfigError('configuration error: DINGTALK_CLIENT_ID is required when BOT_PLATFORM=dingtalk');
    if (!config.DINGTALK_CLIENT_SECRET) throw new ConfigError('configuration error: DINGTALK_CLIENT_SECRET is required when BOT_PLATFORM=dingtalk');
  }
}
