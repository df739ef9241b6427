import type { SeededRandom } from "./seeded-random.ts";

/**
 * Invented company names built from word lists. The lists avoid the sample
 * companies that vendor documentation uses, so demo data never looks like it
 * was copied from somewhere.
 */
const leads = [
  "Alder",
  "Amberly",
  "Ashgrove",
  "Bellwether",
  "Birchfield",
  "Blue Heron",
  "Bramble",
  "Brightwater",
  "Cairnstone",
  "Calder",
  "Cedar Point",
  "Cobalt",
  "Copperline",
  "Corvid",
  "Crestmoor",
  "Dovetail",
  "Driftwood",
  "Eastbrook",
  "Elmstead",
  "Emberly",
  "Fairhaven",
  "Fenwick",
  "Fieldstone",
  "Foxglove",
  "Glenrock",
  "Granite Bay",
  "Greywell",
  "Halden",
  "Harrow",
  "Hazelmere",
  "Heathcote",
  "Highmoor",
  "Ironbridge",
  "Juniper",
  "Kestrel",
  "Kingsmere",
  "Lanternfly",
  "Larkspur",
  "Linden",
  "Lowell",
  "Marlow",
  "Meadowlark",
  "Millbrook",
  "Mosswood",
  "Northgate",
  "Oakhurst",
  "Orchard Lane",
  "Osprey",
  "Palisade",
  "Pemberton",
  "Pinecrest",
  "Quarry Hill",
  "Quillon",
  "Redfern",
  "Ridgeway",
  "Rookwood",
  "Saltmarsh",
  "Sandpiper",
  "Silverbirch",
  "Stonecroft",
  "Sunmere",
  "Tamarack",
  "Thistledown",
  "Tidewater",
  "Trillium",
  "Upland",
  "Valemont",
  "Verdant",
  "Westerly",
  "Whitcombe",
  "Willowby",
  "Wrenfield",
  "Yarrow",
  "Zephyr Ridge",
];

const trades = [
  "Logistics",
  "Health",
  "Foods",
  "Bank",
  "Insurance",
  "Energy",
  "Robotics",
  "Pharma",
  "Textiles",
  "Freight",
  "Retail",
  "Engineering",
  "Media",
  "Hospitality",
  "Telecom",
  "Mining",
  "Aerospace",
  "Labs",
  "Analytics",
  "Construction",
  "Water",
  "Motors",
  "Shipping",
  "Chemicals",
  "Capital",
  "Airlines",
  "Foodservice",
  "Biotech",
  "Outfitters",
  "Publishing",
  "Semiconductors",
  "Utilities",
  "University",
  "Medical Group",
  "Credit Union",
  "School District",
  "County Council",
  "Mutual",
  "Brewing",
  "Agritech",
];

const forms = ["", "", "", "Group", "Holdings", "Inc.", "Ltd", "AG", "SA", "GmbH", "BV", "plc", "Partners"];

/** Regions a tenant of a multinational customer is often split by. */
export const tenantRegions = ["", "eu", "us", "uk", "apac", "emea", "na", "latam", "nordics", "dach", "anz"];

export function companyName(random: SeededRandom): string {
  return [random.pick(leads), random.pick(trades), random.pick(forms)].filter(Boolean).join(" ");
}

/** "Alder Logistics Group" -> "alder-logistics-group": a domain label. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
