import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job.js';

class CountingJob extends PeriodicJob {
  protected readonly logger = new Logger('CountingJob');
  passes = 0;
  constructor(
    workers: boolean,
    protected override readonly runAtStart: boolean,
  ) {
    super(60_000, { WORKERS_ENABLED: workers });
  }
  async runOnce(): Promise<void> {
    this.passes++;
  }
}

describe('PeriodicJob', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs its first pass one interval after start, or at once when it asks to', async () => {
    jest.useFakeTimers();
    const later = new CountingJob(true, false);
    const atOnce = new CountingJob(true, true);
    later.onApplicationBootstrap();
    atOnce.onApplicationBootstrap();
    expect(later.passes).toBe(0);
    expect(atOnce.passes).toBe(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(later.passes).toBe(1);
    expect(atOnce.passes).toBe(2);
    await later.onApplicationShutdown();
    await atOnce.onApplicationShutdown();
  });

  it('never runs in a process without workers', async () => {
    jest.useFakeTimers();
    const job = new CountingJob(false, true);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(job.passes).toBe(0);
  });
});
