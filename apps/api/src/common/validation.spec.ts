import { validate } from 'class-validator';
import { EachTextLength } from './validation.js';

class Keywords {
  @EachTextLength(2, 60)
  keywords: string[] = [];
}

async function messageFor(keywords: string[]): Promise<{ vi: string; en: string } | null> {
  const input = Object.assign(new Keywords(), { keywords });
  const [error] = await validate(input);
  return error ? JSON.parse(Object.values(error.constraints ?? {})[0]) : null;
}

describe('EachTextLength', () => {
  it('says the rule is for each item and quotes the items to fix, not the whole list', async () => {
    const long = 'x'.repeat(61);
    expect(await messageFor(['vi sinh', long, 'phân hữu cơ', 'a'])).toEqual({
      vi: `Mỗi mục phải dài từ 2 đến 60 ký tự; xem lại: ${'x'.repeat(40)}…, a`,
      en: `Each item must be between 2 and 60 characters long; check: ${'x'.repeat(40)}…, a`,
    });
  });

  it('accepts items of the right length', async () => {
    expect(await messageFor(['vi sinh', 'rơm rạ'])).toBeNull();
  });
});
