import { foldForSolicitation } from '../../../../../src/features/moderation/detection/fold-for-solicitation';

describe('foldForSolicitation', () => {
  it('folds full-width ASCII, upper case and ideographic spaces without changing the length', () => {
    const text = 'ＶＸ：ＡＢｃ１２３　号。';
    const folded = foldForSolicitation(text);
    expect(folded).toBe('vx:abc123 号.');
    expect(folded.length).toBe(text.length);
  });

  it('returns the text unchanged when there is nothing to fold', () => {
    expect(foldForSolicitation('abc 123 中文')).toBe('abc 123 中文');
  });
});
