/**
 * The traffic light shown beside a suggestion: green can be taken as is,
 * amber deserves a second look, red means read the playbook first.
 */
export type ConfidenceBand = "green" | "amber" | "red";

export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.8) return "green";
  return confidence >= 0.5 ? "amber" : "red";
}
