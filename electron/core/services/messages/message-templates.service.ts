import {
  messageAudience,
  messageKindLabels,
  messageKinds,
  messageKindTriggers,
  type MessageKind,
  type MessageTemplateDto,
  type MessageTemplateText,
} from '../../../../shared/domain/messages';
import { ApiFailure } from '../../../../shared/errors';
import type { Tx } from '../../db/transaction';
import { listSavedTemplates, type StoredTemplate } from '../../repositories/message.repository';
import { defaultTemplates } from './default-templates';
import { templateProblems } from './template-render';

function dtoOf(kind: MessageKind, saved: StoredTemplate | undefined): MessageTemplateDto {
  const defaultText = defaultTemplates[kind];
  return {
    kind,
    label: messageKindLabels[kind],
    trigger: messageKindTriggers[kind],
    audience: messageAudience(kind),
    subject: saved?.subject ?? defaultText.subject,
    body: saved?.body ?? defaultText.body,
    custom: saved !== undefined,
    updatedAt: saved?.updatedAt ?? null,
    updatedBy: saved?.updatedBy ?? null,
    defaultText,
  };
}

/** Every kind's template in effect: the admin's where saved, else the shipped default. */
export async function templatesInEffect(tx: Tx): Promise<MessageTemplateDto[]> {
  const saved = await listSavedTemplates(tx);
  return messageKinds.map((kind) =>
    dtoOf(
      kind,
      saved.find((t) => t.kind === kind),
    ),
  );
}

export async function templateInEffect(tx: Tx, kind: MessageKind): Promise<MessageTemplateDto> {
  const saved = await listSavedTemplates(tx);
  return dtoOf(
    kind,
    saved.find((t) => t.kind === kind),
  );
}

/**
 * Refuses a template that names an unknown placeholder or does not parse, naming the field
 * (under `prefix`, e.g. ['draft']) and the placeholder.
 */
export function requireValidTemplate(text: MessageTemplateText, prefix: string[] = []): void {
  const problems = templateProblems(text);
  if (problems.length === 0) return;
  throw new ApiFailure(
    'invalid_input',
    problems.map((p) => `${p.field === 'subject' ? 'Subject' : 'Body'}: ${p.message}.`).join(' '),
    problems.map((p) => ({ path: [...prefix, p.field], message: p.message })),
  );
}
