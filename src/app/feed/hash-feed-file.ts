import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** The SHA-256 of a feed file's bytes, streamed (a usage file may be hundreds of megabytes). */
export async function hashFeedFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
