import { AppError } from "../../domain/app-error.ts";
import type { MyWorkGroup } from "../../domain/my-work/my-work-groups.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { getMyWork } from "../my-work/get-my-work.ts";
import { publicUrl } from "./unsubscribe-token.ts";

/** One line of a digest: what, why, and the link to its editor. */
export interface DigestItem {
  title: string;
  reason: string;
  /** UNBLOCK_PUBLIC_URL/tenants/:tenantId?edit=:entitlementId, as the notices link. */
  link: string;
}

export interface DigestSection {
  id: Exclude<MyWorkGroup, "rest"> | "quality";
  label: string;
  /** All of them; `items` may hold fewer. */
  count: number;
  items: DigestItem[];
}

/** Items listed per section; the count and a link to My work stand for the rest. */
const itemsPerSection = 25;
const sectionsOfWork: DigestSection["id"][] = ["overdue", "due_this_week", "blocked_past_target"];

/**
 * What a person's digest of `today` (their local date) says: My work's
 * overdue next actions, due this week and Blocked past target, judged on that
 * date and within what the person may read, then their data-quality items.
 * Sections with nothing are left out; no sections means nothing to say. A
 * role that reads no single tenant (aggregate-only) has no work to list.
 */
export async function digestSections(
  deps: AppDeps,
  person: Actor,
  on: { today: string; timeZone: string },
): Promise<DigestSection[]> {
  let work: Awaited<ReturnType<typeof getMyWork>>;
  try {
    work = await getMyWork(deps, person, { limit: itemsPerSection }, on);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return [];
    throw error;
  }
  const base = publicUrl();
  const sections: DigestSection[] = work.groups.flatMap((group) => {
    if (!sectionsOfWork.includes(group.id as DigestSection["id"]) || group.count === 0) return [];
    const items = group.items.map(({ entitlement, reason }) => ({
      title: `${entitlement.service.name} at ${entitlement.tenant.name} (${entitlement.customer.name})`,
      reason,
      link: `${base}/tenants/${entitlement.tenant.id}?edit=${entitlement.id}`,
    }));
    return [{ id: group.id as DigestSection["id"], label: group.label, count: group.count, items }];
  });
  const quality = await personQualityItems(deps, person, on.today);
  if (quality.length > 0) {
    sections.push({
      id: "quality",
      label: "Data quality",
      count: quality.length,
      items: quality.slice(0, itemsPerSection),
    });
  }
  return sections;
}

/**
 * SEAM for the data-quality queue (issue 17, built apart in src/app/quality):
 * the person's data-quality items for the digest. None until that queue
 * exports a per-person reader; wire it in here, mapping each item to a title,
 * a reason and its editor link.
 */
async function personQualityItems(_deps: AppDeps, _person: Actor, _today: string): Promise<DigestItem[]> {
  return [];
}
