import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeBoundingBox,
  type Geometry,
  isPointInGeometry,
  isPointInPolygon,
  type LinearRing,
} from './geometry.ts';

const square = (x0: number, y0: number, size: number): LinearRing => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

describe('point in polygon', () => {
  const donut = [square(0, 0, 10), square(4, 4, 2)];

  it('finds points inside, outside and in a hole', () => {
    expect(isPointInPolygon([1, 1], donut)).toBe(true);
    expect(isPointInPolygon([11, 1], donut)).toBe(false);
    expect(isPointInPolygon([5, 5], donut)).toBe(false);
    expect(isPointInPolygon([3.9, 5], donut)).toBe(true);
  });

  it('counts the boundary, a hole’s included, as inside', () => {
    expect(isPointInPolygon([0, 5], donut)).toBe(true);
    expect(isPointInPolygon([10, 10], donut)).toBe(true);
    expect(isPointInPolygon([4, 5], donut)).toBe(true);
  });

  it('handles concave rings and unclosed rings', () => {
    const l: LinearRing = [
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 4],
      [0, 4],
    ];
    expect(isPointInPolygon([0.5, 3], [l])).toBe(true);
    expect(isPointInPolygon([3, 3], [l])).toBe(false);
    expect(isPointInPolygon([3, 0.5], [l])).toBe(true);
    expect(isPointInPolygon([1, 1], [])).toBe(false);
  });

  it('checks every part of a multipolygon', () => {
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(5, 5, 1), square(5.25, 5.25, 0.5)]],
    };
    expect(isPointInGeometry([0.5, 0.5], multi)).toBe(true);
    expect(isPointInGeometry([5.1, 5.1], multi)).toBe(true);
    expect(isPointInGeometry([5.5, 5.5], multi)).toBe(false);
    expect(isPointInGeometry([3, 3], multi)).toBe(false);
    expect(computeBoundingBox(multi)).toEqual({
      minLongitude: 0,
      minLatitude: 0,
      maxLongitude: 6,
      maxLatitude: 6,
    });
  });

  it('agrees with the arithmetic on squares', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 15, noNaN: true }),
        fc.double({ min: -5, max: 15, noNaN: true }),
        (x, y) => {
          const inside = x >= 0 && x <= 10 && y >= 0 && y <= 10;
          expect(isPointInGeometry([x, y], { type: 'Polygon', coordinates: [square(0, 0, 10)] })).toBe(
            inside,
          );
        },
      ),
    );
  });
});
