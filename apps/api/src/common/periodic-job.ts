import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';

/**
 * A background job that runs `runOnce()` every `intervalMs` in each process with WORKERS_ENABLED
 * (never two passes at once in one process; across processes the job itself claims its rows
 * with SKIP LOCKED). Shutdown waits for a pass in progress. Tests call `runOnce()` directly.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  protected constructor(
    private readonly intervalMs: number,
    private readonly workerConfig: Pick<AppConfig, 'WORKERS_ENABLED'>,
  ) {}

  abstract runOnce(): Promise<unknown>;

  /** Whether the first pass runs as the process starts, not one interval later (a job whose output readers need at once). */
  protected readonly runAtStart: boolean = false;

  onApplicationBootstrap(): void {
    if (!this.workerConfig.WORKERS_ENABLED) return;
    const pass = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((err: unknown) => this.logger.warn(`pass failed: ${err instanceof Error ? err.message : err}`))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(pass, this.intervalMs);
    this.timer.unref();
    if (this.runAtStart) pass();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
