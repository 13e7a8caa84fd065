import { DealStatus } from '@techport/shared';
import { DEAL_TRANSITIONS, DealAction, DealRole, availableActions, decide, rolesFor, type DealFacts } from './deal.workflow.js';

const S = DealStatus;
const A = DealAction;
const PARTY = new Set([DealRole.PARTY]);
const COUNTERPARTY = new Set([DealRole.PARTY, DealRole.COUNTERPARTY]);
const REVIEWER = new Set([DealRole.REVIEWER]);
const NOBODY = new Set<DealRole>();
const unsigned: DealFacts = { ownPartySigned: false, otherPartySigned: false };

describe('the deal workflow table', () => {
  it('walks the happy path from proposal to completion', () => {
    const steps: [DealStatus | null, DealAction, Set<DealRole>, DealFacts, DealStatus][] = [
      [null, A.PROPOSE, PARTY, unsigned, S.PROPOSED],
      [S.PROPOSED, A.ACCEPT, COUNTERPARTY, unsigned, S.ACCEPTED],
      [S.ACCEPTED, A.SUBMIT, new Set([DealRole.SYSTEM]), unsigned, S.UNDER_REVIEW],
      [S.UNDER_REVIEW, A.APPROVE, REVIEWER, unsigned, S.APPROVED],
      [S.APPROVED, A.SIGN, PARTY, unsigned, S.APPROVED],
      [S.APPROVED, A.SIGN, PARTY, { ownPartySigned: false, otherPartySigned: true }, S.SIGNED],
      [S.SIGNED, A.COMPLETE, PARTY, unsigned, S.COMPLETED],
    ];
    for (const [from, action, roles, facts, to] of steps) {
      const d = decide(from, action, roles, facts);
      expect(d).toMatchObject({ ok: true, transition: { to } });
    }
  });

  it('submits an accepted deal for review in the same step', () => {
    const d = decide(S.PROPOSED, A.ACCEPT, COUNTERPARTY);
    expect(d.ok && d.transition.then).toBe(A.SUBMIT);
  });

  it('refuses with CONFLICT every action from a status the table does not list', () => {
    const statuses = Object.values(S);
    for (const action of Object.values(A)) {
      const roles = rolesFor(action);
      for (const status of statuses) {
        const listed = DEAL_TRANSITIONS.some((t) => t.from === status && t.action === action);
        const d = decide(status, action, roles, unsigned);
        if (!listed) expect(d).toEqual({ ok: false, code: 'CONFLICT' });
      }
    }
  });

  it('allows cancellation only before SIGNED', () => {
    for (const status of [S.PROPOSED, S.ACCEPTED, S.UNDER_REVIEW, S.APPROVED]) {
      expect(decide(status, A.CANCEL, PARTY)).toMatchObject({ ok: true, transition: { to: S.CANCELLED } });
    }
    for (const status of [S.SIGNED, S.COMPLETED, S.CANCELLED, S.REJECTED]) {
      expect(decide(status, A.CANCEL, PARTY)).toEqual({ ok: false, code: 'CONFLICT' });
    }
  });

  it('lets each party sign once', () => {
    expect(decide(S.APPROVED, A.SIGN, PARTY, { ownPartySigned: true, otherPartySigned: false })).toEqual({ ok: false, code: 'CONFLICT' });
    expect(decide(S.APPROVED, A.SIGN, PARTY, { ownPartySigned: true, otherPartySigned: true })).toEqual({ ok: false, code: 'CONFLICT' });
  });

  it('is FORBIDDEN to those who hold none of the roles an action allows, whatever the status', () => {
    expect(decide(S.PROPOSED, A.ACCEPT, PARTY)).toEqual({ ok: false, code: 'FORBIDDEN' }); // the proposing side
    expect(decide(S.UNDER_REVIEW, A.APPROVE, COUNTERPARTY)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decide(S.APPROVED, A.CANCEL, REVIEWER)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decide(S.COMPLETED, A.APPROVE, PARTY)).toEqual({ ok: false, code: 'FORBIDDEN' });
    for (const action of Object.values(A)) expect(decide(S.PROPOSED, action, NOBODY)).toEqual({ ok: false, code: 'FORBIDDEN' });
    // Nobody outside the platform can take the automatic step.
    expect(decide(S.ACCEPTED, A.SUBMIT, COUNTERPARTY)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('requires a note to reject', () => {
    const d = decide(S.UNDER_REVIEW, A.REJECT, REVIEWER);
    expect(d.ok && d.transition.noteRequired).toBe(true);
  });

  it('lists the actions available now, without automatic steps', () => {
    expect(availableActions(S.PROPOSED, COUNTERPARTY, unsigned).sort()).toEqual([A.ACCEPT, A.CANCEL, A.DECLINE]);
    expect(availableActions(S.PROPOSED, PARTY, unsigned)).toEqual([A.CANCEL]);
    expect(availableActions(S.UNDER_REVIEW, REVIEWER, unsigned).sort()).toEqual([A.APPROVE, A.REJECT]);
    expect(availableActions(S.APPROVED, PARTY, { ownPartySigned: true, otherPartySigned: false })).toEqual([A.CANCEL]);
    expect(availableActions(S.COMPLETED, COUNTERPARTY, unsigned)).toEqual([]);
  });

  it('has exactly one row for each from × action × role × facts (no ambiguity)', () => {
    const factsCases: DealFacts[] = [unsigned, { ownPartySigned: true, otherPartySigned: false }, { ownPartySigned: false, otherPartySigned: true }, { ownPartySigned: true, otherPartySigned: true }];
    for (const t of DEAL_TRANSITIONS) {
      for (const f of factsCases) {
        const rows = DEAL_TRANSITIONS.filter((u) => u.from === t.from && u.action === t.action && u.by === t.by && (!u.when || u.when(f)));
        expect(rows.length).toBeLessThanOrEqual(1);
      }
    }
  });
});
