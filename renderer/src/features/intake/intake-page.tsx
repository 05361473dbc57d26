import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { CallerMatch, ContactDto, SiteDto } from '../../../../shared/domain/directory';
import type { SkillDto, WorkTypeDto } from '../../../../shared/domain/technician';
import { channelLabels, channels, type Channel } from '../../../../shared/domain/ticket';
import { saveOnCtrlEnter } from '../../components/ctrl-enter';
import { QuickCreateDialog } from '../../components/quick-create-dialog';
import { ApiCallError, call } from '../../transport/client';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { CallerField } from './caller-field';
import { OpenTicketsPanel, type SameIssue } from './open-tickets-panel';
import { PickOrAddField } from './pick-or-add-field';
import { noCriteria, PriorityQuestions } from './priority-questions';
import { instantOfLocalInput, nowLocalInput } from '../../components/datetime-local';

type DialogKind = 'client' | 'contact' | 'site' | null;

const fieldLabels: Record<string, string> = {
  clientId: 'Caller',
  contactId: 'Contact',
  siteId: 'Site',
  description: 'What is wrong',
  receivedAt: 'Received',
  category: 'Category',
  workTypeId: 'Work type',
  externalRef: 'Reference',
  channel: 'Channel',
  criteria: 'Priority questions',
};

/** "90 min · Network L2+" under the work type, so the desk sees what the choice implies. */
function workTypeHint(workType: WorkTypeDto | undefined, skills: SkillDto[] | undefined): string {
  if (!workType) return 'Presets the expected time and skills';
  const names = new Map((skills ?? []).map((s) => [s.id, s.name]));
  const needed = workType.requiredSkills.map((s) => `${names.get(s.skillId) ?? 'skill'} L${s.minLevel}+`);
  return [`${workType.durationMinutes} min`, ...needed].join(' · ');
}

function emptyForm() {
  return {
    channel: 'phone' as Channel,
    receivedAt: nowLocalInput(),
    criteria: noCriteria,
    category: '',
    workTypeId: '',
    description: '',
    externalRef: '',
  };
}

/**
 * The phone-call form: find or create the caller, pick the site, describe the problem, save.
 * Built for the keyboard: Tab moves on, Enter picks, Ctrl+Enter saves from anywhere.
 */
