import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import type { ReceivedFeed } from "../app/feed/start-portfolio-sync.ts";
import { type AppError, saidError, saidViolation } from "../domain/app-error.ts";
import { type FeedFileName, feedFileNames } from "../domain/feed/feed-files.ts";
import type { ErrorMessageKey } from "../domain/i18n/error-messages-en.ts";
import type { Language } from "../domain/i18n/languages.ts";
import type { MessageParams } from "../domain/i18n/rule-text.ts";
import { errorText } from "../domain/i18n/server-texts.ts";
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
    readonly key: ErrorMessageKey,
    readonly values: MessageParams = {},
  ) {
    super(errorText.say("en", key, values));
  }

  /** The sentence in the asker's language; `message` stays English for the log. */
  messageIn(language: Language): string {
    return errorText.say(language, this.key, this.values);
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
    throw refused("body", "multipart_required", "feed_multipart");
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
          throw refused(part.fieldname, "field_unknown", "feed_field_unknown", {
            options: optionNames.join(", "),
          });
        }
        fields[part.fieldname] = String(part.value);
        continue;
      }
      await saveFile(part, folder, seen, limits);
    }
    if (seen.size === 0) {
      throw refused("files", "files_required", "feed_files_required", { names: feedFileNames.join(", ") });
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
    throw refused(filename || "files", "file_name_unknown", "feed_file_name_unknown", { file: filename });
  }
  const name = match[1]!.toLowerCase() as FeedFileName;
  const earlier = seen.get(name);
  if (earlier) {
    throw refused(filename, "file_duplicate", "feed_file_duplicate", { file: filename, name, earlier });
  }
  seen.set(name, filename);
  const format = match[2]!.toLowerCase() === "csv" ? "csv" : "jsonl";
  const path = join(folder, `${name}.${format}`);
  try {
    await pipeline(part.file, createWriteStream(path));
  } catch (error) {
    throw tooLargeOf(error, limits, filename) ?? error;
  }
  if ((await stat(path)).size === 0)
    throw refused(filename, "file_empty", "feed_file_empty", { file: filename });
}

function optionsOf(fields: Record<string, string>): ReceivedFeed["options"] {
  const parsed = syncFormFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused(String(issue.path[0] ?? "body"), "boolean_invalid", "boolean_invalid");
  }
  const { dryRun = false, full = false, partial = false, allowMassEnd = false } = parsed.data;
  return { dryRun, full, partial, allowMassEnd };
}

/** A 422 naming the field, said in the asker's language: "field: sentence", the field's own sentence. */
function refused(
  field: string,
  code: string,
  key: ErrorMessageKey,
  values: Readonly<Record<string, string>> = {},
): AppError {
  const message = (language: Language) => errorText.say(language, key, values);
  return saidError(
    "validation_failed",
    "field_refusal",
    { field, message },
    { violations: [saidViolation(field, code, key, values)] },
  );
}

function tooLargeOf(error: unknown, limits: FeedUploadLimits, filename = "files"): UploadTooLarge | null {
  if (error instanceof UploadTooLarge) return error;
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") {
    const mib = limits.fileSize >= 1024 * 1024;
    return new UploadTooLarge(
      filename,
      "file_too_large",
      mib ? "feed_file_too_large_mib" : "feed_file_too_large_bytes",
      { file: filename, size: mib ? Math.round(limits.fileSize / (1024 * 1024)) : limits.fileSize },
    );
  }
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
    return new UploadTooLarge("files", "parts_too_many", "feed_parts_too_many");
  }
  return null;
}
