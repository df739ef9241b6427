import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./post-webhook.ts";
import { checkWebhookUrl, isPrivateAddress } from "./webhook-target.ts";

let hits = 0;
const receiver = createServer((_request, response) => {
  hits += 1;
  response.writeHead(200).end();
});
let port = 0;

beforeAll(async () => {
  delete process.env.UNBLOCK_WEBHOOK_ALLOW_PRIVATE;
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(() => {
  delete process.env.UNBLOCK_WEBHOOK_ALLOW_PRIVATE;
  receiver.close();
});

describe("where webhooks may go", () => {
  it("counts loopback, private, link-local and mapped addresses as private, public ones not", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses a URL naming a private address or another scheme when subscribing", () => {
    for (const url of [
      "http://127.0.0.1:8080/x",
      "http://localhost/x",
      "http://[::1]/x",
      "http://10.0.0.5/",
    ]) {
      expect(() => checkWebhookUrl(url), url).toThrow(expect.objectContaining({ code: "validation_failed" }));
    }
    expect(() => checkWebhookUrl("ftp://example.com/x")).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
    expect(checkWebhookUrl("https://hooks.example.com/unblock").hostname).toBe("hooks.example.com");
  });

  it("refuses to connect to a name that resolves to loopback, unless private targets are allowed", async () => {
    // "localhost" is a name, not an address: the check has to look at what it resolves to.
    const refused = await postWebhook(`http://localhost:${port}/x`, {}, "{}");
    expect(refused).toMatchObject({ statusCode: null });
    expect(refused.error).toContain("loopback or private address");
    const literal = await postWebhook(`http://127.0.0.1:${port}/x`, {}, "{}");
    expect(literal.error).toContain("loopback or private address");
    expect(hits).toBe(0);

    process.env.UNBLOCK_WEBHOOK_ALLOW_PRIVATE = "1";
    const sent = await postWebhook(`http://127.0.0.1:${port}/x`, {}, "{}");
    expect(sent).toMatchObject({ statusCode: 200, error: null });
    expect(hits).toBe(1);
  });
});
