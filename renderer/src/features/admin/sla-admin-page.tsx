import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CalendarDto, CalendarScope } from '../../../../shared/domain/sla-settings';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { AddOverrideDialog, type OverridePick } from './add-override-dialog';
import { describeIssues, Issues } from './api-issues';
import { CalendarEditor, shownOnCalendarField } from './calendar-editor';
import {
  calendarFromForm,
  formFromCalendar,
  sameForm,
  scopeKey,
  sortCalendars,
  type CalendarForm,
} from './calendar-form';
import { CalendarList, type CalendarListItem } from './calendar-list';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';
import { policyFormFrom, policyFromForm, settingsFromForm, type PolicyForm } from './policy-form';
import { useScopeNames } from './scope-names';
import { OrganisationPanel } from './organisation-panel';
import { SettingsTransferPanel } from './settings-transfer-panel';
import { StreetMapPanel } from './street-map-panel';
import { SlaPolicyPanel } from './sla-policy-panel';
import { TicketsSettingsPanel } from './tickets-settings-panel';
import { SlaPreviewPanel, useSlaPreview } from './sla-preview-panel';

/** The calendar open in the editor: a stored one, or a new override not saved yet. */
interface Draft {
  key: string;
  scope: CalendarScope;
  isNew: boolean;
  updatedAt: string | null;
  saved: CalendarForm;
  form: CalendarForm;
}

function draftOf(dto: CalendarDto): Draft {
  const form = formFromCalendar(dto.name, dto.calendar);
  return { key: scopeKey(dto.scope), scope: dto.scope, isNew: false, updatedAt: dto.updatedAt, saved: form, form };
}

const isDirty = (draft: Draft | null) => Boolean(draft && (draft.isNew || !sameForm(draft.form, draft.saved)));

/**
 * Admin: the business calendars (the default and client or site overrides), the SLA policy and the
 * priority matrix, with a live preview of due times under what is being edited. The server
 * validates everything; its issues are shown on the fields they name.
 */
