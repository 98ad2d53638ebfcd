import { describe, expect, it } from 'vitest';
import { seededRandom } from './answerSets';
import { bootstrapInterval, median } from './stats';

const ratio = ([a, b]: number[][]) => median(a!) / median(b!);

describe('the bootstrap interval the bench prints with the start-up ratio', () => {
  it('is a single point when the loads do not vary', () => {
    expect(bootstrapInterval([[30, 30, 30], [300, 300]], ratio, seededRandom(1))).toEqual([0.1, 0.1]);
  });

  it('holds the estimate, and narrows as loads are added', () => {
    const random = seededRandom(7);
    const loads = (n: number, centre: number) => Array.from({ length: n }, () => centre + (random() - 0.5) * centre);
    const few = [loads(10, 100), loads(10, 1000)];
    const many = [loads(400, 100), loads(400, 1000)];
    const [fewLow, fewHigh] = bootstrapInterval(few, ratio, seededRandom(2));
    const [manyLow, manyHigh] = bootstrapInterval(many, ratio, seededRandom(2));
    expect(fewLow).toBeLessThanOrEqual(ratio(few));
    expect(fewHigh).toBeGreaterThanOrEqual(ratio(few));
    expect(manyLow).toBeLessThan(0.1);
    expect(manyHigh).toBeGreaterThan(0.1);
    expect(manyHigh - manyLow).toBeLessThan((fewHigh - fewLow) / 2);
  });

  it('is the same for the same seed', () => {
    const samples = [[1, 5, 9, 2], [10, 30, 20]];
    expect(bootstrapInterval(samples, ratio, seededRandom(3))).toEqual(bootstrapInterval(samples, ratio, seededRandom(3)));
  });
});