export function IntakePage() {
  const [caller, setCaller] = useState<CallerMatch | null>(null);
  const [contact, setContact] = useState<ContactDto | null>(null);
  const [site, setSite] = useState<SiteDto | null>(null);
  const [form, setForm] = useState(emptyForm);
  const [dialog, setDialog] = useState<{ kind: DialogKind; typed: string }>({ kind: null, typed: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const [sameIssue, setSameIssue] = useState<SameIssue | null>(null);
  const [linkFailure, setLinkFailure] = useState<string | null>(null);
  const callerRef = useRef<HTMLInputElement>(null);
  const siteRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  // Focus moves after React has rendered the change (a field enabled by it cannot take focus before).
  const [focusNext, setFocusNext] = useState<'caller' | 'site' | 'description' | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    const target = { caller: callerRef, site: siteRef, description: descriptionRef }[focusNext].current;
    target?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const client = caller?.client ?? null;
  const contacts = useApiQuery('contacts.list', { clientId: client?.id ?? '' }, { enabled: Boolean(client) });
  const sites = useApiQuery('sites.list', { clientId: client?.id ?? '' }, { enabled: Boolean(client) });
  const workTypes = useApiQuery('workTypes.list', {});
  const skills = useApiQuery('skills.list', {});
  const create = useApiMutation('tickets.create', ['tickets.queue']);

  const pickCaller = (match: CallerMatch | null) => {
    if (match?.client.id !== caller?.client.id) setSameIssue(null);
    setCaller(match);
    setContact(match?.contact ?? null);
    setSite(null);
    if (match) setFocusNext('site');
  };

  const reset = () => {
    setCaller(null);
    setContact(null);
    setSite(null);
    setForm(emptyForm());
    setSameIssue(null);
    create.reset();
    setFocusNext('caller');
  };

  const receivedIso = instantOfLocalInput(form.receivedAt);

  const submit = (e?: SyntheticEvent) => {
    e?.preventDefault();
    if (!client) {
      callerRef.current?.focus();
      return;
    }
    create.mutate(
      {
        channel: form.channel,
        externalRef: form.channel === 'phone' ? null : form.externalRef,
        receivedAt: receivedIso ?? form.receivedAt,
        clientId: client.id,
        contactId: contact?.id ?? null,
        siteId: site?.id ?? null,
        category: form.category,
        workTypeId: form.workTypeId || null,
        description: form.description,
        criteria: form.criteria,
      },
      {
        onSuccess: (ticket) => {
          const earlier = sameIssue;
          setSaved(`${ticket.number} logged for ${ticket.client.name}`);
          setLinkFailure(null);
          reset();
          if (!earlier) return;
          // The ticket is logged either way; a refused link is said, and can be made in its panel.
          call('tickets.link', { ticketId: ticket.id, earlierTicketId: earlier.id }).then(
            () => setSaved(`${ticket.number} logged for ${ticket.client.name}, linked to ${earlier.number}`),
            (error: unknown) =>
              setLinkFailure(
                `${ticket.number} was logged but not linked to ${earlier.number}: ${
                  error instanceof ApiCallError ? error.error.message : 'the console could not reach the server'
                }. Link it from the ticket panel.`,
              ),
          );
        },
      },
    );
  };

  const fieldError = (name: string) => {
    const message = create.error?.fieldMessage(name);
    return { error: Boolean(message), helperText: message };
  };

  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', height: '100%', overflow: 'auto' }}>
      <Paper
        variant="outlined"
        component="form"
        onSubmit={submit}
        onKeyDownCapture={saveOnCtrlEnter(submit)}
        noValidate
        aria-label="New request"
        sx={{ p: 2.5, flex: '1 1 560px', maxWidth: 760 }}
      >
        <Typography variant="h6" component="h1" gutterBottom>
          New request
        </Typography>
        <Stack spacing={2}>
          <CallerField
            value={caller}
            onPick={pickCaller}
            onCreate={(typed) => setDialog({ kind: 'client', typed })}
            inputRef={callerRef}
          />
          <Stack direction="row" spacing={2}>
            <PickOrAddField<ContactDto>
              label="Contact"
              items={contacts.data}
              value={contact}
              describe={(c) => [c.name, c.phone].filter(Boolean).join(' · ')}
              addLabel="Add a contact"
              disabled={!client}
              onPick={setContact}
              onAdd={() => setDialog({ kind: 'contact', typed: '' })}
            />
            <PickOrAddField<SiteDto>
              label="Site"
              items={sites.data}
              value={site}
              describe={(s) => `${s.name} · ${s.address}`}
              addLabel="Add a site"
              disabled={!client}
              onPick={(s) => {
                setSite(s);
                if (s) setFocusNext('description');
              }}
              onAdd={() => setDialog({ kind: 'site', typed: '' })}
              inputRef={siteRef}
            />
          </Stack>
          {site?.accessRequirements && (
            <Alert severity="info" variant="outlined">
              Access: {site.accessRequirements}
            </Alert>
          )}
          <TextField
            label="What is wrong?"
            name="description"
            multiline
            minRows={4}
            required
            inputRef={descriptionRef}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
            {...fieldError('description')}
          />
          <PriorityQuestions value={form.criteria} onChange={(criteria) => setForm({ ...form, criteria })} />
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label="Channel"
              name="channel"
              value={form.channel}
              onChange={(e) => setForm({ ...form, channel: e.target.value as Channel })}
            >
              {channels.map((c) => (
                <MenuItem key={c} value={c}>
                  {channelLabels[c]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Received"
              name="receivedAt"
              type="datetime-local"
              value={form.receivedAt}
              onChange={(e) => setForm({ ...form, receivedAt: e.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
              {...fieldError('receivedAt')}
            />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              select
              label="Work type"
              name="workTypeId"
              value={form.workTypeId}
              onChange={(e) => {
                const chosen = workTypes.data?.find((w) => w.id === e.target.value);
                // The work type's category fills an empty category, so the desk types it once.
                setForm({ ...form, workTypeId: e.target.value, category: form.category || (chosen?.category ?? '') });
              }}
              sx={{ minWidth: 240 }}
              error={Boolean(create.error?.fieldMessage('workTypeId'))}
              helperText={
                create.error?.fieldMessage('workTypeId') ??
                workTypeHint(
                  workTypes.data?.find((w) => w.id === form.workTypeId),
                  skills.data,
                )
              }
            >
              <MenuItem value="">Not known yet</MenuItem>
              {(workTypes.data ?? []).map((w) => (
                <MenuItem key={w.id} value={w.id}>
                  {w.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Category"
              name="category"
              placeholder="e.g. Network, Printer"
              value={form.category}
              onChange={(e) => setForm({ ...form, category: e.target.value })}
              {...fieldError('category')}
            />
            {form.channel !== 'phone' && (
              <TextField
                label="Reference in the other system"
                name="externalRef"
                value={form.externalRef}
                onChange={(e) => setForm({ ...form, externalRef: e.target.value })}
                {...fieldError('externalRef')}
              />
            )}
          </Stack>
          {create.error && !create.error.error.issues && <Alert severity="error">{create.error.message}</Alert>}
          {create.error?.error.issues && (
            <Alert severity="error">
              Not saved:{' '}
              {create.error.error.issues
                .map((i) => `${fieldLabels[String(i.path[0])] ?? (i.path.join('.') || 'input')}: ${i.message}`)
                .join('; ')}
            </Alert>
          )}
          {linkFailure && (
            <Alert severity="warning" onClose={() => setLinkFailure(null)}>
              {linkFailure}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto' }}>
              Ctrl+Enter saves
            </Typography>
            <Button onClick={reset}>Clear</Button>
            <Button type="submit" variant="contained" disabled={create.isPending || !client}>
              Save ticket
            </Button>
          </Stack>
        </Stack>
      </Paper>
      <Box sx={{ flex: '1 1 360px', maxWidth: 560 }}>
        {client ? (
          <OpenTicketsPanel
            clientId={client.id}
            clientName={client.name}
            sameIssue={sameIssue}
            onSameIssue={setSameIssue}
          />
        ) : (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="body2" color="text.secondary">
              Find the caller first: their client’s open and lately closed tickets appear here, so the same problem is
              not logged twice.
            </Typography>
          </Paper>
        )}
      </Box>

      <QuickCreateDialog
        open={dialog.kind === 'client'}
        title="New client"
        initial={/^[+()\d\s.-]+$/.test(dialog.typed) ? { phone: dialog.typed } : { name: dialog.typed }}
        fields={[
          { name: 'name', label: 'Organization name', required: true },
          { name: 'phone', label: 'Main phone' },
          { name: 'email', label: 'Email' },
          { name: 'contactName', label: 'Name', group: 'Caller (contact person)' },
          { name: 'contactRole', label: 'Role (e.g. office manager)', group: 'Caller (contact person)' },
          { name: 'contactPhone', label: 'Phone', group: 'Caller (contact person)' },
          { name: 'contactEmail', label: 'Email', group: 'Caller (contact person)' },
        ]}
        onCancel={() => {
          setDialog({ kind: null, typed: '' });
          setFocusNext('caller');
        }}
        onSubmit={async (v) => {
          const created = await call('clients.create', { name: v.name ?? '', phone: v.phone, email: v.email });
          const person = v.contactName?.trim()
            ? await call('contacts.create', {
                clientId: created.id,
                name: v.contactName,
                role: v.contactRole,
                phone: v.contactPhone,
                email: v.contactEmail,
              })
            : null;
          setDialog({ kind: null, typed: '' });
          pickCaller({ kind: person ? 'contact' : 'client', client: created, contact: person });
        }}
      />
      <QuickCreateDialog
        open={dialog.kind === 'contact'}
        title={`New contact at ${client?.name ?? ''}`}
        initial={{}}
        fields={[
          { name: 'name', label: 'Name', required: true },
          { name: 'role', label: 'Role (e.g. office manager)' },
          { name: 'phone', label: 'Phone' },
          { name: 'email', label: 'Email' },
        ]}
        onCancel={() => {
          setDialog({ kind: null, typed: '' });
          setFocusNext('site');
        }}
        onSubmit={async (v) => {
          if (!client) return;
          const person = await call('contacts.create', {
            clientId: client.id,
            name: v.name ?? '',
            role: v.role,
            phone: v.phone,
            email: v.email,
          });
          await contacts.refetch();
          setContact(person);
          setDialog({ kind: null, typed: '' });
        }}
      />
      <QuickCreateDialog
        open={dialog.kind === 'site'}
        title={`New site of ${client?.name ?? ''}`}
        initial={{}}
        fields={[
          { name: 'name', label: 'Site name', required: true },
          { name: 'address', label: 'Address', required: true },
          { name: 'accessRequirements', label: 'Access requirements (badge, escort, hours)', multiline: true },
        ]}
        onCancel={() => {
          setDialog({ kind: null, typed: '' });
          setFocusNext('site');
        }}
        onSubmit={async (v) => {
          if (!client) return;
          const created = await call('sites.create', {
            clientId: client.id,
            name: v.name ?? '',
            address: v.address ?? '',
            accessRequirements: v.accessRequirements,
          });
          await sites.refetch();
          setSite(created);
          setDialog({ kind: null, typed: '' });
          setFocusNext('description');
        }}
      />
      <Snackbar
        open={Boolean(saved)}
        autoHideDuration={6000}
        onClose={() => setSaved(null)}
        // Over the side panel, never over the form: at 1280 × 720 the centre covered Save.
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      >
        <Alert severity="success" variant="filled" onClose={() => setSaved(null)} role="status">
          {saved}
        </Alert>
      </Snackbar>
    </Box>
  );
}
