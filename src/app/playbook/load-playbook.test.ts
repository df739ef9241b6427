import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../../domain/app-error.ts";
import { clearPlaybookCache, defaultPlaybookPath, loadPlaybook } from "./load-playbook.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/playbooks/${name}`, import.meta.url));

afterEach(() => {
  vi.unstubAllEnvs();
  clearPlaybookCache();
});

describe(loadPlaybook.name, () => {
  it("loads the repository's default playbook when nothing is configured", () => {
    vi.stubEnv("UNBLOCK_PLAYBOOK", "");
    const loaded = loadPlaybook();
    expect(loaded.path).toBe(defaultPlaybookPath);
    expect(loaded.index.findL1("Blocked")?.id).toBe("blocked");
    expect(loaded.sha256).toBe(createHash("sha256").update(readFileSync(defaultPlaybookPath)).digest("hex"));
  });

  it("prefers UNBLOCK_PLAYBOOK over the default, and an argument over both", () => {
    vi.stubEnv("UNBLOCK_PLAYBOOK", fixture("valid-small.yaml"));
    expect(loadPlaybook().playbook.id).toBe("small");
    expect(loadPlaybook(defaultPlaybookPath).playbook.id).toBe("onboarding_default");
  });

  it("returns the same loaded playbook for the same path", () => {
    expect(loadPlaybook(fixture("valid-small.yaml"))).toBe(loadPlaybook(fixture("valid-small.yaml")));
  });

  it("refuses an invalid playbook with every problem as a violation", () => {
    const attempt = () => loadPlaybook(fixture("unknown-role.yaml"));
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe("playbook_invalid");
      expect((error as AppError).violations).toEqual([
        {
          field: "scenarios[3].updatedBy[1]",
          code: "unknown_role",
          message: expect.stringContaining("regional_wizard"),
        },
      ]);
    }
  });
});
