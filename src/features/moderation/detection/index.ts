/** Moderation: sensitive-word detection that sees through disguises, and the `moderate` command. */
export { createDetector } from './create-detector';
export type { Detector, DetectorOptions, DetectorStats, MatchLayer, ScanMatch, ScanResult } from './detector';
export { DetectorHolder, type DetectorHolderOptions } from './detector-holder';
export { loadLexicon, type LoadLexiconOptions } from './load-lexicon';
export type { Lexicon, LexiconEntry } from './lexicon';
export { parseWordList } from './parse-word-list';
export { loadCommonWords, type CommonWordsOptions } from './load-common-words';
export { actionFor, type ModerationAction } from './moderation-policy';
export { BANNED_CATEGORIES, BROAD_CATEGORIES, toModerationCategory, type ModerationCategory } from './moderation-category';
export { runModerate, type RunModerateOptions } from './run-moderate';
export { findSolicitation } from './find-solicitation';
