/**
 * The admin feature's user-facing wording: the 认领管理员 command and its answers, and what the
 * staff robots are told about the bot's own WeChat session (login QR code, lost session).
 */

/** 认领管理员's own declaration. */
export const CLAIM = {
  summary: '用部署人员生成的一次性认领码成为管理员（工作人员和领导组办公室权限）',
  usage: '#认领管理员 <认领码>',
  example: '#认领管理员 K7QMR2XD',
  missing: '缺少认领码',
} as const;

/** The code was right: the sender is an administrator from now on. */
export const CLAIMED = '认领成功：你已成为管理员，在所有班级都有工作人员和领导组办公室的权限。可以在班级群里发送 #新建班级 开始。';

/** The sender already is an administrator; the code was not spent. */
export const ALREADY_ADMIN = '你已经是管理员了，这个认领码没有使用，可以留给别人。';

/** No code with this value. */
export const CLAIM_UNKNOWN = '认领码不对，请检查后重新发送。本次没有做任何改动。';

/** The code was spent already (by someone else, or earlier). */
export const CLAIM_USED = '这个认领码已经用过了，每个认领码只能用一次。请部署人员运行 cohort-bot admin invite 重新生成。';

/** The code is older than its expiry. */
export const CLAIM_EXPIRED = '这个认领码已过期。请部署人员运行 cohort-bot admin invite 重新生成。';

/** Too many attempts from this sender within the hour. */
export function tooManyClaims(limit: number): string {
  return `认领尝试太多（每小时最多 ${limit} 次），请一小时后再试。本次没有做任何改动。`;
}

/** What the staff robots get when WeChat asks for a QR scan before the bot can log in. */
export function loginQrNotice(botName: string, link: string | null): string {
  const where = link ? `二维码：${link}` : '二维码已打印在机器人的日志里（docker compose logs bot）。';
  return `【${botName}】微信需要扫码登录：请用机器人使用的那个微信号扫描二维码（在另一台设备上打开）。${where}`;
}

/** The markdown title and text for a robot that shows images by URL (DingTalk). */
export function loginQrMarkdown(botName: string, link: string): { title: string; text: string } {
  return {
    title: `${botName}需要扫码登录`,
    text: `### ${botName}需要扫码登录\n\n请用机器人使用的那个微信号扫描下面的二维码：\n\n![登录二维码](${link})\n\n[打不开图片时点这里](${link})`,
  };
}

/** What the staff robots get when the bot's session is lost and it will restart. */
export function sessionLostNotice(botName: string, reason: 'logout' | 'disconnected', graceSeconds: number): string {
  const what = reason === 'logout' ? '微信已退出登录' : '与协议服务（puppet service）的连接断开了';
  return `【${botName}】${what}，现在发不出消息。${graceSeconds} 秒内没有恢复的话，机器人会自动重启；需要扫码时，新的二维码会发到这里。`;
}

/** Names listed in an expired-messages notice before the rest fold into 等 N 条. */
const EXPIRED_MAX_LISTED = 5;

/**
 * To a cohort's staff: scheduled messages to its groups that were not sent because they had
 * lost their meaning when the platform could take them (the bot was logged out, or sending was delayed).
 */
export function expiredMessagesNotice(cohortName: string, what: readonly string[]): string {
  const listed = what.slice(0, EXPIRED_MAX_LISTED).map((w) => `· ${w}`);
  const more = what.length > EXPIRED_MAX_LISTED ? [`等 ${what.length} 条`] : [];
  return [
    `⚠️「${cohortName}」有 ${what.length} 条定时消息没有发到群里：发送被耽误（机器人掉线或发送受限），到能发的时候已经过时。`,
    ...listed,
    ...more,
    '其余消息照常发出；如有需要，请在群里补充说明。',
  ].join('\n');
}
