import { decide, moderationTransitions, type ModerationAction, type ModerationRole, type RevisionState } from './moderation.workflow.js';

const listingLike = moderationTransitions({ expires: true, reopensArchived: false });
const expertLike = moderationTransitions({ expires: false, reopensArchived: true });

type Row = [status: string | null, action: ModerationAction, role: ModerationRole, revision: RevisionState, expected: string];

/**
 * The whole workflow as one table: every (status, action, role, revision state) a caller can
 * reach, and what the table answers: "→ STATUS (AUDIT)" or the refusal. Rows not listed for a
 * status are refused with WRONG_STATUS (checked below for every other combination).
 */
const SHARED: Row[] = [
  [null, 'CREATE', 'OWNER', 'NONE', '→ DRAFT (CREATE)'],
  ['DRAFT', 'EDIT', 'OWNER', 'NONE', '→ DRAFT (UPDATE)'],
  ['REJECTED', 'EDIT', 'OWNER', 'NONE', '→ REJECTED (UPDATE)'],
  ['PUBLISHED', 'EDIT', 'OWNER', 'NONE', '→ PUBLISHED (REVISION_UPDATE)'],
  ['PUBLISHED', 'EDIT', 'OWNER', 'DRAFT', '→ PUBLISHED (REVISION_UPDATE)'],
  ['PUBLISHED', 'EDIT', 'OWNER', 'SUBMITTED', 'REVISION_UNDER_REVIEW'],
  ['PENDING_REVIEW', 'EDIT', 'OWNER', 'NONE', 'WRONG_STATUS'],
  ['DRAFT', 'SUBMIT', 'OWNER', 'NONE', '→ PENDING_REVIEW (SUBMIT)'],
  ['REJECTED', 'SUBMIT', 'OWNER', 'NONE', '→ PENDING_REVIEW (SUBMIT)'],
  ['PENDING_REVIEW', 'SUBMIT', 'OWNER', 'NONE', 'WRONG_STATUS'],
  ['PUBLISHED', 'SUBMIT', 'OWNER', 'DRAFT', '→ PUBLISHED (REVISION_SUBMIT)'],
  ['PUBLISHED', 'SUBMIT', 'OWNER', 'NONE', 'NOTHING_TO_SUBMIT'],
  ['PUBLISHED', 'SUBMIT', 'OWNER', 'SUBMITTED', 'REVISION_ALREADY_SUBMITTED'],
  // The owner takes a submission back to fix it: a draft again (a published item's revision: not submitted any more).
  ['PENDING_REVIEW', 'WITHDRAW', 'OWNER', 'NONE', '→ DRAFT (WITHDRAW)'],
  ['PUBLISHED', 'WITHDRAW', 'OWNER', 'SUBMITTED', '→ PUBLISHED (REVISION_WITHDRAW)'],
  ['PUBLISHED', 'WITHDRAW', 'OWNER', 'DRAFT', 'NOTHING_TO_WITHDRAW'],
  ['PUBLISHED', 'WITHDRAW', 'OWNER', 'NONE', 'NOTHING_TO_WITHDRAW'],
  ['DRAFT', 'WITHDRAW', 'OWNER', 'NONE', 'WRONG_STATUS'],
  ['REJECTED', 'WITHDRAW', 'OWNER', 'NONE', 'WRONG_STATUS'],
  ['ARCHIVED', 'WITHDRAW', 'OWNER', 'NONE', 'WRONG_STATUS'],
  ['PENDING_REVIEW', 'WITHDRAW', 'MODERATOR', 'NONE', 'FORBIDDEN'],
  ['PENDING_REVIEW', 'WITHDRAW', 'SYSTEM', 'NONE', 'FORBIDDEN'],
  // A decision on what was withdrawn is refused: it is no longer in review.
  ['DRAFT', 'REJECT', 'MODERATOR', 'NONE', 'WRONG_STATUS'],
  ['PENDING_REVIEW', 'APPROVE', 'MODERATOR', 'NONE', '→ PUBLISHED (APPROVE)'],
  ['PENDING_REVIEW', 'REJECT', 'MODERATOR', 'NONE', '→ REJECTED (REJECT)'],
  ['PUBLISHED', 'APPROVE', 'MODERATOR', 'SUBMITTED', '→ PUBLISHED (REVISION_APPROVE)'],
  ['PUBLISHED', 'REJECT', 'MODERATOR', 'SUBMITTED', '→ PUBLISHED (REVISION_REJECT)'],
  ['PUBLISHED', 'APPROVE', 'MODERATOR', 'DRAFT', 'WRONG_STATUS'],
  ['PUBLISHED', 'APPROVE', 'MODERATOR', 'NONE', 'WRONG_STATUS'],
  ['DRAFT', 'APPROVE', 'MODERATOR', 'NONE', 'WRONG_STATUS'],
  ['REJECTED', 'REJECT', 'MODERATOR', 'NONE', 'WRONG_STATUS'],
  ['PUBLISHED', 'ARCHIVE', 'OWNER', 'NONE', '→ ARCHIVED (ARCHIVE)'],
  ['PUBLISHED', 'ARCHIVE', 'OWNER', 'SUBMITTED', '→ ARCHIVED (ARCHIVE)'],
  ['DRAFT', 'ARCHIVE', 'OWNER', 'NONE', 'WRONG_STATUS'],
  // The platform takes down what a disabled account published; nothing else of theirs.
  ['PUBLISHED', 'ARCHIVE', 'SYSTEM', 'NONE', '→ ARCHIVED (ARCHIVE)'],
  ['PUBLISHED', 'ARCHIVE', 'SYSTEM', 'SUBMITTED', '→ ARCHIVED (ARCHIVE)'],
  ['PENDING_REVIEW', 'ARCHIVE', 'SYSTEM', 'NONE', 'WRONG_STATUS'],
  // Roles: an owner never reviews, a moderator never edits, nobody but the system expires.
  ['PENDING_REVIEW', 'APPROVE', 'OWNER', 'NONE', 'FORBIDDEN'],
  ['DRAFT', 'SUBMIT', 'MODERATOR', 'NONE', 'FORBIDDEN'],
  ['PUBLISHED', 'ARCHIVE', 'MODERATOR', 'NONE', 'FORBIDDEN'],
];

