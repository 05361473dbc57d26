import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { ContactDto } from '../../../../shared/domain/directory';
import { FormDialog } from '../../components/form-dialog';
import { call } from '../../transport/client';
import { useApiMutation } from '../../transport/queries';
import { Issues } from '../admin/api-issues';
import { issuesOf } from '../technicians/technician-format';
import { StaleEditAlert } from './stale-edit-alert';

interface ContactFormValues {
  name: string;
  phone: string;
  email: string;
  role: string;
}

const fieldKeys = ['name', 'phone', 'email', 'role'] as const;

function valuesOf(contact: ContactDto): ContactFormValues {
  return { name: contact.name, phone: contact.phone ?? '', email: contact.email ?? '', role: contact.role ?? '' };
}

/** Invalidated by a save: the directory, intake's contact list and the caller search read contacts. */
export const contactQueries = ['contacts.list', 'clients.search', 'clients.list'] as const;

function sameValues(a: ContactFormValues, b: ContactFormValues): boolean {
  return fieldKeys.every((k) => a[k] === b[k]);
}

/**
 * Corrects a contact's name, phone, e-mail and role, and records whether they want messages. The
 * save is based on the revision the dialog opened with, so a change made meanwhile elsewhere is
 * refused as stale rather than overwritten. The opt-out has its own method (it is audited as a
 * consent of its own): it is saved after the details, on the revision that save answered.
 */
export function ContactDialog({ contact, onClose }: { contact: ContactDto; onClose: () => void }) {
  const [base, setBase] = useState(contact);
  const [values, setValues] = useState(() => valuesOf(contact));
  const [optOut, setOptOut] = useState(contact.messagesOptOut);
  const [sent, setSent] = useState<ContactFormValues | null>(null);
  const save = useApiMutation('contacts.update', [...contactQueries]);
  const saveOptOut = useApiMutation('contacts.setMessagesOptOut', [...contactQueries]);
  // A field edited since the save no longer shows the error it had.
  const issues = new Issues(
    issuesOf(save.error).list.filter((i) => {
      const key = i.path[0];
      return (
        !sent ||
        !fieldKeys.some((k) => k === key) ||
        values[key as keyof ContactFormValues] === sent[key as keyof ContactFormValues]
      );
    }),
  );
  const stale = save.error?.error.code === 'stale' || saveOptOut.error?.error.code === 'stale';
  const unplaced = issues.list.filter((i) => !fieldKeys.some((k) => k === i.path[0]));
  const summary =
    save.error && !stale && (issues.list.length === 0 || unplaced.length > 0)
      ? [save.error.message, ...unplaced.map((i) => i.message)].join(' ')
      : saveOptOut.error && !stale
        ? saveOptOut.error.message
        : null;
  const set = (key: keyof ContactFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const recordOptOut = (revision: string) =>
    saveOptOut.mutate({ id: base.id, expectedRevision: revision, optOut }, { onSuccess: onClose });

  const submit = () => {
    setSent(values);
    save.reset();
    saveOptOut.reset();
    const optOutChanged = optOut !== base.messagesOptOut;
    // Only the switch changed: one audited change, not an empty update of the details before it.
    if (optOutChanged && sameValues(values, valuesOf(base))) {
      recordOptOut(base.revision);
      return;
    }
    save.mutate(
      {
        id: base.id,
        expectedRevision: base.revision,
        name: values.name.trim(),
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        role: values.role.trim() || null,
      },
      {
        onSuccess: (saved) => {
          // The details are saved: a retry of the opt-out must start from their new revision.
          setBase(saved);
          if (optOutChanged) recordOptOut(saved.revision);
          else onClose();
        },
      },
    );
  };

  const loadTheirs = async () => {
    const contacts = await call('contacts.list', { clientId: base.clientId, includeInactive: true });
    const now = contacts.find((c) => c.id === base.id);
    if (now) {
      setBase(now);
      setValues(valuesOf(now));
      setOptOut(now.messagesOptOut);
    }
    save.reset();
    saveOptOut.reset();
  };

  const text = (key: keyof ContactFormValues) => ({
    name: key,
    value: values[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    ...issues.field(key),
  });

  return (
    <FormDialog
      title={`Edit contact ${base.name}`}
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Save contact"
      busy={save.isPending || saveOptOut.isPending}
      error={summary}
    >
      {stale && <StaleEditAlert what="contact" onLoadTheirs={() => void loadTheirs()} />}
      <TextField label="Name" required autoFocus fullWidth {...text('name')} />
      <TextField label="Role" fullWidth placeholder="Office manager, IT contact, site supervisor…" {...text('role')} />
      <TextField label="Phone" fullWidth {...text('phone')} slotProps={{ htmlInput: { inputMode: 'tel' } }} />
      <TextField label="E-mail" fullWidth {...text('email')} slotProps={{ htmlInput: { inputMode: 'email' } }} />
      <FormControlLabel
        control={<Switch checked={optOut} onChange={(e) => setOptOut(e.target.checked)} />}
        label="Opted out of messages"
      />
    </FormDialog>
  );
}
