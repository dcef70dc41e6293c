import { Jieba } from '@node-rs/jieba';
import { loadEverydayDictionary, type CommonWordsOptions } from './load-common-words';

/** Splits a run of Chinese text into words; the pieces, joined, are the text again. */
export interface WordSegmenter {
  cut(text: string): string[];
}

const cache = new Map<string, WordSegmenter>();

/**
 * jieba's word segmentation (@node-rs/jieba, MIT) over the everyday dictionary: the words of
 * jieba's dict.txt at or above the common-words frequency floor, not the whole 350 000, which
 * would add rare words that happen to sound like banned ones (and some 25 MB more). Used
 * without HMM, which would join an unknown disguise (大兵砖) into a new "word" and so
 * explain it away. Built once per dictionary and floor (~150 ms, ~18 MB), shared by every detector.
 */
export function loadWordSegmenter(options: CommonWordsOptions = {}): WordSegmenter {
  const key = `${options.path ?? ''}\n${options.minFrequency ?? 20}`;
  let segmenter = cache.get(key);
  if (!segmenter) {
    const jieba = Jieba.withDict(Buffer.from(loadEverydayDictionary(options), 'utf8'));
    segmenter = { cut: (text) => jieba.cut(text, false) };
    cache.set(key, segmenter);
  }
  return segmenter;
}
