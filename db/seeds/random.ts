import { Faker, base, en, fr, generateMersenne53Randomizer, type Randomizer } from '@faker-js/faker';

/**
 * The seed's only source of randomness. It owns a private, seeded French faker (the same
 * locale chain as `fakerFR`) instead of seeding the shared `fakerFR`: another caller of that
 * singleton, or a second seed running concurrently, would otherwise shift every later draw.
 */
export class Random {
  readonly faker: Faker;
  readonly #randomizer: Randomizer;

  constructor(seed: number) {
    this.#randomizer = generateMersenne53Randomizer(seed);
    this.faker = new Faker({ locale: [fr, en, base], randomizer: this.#randomizer });
    this.faker.seed(seed);
  }

  /** Uniform in [0, 1); shares its stream with `faker`. */
  next(): number {
    return this.#randomizer.next();
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick needs at least one item');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('Random.weighted needs at least one entry');
    return last[0];
  }

  /** Digits as a string, zero-padded (plate fragments, phone numbers). */
  digits(count: number): string {
    return Array.from({ length: count }, () => String(this.int(0, 9))).join('');
  }
}
