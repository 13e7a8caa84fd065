import type { PageServerLoad } from './$types';
import { StaffAuditLog } from '$lib/graphql/documents';
import type { StaffAuditAction, StaffAuditFilterInput, StaffAuditTargetKind } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { AUDIT_ACTIONS, AUDIT_TARGET_KINDS, actorFilter, readAuditFilter, vietnamDayStart } from '$lib/audit';
import { ApiError } from '$lib/server/api';
import { apiFailure } from '$lib/server/guards';

/** Admins: the audit log of staff actions, filtered by a GET form (shareable, works without JS). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const values = readAuditFilter(url.searchParams);
  const page = Math.max(1, Math.min(1_000_000, Number(url.searchParams.get('page')) || 1));
  const fields: Record<string, string> = {};
  const filter: StaffAuditFilterInput = {};
  if (values.actor) {
    const actor = actorFilter(values.actor);
    if (actor) Object.assign(filter, actor);
    else fields.actor = m.audit_badActor();
  }
  if (values.action) {
    if ((AUDIT_ACTIONS as readonly string[]).includes(values.action)) filter.action = values.action as StaffAuditAction;
    else fields.action = m.error_choose();
  }
  if (values.targetKind) {
    if ((AUDIT_TARGET_KINDS as readonly string[]).includes(values.targetKind)) filter.targetKind = values.targetKind as StaffAuditTargetKind;
    else fields.targetKind = m.error_choose();
  }
  if (values.targetId) filter.targetId = values.targetId;
  if (values.from) {
    const from = vietnamDayStart(values.from);
    if (from) filter.from = from;
    else fields.from = m.audit_badDate();
  }
  if (values.to) {
    const to = vietnamDayStart(values.to, 1);
    if (to) filter.to = to;
    else fields.to = m.audit_badDate();
  }
  if (filter.from && filter.to && filter.from >= filter.to) fields.to = m.audit_badRange();
  // A filter with errors is not searched: no count, no list and no CSV (the page says why).
  if (Object.keys(fields).length) return { values, fields, log: null };
  try {
    const { staffAuditLog } = await locals.api.request(StaffAuditLog, { filter, page: { page, pageSize: 50 } });
    return { values, fields, log: staffAuditLog };
  } catch (err) {
    // The API's own field errors (filter.actorEmail…) beside the fields, the rest as page errors.
    if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
      for (const [path, message] of Object.entries(err.fields)) fields[path.replace(/^filter\./, '').replace(/^actor(Id|Email)$/, 'actor')] = message;
      return { values, fields, log: null };
    }
    return apiFailure(err, url);
  }
};
