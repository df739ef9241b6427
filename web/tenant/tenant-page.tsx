import { Alert, Anchor, Center, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { ApiError } from "../api/api-client.ts";
import { useTenant } from "../api/queries.ts";
import { StatusEditor } from "../editor/status-editor.tsx";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { Link } from "../router/link.tsx";
import { formatCount } from "../shared/format.ts";
import { ServiceCard } from "./service-card.tsx";
import { useEditorParams } from "./use-editor-params.ts";

/** One tenant: a card per service with its seats by status; the editor opens over it. */
export function TenantPage({ tenantId }: { tenantId: string }) {
  const detail = useTenant(tenantId);
  const { editing, tab, open, close } = useEditorParams();

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
