/** Homework (SPEC §3.3): 布置作业, 交作业 (text, images, quoted replies) with a live board per homework, 点评, 优秀作业. */
import type { FeatureFactory } from '../../pipeline/feature';
import { homeworkBoardOf } from './homework-board';
import { homeworkChat } from './homework-chat';
import { assignHomeworkCommand, reviewCommand, showcaseCommand, submitHomeworkCommand } from './homework.command';

/** Homework commands, images or quoted replies in chat that complete a submission, and the process's homework board. */
export const homeworkFeature: FeatureFactory = (deps) => {
  const board = homeworkBoardOf(deps);
  return {
    name: 'homework',
    commands: [submitHomeworkCommand, assignHomeworkCommand, reviewCommand, showcaseCommand],
    chat: [homeworkChat],
    stop: () => board.flushAll(),
    sweep: () => {
      board.sweep();
    },
  };
};
