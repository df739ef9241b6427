import { AppError } from "../../domain/app-error.ts";
import { defaultLanguage } from "../../domain/i18n/languages.ts";
import { digestText } from "../../domain/i18n/server-texts.ts";
import type { MyWorkGroup } from "../../domain/my-work/my-work-groups.ts";
import { type QualityRuleId, qualityRuleIds } from "../../domain/quality/quality-rules.ts";
import type { MyWorkItem } from "../../http/schemas/my-work.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { getMyWork } from "../my-work/get-my-work.ts";
import { listRechecks } from "../my-work/list-rechecks.ts";
import { personQualityItems } from "../quality/person-quality-items.ts";
import { publicUrl } from "./unsubscribe-token.ts";

/** One line of a digest: what, why, and the link to its editor. */
export interface DigestItem {
  title: string;
  reason: string;
  /** UNBLOCK_PUBLIC_URL/tenants/:tenantId?edit=:entitlementId, as the notices link. */
  link: string;
}

export interface DigestSection {
  id: Exclude<MyWorkGroup, "rest"> | "recheck" | "quality";
  label: string;
  /** All of them; `items` may hold fewer. */
  count: number;
  items: DigestItem[];
  /** Where the ones not listed are (My work); none for data quality, which has no page of one's own yet. */
  more?: string;
}

/** Items listed per section; the count and a link to My work stand for the rest. */
const itemsPerSection = 25;
const sectionsOfWork: DigestSection["id"][] = ["overdue", "due_this_week", "blocked_past_target"];

/**
 * What a person's digest of `today` (their local date) says: My work's
 * overdue next actions, due this week and Blocked past target, judged on that
 * date and within what the person may read, their open "re-check: the fix
 * shipped" items (docs/ROADMAP.md), then their other data-quality items (a
 * poor note, a split that no longer adds up, ...).
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
  const language = person.language ?? defaultLanguage;
  const titleOf = (entitlement: MyWorkItem["entitlement"]) =>
    digestText.say(language, "item_title", {
      service: entitlement.service.name,
      tenant: entitlement.tenant.name,
      customer: entitlement.customer.name,
    });
  const sections: DigestSection[] = work.groups.flatMap((group) => {
    if (!sectionsOfWork.includes(group.id as DigestSection["id"]) || group.count === 0) return [];
    const items = group.items.map(({ entitlement, reason }) => ({
      title: titleOf(entitlement),
      reason,
      link: `${base}/tenants/${entitlement.tenant.id}?edit=${entitlement.id}`,
    }));
    const id = group.id as DigestSection["id"];
    return [{ id, label: group.label, count: group.count, items, more: `${base}/my-work` }];
  });
  const rechecks = await listRechecks(deps, person, { limit: itemsPerSection });
  if (rechecks.count > 0) {
    const items = rechecks.items.map(({ entitlement, reason }) => ({
      title: titleOf(entitlement),
      reason,
      link: `${base}/tenants/${entitlement.tenant.id}?edit=${entitlement.id}`,
    }));
    sections.push({
      id: "recheck",
      label: rechecks.label,
      count: rechecks.count,
      items,
      more: `${base}/my-work`,
    });
  }
  const quality = await qualityOf(deps, person, on.today);
  if (quality.count > 0) {
    sections.push({ id: "quality", label: digestText.say(language, "quality_label"), ...quality });
  }
  return sections;
}

/** Rules whose items My work's sections above already list (an overdue next action, a Blocked target passed). */
const listedAbove = new Set<QualityRuleId>(["next_action_passed", "blocked_target_passed"]);

/**
 * The person's data-quality items (src/app/quality, the queue of GET
 * /api/quality?owner=me), without the ones the sections above list already.
 */
async function qualityOf(deps: AppDeps, person: Actor, today: string) {
  const language = person.language ?? defaultLanguage;
  const found = await personQualityItems(deps, person.id, { today, limit: 200, language });
  const count = qualityRuleIds.reduce(
    (sum, rule) => sum + (listedAbove.has(rule) ? 0 : found.byRule[rule]),
    0,
  );
  const base = publicUrl();
  const items: DigestItem[] = found.items
    .filter((item) => !listedAbove.has(item.rule))
    .slice(0, itemsPerSection)
    .map((item) => ({
      title: digestText.say(language, "item_title", {
        service: item.service.name,
        tenant: item.tenant.name,
        customer: item.customer.name,
      }),
      reason: `${item.label}: ${item.detail}`,
      link: `${base}${item.link}`,
    }));
  return { count, items };
}
