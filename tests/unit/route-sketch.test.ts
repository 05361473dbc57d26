import { describe, expect, it } from 'vitest';
import { clipToBox, routeSketchSvg } from '../../electron/core/services/schedules/route-sketch';

describe("the route sketch's basemap clipping", () => {
  it('cuts a country that covers the whole box down to the box itself', () => {
    const country: [number, number][] = [
      [-500, -500],
      [900, -500],
      [900, 900],
      [-500, 900],
    ];
    const clipped = clipToBox(country, 300, 150);
    expect(clipped.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`).sort()).toEqual([
      '0,0',
      '0,150',
      '300,0',
      '300,150',
    ]);
  });

  it('drops a shape wholly outside the box', () => {
    expect(
      clipToBox(
        [
          [400, 10],
          [500, 10],
          [450, 90],
        ],
        300,
        150,
      ),
    ).toEqual([]);
  });

  it('keeps a city sketch small: the Netherlands around Utrecht is a handful of points, not its coast', () => {
    const svg = routeSketchSvg({ lat: 52.09, lng: 5.12 }, [{ lat: 52.1, lng: 5.13 }, null, { lat: 52.08, lng: 5.1 }], {
      width: 300,
      height: 150,
    });
    expect(svg?.length).toBeLessThan(3_000);
    // Two placed stops, numbered by their place in the day (the second visit has no coordinates).
    expect(svg).toContain('>1</text>');
    expect(svg).toContain('>3</text>');
    expect(svg).not.toContain('>2</text>');
    expect(routeSketchSvg(null, [null], { width: 300, height: 150 })).toBeNull();
  });
});
