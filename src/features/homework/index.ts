/** Homework (SPEC §3.3): 布置作业, 交作业 (text, images, quoted replies), 点评, 优秀作业. */
import type { FeatureFactory } from '../../pipeline/feature';
import { homeworkChat } from './homework-chat';
import { assignHomeworkCommand, reviewCommand, showcaseCommand, submitHomeworkCommand } from './homework.command';

/** Homework commands, and images or quoted replies in chat that complete a submission. */
export const homeworkFeature: FeatureFactory = () => ({
  name: 'homework',
  commands: [submitHomeworkCommand, assignHomeworkCommand, reviewCommand, showcaseCommand],
  chat: [homeworkChat],
});
