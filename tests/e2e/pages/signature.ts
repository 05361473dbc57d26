import { expect, type Locator, type Page } from '@playwright/test';

/** Whether the pad's canvas holds any ink (a stroke leaves pixels that are not transparent). */
function hasInk(pad: Locator): Promise<boolean> {
  return pad.evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return false;
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let alpha = 3; alpha < pixels.length; alpha += 4) if ((pixels[alpha] ?? 0) > 0) return true;
    return false;
  });
}

/**
 * Signs like a person: a few strokes with the mouse pressed, over the pad, again if they left no
 * ink (on a loaded machine the panel can still be moving into place when the strokes start, and a
 * person would simply sign again).
 */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
  await expect(async () => {
    if (!(await hasInk(pad))) await signOnce(page, pad);
    expect(await hasInk(pad)).toBe(true);
  }).toPass({ timeout: 30_000 });
}

async function signOnce(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const strokes: [number, number][][] = [
    [
      [0.08, 0.7],
      [0.15, 0.25],
      [0.22, 0.75],
      [0.3, 0.3],
      [0.38, 0.7],
    ],
    [
      [0.45, 0.55],
      [0.55, 0.35],
      [0.65, 0.65],
      [0.75, 0.4],
      [0.9, 0.55],
    ],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(box.x + first[0] * box.width, box.y + first[1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}
