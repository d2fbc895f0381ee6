import { canMemberTransition, type MemberAction, type MemberStatus } from '@vigie/shared';

/** The actions of the show page, in the order offered; `approve`/`reject` live in the review queue too. */
export const STAFF_ACTIONS = ['approve', 'reject', 'suspend', 'reinstate', 'ban', 'erase'] as const satisfies readonly MemberAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Those the server wants a reason for (`{ reason, note? }`), asked in a dialog. */
export const REASON_ACTIONS: ReadonlySet<StaffAction> = new Set(['reject', 'suspend', 'ban']);

/** What a member in this status can go through, per the shared MEMBER_TRANSITIONS (the server says 409 otherwise). */
export const availableActions = (status: MemberStatus): StaffAction[] => STAFF_ACTIONS.filter((action) => canMemberTransition(action, status));

/** A proof of address is asked while the registration is still being reviewed. */
export const canRequestProof = (status: MemberStatus) => status === 'pending_review';
