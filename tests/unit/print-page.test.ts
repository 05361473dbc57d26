import type { WebContentsPrintOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { pagePrintOptions, printPage, type Printable } from '../../electron/ipc/print-page';
import { printView } from '../../renderer/src/transport/print-view';

// Electron cannot run here: a window's contents are stood in for by an object with the same print
// signature, answering as Electron documents (success, or false with its failure reason in words).
function contentsAnswering(success: boolean, failureReason = ''): Printable & { asked: WebContentsPrintOptions[] } {
  const asked: WebContentsPrintOptions[] = [];
  return {
    asked,
    print(options, callback) {
      asked.push(options ?? {});
      callback?.(success, failureReason);
    },
  };
}

describe('printing from the desktop shell (webContents.print)', () => {
  it('opens the system print dialog, never printing silently to the default printer', async () => {
    const contents = contentsAnswering(true);
    expect(await printPage(contents)).toEqual({ printed: true });
    expect(contents.asked).toEqual([pagePrintOptions]);
    expect(pagePrintOptions.silent).toBe(false);
  });

  it.each([
    ['Print job canceled', true],
    ['Print job failed', false],
    ['Invalid printer settings', false],
  ])('answers "%s" as not printed, cancelled: %s', async (reason, cancelled) => {
    expect(await printPage(contentsAnswering(false, reason))).toEqual({ printed: false, cancelled, reason });
  });
});

describe("the Print button's choice of printer dialog", () => {
  it('prints through the desktop bridge when there is one, not the page', async () => {
    let pagePrints = 0;
    const outcome = await printView(
      { print: () => Promise.resolve({ printed: false, cancelled: true, reason: 'Print job canceled' }) },
      { print: () => void (pagePrints += 1) },
    );
    expect(outcome).toEqual({ printed: false, cancelled: true, reason: 'Print job canceled' });
    expect(pagePrints).toBe(0);
  });

  it("uses the browser's print in browser mode (a bridge without print)", async () => {
    let pagePrints = 0;
    expect(await printView({}, { print: () => void (pagePrints += 1) })).toEqual({ printed: true });
    expect(pagePrints).toBe(1);
  });
});
