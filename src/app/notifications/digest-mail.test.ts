import { describe, expect, it } from "vitest";
import type { DigestSection } from "./digest-content.ts";
import { digestMail } from "./digest-mail.ts";

const item = (n: number) => ({
  title: `Teams at <Tenant ${n}> (Contoso & Co)`,
  reason: `Next action was due 2025-03-0${(n % 9) + 1}.`,
  link: `http://localhost:3000/tenants/t${n}?edit=e${n}`,
});

const sections: DigestSection[] = [
  {
    id: "overdue",
    label: "Overdue next actions",
    count: 30,
    items: Array.from({ length: 25 }, (_, n) => item(n)),
    more: "http://localhost:3000/my-work",
  },
  { id: "quality", label: "Data quality", count: 3, items: [item(99)] },
];

const mail = digestMail({
  name: "Ann <Admin>",
  email: "ann@example.test",
  date: "2025-03-10",
  timeZone: "Europe/Rome",
  frequency: "weekly",
  sections,
  unsubscribeUrl: "http://localhost:3000/unsubscribe?token=digest.x.y",
});

describe("a digest's mail", () => {
  it("counts each section in the subject and says when it comes", () => {
    expect(mail.subject).toBe("Your week in Unblock from 10 Mar 2025: 30 overdue, 3 to tidy up");
    expect(mail.text).toContain("33 things of yours to look at this week:");
    expect(mail.text).toContain("You get this digest Mondays at 07:00 Europe/Rome");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": "<http://localhost:3000/unsubscribe?token=digest.x.y>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("lists the items with their links, and where the rest are", () => {
    expect(mail.text).toContain("- Teams at <Tenant 3> (Contoso & Co): Next action was due 2025-03-04.");
    expect(mail.text).toContain("  http://localhost:3000/tenants/t3?edit=e3");
    expect(mail.text).toContain("- and 5 more: http://localhost:3000/my-work");
    expect(mail.text).toContain("- and 2 more\n");
    expect(mail.html).toContain('<a href="http://localhost:3000/my-work">and 5 more</a>');
    expect(mail.html).toContain("<li>and 2 more</li>");
  });

  it("escapes names in the HTML part", () => {
    expect(mail.html).toContain("Good morning Ann &lt;Admin&gt;,");
    expect(mail.html).toContain("Teams at &lt;Tenant 3&gt; (Contoso &amp; Co)");
    expect(mail.html).not.toContain("<Tenant");
  });
});

describe("a digest's mail in German", () => {
  const german = digestMail({
    name: "Greta",
    email: "greta@example.test",
    date: "2025-03-10",
    timeZone: "Europe/Berlin",
    frequency: "daily",
    sections: [{ ...sections[0]!, label: "Überfällige nächste Schritte", items: [item(3)] }],
    unsubscribeUrl: "http://localhost:3000/unsubscribe?token=digest.x.y",
    language: "de",
  });

  it("says the subject, the counts and the dates as Germans write them", () => {
    expect(german.subject).toBe("Unblock-Zusammenfassung vom 10. März 2025: 30 überfällig");
    expect(german.text).toContain("Guten Morgen Greta,\n\nheute sind 30 Einträge für Sie zu prüfen:");
    expect(german.text).toContain("- und 29 weitere: http://localhost:3000/my-work");
    expect(german.text).toContain(
      "Sie erhalten diese Zusammenfassung jeden Tag um 07:00 Uhr (Europe/Berlin)",
    );
    expect(german.html).toContain(">Keine Zusammenfassungen mehr</a>");
    expect(german.html).not.toMatch(/Good morning|more|Stop these/);
  });
});
