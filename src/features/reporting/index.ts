/** Reporting (SPEC §3.6, §3.9): the daily digest, training briefs, archive workbooks, 我的. */
import type { FeatureFactory } from '../../pipeline/feature';
import { digestCommand } from './digest.command';
import { briefCommand, exportCommand } from './export.command';
import { meCommand } from './me.command';

/** The staff robot senders (WeCom group robot, DingTalk custom robot), for alerts that must not wait for a queue. */
export { sendWecomImage, sendWecomRobot } from './webhooks/wecom-robot';
export { sendDingtalkMarkdown, sendDingtalkRobot } from './webhooks/dingtalk-robot';

/** 我的, 简报, 导出, 日报. */
export const reportingFeature: FeatureFactory = () => ({
  name: 'reporting',
  commands: [meCommand, briefCommand, exportCommand, digestCommand],
});
