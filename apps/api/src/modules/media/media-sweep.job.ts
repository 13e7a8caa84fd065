import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { PeriodicJob } from '../../common/periodic-job.js';
import { MediaService } from './media.service.js';
import { sweepOrphans } from './media-inventory.js';

/** Hourly: files of interrupted uploads older than a day are removed (one process at a time: an advisory lock). */
@Injectable()
export class MediaSweepJob extends PeriodicJob {
  protected readonly logger = new Logger('MediaSweep');

  constructor(
    private readonly ds: DataSource,
    private readonly media: MediaService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(3_600_000, config);
  }

  async runOnce(): Promise<{ files: string[]; spooled: number } | null> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const [{ locked }] = await qr.query(`SELECT pg_try_advisory_lock(hashtext('media-sweep')) AS locked`);
      if (!locked) return null;
      try {
        const result = await sweepOrphans(this.ds, this.media.store, this.media.workDir, this.clock.now());
        if (result.files.length || result.spooled) this.logger.log(`removed ${result.files.length} orphaned file(s) and ${result.spooled} spooled upload(s)`);
        return result;
      } finally {
        await qr.query(`SELECT pg_advisory_unlock(hashtext('media-sweep'))`);
      }
    } finally {
      await qr.release();
    }
  }
}
