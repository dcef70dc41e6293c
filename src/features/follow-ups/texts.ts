/** Follow-ups' user-facing wording (SPEC §3.8, seed 四(二)10 回访登记): the questions and the replies to answers. */

/** How a trainee answers a follow-up visit, shown in the questions and usage replies. */
export const FOLLOW_UP_FORM = '开店了吗（开了/没开）、哪个平台、每月销售额（元）、需要什么帮助，例如：开了 抖音 3000 需要直播带货指导';

/** The questions of a follow-up visit. */
export function followUpQuestions(cohortName: string, wave: number): string {
  return `「${cohortName}」结业 ${wave} 天回访：请问你开网店了吗？在哪个平台？每月大概卖多少钱？还需要什么帮助？\n直接回复：${FOLLOW_UP_FORM}`;
}

/** An answer recorded. */
export const FOLLOW_UP_THANKS = '谢谢！回访已登记。有需要帮助的地方，工作人员会联系你。';

/** An answer that says nothing about the shop. */
export const FOLLOW_UP_NOT_UNDERSTOOD = `没看懂你的回答。请按这样回复：${FOLLOW_UP_FORM}`;
