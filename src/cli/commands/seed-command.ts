import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { demoPassword, grantDemoPasswords } from "../../app/auth/demo-passwords.ts";
import { demoUsers } from "../../app/demo/demo-users.ts";
import { defaultDemoTenants, maxDemoTenants, seedDemo } from "../../app/demo/seed-demo.ts";
import { type CommandIo, count, processIo } from "./command-io.ts";

function wholeNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${count(max)}.`);
    }
    return parsed;
  };
}

/** `unblock seed --demo`: fill the database with the synthetic demo portfolio and the demo users. */
export function seedCommand(io: CommandIo = processIo): Command {
  return new Command("seed")
    .description("Load the demo portfolio and one demo user per playbook role")
    .option("--demo", "generate the synthetic demo portfolio (the only seed there is)")
    .option(
      "--tenants <n>",
      `tenants to generate (default ${defaultDemoTenants})`,
      wholeNumber("--tenants", 1, maxDemoTenants),
    )
    .option(
      "--seed <n>",
      "random seed; the same seed gives the same portfolio (default 1)",
      wholeNumber("--seed", 0, 2 ** 31),
    )
    .option("--reset", "erase the existing portfolio first, its status history included")
    .action(async (options: { demo?: boolean; tenants?: number; seed?: number; reset?: boolean }) => {
      if (!options.demo) {
        io.err("error: say what to seed: unblock seed --demo [--tenants N] [--seed S] [--reset]\n");
        io.fail(2);
        return;
      }
      const total = options.tenants ?? defaultDemoTenants;
      await io.withApp({ anonymous: true }, async (deps) => {
        const bar = io.interactive
          ? new SingleBar({ format: "{phase} [{bar}] {value}/{total} {unit}", stream: process.stderr })
          : null;
        bar?.start(total, 0, { phase: "Seeding", unit: "tenants" });
        const started = Date.now();
        try {
          const result = await seedDemo(deps, {
            tenants: total,
            seed: options.seed ?? 1,
            reset: options.reset ?? false,
            onProgress: (progress) => bar?.update(progress.tenants),
            onIndexes: (progress) => {
              if (!bar) return;
              // A large seed builds its indexes after the rows: the same bar counts them.
              if (progress.built === 0) {
                bar.stop();
                bar.start(progress.total, 0, { phase: "Building indexes", unit: "indexes" });
              } else bar.update(progress.built);
            },
          });
          bar?.stop();
          // Demo users only: they sign in with the published demo password.
          await grantDemoPasswords(
            deps,
            demoUsers.map((user) => user.email),
          );
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          await io.out(
            `Seeded ${count(result.customers)} customers, ${count(result.tenants)} tenants, ${count(result.entitlements)} entitlements, ${count(result.segments)} segments and ${count(result.historyRows)} history rows in ${seconds}s; ${result.users} demo users (admin@unblock.test and one per role, password "${demoPassword}").\n`,
          );
        } finally {
          bar?.stop();
        }
      });
    });
}
