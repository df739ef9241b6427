import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Tenants in the PostgreSQL server's benchmark database. */
  tenants: number;
  /** Tenants in the PGlite benchmark database. */
  pgliteTenants: number;
  targets: ("postgres" | "pglite")[];
  /** Server database of the benchmark: its own, never the test database. */
  serverUrl: string;
  reseed: boolean;
  quick: boolean;
  skip: Set<string>;
  requests: { c1: number; c16: number; writes: number };
  importRows: number;
  /** Export everything (at least a million rows at 100,000 tenants) or one service's rows. */
  exportAll: boolean;
  maxSeconds: { c1: number; c16: number };
}

const usage = `npm run bench -- [options]
  --tenants N          tenants on the PostgreSQL server (default 100000)
  --pglite-tenants N   tenants on PGlite (default 10000)
  --only postgres|pglite
  --skip lists,reports,writes,import,export
  --quick              fewer requests, a smaller import and a one-service export (a few minutes)
  --writes N           status writes per write load (default 2000, 500 with --quick)
  --reseed             seed again even when the database already holds that many tenants
Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/unblock_bench).`;

export function readBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      tenants: { type: "string" },
      "pglite-tenants": { type: "string" },
      only: { type: "string" },
      skip: { type: "string" },
      quick: { type: "boolean" },
      writes: { type: "string" },
      reseed: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const whole = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`--${name} must be a whole number.\n${usage}`);
    return parsed;
  };
  const quick = values.quick ?? false;
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/unblock_bench";
  const name = new URL(serverUrl).pathname.slice(1);
  if (name === "" || name === "test" || name.startsWith("unblock_test_") || name === "postgres") {
    throw new Error(`The benchmark needs its own database, not "${name}": set BENCH_DATABASE_URL.`);
  }
  const only = values.only;
  if (only && only !== "postgres" && only !== "pglite")
    throw new Error(`--only postgres or pglite.\n${usage}`);
  return {
    tenants: whole("tenants", values.tenants, 100_000),
    pgliteTenants: whole("pglite-tenants", values["pglite-tenants"], 10_000),
    targets: only ? [only as "postgres" | "pglite"] : ["postgres", "pglite"],
    serverUrl,
    reseed: values.reseed ?? false,
    quick,
    skip: new Set((values.skip ?? "").split(",").filter(Boolean)),
    requests: {
      ...(quick ? { c1: 20, c16: 96 } : { c1: 200, c16: 320 }),
      writes: whole("writes", values.writes, quick ? 500 : 2000),
    },
    importRows: quick ? 5_000 : 20_000,
    exportAll: !quick,
    maxSeconds: quick ? { c1: 8, c16: 12 } : { c1: 20, c16: 30 },
  };
}
