import { Anchor, AppShell, Badge, Group, Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useMe, useMyWork } from "../api/queries.ts";
import { actionCount } from "../my-work/use-my-work.ts";
import { NotificationBell } from "../notifications/notification-bell.tsx";
import { Link } from "../router/link.tsx";
import { useLocation } from "../router/router.ts";
import { AccountMenu } from "../users/account-menu.tsx";
import { useCan } from "../users/permissions.ts";

// Labels are keys of shell.nav in web/i18n.
const sections = [
  {
    href: "/my-work",
    label: "myWork",
    active: (path: string) => path === "/my-work",
    needs: "tenants.read",
  },
  {
    href: "/",
    label: "portfolio",
    active: (path: string) => path === "/" || path.startsWith("/tenants/"),
    needs: "tenants.read",
  },
  {
    href: "/quality",
    label: "quality",
    active: (path: string) => path === "/quality",
    needs: "tenants.read",
  },
  {
    href: "/dashboards",
    label: "dashboards",
    active: (path: string) => path.startsWith("/dashboards"),
    needs: "reports.read",
  },
  {
    href: "/escalations",
    label: "escalations",
    active: (path: string) => path === "/escalations",
    needs: "reports.read",
  },
  {
    href: "/roadmap",
    label: "roadmap",
    active: (path: string) => path === "/roadmap",
    needs: "reports.read",
  },
  {
    href: "/playbook",
    label: "playbook",
    active: (path: string) => path.startsWith("/playbook"),
    needs: null,
  },
  {
    href: "/admin/feed",
    label: "feed",
    active: (path: string) => path === "/admin/feed",
    needs: "portfolio.sync",
  },
  {
    href: "/admin/people",
    label: "people",
    active: (path: string) => path === "/admin/people",
    needs: "assignments.reassign",
  },
  {
    href: "/admin/playbook",
    label: "playbookVersions",
    active: (path: string) => path === "/admin/playbook",
    needs: "playbook.edit",
  },
] as const;

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const can = useCan();
  // Before sign-in there is nothing to navigate to: every section needs the API.
  const signedIn = useMe().isSuccess;
  // The counts only (one item a group): overdue and due this week show on "My work".
  const myWork = useMyWork(1, signedIn && can("tenants.read"));
  const badge = actionCount(myWork.data);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After a page change, move focus to the new page so keyboard and screen
  // reader users start at its top, not on the link they left.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each page change; the path is the trigger
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <AppShell header={{ height: 52 }} padding="md">
      <a href="#main" className="skip-link">
        {t("shell.skip")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Title order={1} size="h4">
              <Anchor component={Link} href="/" c="inherit" underline="never">
                Unblock
              </Anchor>
            </Title>
            <nav aria-label={t("shell.sections")} hidden={!signedIn}>
              <Group gap="md" wrap="nowrap">
                {sections
                  .filter((section) => section.needs === null || can(section.needs))
                  .map((section) => {
                    const active = section.active(pathname);
                    return (
                      <Anchor
                        key={section.href}
                        component={Link}
                        href={section.href}
                        aria-current={active ? "page" : undefined}
                        fw={active ? 700 : 500}
                        underline={active ? "always" : "hover"}
                      >
                        {t(`shell.nav.${section.label}`)}
                        {section.href === "/my-work" && badge > 0 ? (
                          <Badge
                            ml={6}
                            size="sm"
                            color="red"
                            circle={badge < 10}
                            aria-label={t("shell.myWorkBadge", { count: badge })}
                          >
                            {badge}
                          </Badge>
                        ) : null}
                      </Anchor>
                    );
                  })}
              </Group>
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell enabled={signedIn} />
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" ref={main} tabIndex={-1} style={{ outline: "none" }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
