import { Anchor, Group, Text } from "@mantine/core";
import { Link } from "../router/link.tsx";
import { usePlaybook } from "./playbook-context.tsx";

/** Where the playbook browser explains an L1, L2 or L3. */
export function playbookHref(l1: string, l2?: string | null, l3?: string | null): string {
  if (!l2) return `/playbook/${encodeURIComponent(l1)}`;
  const base = `/playbook/${encodeURIComponent(l1)}/${encodeURIComponent(l2)}`;
  return l3 ? `${base}#l3-${encodeURIComponent(l3)}` : base;
}

/** The names of a classification, each a link to its playbook page: Blocked › App Compatibility › Other. */
export function TaxonomyPath({
  l1,
  l2,
  l3,
  size = "sm",
}: {
  l1: string;
  l2?: string | null;
  l3?: string | null;
  size?: "xs" | "sm" | "md";
}) {
  const index = usePlaybook();
  const l1Entry = index.l1(l1);
  const l2Entry = l2 ? index.l2(l1, l2) : undefined;
  const l3Entry = l2 && l3 ? index.l3(l1, l2, l3) : undefined;
  return (
    <Group gap={4} wrap="wrap" component="span">
      <Anchor component={Link} href={playbookHref(l1)} size={size}>
        {l1Entry?.name ?? l1}
      </Anchor>
      {l2 ? (
        <>
          <Text span size={size} c="dimmed" aria-hidden>
            ›
          </Text>
          <Anchor component={Link} href={playbookHref(l1, l2)} size={size}>
            {l2Entry?.name ?? l2}
          </Anchor>
        </>
      ) : null}
      {l2 && l3 ? (
        <>
          <Text span size={size} c="dimmed" aria-hidden>
            ›
          </Text>
          <Anchor component={Link} href={playbookHref(l1, l2, l3)} size={size}>
            {l3Entry?.name ?? l3}
          </Anchor>
        </>
      ) : null}
    </Group>
  );
}
