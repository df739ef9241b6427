import { type SaidViolation, saidViolation } from "../app-error.ts";
import { defaultLanguage, type Language } from "../i18n/languages.ts";
import { noticeText } from "../i18n/server-texts.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import { isCalendarDate } from "../rules/field-values.ts";

/**
 * A product work item's fields and their rules (docs/ROADMAP.md). Pure: the
 * use-cases run these before writing, so a typo in an L2 is a 422 naming the
 * field, never a work item that links to nothing.
 */
export const workItemStates = ["proposed", "planned", "in_development", "shipped"] as const;
export type WorkItemState = (typeof workItemStates)[number];

export const workItemStateNames: Record<WorkItemState, string> = {
  proposed: "Proposed",
  planned: "Planned",
  in_development: "In development",
  shipped: "Shipped",
};

/** Work items unblock Blocked seats: their L2 and L3 are ids under this L1. */
export const workItemL1 = "blocked";

export const titleMaxLength = 200;
export const urlMaxLength = 2000;

/** The fields as a client sends them; names, aliases and codes are accepted for the taxonomy and services. */
export interface WorkItemFieldsInput {
  title?: string | undefined;
  externalUrl?: string | null | undefined;
  state?: string | undefined;
  l2?: string | undefined;
  l3?: string | null | undefined;
  serviceIds?: readonly string[] | undefined;
  expectedDate?: string | null | undefined;
}

/** The fields as stored: taxonomy and services as playbook ids. */
export interface WorkItemFields {
  title: string;
  externalUrl: string | null;
  state: Exclude<WorkItemState, "shipped">;
  l2: string;
  l3: string | null;
  serviceIds: string[];
  expectedDate: string | null;
}

/**
 * Checks a whole set of fields (a new item, or an edit laid over the stored
 * one) and returns them normalised, or every violation at once. Marking an
 * item shipped is its own action (shipWorkItem), so `state` never takes
 * "shipped" here: the re-check items and notices go with that action only.
 */
export function checkWorkItemFields(
  index: PlaybookIndex,
  input: WorkItemFieldsInput,
): { fields: WorkItemFields; violations: SaidViolation[] } {
  const violations: SaidViolation[] = [];
  const title = (input.title ?? "").trim();
  if (title === "") violations.push(saidViolation("title", "title_required", "work_item_title_required"));
  else if (title.length > titleMaxLength)
    violations.push(
      saidViolation("title", "title_too_long", "work_item_title_too_long", { max: titleMaxLength }),
    );
  const externalUrl = checkUrl(input.externalUrl, violations);
  const state = checkState(input.state, violations);
  const { l2, l3 } = checkTaxonomy(index, input, violations);
  const serviceIds = checkServices(index, input.serviceIds ?? [], violations);
  if (l2 && l3 && serviceIds.length > 0) {
    const applies = serviceIds.some((serviceId) => index.l3(workItemL1, l2, l3, serviceId));
    if (!applies)
      violations.push(saidViolation("l3", "l3_not_for_service", "work_item_l3_not_for_service", { l3 }));
  }
  const expectedDate = input.expectedDate?.trim() || null;
  if (expectedDate && !isCalendarDate(expectedDate))
    violations.push(
      saidViolation("expectedDate", "date_invalid", "value_not_a_date", { value: expectedDate }),
    );
  return {
    fields: { title, externalUrl, state, l2: l2 ?? "", l3, serviceIds, expectedDate },
    violations,
  };
}

function checkUrl(value: string | null | undefined, violations: SaidViolation[]): string | null {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || text.length > urlMaxLength) {
    violations.push(
      saidViolation("externalUrl", "url_invalid", "work_item_url_invalid", {
        value: text.slice(0, 100),
        max: urlMaxLength,
      }),
    );
    return null;
  }
  return url.toString();
}

function checkState(value: string | undefined, violations: SaidViolation[]): WorkItemFields["state"] {
  if (value === undefined || value === "proposed" || value === "planned" || value === "in_development") {
    return value ?? "proposed";
  }
  violations.push(
    value === "shipped"
      ? saidViolation("state", "state_shipped_by_ship", "work_item_state_by_ship")
      : saidViolation("state", "state_invalid", "work_item_state_invalid", { value }),
  );
  return "proposed";
}

function checkTaxonomy(
  index: PlaybookIndex,
  input: WorkItemFieldsInput,
  violations: SaidViolation[],
): { l2: string | null; l3: string | null } {
  const l2Text = input.l2?.trim() ?? "";
  const l3Text = input.l3?.trim() ?? "";
  if (l2Text === "") {
    violations.push(saidViolation("l2", "l2_required", "work_item_l2_required"));
    return { l2: null, l3: null };
  }
  const l2 = index.findL2(workItemL1, l2Text);
  if (!l2) {
    violations.push(
      saidViolation("l2", "l2_unknown", "work_item_l2_unknown", { value: l2Text.slice(0, 100) }),
    );
    return { l2: null, l3: null };
  }
  if (l3Text === "") return { l2: l2.id, l3: null };
  const l3 = index.findL3(workItemL1, l2.id, l3Text);
  if (!l3) {
    violations.push(
      saidViolation("l3", "l3_unknown", "work_item_l3_unknown", { value: l3Text.slice(0, 100), l2: l2.name }),
    );
    return { l2: l2.id, l3: null };
  }
  return { l2: l2.id, l3: l3.id };
}

function checkServices(
  index: PlaybookIndex,
  values: readonly string[],
  violations: SaidViolation[],
): string[] {
  const ids: string[] = [];
  values.forEach((value, position) => {
    const found = index.service(value);
    if (found) {
      if (!ids.includes(found.id)) ids.push(found.id);
    } else {
      violations.push(
        saidViolation(`serviceIds.${position}`, "service_unknown", "value_not_a_service", {
          value: value.slice(0, 100),
        }),
      );
    }
  });
  return ids;
}

/** The notice an owner gets when a work item ships, for the entitlements of theirs it touches, in a language. */
export function fixShippedText(
  title: string,
  entitlements: readonly string[],
  language: Language = defaultLanguage,
): string {
  const shown = entitlements.slice(0, 3).join(", ");
  const listed =
    entitlements.length > 3
      ? noticeText.say(language, "listed_and_more", { listed: shown, count: entitlements.length - 3 })
      : shown;
  const key = entitlements.length === 1 ? "fix_shipped_single" : "fix_shipped_several";
  return noticeText.say(language, key, { title, listed, count: entitlements.length });
}
