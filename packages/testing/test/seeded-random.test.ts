import { describe, expect, it } from "vitest";
import { createEmulator, seededRandom } from "../src/index.ts";
import { generateOk } from "./support/requests.ts";

const take = (random: () => number, count: number) => Array.from({ length: count }, random);

describe("seededRandom", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    const first = take(seededRandom(42), 50);
    expect(take(seededRandom(42), 50)).toEqual(first);
    expect(take(seededRandom(43), 50)).not.toEqual(first);
    expect(new Set(first).size).toBe(50);
  });

  it("returns floats in [0, 1)", () => {
    const values = take(seededRandom(0), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it("makes an emulator's seeds for unseeded requests reproducible", async () => {
    const seedsOf = async (seed: number) => {
      const emulator = createEmulator({ random: seededRandom(seed) });
      const response = await generateOk(emulator, { prompt: "no seed given", num_images: 3 });
      return response.data.map((image) => image.seed);
    };
    const seeds = await seedsOf(9);
    expect(await seedsOf(9)).toEqual(seeds);
    expect(await seedsOf(10)).not.toEqual(seeds);
  });
});
