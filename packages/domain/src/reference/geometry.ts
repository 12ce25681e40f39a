/** GeoJSON-shaped geometry, longitude first, as the ANCT contours and the address API give it. */
export type Position = readonly [longitude: number, latitude: number];
export type LinearRing = readonly Position[];
/** First ring: the outer boundary; the others: holes. */
export type PolygonCoordinates = readonly LinearRing[];

export type Geometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: readonly PolygonCoordinates[] };

export interface BoundingBox {
  minLongitude: number;
  minLatitude: number;
  maxLongitude: number;
  maxLatitude: number;
}

function isOnSegment(point: Position, a: Position, b: Position): boolean {
  const [x, y] = point;
  const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  if (Math.abs(cross) > 1e-12) return false;
  return (
    x >= Math.min(a[0], b[0]) &&
    x <= Math.max(a[0], b[0]) &&
    y >= Math.min(a[1], b[1]) &&
    y <= Math.max(a[1], b[1])
  );
}

type RingPosition = 'inside' | 'outside' | 'boundary';

/** Ray casting; works whether or not the ring repeats its first position at the end. */
function locateInRing(point: Position, ring: LinearRing): RingPosition {
  const [x, y] = point;
  let isInside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    if (isOnSegment(point, a, b)) return 'boundary';
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0])
      isInside = !isInside;
  }
  return isInside ? 'inside' : 'outside';
}

/** Inside the outer ring and outside every hole; a point on any boundary counts as inside. */
export function isPointInPolygon(point: Position, polygon: PolygonCoordinates): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || locateInRing(point, outer) === 'outside') return false;
  return holes.every((hole) => locateInRing(point, hole) !== 'inside');
}

export function isPointInGeometry(point: Position, geometry: Geometry): boolean {
  if (geometry.type === 'Polygon') return isPointInPolygon(point, geometry.coordinates);
  return geometry.coordinates.some((polygon) => isPointInPolygon(point, polygon));
}

export function computeBoundingBox(geometry: Geometry): BoundingBox {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const box = {
    minLongitude: Infinity,
    minLatitude: Infinity,
    maxLongitude: -Infinity,
    maxLatitude: -Infinity,
  };
  for (const polygon of polygons) {
    for (const [longitude, latitude] of polygon[0] ?? []) {
      box.minLongitude = Math.min(box.minLongitude, longitude);
      box.maxLongitude = Math.max(box.maxLongitude, longitude);
      box.minLatitude = Math.min(box.minLatitude, latitude);
      box.maxLatitude = Math.max(box.maxLatitude, latitude);
    }
  }
  return box;
}

export function isInBoundingBox([longitude, latitude]: Position, box: BoundingBox): boolean {
  return (
    longitude >= box.minLongitude &&
    longitude <= box.maxLongitude &&
    latitude >= box.minLatitude &&
    latitude <= box.maxLatitude
  );
}
