import { describe, expect, it } from "vitest";
import { defaultIndex, defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { checkPlaybook } from "./check-playbook.ts";
import type { L2 } from "./playbook-schema.ts";

// What users and reports rely on in the shipped playbook. Names are facts from the
// sources and must match exactly; guidance text is ours, so only its presence is checked.

const playbook = defaultPlaybook();
const index = defaultIndex();
const l1 = (id: string) => {
  const found = index.l1(id);
  if (!found) throw new Error(`no L1 ${id}`);
  return found;
};
const l2 = (l1Id: string, l2Id: string): L2 => {
  const found = index.l2(l1Id, l2Id);
  if (!found) throw new Error(`no L2 ${l1Id}/${l2Id}`);
  return found;
};
const names = (items: { name: string }[]) => items.map((item) => item.name);
const allServiceL3s = (l2Value: L2) => names(l2Value.l3s.filter((l3) => l3.services.length === 0));
const l3sOnlyFor = (l2Value: L2, service: string) =>
  names(l2Value.l3s.filter((l3) => l3.services.includes(service)));

describe("default playbook", () => {
  it("passes checkPlaybook without problems", () => {
    expect(checkPlaybook(playbook).problems).toEqual([]);
  });

  it("has the five L1s, by their exact names", () => {
    expect(names(playbook.l1s)).toEqual([
      "Status Unknown",
      "In Progress",
      "No Intent",
      "Blocked",
      "Duplicate/Invalid",
    ]);
  });

  it("keeps the seed's eight Blocked L2 names in seed order, then the two wider L2s", () => {
    const blocked = l1("blocked").l2s;
    expect(blocked.map((item) => [item.name, item.source])).toEqual([
      ["Customer IT Infrastructure and Remediation", "seed"],
      ["IT Change Management and Resourcing", "seed"],
      ["Adoption Readiness", "seed"],
      ["Product Feature/Capability", "seed"],
      ["App Compatibility", "seed"],
      ["Partner Engagement", "seed"],
      ["Billing Licensing and Subscription", "seed"],
      ["Service Reliability", "seed"],
      ["Legal/Regulatory", "wider"],
      ["Security/Privacy (Non-Product/Feature)", "wider"],
    ]);
  });

  it("resolves the name variants other pages use for the same L2", () => {
    expect(index.findL2("blocked", "Billing, Licensing, Subscription")?.id).toBe(
      "billing_licensing_subscription",
    );
    expect(index.findL2("blocked", "Customer IT Infrastructure, Remediation")?.id).toBe(
      "customer_it_infrastructure_remediation",
    );
    expect(index.findL2("blocked", "Product / Feature Capability")?.id).toBe("product_feature_capability");
    expect(index.findL2("no_intent", "Using Competetive Solution")?.id).toBe("using_competitive_solution");
  });

  it("gives every L2 a definition, the constraint against its neighbours, a resolver, examples and questions", () => {
    for (const level1 of playbook.l1s) {
      for (const level2 of level1.l2s) {
        const where = `${level1.name} > ${level2.name}`;
        expect(level2.definition, where).not.toBe("");
        expect(level2.notThis, where).not.toBe("");
        expect(level2.resolver.group, where).not.toBe("");
        expect(level2.resolver.nextAction, where).not.toBe("");
        expect(level2.validExamples.length, where).toBeGreaterThan(0);
        expect(level2.invalidExamples.length, where).toBeGreaterThan(0);
        expect(level2.questions.length, where).toBeGreaterThan(0);
      }
    }
  });

  it("points every counter-example somewhere other than the L2 it is listed under", () => {
    for (const level1 of playbook.l1s) {
      for (const level2 of level1.l2s) {
        for (const example of level2.invalidExamples) {
          const { l1: targetL1, l2: targetL2 } = example.useInstead;
          expect(`${targetL1}/${targetL2}`, example.scenario).not.toBe(`${level1.id}/${level2.id}`);
        }
      }
    }
  });

  it("routes every No Intent L2 to the account team", () => {
    for (const level2 of l1("no_intent").l2s) {
      expect(level2.resolver.nextAction).toBe("Notify account team of No Intent");
    }
  });

  it("takes no L3 under Status Unknown and In Progress", () => {
    for (const id of ["status_unknown", "in_progress"]) {
      for (const level2 of l1(id).l2s) {
        expect(level2.l3, level2.name).toBe("none");
        expect(level2.l3s).toEqual([]);
      }
    }
  });

  it("has the Billing L3s for all services and the service-specific ones", () => {
    const billing = l2("blocked", "billing_licensing_subscription");
    expect(allServiceL3s(billing)).toEqual(["Addition of Seats", "Incorrect SKU", "Wrong Tenant", "Other"]);
    expect(l3sOnlyFor(billing, "teams")).toEqual([
      "Educational/Government/Non-profit not supported",
      "No free trial",
    ]);
    expect(l3sOnlyFor(billing, "windows_10")).toEqual(["Educational/Government/Non-profit not supported"]);
  });

  it("keeps MobileIron and Mobile Iron apart: the id picked is the one found, though the names read alike", () => {
    expect(index.findL3("no_intent", "using_competitive_solution", "mobile_iron")?.name).toBe("Mobile Iron");
    expect(index.findL3("no_intent", "using_competitive_solution", "mobileiron")?.name).toBe("MobileIron");
    // A name typed loosely still resolves, to the first entry that reads that way.
    expect(index.findL3("no_intent", "using_competitive_solution", "Mobile Iron")?.id).toBe("mobileiron");
  });

  it("offers the Teams-specific infrastructure L3s only for Teams", () => {
    const infrastructure = l2("blocked", "customer_it_infrastructure_remediation");
    expect(allServiceL3s(infrastructure)).toEqual([
      "Desktop / Devices",
      "Hardware",
      "Network",
      "Identity",
      "Other",
    ]);
    expect(l3sOnlyFor(infrastructure, "teams")).toEqual([
      "VDI",
      "Exchange Online dependency",
      "SharePoint Online/OneDrive for Business dependency",
    ]);
    const forExchange = names(index.l3sFor("blocked", "customer_it_infrastructure_remediation", "exchange"));
    expect(forExchange).not.toContain("Exchange Online dependency");
    expect(forExchange).toContain("Network");
  });

  it("keeps one L3 when several services share its name", () => {
    const vdi = l2("blocked", "customer_it_infrastructure_remediation").l3s.filter((l3) => l3.name === "VDI");
    expect(vdi).toHaveLength(1);
    expect(vdi[0]?.services).toEqual(["office_proplus", "skype_for_business", "teams"]);
  });

  it("lists only Legal under Legal/Regulatory, with no Other", () => {
    expect(names(l2("blocked", "legal_regulatory").l3s)).toEqual(["Legal"]);
  });

  it("has the COVID L3 under IT Change Management and Resourcing", () => {
    expect(index.findL3("blocked", "it_change_management_resourcing", "COVID")?.services).toEqual([]);
  });

  it("expands the shared vendor list for the Skype for Business calling services", () => {
    const competitive = l2("no_intent", "using_competitive_solution");
    const conferencing = l3sOnlyFor(competitive, "sfb_cloud_pstn_conferencing");
    expect(conferencing).toHaveLength(13);
    expect(conferencing).toEqual(expect.arrayContaining(["Zoom", "Cisco Webex", "Facebook Workplace"]));
    // Both Skype for Business spellings of the sources land on one service.
    expect(l3sOnlyFor(competitive, "skype_for_business")).toEqual(
      expect.arrayContaining([...conferencing, "Cisco Suite", "Slack", "Jive"]),
    );
  });

  it("keeps the on-premises Edge and Skype for Business L3s", () => {
    const onPremises = l2("no_intent", "using_microsoft_on_premises_solution");
    expect(l3sOnlyFor(onPremises, "edge")).toEqual(["Microsoft Internet Explorer", "Legacy Edge"]);
    expect(l3sOnlyFor(onPremises, "skype_for_business")).toEqual(["Moving to Teams"]);
  });

  it("gives Duplicate/Invalid no L2 but its own examples and questions", () => {
    const duplicate = l1("duplicate_invalid");
    expect(duplicate.l2s).toEqual([]);
    expect(duplicate.validExamples.length).toBeGreaterThan(0);
    expect(duplicate.questions.length).toBeGreaterThan(0);
    expect(duplicate.invalidExamples.map((example) => example.useInstead)).toContainEqual({
      l1: "blocked",
      l2: "billing_licensing_subscription",
      l3: "incorrect_sku",
    });
  });
});
