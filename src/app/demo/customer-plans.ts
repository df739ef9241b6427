import { companyName, slugOf, tenantRegions } from "./company-names.ts";
import { SeededRandom } from "./seeded-random.ts";

/** One customer of the demo portfolio as far as it must be unique across the whole portfolio. */
export interface CustomerPlan {
  /** 1 for the first customer; the external id derives from it. */
  number: number;
  name: string;
  tenants: TenantPlan[];
}

export interface TenantPlan {
  /** "" for a customer's only, unnamed tenant. */
  region: string;
  domain: string;
}

/**
 * The portfolio's customers in order, with their names, tenant counts,
 * regions and domains: drawn from one random stream of their own, cheap
 * enough that every generating worker draws them all and so agrees on which
 * names and domains are taken. The rest of each customer (its ids, services
 * and history) comes from the random stream of its chunk (generatePortfolio).
 */
export function* customerPlans(seed: number, tenants: number): Generator<CustomerPlan> {
  const random = new SeededRandom(seed);
  const names = new Set<string>();
  const domains = new Set<string>();
  let made = 0;
  let number = 0;
  while (made < tenants) {
    number += 1;
    const name = uniqueName(random, names);
    const count = Math.min(
      tenants - made,
      random.weighted([
        [1, 50],
        [2, 25],
        [3, 13],
        [4, 7],
        [5, 5],
      ] as const),
    );
    const regions =
      count === 1
        ? [random.chance(0.7) ? "" : random.pick(tenantRegions)]
        : random.sample(tenantRegions.slice(1), count);
    const plans = regions.map((region) => ({ region, domain: uniqueDomain(name, region, domains) }));
    made += plans.length;
    yield { number, name, tenants: plans };
  }
}

function uniqueName(random: SeededRandom, names: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = companyName(random);
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
  // The word lists allow tens of thousands of names; past that, number them.
  const name = `${companyName(random)} ${names.size + 1}`;
  names.add(name);
  return name;
}

function uniqueDomain(name: string, region: string, domains: Set<string>): string {
  const base = `${slugOf(name)}${region ? `-${region}` : ""}`;
  let domain = `${base}.example`;
  for (let n = 2; domains.has(domain); n += 1) domain = `${base}-${n}.example`;
  domains.add(domain);
  return domain;
}
