import type { OwnerRef, ResolvedOwner } from "./owners/segment-owner.ts";

/** Calendar date as YYYY-MM-DD; dates in the playbook have no time of day. */
export type IsoDate = string;

/**
 * One status segment of an entitlement: some of a service's seats in one L1
 * state with its reason, owner, dates and note. A service's seats may be split
 * over several segments; together they must total the available seats.
 */
export interface StatusSegment {
  seats: number;
  l1: string;
  /** The scenario row the segment was recorded through. */
  scenarioId: string;
  l2: string | null;
  l3: string | null;
  serviceStatus: string | null;
  engagementScenario: string | null;
  targetDate: IsoDate | null;
  owner: string | null;
  /** The owner resolved (docs/OWNERS.md): a person or a team; null for text or no owner. */
  ownerRef?: OwnerRef | null;
  /** The owner as shown: kind, name, and a team's people. */
  ownerResolved?: ResolvedOwner | null;
  note: string;
  nextActionDate: IsoDate | null;
  nextAction: string | null;
  /** Why the seats are split; required when there is more than one segment. */
  splitReason: SplitReason | null;
}

export const splitReasons = ["geography", "operating_company", "duplicate_entitlement"] as const;
export type SplitReason = (typeof splitReasons)[number];

/** What a user proposes; the rules fill defaults and carried values. */
export interface ProposedSegment {
  seats: number;
  l1: string;
  scenarioId?: string | null;
  l2?: string | null;
  l3?: string | null;
  serviceStatus?: string | null;
  engagementScenario?: string | null;
  targetDate?: IsoDate | null;
  owner?: string | null;
  note?: string | null;
  nextActionDate?: IsoDate | null;
  nextAction?: string | null;
  splitReason?: SplitReason | null;
}

/** A proposed segment that may name its owner as a person or a team; `ownerRef` wins over `owner` text. */
export type ProposedSegmentWithOwner = ProposedSegment & { ownerRef?: OwnerRef | null | undefined };
