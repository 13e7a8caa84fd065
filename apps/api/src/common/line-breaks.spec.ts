import { unifyLineBreaks, unifyLineBreaksDeep } from './line-breaks.js';
import { InputValidationPipe, TextLength } from './validation.js';

describe('unifyLineBreaks', () => {
  it('turns "\\r\\n" and a lone "\\r" into "\\n" and leaves the rest', () => {
    expect(unifyLineBreaks('Công suất 500 kg/mẻ;\r\nnhiệt độ 35–45 °C;\r\rđiện năng 18 kW\n')).toBe('Công suất 500 kg/mẻ;\nnhiệt độ 35–45 °C;\n\nđiện năng 18 kW\n');
    expect(unifyLineBreaks('một dòng')).toBe('một dòng');
  });

  it('reaches every string of an input, at any depth, and leaves other values and untouched objects as they are', () => {
    const when = new Date();
    const input = { title: 'Tên', spec: 'a\r\nb', nested: { list: ['x\ry', 'z'], n: 3, when }, none: null };
    const out = unifyLineBreaksDeep(input);
    expect(out).toEqual({ title: 'Tên', spec: 'a\nb', nested: { list: ['x\ny', 'z'], n: 3, when }, none: null });
    expect(out.nested.when).toBe(when);
    expect(input.spec).toBe('a\r\nb'); // a copy, not the client's object changed
    const clean = { a: 'b', list: ['c'] };
    expect(unifyLineBreaksDeep(clean)).toBe(clean);
    const bare = Object.assign(Object.create(null), { body: 'a\r\nb' }); // graphql-js's argument objects
    expect(unifyLineBreaksDeep(bare).body).toBe('a\nb');
  });
});

class NoteInput {
  @TextLength(1, 10)
  note!: string;
}

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe();

  it('stores a form\'s "\\r\\n" as "\\n" in inputs and in bare arguments, and counts the length after', async () => {
    const input = (await pipe.transform({ note: 'dòng 1\r\n2' }, { type: 3 as never, metatype: NoteInput, data: 'input' })) as NoteInput;
    expect(input).toBeInstanceOf(NoteInput);
    expect(input.note).toBe('dòng 1\n2');
    // 10 characters as stored (the limit), 11 as sent
    await expect(pipe.transform({ note: 'dòng 1\r\n234' }, { type: 3 as never, metatype: NoteInput, data: 'input' })).resolves.toEqual({ note: 'dòng 1\n234' });
    expect(await pipe.transform('Xin gửi\r\nbáo giá.', { type: 3 as never, metatype: String, data: 'body' })).toBe('Xin gửi\nbáo giá.');
    expect(await pipe.transform(['a\rb'], { type: 3 as never, metatype: Array, data: 'slots' })).toEqual(['a\nb']);
    expect(await pipe.transform({ body: 'a\r\nb' }, { type: 'body', metatype: Object })).toEqual({ body: 'a\nb' });
  });

  it('leaves a field resolver\'s parent alone', async () => {
    const parent = { note: 'a\r\nb' };
    expect(await pipe.transform(parent, { type: 'custom' })).toBe(parent);
  });
});
