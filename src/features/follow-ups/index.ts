/** Follow-up visits (SPEC §3.8): 30, 90 and 180 days after a cohort ends, recorded as 回访登记. */
export { answerFollowUp, FOLLOW_UP_WAVES, parseFollowUpAnswer, planFollowUps } from './follow-up-service';
export { renderFollowUpSummary, type FollowUpSummaryInput } from './follow-up-summary';
export { FOLLOW_UP_FORM, FOLLOW_UP_NOT_UNDERSTOOD, FOLLOW_UP_THANKS, followUpQuestions } from './texts';
