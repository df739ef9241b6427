import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { translatePlaybook } from "../../domain/playbook/playbook-translation.ts";
import { evaluateStatus } from "../../domain/rules/evaluate-status.ts";
import { describeFields } from "../../domain/rules/field-states.ts";
import type { ActivePlaybook } from "../app-deps.ts";
import { loadPlaybook } from "./load-playbook.ts";
import { localizedIndex, playbookTranslationProblems } from "./playbook-translations.ts";

const loaded = loadPlaybook();
const active: ActivePlaybook = { index: loaded.index, path: loaded.path, sha256: loaded.sha256 };

describe("the default playbook in German", () => {
  const german = localizedIndex(active, "de");

  it("fits the playbook: every id it names exists and every list has as many entries", () => {
    expect(playbookTranslationProblems(active, "de")).toEqual([]);
    expect(german.text.language).toBe("de");
    expect(localizedIndex(active, "de")).toBe(german);
  });

  it("keeps what fits of a side file that does not, in the source language for the rest", () => {
    const renamed = {
      ...active,
      index: {
        ...active.index,
        playbook: { ...active.index.playbook, l1s: active.index.playbook.l1s.slice(1) },
      },
    };
    expect(playbookTranslationProblems(renamed, "de")).toContainEqual({
      path: "l1s.status_unknown",
      message: "names no entry of the playbook",
    });
    expect(localizedIndex(renamed, "de").l1("blocked")?.name).toBe("Blockiert");
  });

  it("names every L1 and L2 and each Blocked L3 in German", () => {
    const english = loaded.index.playbook;
    for (const l1 of german.playbook.l1s) {
      const source = english.l1s.find((candidate) => candidate.id === l1.id)!;
      expect(l1.name, l1.id).not.toBe(source.name);
      expect(l1.definition, l1.id).not.toBe(source.definition);
      l1.l2s.forEach((l2, at) => {
        // Some names read the same in both languages (Migration).
        if (l2.name === source.l2s[at]!.name) expect(l2.id).toBe("migration");
        expect(l2.definition, l2.id).not.toBe(source.l2s[at]!.definition);
      });
    }
    const blocked = german.l1("blocked")!;
    const sourceBlocked = loaded.index.l1("blocked")!;
    const untranslated = blocked.l2s.flatMap((l2, at) =>
      l2.l3s.filter((l3, l3At) => {
        const source = sourceBlocked.l2s[at]!.l3s[l3At]!;
        const same = l3.name === source.name && (l3.definition ?? "") === (source.definition ?? "");
        return same && !sameInGerman.has(l3.name);
      }),
    );
    expect(untranslated.map((l3) => l3.id)).toEqual([]);
  });

  it("gives the Blocked L2s German guidance: what it is not, how it is resolved, examples, questions", () => {
    const l2 = german.l2("blocked", "app_compatibility")!;
    expect(l2.name).toBe("App-Kompatibilität");
    expect(l2.notThis).toMatch(/^Keine fehlende Funktion/);
    expect(l2.resolver.detail).toBe("App Assure hilft, die fehlerhaften Anwendungen zu beheben.");
    // The group is a name people belong to and escalations go to: the same in every language.
    expect(l2.resolver.group).toBe("App compatibility team");
    expect(l2.validExamples[0]).toMatch(/Branchenanwendung/);
    expect(l2.invalidExamples[0]).toMatchObject({ useInstead: { l1: "blocked" } });
    // The next action is a value a status stores: it stays the playbook's own.
    expect(l2.resolver.nextAction).toBe(loaded.index.l2("blocked", "app_compatibility")!.resolver.nextAction);
  });

  it("says the change log, the scenario tables' cells and the L2s' other names in German", () => {
    const { playbook } = german;
    expect(playbook.refreshSummary.map((entry) => [entry.date, entry.what])).toEqual(
      loaded.playbook.refreshSummary.map((entry, at) => [entry.date, playbook.refreshSummary[at]!.what]),
    );
    expect(playbook.refreshSummary[1]).toMatchObject({ who: "Playbook-Team", what: "Allgemeine Pflege" });
    const printed = (index: typeof german) =>
      index.playbook.scenarios.flatMap((row) => Object.values(row.fields).map((rule) => rule.cell));
    const english = printed(loaded.index);
    const untranslated = printed(german).filter((cell, at) => cell !== "" && cell === english[at]);
    // Role names stay the playbook's own (docs/I18N.md).
    expect([...new Set(untranslated)].sort()).toEqual(["Account Team", "Delivery FM"]);
    const billing = german.l2("blocked", "billing_licensing_subscription")!;
    expect(billing.aliases).toEqual(["Abrechnung, Lizenzierung, Abonnement"]);
    // The source's other names still find it (a CSV written in English).
    expect(german.findL2("blocked", "Billing, Licensing, Subscription")?.id).toBe(billing.id);
  });
});

