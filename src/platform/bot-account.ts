import { createHash } from 'node:crypto';
import type { Platform } from './chat-event';

/** The settings that tell one bot account from another on the same Redis. */
export interface AccountSettings {
  DINGTALK_CLIENT_ID?: string | undefined;
  WECHATY_PUPPET_SERVICE_TOKEN?: string | undefined;
}

/**
 * One bot account: the platform, its own name there (a DingTalk robot's client id, a digest of
 * a WeChat account's puppet token, never the token itself) and `id`, the two in one word fit
 * for a queue name (no ':', which BullMQ refuses) and for a group binding.
 */
export interface BotAccount {
  platform: Platform;
  name: string;
  id: string;
}

const SAFE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** The account the bot process configured by `settings` holds on `platform`. */
export function botAccount(settings: AccountSettings, platform: Platform): BotAccount {
  const name =
    platform === 'dingtalk'
      ? (settings.DINGTALK_CLIENT_ID ?? 'robot')
      : platform === 'wechaty'
        ? createHash('sha256').update(settings.WECHATY_PUPPET_SERVICE_TOKEN ?? '').digest('hex').slice(0, 12)
        : platform;
  if (name === platform) return { platform, name, id: platform };
  // A client id with characters a queue name cannot hold is named by its digest instead.
  const safe = SAFE_NAME.test(name) ? name : createHash('sha256').update(name).digest('hex').slice(0, 16);
  return { platform, name, id: `${platform}-${safe}` };
}

/**
 * The id of the bot account a process holds: what a group binding records as the account that
 * serves the group, and what names that account's outbox queue and send budget.
 */
export function accountId(settings: AccountSettings, platform: Platform): string {
  return botAccount(settings, platform).id;
}
