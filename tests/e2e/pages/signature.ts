import type { Locator, Page } from '@playwright/test';

/** Signs like a person: a few strokes with the mouse pressed, over the pad. */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
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
