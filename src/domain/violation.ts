/**
 * A rule the proposed data breaks. `field` is a path into the request
 * (e.g. "segments.1.targetDate"), `code` a stable snake_case identifier that
 * clients may switch on, `message` a sentence for people.
 */
export interface Violation {
  field: string;
  code: string;
  message: string;
}

export function violation(field: string, code: string, message: string): Violation {
  return { field, code, message };
}