export function SlaAdminPage() {
  const calendars = useApiQuery('calendars.list', {});
  const settings = useApiQuery('sla.settings', {});
  const saveCalendar = useApiMutation('calendars.save', ['calendars.list']);
  const removeCalendar = useApiMutation('calendars.remove', ['calendars.list']);
  const saveSettings = useApiMutation('sla.saveSettings', ['sla.settings']);
  const names = useScopeNames(calendars.data);

  const [draft, setDraft] = useState<Draft | null>(null);
  const [policy, setPolicy] = useState<{ saved: PolicyForm; form: PolicyForm } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [focusName, setFocusName] = useState(false);
  useEffect(() => {
    if (!focusName) return;
    nameRef.current?.focus();
    setFocusName(false);
  }, [focusName]);

  const { whoFor } = names;
  const stored = useMemo(
    () => sortCalendars(calendars.data ?? [], (c) => `${whoFor(c.scope)} ${c.name}`),
    [calendars.data, whoFor],
  );
  const defaultCalendar = stored.find((c) => c.scope.kind === 'default');

  // Open the default calendar once the list has loaded, and the policy once it has.
  useEffect(() => {
    if (!draft && defaultCalendar) setDraft(draftOf(defaultCalendar));
  }, [draft, defaultCalendar]);
  useEffect(() => {
    if (!policy && settings.data) {
      const form = policyFormFrom(settings.data);
      setPolicy({ saved: form, form });
    }
  }, [policy, settings.data]);

  const calendar = useMemo(() => (draft ? calendarFromForm(draft.form) : null), [draft]);
  const policyDraft = useMemo(() => (policy ? policyFromForm(policy.form) : undefined), [policy]);
  const preview = useSlaPreview(calendar, policyDraft);

  /** Runs `action` at once, or after the admin agrees to drop the open calendar's unsaved changes. */
  const leaveDraft = (action: () => void) => {
    if (!draft || !isDirty(draft)) {
      action();
      return;
    }
    setConfirm({
      title: draft.isNew ? 'Discard the new calendar?' : 'Discard unsaved changes?',
      body: `“${draft.form.name || 'Untitled calendar'}” has changes that are not saved.`,
      confirmLabel: 'Discard',
      danger: true,
      onConfirm: () => {
        setConfirm(null);
        action();
      },
    });
  };

  const open = (key: string) => {
    const dto = stored.find((c) => scopeKey(c.scope) === key);
    if (!dto) return;
    saveCalendar.reset();
    setDraft(draftOf(dto));
  };

  const select = (key: string) => {
    if (key === draft?.key) return;
    leaveDraft(() => open(key));
  };

  const changeForm = (form: CalendarForm) => {
    // The last save's issues describe the form as it was sent; once edited, the live preview's apply.
    if (saveCalendar.isError) saveCalendar.reset();
    setDraft((current) => current && { ...current, form });
  };

  const save = () => {
    if (!draft) return;
    saveCalendar.mutate(
      { scope: draft.scope, name: draft.form.name, calendar: calendarFromForm(draft.form) },
      {
        onSuccess: (dto) => {
          setDraft(draftOf(dto));
          setNotice(`Calendar “${dto.name}” saved. It applies to tickets logged from now on.`);
        },
      },
    );
  };

  const addOverride = (pick: OverridePick) => {
    setAdding(false);
    names.remember(pick.scope, pick.who);
    const key = scopeKey(pick.scope);
    if (stored.some((c) => scopeKey(c.scope) === key)) {
      leaveDraft(() => open(key));
      return;
    }
    // A site starts from its client's calendar when the client has one: that is what applies now.
    const clientCalendar = stored.find((c) => c.scope.kind === 'client' && c.scope.clientId === pick.client.id);
    const base = (pick.site && clientCalendar) || defaultCalendar;
    if (!base) return;
    leaveDraft(() => {
      saveCalendar.reset();
      const form = formFromCalendar(`${pick.site ? pick.site.name : pick.client.name} hours`, base.calendar);
      setDraft({ key, scope: pick.scope, isNew: true, updatedAt: null, saved: form, form });
      setFocusName(true);
    });
  };

  const remove = () => {
    if (!draft || draft.scope.kind === 'default') return;
    const who = names.whoFor(draft.scope);
    const fallback = draft.scope.kind === 'site' ? 'its client’s calendar, or the default' : 'the organization default';
    if (draft.isNew) {
      setConfirm({
        title: 'Discard the new calendar?',
        body: `${who} keeps following ${fallback}.`,
        confirmLabel: 'Discard',
        danger: true,
        onConfirm: () => {
          setConfirm(null);
          setDraft(defaultCalendar ? draftOf(defaultCalendar) : null);
        },
      });
      return;
    }
    const scope = draft.scope;
    removeCalendar.reset();
    setConfirm({
      title: `Remove the calendar of ${who}?`,
      body: `Tickets of ${who} logged from now on follow ${fallback}. Open tickets keep their due times.`,
      confirmLabel: 'Remove',
      danger: true,
      onConfirm: () =>
        removeCalendar.mutate(
          { scope },
          {
            onSuccess: () => {
              setConfirm(null);
              setDraft(defaultCalendar ? draftOf(defaultCalendar) : null);
              setNotice(`The calendar of ${who} was removed.`);
            },
          },
        ),
    });
  };

  const savePolicy = () => {
    if (!policy) return;
    saveSettings.mutate(settingsFromForm(policy.form), {
      onSuccess: (saved) => {
        const form = policyFormFrom(saved);
        setPolicy({ saved: form, form });
        setNotice('SLA policy saved. It applies to tickets logged from now on.');
      },
    });
  };

  const items: CalendarListItem[] = stored.map((c) => ({
    key: scopeKey(c.scope),
    scope: c.scope,
    name: c.name,
    detail: c.scope.kind === 'default' ? c.calendar.timeZone : names.whoFor(c.scope),
    unsaved: false,
  }));
  if (draft?.isNew) {
    items.push({ key: draft.key, scope: draft.scope, name: draft.form.name, detail: '', unsaved: true });
  }

  // The last save's issues while the form is as it was sent; otherwise the preview's, which the
  // server computes from the same calendar, so the fields turn red while the admin types.
  const saveIssues = saveCalendar.error?.error.issues;
  const previewIssues = preview.error?.error.issues?.filter((i) => i.path[0] === 'calendar');
  const editorIssues = new Issues(saveIssues ?? previewIssues ?? []);
  const summary = saveCalendar.error
    ? saveIssues
      ? describeIssues(saveIssues.filter((i) => !shownOnCalendarField(i)))
      : [saveCalendar.error.message]
    : [];

  return (
    <Box sx={{ height: '100%', overflow: 'auto' }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', mb: 1.5 }}>
        <Typography variant="h6" component="h1">
          SLA settings
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Calendars decide when the SLA clock runs; the policy decides for how long.
        </Typography>
      </Stack>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: '240px minmax(0, 1fr)', lg: '250px minmax(0, 1fr) 470px' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <CalendarList
          items={items}
          selectedKey={draft?.key ?? null}
          loading={calendars.isPending}
          error={calendars.error?.message}
          onSelect={select}
          onAdd={() => setAdding(true)}
        />
        {draft ? (
          <CalendarEditor
            scope={draft.scope}
            scopeLabel={names.describe(draft.scope)}
            isNew={draft.isNew}
            updatedAt={draft.updatedAt}
            form={draft.form}
            dirty={isDirty(draft) && !draft.isNew}
            saving={saveCalendar.isPending}
            issues={editorIssues}
            saveFailed={saveCalendar.isError}
            summary={summary}
            nameRef={nameRef}
            onChange={changeForm}
            onSave={save}
            onRevert={() => {
              saveCalendar.reset();
              setDraft({ ...draft, form: draft.saved });
            }}
            onRemove={remove}
          />
        ) : (
          <Alert severity={calendars.isPending ? 'info' : 'warning'}>
            {calendars.isPending ? 'Loading calendars…' : 'There is no default calendar yet.'}
          </Alert>
        )}
        <Stack spacing={2} sx={{ gridColumn: { md: '1 / -1', lg: 'auto' }, minWidth: 0 }}>
          <SlaPreviewPanel
            preview={preview}
            timeZone={calendar?.timeZone ?? null}
            atRiskFraction={policy ? Number(policy.form.atRiskPercent) / 100 : settings.data?.atRiskFraction}
          />
          <SlaPolicyPanel
            form={policy?.form ?? null}
            dirty={Boolean(policy && JSON.stringify(policy.form) !== JSON.stringify(policy.saved))}
            loading={settings.isPending}
            loadError={settings.error?.message}
            saving={saveSettings.isPending}
            saveError={saveSettings.error}
            onChange={(form) => {
              if (saveSettings.isError) saveSettings.reset();
              setPolicy((current) => current && { ...current, form });
            }}
            onSave={savePolicy}
            onRevert={() => {
              saveSettings.reset();
              setPolicy((current) => current && { ...current, form: current.saved });
            }}
          />
          <OrganisationPanel />
          <StreetMapPanel />
          <TicketsSettingsPanel />
          <SettingsTransferPanel />
        </Stack>
      </Box>

      <AddOverrideDialog
        open={adding}
        existingKeys={new Set(stored.map((c) => scopeKey(c.scope)))}
        onCancel={() => setAdding(false)}
        onPick={addOverride}
      />
      <ConfirmDialog
        request={confirm}
        busy={removeCalendar.isPending}
        error={removeCalendar.error?.message}
        onCancel={() => {
          setConfirm(null);
          removeCalendar.reset();
        }}
      />
      <Snackbar
        open={Boolean(notice)}
        autoHideDuration={6000}
        onClose={() => setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity="success" variant="filled" onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      </Snackbar>
    </Box>
  );
}
