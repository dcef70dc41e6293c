import { findPhoneNumbers } from '../../../../../src/features/moderation/detection/find-phone-numbers';
import { foldForSolicitation } from '../../../../../src/features/moderation/detection/fold-for-solicitation';

const phones = (text: string): string[] => findPhoneNumbers(foldForSolicitation(text)).map((m) => text.slice(m.start, m.end));

describe('findPhoneNumbers', () => {
  it('finds a plain mainland mobile number', () => {
    expect(phones('电话13800138000找我')).toEqual(['13800138000']);
  });

  it('finds numbers written with spaces or dashes', () => {
    expect(phones('138 0013 8000')).toEqual(['138 0013 8000']);
    expect(phones('联系：139-1234-5678。')).toEqual(['139-1234-5678']);
  });

  it('finds numbers written in full-width digits', () => {
    expect(phones('１３８００１３８０００')).toEqual(['１３８００１３８０００']);
  });

  it('finds numbers spelled in Chinese numerals', () => {
    expect(phones('打一三八零零一三八零零零')).toEqual(['一三八零零一三八零零零']);
  });

  it('ignores numbers that are not mobile numbers or sit inside longer numbers', () => {
    expect(phones('订单号 123456789012345678')).toEqual([]);
    expect(phones('GMV 12000000000')).toEqual([]);
    expect(phones('播放量49623，完播率6.5%')).toEqual([]);
  });
});