describe("the default playbook's guidance in German", () => {
  const german = localizedIndex(active, "de");

  it("gives every L2 of every L1 German guidance and every L3 a German name", () => {
    const english = loaded.index.playbook;
    const side = parse(readFileSync(loaded.path.replace(/\.yaml$/, ".de.yaml"), "utf8")) as {
      l1s: Record<string, { l2s: Record<string, { l3s?: Record<string, { name?: string }> }> }>;
    };
    const untranslated: string[] = [];
    for (const l1 of german.playbook.l1s) {
      const sourceL1 = english.l1s.find((candidate) => candidate.id === l1.id)!;
      l1.l2s.forEach((l2, at) => {
        const source = sourceL1.l2s[at]!;
        const where = `${l1.id}.${l2.id}`;
        const same = (what: string, mine: string | undefined, theirs: string | undefined) => {
          if (theirs && mine === theirs) untranslated.push(`${where}.${what}`);
        };
        same("notThis", l2.notThis, source.notThis);
        same("resolver.detail", l2.resolver.detail, source.resolver.detail);
        l2.validExamples.forEach((text, n) => {
          same(`validExamples.${n}`, text, source.validExamples[n]);
        });
        l2.invalidExamples.forEach((example, n) => {
          same(`invalidExamples.${n}`, example.scenario, source.invalidExamples[n]!.scenario);
        });
        l2.questions.forEach((text, n) => {
          same(`questions.${n}`, text, source.questions[n]);
        });
        l2.l3s.forEach((l3, n) => {
          // A product's name is the same in German: the side file says so by naming it.
          const named = side.l1s[l1.id]?.l2s[l2.id]?.l3s?.[l3.id]?.name;
          if (!named) untranslated.push(`${where}.l3s.${l3.id}.name`);
          same(`l3s.${l3.id}.definition`, l3.definition, source.l3s[n]!.definition);
        });
      });
    }
    expect(untranslated).toEqual([]);
  });
});

describe("a side file's change log and cells that do not fit", () => {
  it("keeps the source's and names what is off", () => {
    const playbook = loaded.playbook;
    const { playbook: translated, problems } = translatePlaybook(playbook, {
      language: "de",
      refreshSummary: [{ what: "Nur einer" }],
      cells: { "N/A": "entfällt", "Not printed anywhere": "Nirgends" },
    });
    expect(problems).toEqual([
      {
        path: "refreshSummary",
        message: `has 1 entries; the playbook has ${playbook.refreshSummary.length}`,
      },
      { path: "cells.Not printed anywhere", message: "is no cell of the playbook's scenario tables" },
    ]);
    expect(translated.refreshSummary).toEqual(playbook.refreshSummary);
    expect(translated.scenarios[0]!.fields.serviceStatus.cell).toBe("entfällt");
  });
});

describe("the rules and the editor in German", () => {
  const german = localizedIndex(active, "de");

  it("judges a status by the same rules and answers in German", () => {
    const decision = evaluateStatus({
      index: german,
      serviceId: "teams",
      stage: "delivery",
      actorRole: "delivery_fm",
      availableSeats: 100,
      previous: [],
      proposed: [{ seats: 100, l1: "Blocked", l2: "App Compatibility", note: "" }],
      today: "2026-03-04",
    });
    expect(decision.ok).toBe(false);
    const messages = decision.ok ? [] : decision.violations.map((found) => [found.code, found.message]);
    expect(messages).toContainEqual([
      "target_date_required",
      "Für „Blockiert“ in der Phase „Umsetzung“ ist das Feld „Voraussichtliches Lösungsdatum“ erforderlich.",
    ]);
  });

  it("labels the editor's fields in German, with the playbook's term as help", () => {
    const row = german.scenario("blocked_delivery")!;
    const fields = describeFields(german, row, [], "teams");
    expect(fields.targetDate).toMatchObject({
      label: "Zieldatum",
      playbookTerm: "Voraussichtliches Lösungsdatum",
      hint: "Heute oder später.",
    });
    expect(fields.serviceStatus.hint).toBe("Für diesen Status nicht nötig.");
  });
});

/** Blocked L3 names that are the same word in German (product and feature names). */
const sameInGerman = new Set([
  "Hardware",
  "VDI",
  "COVID",
  "Geofencing",
  "RBAC",
  "Timefencing",
  "Migration",
  "Mobile Content Management",
  "Mobile Content Management (Skylark)",
]);
