import { SharedVersionRead } from './index-version.js';

/** A counter read whose answers the test releases one by one. */
function fakeReads() {
  const sent: { at: number; resolve: (v: string) => void }[] = [];
  let clock = 0;
  const reader = new SharedVersionRead(() => new Promise<string>((resolve) => sent.push({ at: clock, resolve })));
  return { reader, sent, tick: () => ++clock };
}

describe('shared reads of the index version', () => {
  it('never answer a caller with a read sent before it called', async () => {
    const { reader, sent, tick } = fakeReads();
    const first = reader.read(); // sent at once
    expect(sent).toHaveLength(1);
    tick();
    const second = reader.read(); // joins the next read, not the one in flight
    const third = reader.read();
    expect(sent).toHaveLength(1);
    sent[0].resolve('1');
    expect(await first).toBe('1');
    await new Promise(setImmediate);
    expect(sent).toHaveLength(2);
    expect(sent[1].at).toBe(1); // sent after the second and third callers began
    sent[1].resolve('2');
    expect([await second, await third]).toEqual(['2', '2']);
  });

  it('reads at once when nothing is in flight, also after a failed read', async () => {
    const { reader, sent } = fakeReads();
    const failing = new SharedVersionRead(() => Promise.reject(new Error('down')));
    await expect(failing.read()).rejects.toThrow('down');
    await expect(failing.read()).rejects.toThrow('down');
    const p = reader.read();
    sent[0].resolve('7');
    expect(await p).toBe('7');
  });
});
