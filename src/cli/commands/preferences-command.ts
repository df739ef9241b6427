import { Command, InvalidArgumentError, Option } from "commander";
import { getMyPreferences, updateMyPreferences } from "../../app/notifications/my-preferences.ts";
import { digestFrequencies } from "../../domain/notifications/digest-schedule.ts";
import type { Preferences, PreferencesChange } from "../../http/schemas/preferences.ts";
import { type CommandIo, processIo } from "./command-io.ts";
import { asOption } from "./users-command-support.ts";

function onOff(value: string): boolean {
  if (value === "on") return true;
  if (value === "off") return false;
  throw new InvalidArgumentError("write on or off.");
}

interface PreferenceOptions {
  as?: string;
  timeZone?: string;
  digest?: PreferencesChange["digest"];
  noticeMail?: boolean;
  json?: boolean;
}

/**
 * `unblock preferences --as <email> [--time-zone Z] [--digest daily|weekly|off]
 * [--notice-mail on|off] [--json]`: a person's mail preferences, as
 * GET/PATCH /api/me/preferences read and change them (docs/DIGESTS.md).
 */
export function preferencesCommand(io: CommandIo = processIo): Command {
  return new Command("preferences")
    .description("Your time zone, digest (daily, weekly, off) and whether notices come by mail")
    .option(...asOption)
    .option("--time-zone <zone>", "an IANA time zone such as Europe/Rome (the digest comes at 07:00 there)")
    .addOption(new Option("--digest <frequency>", "how often the digest comes").choices(digestFrequencies))
    .option("--notice-mail <on|off>", "immediate notices by mail (the inbox keeps them either way)", onOff)
    .option("--json", "print the same JSON as GET /api/me/preferences")
    .action(async (options: PreferenceOptions) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const change: PreferencesChange = {
          ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
          ...(options.digest !== undefined ? { digest: options.digest } : {}),
          ...(options.noticeMail !== undefined ? { noticeMail: options.noticeMail } : {}),
        };
        const preferences =
          Object.keys(change).length > 0
            ? await updateMyPreferences(deps, actor, change)
            : await getMyPreferences(deps, actor);
        await io.out(
          options.json
            ? `${JSON.stringify(preferences, null, 2)}\n`
            : preferencesText(actor.email, preferences),
        );
      });
    });
}

function preferencesText(email: string, preferences: Preferences): string {
  const digest = { daily: "daily at 07:00", weekly: "Mondays at 07:00", off: "off" }[preferences.digest];
  return [
    `Preferences of ${email}`,
    `  time zone     ${preferences.timeZone}${preferences.timeZoneChosen ? "" : " (not chosen yet)"}`,
    `  digest        ${digest}`,
    `  notice mails  ${preferences.noticeMail ? "on" : "off (inbox only)"}`,
    "",
  ].join("\n");
}
