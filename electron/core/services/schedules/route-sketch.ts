import type { Feature, FeatureCollection, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// The map view's offline basemap (Natural Earth 1:50m countries), so the sketch needs no network.
import countries50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { LatLng } from '../../../../shared/domain/travel';

const SEA = '#dce9f1';
const LAND = '#f5f3ee';
const BORDER = '#b7b0a3';
const ROUTE = '#333333';
/** Less than this (in degrees of latitude, about 3 km) and a day in one street would fill the box. */
const MIN_SPAN_DEG = 0.03;

type Countries = Topology<{ countries: GeometryCollection }>;
interface Ring {
  west: number;
  east: number;
  south: number;
  north: number;
  points: Position[];
}
let landRings: Ring[] | null = null;

/** Every ring of the country shapes with its bounds, converted once per process (tens of ms). */
function countryRings(): Ring[] {
  if (!landRings) {
    const topology = countries50m as unknown as Countries;
    const converted = feature(topology, topology.objects.countries);
    const shapes: FeatureCollection =
      'features' in converted ? converted : { type: 'FeatureCollection', features: [converted] };
    landRings = shapes.features.flatMap(rings).map((points) => {
      const lngs = points.map(([lng = 0]) => lng);
      const lats = points.map(([, lat = 0]) => lat);
      return {
        west: Math.min(...lngs),
        east: Math.max(...lngs),
        south: Math.min(...lats),
        north: Math.max(...lats),
        points,
      };
    });
  }
  return landRings;
}

function rings(shape: Feature): Position[][] {
  const g = shape.geometry;
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

interface View {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * The box around the points, padded, no smaller than MIN_SPAN_DEG, and widened in one direction
 * to the drawing's shape so a kilometre is as long across as up (longitudes shrink by cos(lat)).
 */
function viewAround(points: readonly LatLng[], width: number, height: number): View {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const squeeze = Math.cos((midLat * Math.PI) / 180);
  let spanLat = Math.max((Math.max(...lats) - Math.min(...lats)) * 1.3, MIN_SPAN_DEG);
  let spanLng = Math.max((Math.max(...lngs) - Math.min(...lngs)) * 1.3, MIN_SPAN_DEG / squeeze);
  // Equal scale both ways: widen whichever side is short for the drawing's shape.
  if ((spanLng * squeeze) / spanLat < width / height) spanLng = (spanLat * (width / height)) / squeeze;
  else spanLat = (spanLng * squeeze * height) / width;
  return {
    west: midLng - spanLng / 2,
    east: midLng + spanLng / 2,
    south: midLat - spanLat / 2,
    north: midLat + spanLat / 2,
  };
}

const fixed = (n: number) => n.toFixed(1);

type Point = [number, number];

/**
 * A polygon cut to the drawing's rectangle (Sutherland–Hodgman, one edge at a time). Without it a
 * sketch would carry a whole country's coast (thousands of points) to show a few streets, and
 * drawing 40 technicians' sketches took seconds.
 */
export function clipToBox(polygon: readonly Point[], width: number, height: number): Point[] {
  const edges: { inside: (p: Point) => boolean; cut: (a: Point, b: Point) => Point }[] = [
    { inside: ([x]) => x >= 0, cut: (a, b) => at(a, b, (0 - a[0]) / (b[0] - a[0])) },
    { inside: ([x]) => x <= width, cut: (a, b) => at(a, b, (width - a[0]) / (b[0] - a[0])) },
    { inside: ([, y]) => y >= 0, cut: (a, b) => at(a, b, (0 - a[1]) / (b[1] - a[1])) },
    { inside: ([, y]) => y <= height, cut: (a, b) => at(a, b, (height - a[1]) / (b[1] - a[1])) },
  ];
  let output: Point[] = [...polygon];
  for (const edge of edges) {
    const input = output;
    output = [];
    input.forEach((current, i) => {
      const previous = input[(i + input.length - 1) % input.length] ?? current;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cut(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) output.push(edge.cut(previous, current));
    });
    if (output.length === 0) break;
  }
  return output;
}

function at(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/**
 * A small map of a technician's day as SVG: the stops numbered in visit order, joined by straight
 * lines from the base (a square), over the country shapes of the offline basemap. Straight lines,
 * not roads: it shows the order and the spread of the day, the card below each stop the drive.
 * Null when no stop has coordinates (nothing to draw).
 */
export function routeSketchSvg(
  base: LatLng | null,
  stops: readonly (LatLng | null)[],
  size: { width: number; height: number },
): string | null {
  const placed = stops.flatMap((s, i) => (s ? [{ at: s, number: i + 1 }] : []));
  if (placed.length === 0) return null;
  const { width, height } = size;
  const view = viewAround([...(base ? [base] : []), ...placed.map((p) => p.at)], width, height);
  const x = (lng: number) => ((lng - view.west) / (view.east - view.west)) * width;
  const y = (lat: number) => ((view.north - lat) / (view.north - view.south)) * height;

  const land: string[] = [];
  for (const ring of countryRings()) {
    // Only rings that reach into the view: a city's box meets one or two countries of some 250.
    if (ring.east < view.west || ring.west > view.east || ring.north < view.south || ring.south > view.north) continue;
    const clipped = clipToBox(
      ring.points.map(([lng = 0, lat = 0]): Point => [x(lng), y(lat)]),
      width,
      height,
    );
    if (clipped.length >= 3) land.push(`M${clipped.map(([px, py]) => `${fixed(px)} ${fixed(py)}`).join('L')}Z`);
  }
  const route = [...(base ? [base] : []), ...placed.map((p) => p.at)].map(
    (p) => `${fixed(x(p.lng))},${fixed(y(p.lat))}`,
  );
  const baseMark = base
    ? `<rect x="${fixed(x(base.lng) - 4)}" y="${fixed(y(base.lat) - 4)}" width="8" height="8" fill="${ROUTE}"/>`
    : '';
  const stopMarks = placed
    .map(
      ({ at, number }) =>
        `<circle cx="${fixed(x(at.lng))}" cy="${fixed(y(at.lat))}" r="6.5" fill="#ffffff" stroke="${ROUTE}" stroke-width="1.2"/>` +
        `<text x="${fixed(x(at.lng))}" y="${fixed(y(at.lat) + 2.8)}" font-family="DejaVuSans" font-size="7.5" text-anchor="middle" fill="${ROUTE}">${number}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><clipPath id="frame"><rect width="${width}" height="${height}"/></clipPath></defs>` +
    `<g clip-path="url(#frame)"><rect width="${width}" height="${height}" fill="${SEA}"/>` +
    `<path d="${land.join('')}" fill="${LAND}" stroke="${BORDER}" stroke-width="0.8"/>` +
    `<polyline points="${route.join(' ')}" fill="none" stroke="${ROUTE}" stroke-width="1.4" stroke-dasharray="4 2"/>` +
    `${baseMark}${stopMarks}</g>` +
    `<rect width="${width}" height="${height}" fill="none" stroke="#888888" stroke-width="0.5"/></svg>`
  );
}
