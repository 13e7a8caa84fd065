import { Injectable } from '@nestjs/common';

/** The time, behind a seam so tests can move it (listing expiry, token lifetimes). */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Tests only: shift "now" forward or back. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
