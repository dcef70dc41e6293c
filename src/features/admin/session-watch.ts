import type { Logger } from '../../kernel/logger';
import type { SessionEvent, SessionSink } from '../../platform/platform-adapter';
import { sendDingtalkMarkdown, sendDingtalkRobot, sendWecomImage, sendWecomRobot } from '../reporting';
import { pngQr, qrLink, terminalQr } from './login-qr';
import { loginQrMarkdown, loginQrNotice, sessionLostNotice } from './texts';

/** The staff robot webhooks that alerts go to: the digest's robots (DIGEST_WECOM_WEBHOOK, DIGEST_DINGTALK_WEBHOOK). */
export interface StaffRobots {
  wecomUrl?: string;
  dingtalkUrl?: string;
  /** The DingTalk robot's 加签 secret, when it has one. */
  dingtalkSecret?: string;
}

/** Why a session was lost, as the adapter reported it. */
export type SessionLossReason = Extract<SessionEvent, { type: 'session-lost' }>['reason'];

/** What the session watch needs: where alerts go, how long a lost session may take to return, what to do then. */
export interface SessionWatchOptions {
  robots: StaffRobots;
  /** The bot's name in the alerts (BOT_NAME). */
  botName: string;
  /** LOGIN_QR_LINK: a page that shows a QR code from its value, or `off`. */
  qrLinkPrefix: string;
  /** How long a lost session may take to come back before `onGiveUp`. */
  graceMs: number;
  log: Logger;
  /** Prints the QR code for whoever watches the console; stderr by default (stdout carries the JSON log). */
  printQr?: (text: string) => void;
  /** Called once when a lost session did not come back within the grace period: the process should exit non-zero. */
  onGiveUp(reason: SessionLossReason): void;
}

/** The bot process's view of its platform session, fed by the adapter's session events. */
export interface SessionWatch {
  /** Give this to the adapter's `start`. */
  readonly onSession: SessionSink;
  /** Logged in now: the bot can send (the health check's `loggedIn`). */
  isLoggedIn(): boolean;
  /** Resolves once every alert started so far was sent or failed (failures are logged, never thrown). */
  settled(): Promise<void>;
  /** Cancels a pending give-up and ignores later events: the process is stopping on purpose. */
  stop(): void;
}

/**
 * Acts on the bot's platform session: a login QR code is printed on the console and posted to
 * the staff robots (WeCom as an image, DingTalk as a markdown image link) so an admin can scan
 * it from a phone; a lost session (logout, or the puppet service gone) alerts the robots and,
 * unless a login follows within the grace period, gives up so the restart policy brings the
 * process back instead of it running on unable to send.
 */
export function watchSession(options: SessionWatchOptions): SessionWatch {
  const { log, robots } = options;
  const print = options.printQr ?? ((text: string) => void process.stderr.write(text));
  const pending = new Set<Promise<void>>();
  let loggedIn = false;
  let stopped = false;
  let lastQr = '';
  let grace: NodeJS.Timeout | null = null;

  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const onSession: SessionSink = (event) => {
    if (stopped) return;
    if (event.type === 'login-qr') {
      // The same code is reported again as it is scanned and confirmed; only a new code is shown.
      if ((event.status !== 'waiting' && event.status !== 'unknown') || event.qr === lastQr) {
        log.info({ status: event.status }, 'login QR code status');
        return;
      }
      lastQr = event.qr;
      const link = qrLink(options.qrLinkPrefix, event.qr);
      try {
        print(`\nScan this QR code with the bot's WeChat account to log in${link ? ` (or open ${link})` : ''}:\n${terminalQr(event.qr)}\n`);
      } catch (err) {
        log.error({ err }, 'could not print the login QR code');
      }
      log.warn('waiting for the WeChat login: the QR code is on the console and sent to the staff robots');
      track(postLoginQr(event.qr, link));
      return;
    }
    if (event.type === 'logged-in') {
      loggedIn = true;
      lastQr = '';
      if (grace) {
        clearTimeout(grace);
        grace = null;
        log.warn('logged in again within the grace period; not restarting');
      }
      return;
    }
    loggedIn = false;
    log.error({ reason: event.reason, detail: event.detail, graceMs: options.graceMs }, 'platform session lost: the bot cannot send; exiting after the grace period unless it comes back');
    track(alertSessionLost(event.reason));
    grace ??= setTimeout(() => {
      grace = null;
      if (!stopped) options.onGiveUp(event.reason);
    }, options.graceMs);
  };

  return {
    onSession,
    isLoggedIn: () => loggedIn,
    async settled() {
      await Promise.all([...pending]);
    },
    stop() {
      stopped = true;
      if (grace) clearTimeout(grace);
      grace = null;
    },
  };

  /** Sends to every configured robot at once; a robot that fails is logged and the others still get it. */
  async function toRobots(sends: { robot: 'wecom' | 'dingtalk'; send: () => Promise<unknown> }[]): Promise<void> {
    await Promise.all(
      sends.map(({ robot, send }) => send().catch((err: unknown) => log.warn({ err, robot }, 'staff robot alert failed'))),
    );
  }

  async function postLoginQr(qr: string, link: string | null): Promise<void> {
    const sends: Parameters<typeof toRobots>[0] = [];
    const { wecomUrl, dingtalkUrl } = robots;
    if (wecomUrl) {
      sends.push({
        robot: 'wecom',
        send: async () => {
          await sendWecomRobot(wecomUrl, loginQrNotice(options.botName, link));
          await sendWecomImage(wecomUrl, await pngQr(qr));
        },
      });
    }
    if (dingtalkUrl) {
      sends.push({
        robot: 'dingtalk',
        send: async () => {
          if (!link) return sendDingtalkRobot(dingtalkUrl, robots.dingtalkSecret, loginQrNotice(options.botName, null));
          const { title, text } = loginQrMarkdown(options.botName, link);
          return sendDingtalkMarkdown(dingtalkUrl, robots.dingtalkSecret, title, text);
        },
      });
    }
    await toRobots(sends);
  }

  async function alertSessionLost(reason: SessionLossReason): Promise<void> {
    const text = sessionLostNotice(options.botName, reason, Math.round(options.graceMs / 1000));
    const sends: Parameters<typeof toRobots>[0] = [];
    const { wecomUrl, dingtalkUrl } = robots;
    if (wecomUrl) sends.push({ robot: 'wecom', send: () => sendWecomRobot(wecomUrl, text) });
    if (dingtalkUrl) sends.push({ robot: 'dingtalk', send: () => sendDingtalkRobot(dingtalkUrl, robots.dingtalkSecret, text) });
    await toRobots(sends);
  }
}
