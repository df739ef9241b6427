import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import type { ReceivedFeed } from "../app/feed/start-portfolio-sync.ts";
import { AppError } from "../domain/app-error.ts";
import { type FeedFileName, feedFileNames } from "../domain/feed/feed-files.ts";
import { violation } from "../domain/violation.ts";
import { syncFormFieldsSchema } from "./schemas/feed.ts";

/** How much one upload may carry. A 100,000-tenant export's entitlements file is about 100 MB. */
export interface FeedUploadLimits {
  /** Bytes per file. */
  fileSize: number;
}

export const defaultFeedUploadLimits: FeedUploadLimits = { fileSize: 1024 * 1024 * 1024 };

/** An upload over a limit: answered 413, naming the file or field and the limit. */
export class UploadTooLarge extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

const fileNamePattern = new RegExp(`^(${feedFileNames.join("|")})\\.(csv|jsonl|ndjson)$`, "i");
const optionNames = ["dryRun", "full", "partial", "allowMassEnd"];

/**
 * Streams a multipart upload of feed files into a fresh temporary folder,
 * each file kept under its feed name, and reads the option fields. Refuses
 * (422, naming the file or field and the rule) a file name that is not a feed
 * file, a feed file given twice, an empty file, an unknown field and an upload
 * with no file; over a limit, UploadTooLarge. On refusal the folder is gone.
 */
export async function receiveFeedUpload(
  request: FastifyRequest,
  limits: FeedUploadLimits,
): Promise<ReceivedFeed> {
  if (!request.isMultipart()) {
    throw refused("body", "multipart_required", "Send the feed files as multipart/form-data.");
  }
  const folder = await mkdtemp(join(tmpdir(), "unblock-feed-upload-"));
  const seen = new Map<FeedFileName, string>();
  try {
    const fields: Record<string, string> = {};
    const parts = request.parts({
      limits: { fileSize: limits.fileSize, files: 10, fields: 10, fieldSize: 1024, parts: 20 },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        if (!optionNames.includes(part.fieldname)) {
          throw refused(
            part.fieldname,
            "field_unknown",
            `Unknown field; the options are ${optionNames.join(", ")}.`,
          );
        }
        fields[part.fieldname] = String(part.value);
        continue;
      }
      await saveFile(part, folder, seen, limits);
    }
    if (seen.size === 0) {
      throw refused(
        "files",
        "files_required",
        `Upload at least one feed file: ${feedFileNames.join(", ")} (.csv or .jsonl).`,
      );
    }
    return { folder, options: optionsOf(fields) };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    // Over the size limit, the parser says so at the next part: the file at fault is the last one read.
    throw tooLargeOf(error, limits, [...seen.values()].pop()) ?? error;
  }
}

async function saveFile(
  part: { filename: string; file: NodeJS.ReadableStream & { truncated?: boolean } },
  folder: string,
  seen: Map<FeedFileName, string>,
  limits: FeedUploadLimits,
): Promise<void> {
  const filename = part.filename.split(/[\\/]/).pop() ?? "";
  const match = fileNamePattern.exec(filename);
  if (!match) {
    throw refused(
      filename || "files",
      "file_name_unknown",
      `"${filename}" is not a feed file: name each file customers, tenants, entitlements, people or usage, with .csv or .jsonl.`,
    );
  }
  const name = match[1]!.toLowerCase() as FeedFileName;
  const earlier = seen.get(name);
  if (earlier) {
    throw refused(
      filename,
      "file_duplicate",
      `${filename} gives ${name} again (after ${earlier}): send it once.`,
    );
  }
  seen.set(name, filename);
  const format = match[2]!.toLowerCase() === "csv" ? "csv" : "jsonl";
  const path = join(folder, `${name}.${format}`);
  try {
    await pipeline(part.file, createWriteStream(path));
  } catch (error) {
    throw tooLargeOf(error, limits, filename) ?? error;
  }
  if ((await stat(path)).size === 0) throw refused(filename, "file_empty", `${filename} is empty.`);
}

function optionsOf(fields: Record<string, string>): ReceivedFeed["options"] {
  const parsed = syncFormFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused(String(issue.path[0] ?? "body"), "boolean_invalid", "Give true or false.");
  }
  const { dryRun = false, full = false, partial = false, allowMassEnd = false } = parsed.data;
  return { dryRun, full, partial, allowMassEnd };
}

function refused(field: string, code: string, message: string): AppError {
  return new AppError("validation_failed", `${field}: ${message}`, {
    violations: [violation(field, code, message)],
  });
}

function tooLargeOf(error: unknown, limits: FeedUploadLimits, filename = "files"): UploadTooLarge | null {
  if (error instanceof UploadTooLarge) return error;
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") {
    const size =
      limits.fileSize >= 1024 * 1024
        ? `${Math.round(limits.fileSize / (1024 * 1024))} MiB`
        : `${limits.fileSize} bytes`;
    return new UploadTooLarge(
      filename,
      "file_too_large",
      `${filename} is over ${size}, the most one feed file may be.`,
    );
  }
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
    return new UploadTooLarge(
      "files",
      "parts_too_many",
      "Too many parts: send the five feed files and four options at most.",
    );
  }
  return null;
}
