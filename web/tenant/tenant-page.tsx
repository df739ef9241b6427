import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { ApiError } from "../api/api-client.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { useTenant } from "../api/queries.ts";
import { type EditorTab, StatusEditor } from "../editor/status-editor.tsx";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { TaxonomyPath } from "../playbook/taxonomy-links.tsx";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { Link } from "../router/link.tsx";
import { useSearchParams } from "../router/router.ts";
import { formatCount, formatDate, isOverdue, todayUtc } from "../shared/format.ts";
import { SeatBar } from "./seat-bar.tsx";

/** One tenant: a card per service with its seats by status; the editor opens over it. */
export function TenantPage({ tenantId }: { tenantId: string }) {
  const detail = useTenant(tenantId);
  const [params, setParams] = useSearchParams();
  const editing = params.get("edit");
  const tab: EditorTab = params.get("tab") === "history" ? "history" : "edit";

  const open = (id: string, nextTab: EditorTab) => {
    const next = new URLSearchParams(params);
    next.set("edit", id);
    if (nextTab === "history") next.set("tab", "history");
    else next.delete("tab");
    setParams(next, { replace: false });
  };
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete("edit");
    next.delete("tab");
    setParams(next, { replace: false });
  };

  if (detail.isPending) {
    return (
      <Center h={300}>
        <Loader aria-label="Loading the tenant" />
      </Center>
    );
  }
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Alert
        color={missing ? "gray" : "red"}
        title={missing ? "No such tenant" : "The tenant could not be loaded"}
      >
        {detail.error.message}{" "}
        <Anchor component={Link} href="/">
          Back to the portfolio
        </Anchor>
      </Alert>
    );
  }
  const { tenant } = detail.data;
  const items = [...detail.data.entitlements].sort((a, b) => a.service.name.localeCompare(b.service.name));
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} href={portfolioHref({ customerId: tenant.customer.id })}>
            {tenant.customer.name}
          </Anchor>{" "}
          · customer {tenant.customer.externalId}
        </Text>
        <Title order={2}>
          {tenant.name}{" "}
          <Text span c="dimmed" size="lg">
            {tenant.domain}
          </Text>
        </Title>
        <Text size="sm">
          {items.length} services · {formatCount(tenant.availableSeats)} seats ·{" "}
          {formatCount(tenant.blockedSeats)} blocked · {tenant.priority} priority
        </Text>
        {items.length === 0 ? (
          <Alert color="gray" title="No services">
            This tenant has no entitlements yet.
          </Alert>
        ) : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {items.map((item) => (
          <ServiceCard key={item.id} entitlement={item} onOpen={open} />
        ))}
      </SimpleGrid>
      <StatusEditor
        entitlementId={editing}
        tab={tab}
        onTab={(next) => editing && open(editing, next)}
        onClose={close}
      />
    </Stack>
  );
}

function ServiceCard({
  entitlement,
  onOpen,
}: {
  entitlement: EntitlementView;
  onOpen: (id: string, tab: EditorTab) => void;
}) {
  const index = usePlaybook();
  const today = todayUtc();
  return (
    <Card withBorder padding="sm" component="section" aria-label={entitlement.service.name}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={3} size="h5">
          {entitlement.service.name}
        </Title>
        <Group gap={4}>
          <Badge variant="light" color={entitlement.stage === "delivery" ? "indigo" : "gray"}>
            {entitlement.stage === "delivery" ? "Delivery" : "Assignment"}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatCount(entitlement.availableSeats)} seats
          </Text>
        </Group>
      </Group>
      <SeatBar index={index} segments={entitlement.segments} availableSeats={entitlement.availableSeats} />
      <Stack gap={6} mt="sm">
        {entitlement.segments.map((segment, position) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id; their position is their identity
          <Stack key={position} gap={0}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {formatCount(segment.seats)}
              </Text>
              <TaxonomyPath l1={segment.l1} l2={segment.l2} l3={segment.l3} />
            </Group>
            <Text size="xs" c="dimmed">
              {[
                segment.owner ? `Owner ${segment.owner}` : null,
                segment.targetDate ? `Target ${formatDate(segment.targetDate)}` : null,
                segment.nextAction
                  ? `Next: ${segment.nextAction}${segment.nextActionDate ? ` (${formatDate(segment.nextActionDate)})` : ""}`
                  : null,
              ]
                .filter(Boolean)
                .join(" · ")}
              {isOverdue(segment, today) ? " · " : ""}
              {isOverdue(segment, today) ? (
                <Text span c="red" size="xs" fw={700}>
                  overdue
                </Text>
              ) : null}
            </Text>
            {segment.note ? (
              <Text size="xs" lineClamp={2}>
                {segment.note}
              </Text>
            ) : null}
          </Stack>
        ))}
        {entitlement.segments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No status recorded yet.
          </Text>
        ) : null}
      </Stack>
      <Group gap="xs" mt="sm">
        <Button
          size="xs"
          onClick={() => onOpen(entitlement.id, "edit")}
          aria-label={`Edit status of ${entitlement.service.name}`}
        >
          Edit status
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => onOpen(entitlement.id, "history")}
          aria-label={`History of ${entitlement.service.name}`}
        >
          History
        </Button>
      </Group>
    </Card>
  );
}
