/**
 * A bit stream packed into JSON-safe ASCII, for the sync area, where Chrome counts every byte of
 * `JSON.stringify(value)` and a whole account gets 102,400 of them.
 *
 * Every 13 bits become two characters of a 91-character alphabet (printable ASCII without `"`,
 * `\` and `~`, so nothing is escaped by JSON): 6.5 bits per byte, against 6 for base64 and about
 * 3 for decimal JSON numbers. Numbers are written as Exp-Golomb codes, whose length grows with the
 * logarithm of the value: sorted id deltas and stamp deltas within a reading session take a few
 * bits each, and the occasional large jump costs tens of bits rather than a unary run.
 *
 * Written by hand: general compressors (lz-string, gzip + base64) neither exploit sorted ids nor
 * beat 6.5 bits per byte on text that is already entropy-coded, and no bit-stream library targets
 * JSON-string storage.
 */

const ALPHABET = (() => {
  let out = '';
  for (let code = 0x21; code <= 0x7d; code++) if (code !== 0x22 && code !== 0x5c) out += String.fromCharCode(code);
  return out;
})();
const BASE = ALPHABET.length;
const GROUP = 13;
const DIGIT = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

const POW2: number[] = [];
for (let i = 0; i <= 53; i++) POW2.push(2 ** i);

/** Writes bits most significant first; {@link BitWriter.text} returns them packed. */
export class BitWriter {
  private chars: string[] = [];
  private acc = 0;
  private held = 0;
  private count = 0;

  /** Bits written so far. */
  get length(): number {
    return this.count;
  }

  /** Writes the low `n` bits of `value` (0 ≤ value < 2^n, n ≤ 53). */
  bits(value: number, n: number): void {
    this.count += n;
    let left = n;
    while (left > 0) {
      const take = Math.min(GROUP - this.held, left);
      left -= take;
      const part = Math.floor(value / POW2[left]!) % POW2[take]!;
      this.acc = this.acc * POW2[take]! + part;
      this.held += take;
      if (this.held === GROUP) this.flush();
    }
  }

  /** An Exp-Golomb code of order `k` for an integer `value` ≥ 0. */
  expGolomb(value: number, k: number): void {
    const shifted = value + POW2[k]!;
    const width = bitWidth(shifted);
    this.bits(0, width - k - 1);
    this.bits(shifted, width);
  }

  /** A signed integer, zigzag-mapped (0, -1, 1, -2, …) and Exp-Golomb coded. */
  signed(value: number, k: number): void {
    this.expGolomb(value >= 0 ? value * 2 : -value * 2 - 1, k);
  }

  /** Everything written, padded with zero bits to whole characters. */
  text(): string {
    const rest = this.held;
    if (rest === 0) return this.chars.join('');
    const acc = this.acc * POW2[GROUP - rest]!;
    return this.chars.join('') + ALPHABET[acc % BASE]! + ALPHABET[Math.floor(acc / BASE)]!;
  }

  private flush(): void {
    this.chars.push(ALPHABET[this.acc % BASE]!, ALPHABET[Math.floor(this.acc / BASE)]!);
    this.acc = 0;
    this.held = 0;
  }
}

/** The number of bits of `value` (≥ 1) in binary. */
function bitWidth(value: number): number {
  return value < POW2[31]! ? 32 - Math.clz32(value) : Math.floor(Math.log2(value)) + 1;
}

/** The length in bits of the Exp-Golomb code of order `k` for `value`. */
export function expGolombLength(value: number, k: number): number {
  return 2 * bitWidth(value + POW2[k]!) - k - 1;
}

/** The zigzag mapping {@link BitWriter.signed} uses. */
export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

/** The Exp-Golomb order in 0..15 that codes `values` in the fewest bits. */
export function bestOrder(values: readonly number[]): number {
  let best = 0;
  let bestBits = Infinity;
  for (let k = 0; k < 16; k++) {
    let total = 0;
    for (const value of values) total += expGolombLength(value, k);
    if (total < bestBits) [best, bestBits] = [k, total];
  }
  return best;
}

/** Reads what {@link BitWriter} wrote; throws a RangeError on a character outside the alphabet or a read past the end. */
export class BitReader {
  private pos = 0;
  private acc = 0;
  private held = 0;

  constructor(private readonly packed: string) {
    // i18n-exempt: decode diagnostic, never shown (see WireProblem in wire.ts)
    if (packed.length % 2 !== 0) throw new RangeError('bit stream of odd length');
  }

  bits(n: number): number {
    let value = 0;
    let left = n;
    while (left > 0) {
      if (this.held === 0) this.load();
      const take = Math.min(this.held, left);
      this.held -= take;
      const part = Math.floor(this.acc / POW2[this.held]!) % POW2[take]!;
      value = value * POW2[take]! + part;
      left -= take;
    }
    return value;
  }

  expGolomb(k: number): number {
    let zeros = 0;
    while (this.bits(1) === 0) {
      zeros++;
      // i18n-exempt: decode diagnostic, never shown (see WireProblem in wire.ts)
      if (zeros > 53 - k) throw new RangeError('number too large in bit stream');
    }
    const rest = zeros + k;
    return POW2[rest]! + this.bits(rest) - POW2[k]!;
  }

  signed(k: number): number {
    const value = this.expGolomb(k);
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  private load(): void {
    // i18n-exempt: decode diagnostic, never shown (see WireProblem in wire.ts)
    if (this.pos >= this.packed.length) throw new RangeError('bit stream ends early');
    const low = DIGIT[this.packed.charCodeAt(this.pos)] ?? -1;
    const high = DIGIT[this.packed.charCodeAt(this.pos + 1)] ?? -1;
    this.pos += 2;
    const group = low + high * BASE;
    // i18n-exempt: decode diagnostic, never shown (see WireProblem in wire.ts)
    if (low < 0 || high < 0 || group >= POW2[GROUP]!) throw new RangeError('character outside the bit-stream alphabet');
    this.acc = group;
    this.held = GROUP;
  }
}
