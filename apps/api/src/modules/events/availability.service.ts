import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Errors } from '../../common/errors.js';
import type { Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { EventEntity, EventRegistrationEntity, RegistrationStatus, UnavailabilityEntity } from './event.entity.js';
import { meetingGrid, slotsOverlapping } from './scheduler/grid.js';

/** Blocked times per registration, at most. */
export const MAX_UNAVAILABILITY = 50;

const M = {
  noun: { vi: 'đăng ký', en: 'Registration' },
  blockNoun: { vi: 'khoảng thời gian bận', en: 'Unavailable time' },
  notActive: { vi: 'Đăng ký này không còn hiệu lực.', en: 'This registration is no longer active.' },
  endBeforeStart: { vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'The end must be after the start.' },
  outsideMeetings: { vi: 'Khoảng thời gian này không trùng khung giờ gặp gỡ nào của sự kiện.', en: "This time overlaps none of the event's meeting slots." },
  tooMany: { vi: `Mỗi đơn vị chỉ đánh dấu bận tối đa ${MAX_UNAVAILABILITY} khoảng thời gian.`, en: `At most ${MAX_UNAVAILABILITY} unavailable times per participant.` },
} satisfies Record<string, Localized>;

/**
 * Times a participant is not available for meetings (issue #17: "a participant blocks the times
 * they are not available"): the scheduler places none of its meetings in a slot they overlap,
 * and the organiser cannot move one there. Members of the registered organisation set them.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Blocked times of these registrations, in time order. */
  ofRegistrations(ids: readonly string[], em: EntityManager = this.ds.manager): Promise<UnavailabilityEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? em.getRepository(UnavailabilityEntity).find({ where: { registrationId: In(valid) }, order: { startsAt: 'ASC' } }) : Promise.resolve([]);
  }

  async block(viewer: Viewer, registrationId: string, startsAt: Date, endsAt: Date): Promise<EventRegistrationEntity> {
    return this.ds.transaction(async (em) => {
      const r = await this.lockOwn(em, viewer, registrationId);
      if (r.status !== RegistrationStatus.APPROVED && r.status !== RegistrationStatus.PENDING) throw Errors.conflict(M.notActive);
      if (!(endsAt.getTime() > startsAt.getTime())) throw Errors.invalidField('endsAt', M.endBeforeStart);
      const event = await em.getRepository(EventEntity).findOneByOrFail({ id: r.eventId });
      if (!slotsOverlapping(meetingGrid(event), startsAt, endsAt).length) throw Errors.invalidField('startsAt', M.outsideMeetings);
      if ((await em.getRepository(UnavailabilityEntity).countBy({ registrationId: r.id })) >= MAX_UNAVAILABILITY) throw Errors.conflict(M.tooMany);
      await em.getRepository(UnavailabilityEntity).insert({ registrationId: r.id, startsAt, endsAt });
      return r;
    });
  }

  async unblock(viewer: Viewer, id: string): Promise<EventRegistrationEntity> {
    return this.ds.transaction(async (em) => {
      const block = isUuid(id) ? await em.getRepository(UnavailabilityEntity).findOneBy({ id }) : null;
      if (!block) throw Errors.notFound(M.blockNoun);
      const r = await this.lockOwn(em, viewer, block.registrationId, M.blockNoun);
      await em.getRepository(UnavailabilityEntity).delete({ id: block.id });
      return r;
    });
  }

  /** The registration, locked, for a member of its organisation; NOT_FOUND for anyone else. */
  private async lockOwn(em: EntityManager, viewer: Viewer, id: string, noun: Localized = M.noun): Promise<EventRegistrationEntity> {
    const r = isUuid(id) ? await em.getRepository(EventRegistrationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!r || !(await this.organizations.isMember(viewer.id, r.organizationId, em))) throw Errors.notFound(noun);
    return r;
  }
}