const LISTING_ONLY: Row[] = [
  ['PUBLISHED', 'EXPIRE', 'SYSTEM', 'NONE', '→ PUBLISHED (EXPIRE)'],
  ['PUBLISHED', 'RENEW', 'OWNER', 'DRAFT', '→ PUBLISHED (RENEW)'],
  ['ARCHIVED', 'RENEW', 'OWNER', 'NONE', 'WRONG_STATUS'],
  ['PUBLISHED', 'EXPIRE', 'OWNER', 'NONE', 'FORBIDDEN'],
  ['ARCHIVED', 'EDIT', 'OWNER', 'NONE', 'WRONG_STATUS'],
  ['ARCHIVED', 'SUBMIT', 'OWNER', 'NONE', 'WRONG_STATUS'],
];

const EXPERT_ONLY: Row[] = [
  ['PUBLISHED', 'EXPIRE', 'SYSTEM', 'NONE', 'FORBIDDEN'],
  ['PUBLISHED', 'RENEW', 'OWNER', 'NONE', 'FORBIDDEN'],
  ['ARCHIVED', 'EDIT', 'OWNER', 'NONE', '→ ARCHIVED (UPDATE)'],
  ['ARCHIVED', 'SUBMIT', 'OWNER', 'NONE', '→ PENDING_REVIEW (SUBMIT)'],
];

function answer(table: ReturnType<typeof moderationTransitions>, [status, action, role, revision]: Row): string {
  const d = decide(table, status as never, action, role, revision);
  return d.ok ? `→ ${d.transition.to} (${d.transition.audit})` : d.refusal;
}

describe('the moderated-content workflow table', () => {
  it.each([...SHARED, ...LISTING_ONLY])('kinds that expire: %s %s by %s (revision %s) %s', (...row) => {
    expect(answer(listingLike, row)).toBe(row[4]);
  });

  it.each([...SHARED, ...EXPERT_ONLY])('kinds that reopen archived items: %s %s by %s (revision %s) %s', (...row) => {
    expect(answer(expertLike, row)).toBe(row[4]);
  });

  it('refuses every step the table does not list with WRONG_STATUS (or FORBIDDEN for the wrong role), never silently', () => {
    const statuses = [null, 'DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'ARCHIVED'];
    const actions: ModerationAction[] = ['CREATE', 'EDIT', 'SUBMIT', 'WITHDRAW', 'APPROVE', 'REJECT', 'ARCHIVE', 'EXPIRE', 'RENEW'];
    const roles: ModerationRole[] = ['OWNER', 'MODERATOR', 'SYSTEM'];
    const revisions: RevisionState[] = ['NONE', 'DRAFT', 'SUBMITTED'];
    for (const [table, listed] of [[listingLike, [...SHARED, ...LISTING_ONLY]], [expertLike, [...SHARED, ...EXPERT_ONLY]]] as const) {
      let allowed = 0;
      for (const s of statuses) for (const a of actions) for (const r of roles) for (const v of revisions) {
        const d = decide(table, s as never, a, r, v);
        if (!d.ok) continue;
        allowed++;
        // Every allowed step is one the table above states for the same status, action and role.
        expect(listed.some(([ls, la, lr, , e]) => ls === s && la === a && lr === r && e.startsWith('→'))).toBe(true);
      }
      expect(allowed).toBeGreaterThan(0);
    }
  });
});
