import { Alert, Anchor, Center, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  const detail = useTenant(tenantId);
  const { editing, tab, open, close } = useEditorParams();

  if (detail.isPending) {
    return (
      <Center h={300}>
        <Loader aria-label={t("tenant.loading")} />
      </Center>
    );
  }
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Alert color={missing ? "gray" : "red"} title={missing ? t("tenant.missing") : t("tenant.loadFailed")}>
        {detail.error.message}{" "}
        <Anchor component={Link} href="/">
          {t("tenant.back")}
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
          · {t("tenant.customer", { id: tenant.customer.externalId })}
        </Text>
        <Title order={2}>
          {tenant.name}{" "}
          <Text span c="dimmed" size="lg">
            {tenant.domain}
          </Text>
        </Title>
        <Text size="sm">
          {t("tenant.summary", {
            count: items.length,
            seats: formatCount(tenant.availableSeats),
            blocked: formatCount(tenant.blockedSeats),
            priority: t(`tenant.priority.${tenant.priority as "high" | "medium" | "low"}`),
          })}
        </Text>
        {items.length === 0 ? (
          <Alert color="gray" title={t("tenant.noServices")}>
            {t("tenant.noServicesBody")}
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
