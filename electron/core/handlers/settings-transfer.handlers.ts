import { notTransferred, type SettingsPreviewDto } from '../../../shared/domain/settings-transfer';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import type { Tx } from '../db/transaction';
import { loadMailSettings, loadWebhookSettings } from '../services/outbox/outbox-config.service';
import { applySections } from '../services/settings-transfer/settings-apply.service';
import { parseSettingsFile, requireApplicable, settingsDocument } from '../services/settings-transfer/settings-file';
import { changeCountOf, fingerprintOf, planSections, type Secrets } from '../services/settings-transfer/settings-plan';
import { readSetup } from '../services/settings-transfer/settings-snapshot.service';
import type { Handlers } from './handler-types';

async function secretsOf(tx: Tx): Promise<Secrets> {
  return {
    mailPasswordSet: Boolean((await loadMailSettings(tx))?.password),
    webhookSecretSet: Boolean((await loadWebhookSettings(tx))?.secret),
  };
}

/** Reads the file and the console's set-up, refuses what cannot apply, and works out the plan. */
async function previewOf(tx: Tx, text: string, ctx: HandlerContext) {
  const file = parseSettingsFile(text);
  const current = await readSetup(tx);
  requireApplicable(file.sections, current, ctx.now());
  const secrets = await secretsOf(tx);
  const sections = planSections(current, file.sections, secrets);
  const preview: SettingsPreviewDto = {
    fingerprint: fingerprintOf(current, secrets, file.sections),
    exportedAt: file.exportedAt,
    schemaVersion: file.schemaVersion,
    formatVersion: file.formatVersion,
    changeCount: changeCountOf(sections),
    sections,
    notTransferred,
  };
  return { file, current, preview };
}

export const settingsTransferHandlers = {
  'settingsTransfer.export': async (_input, ctx) => {
    const document = settingsDocument(await readSetup(ctx.database.db), ctx.now());
    const day = ctx.now().slice(0, 10);
    return {
      fileName: `dispatch-settings-${day}.json`,
      mimeType: 'application/json',
      contentBase64: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8').toString('base64'),
    };
  },

  'settingsTransfer.preview': async (input, ctx) => (await previewOf(ctx.database.db, input.file, ctx)).preview,

  'settingsTransfer.import': async (input, ctx) => {
    const caller = requireCaller(ctx);
    return ctx.write(async (write) => {
      const { file, current, preview } = await previewOf(write.tx, input.file, ctx);
      if (preview.fingerprint !== input.expectedPreview) {
        throw new ApiFailure(
          'stale',
          "The console's set-up (or the file) changed since the preview: preview the file again and check what it changes.",
          [{ path: ['expectedPreview'], message: 'Not the preview of this file and set-up' }],
        );
      }
      await applySections(write, current, file.sections, preview.sections, { at: ctx.now(), userId: caller.id });
      if (preview.changeCount > 0) {
        await write.audit({
          entity: 'settings_transfer',
          entityId: 'import',
          before: null,
          after: { exportedAt: file.exportedAt, schemaVersion: file.schemaVersion, changeCount: preview.changeCount },
        });
        await write.publish({ type: 'settings.changed' });
        await write.publish({ type: 'parts.changed' });
      }
      return { changeCount: preview.changeCount, sections: preview.sections };
    });
  },
} satisfies Partial<Handlers>;
