import { CharClass, CharTables } from '../../../../../src/features/moderation/detection/char-tables';
import { NormalisedText } from '../../../../../src/features/moderation/detection/normalised-text';

const tables = CharTables.shared();

function fold(text: string): { chars: string; runs: number[]; spans: Array<[number, number]> } {
  const t = new NormalisedText(tables);
  t.fill(text);
  let chars = '';
  const runs: number[] = [];
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < t.length; i++) {
    chars += String.fromCodePoint(t.cp[i] as number);
    runs.push(t.run[i] as number);
    spans.push([t.start[i] as number, t.end[i] as number]);
  }
  return { chars, runs, spans };
}

describe('NormalisedText', () => {
  it('folds full-width letters and digits to ASCII', () => {
    expect(fold('ａ片１２３').chars).toBe('a片123');
  });

  it('folds upper case to lower case', () => {
    expect(fold('AV女优 qQ').chars).toBe('av女优q');
  });

  it('folds circled and mathematical letter styles to plain letters', () => {
    expect(fold('ⓐⓥ𝐀𝐕①').chars).toBe('avav1');
  });

  it('converts traditional characters to simplified', () => {
    expect(fold('黃色電影').chars).toBe('黄色电影');
  });

  it('drops inserted symbols, spaces and ideographic spaces but keeps their original offsets', () => {
    const r = fold('赌*博 网　站');
    expect(r.chars).toBe('赌博网站');
    expect(r.spans).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it('drops emoji, zero-width characters and variation selectors', () => {
    expect(fold('毒\u200b品❤️🌸👍🏻好').chars).toBe('毒品好');
  });

  it('does not turn enclosed ideograph emoji into characters (🈲 is not 禁)', () => {
    expect(fold('美女🈲野球拳').chars).toBe('美女野球拳');
  });

  it('collapses repeated characters into one token with a run count spanning all repeats', () => {
    const r = fold('赌赌赌博');
    expect(r.chars).toBe('赌博');
    expect(r.runs).toEqual([3, 1]);
    expect(r.spans[0]).toEqual([0, 3]);
  });

  it('keeps astral characters as one token with a two-unit span', () => {
    const r = fold('a𠀀b');
    expect(r.chars).toBe('a𠀀b');
    expect(r.spans[1]).toEqual([1, 3]);
  });

  it('strips tone marks from typed pinyin and writes ü as v', () => {
    expect(fold('dú pǐn nǚ').chars).toBe('dupinv');
  });

  it('classifies tokens as Han, latin or digit', () => {
    const t = new NormalisedText(tables);
    t.fill('毒a1');
    expect([t.cls[0], t.cls[1], t.cls[2]]).toEqual([CharClass.HAN, CharClass.LATIN, CharClass.DIGIT]);
  });
});
