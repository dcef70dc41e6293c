/** Chinese texts of #后台. */

export const CONSOLE_LINK = {
  summary: '获取后台登录链接（私聊，工作人员查看班级数据、审批请假）',
  usage: '#后台',
};

/** The console has no secret configured. */
export const CONSOLE_NOT_SET_UP = '后台还没有配置（需要设置 CONSOLE_SECRET），请联系管理员。';

/** The sender belongs to no cohort and is no administrator. */
export const CONSOLE_NOBODY = '你还不在任何班级里，后台暂时没有可看的内容。';

/** The link, with how long it lasts. */
export function consoleLinkReply(url: string, minutes: number): string {
  return `后台登录链接（${minutes} 分钟内有效，只能用一次，请勿转发）：\n${url}`;
}

/** The sender asked for more links this hour than allowed. */
export function consoleLinkTooOften(perHour: number): string {
  return `后台登录链接每人每小时最多获取 ${perHour} 次，请稍后再试。刚才收到的链接在有效期内仍可使用。`;
}
