import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useMemo, useState } from 'react';
import { reportAccess, roleIn } from '../../../../shared/api/access';
import {
  percentMetText,
  reportGroupingLabels,
  reportGroupings,
  reportKindLabels,
  reportKinds,
  utilizationGroupings,
  type ReportKind,
} from '../../../../shared/domain/reports';
import type { Role } from '../../../../shared/domain/roles';
import { priorities, priorityLabels } from '../../../../shared/domain/ticket';
import { setRouteParam, useRouteParam } from '../../app/router';
import { call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { downloadReportFile } from './report-download';
import { defaultReportForm, drillFields, reportInput, type Drill, type ReportForm } from './report-filters';
import { FigureReportView, useFigureReport } from './figure-report-view';
import { ReportTicketsPanel } from './report-tickets-panel';
import { SlaAdherenceChart } from './sla-adherence-chart';
import { SlaAdherenceTable } from './sla-adherence-table';

/** The filters utilization reads: the same period and team, a grouping of its own, no client or priority. */
const forUtilization = (form: ReportForm): ReportForm => ({
  ...form,
  clientId: '',
  priority: '',
  groupBy: utilizationGroupings.includes(form.groupBy) ? form.groupBy : 'technician',
});

/**
 * The reports, one at a time (a tab each, the address remembering which), over one filter bar and
 * one drill-down panel: SLA adherence first, then the others the role may read.
 */
export function ReportsPage({ role }: { role: Role }) {
  const readable = reportKinds.filter((k) => roleIn(reportAccess[k], role));
  const asked = useRouteParam('report');
  const kind: ReportKind = readable.find((k) => k === asked) ?? 'sla_adherence';
  const [form, setForm] = useState<ReportForm>(() => {
    const form = defaultReportForm(new Date());
    return kind === 'utilization' ? forUtilization(form) : form;
  });
  const [drill, setDrill] = useState<Drill | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const input = useMemo(() => reportInput(form), [form]);
  const report = useApiQuery('reports.slaAdherence', input, { enabled: kind === 'sla_adherence' });
  const figures = useFigureReport(kind, input);
  const shown = kind === 'sla_adherence' ? report : figures;
  const technicians = useApiQuery('technicians.list', {});
  const clients = useApiQuery('clients.list', { query: '', limit: 200 });
  const teams = [...new Set((technicians.data ?? []).flatMap((t) => (t.team ? [t.team] : [])))].sort();
  const set = (field: keyof ReportForm) => (e: { target: { value: string } }) => {
    setDrill(null);
    setForm((f) => ({ ...f, [field]: e.target.value }));
  };
  const fieldError = (field: string) => shown.error?.fieldMessage(field);
  // Utilization is of technicians' time: no client or priority, and only their groupings.
  const ofTechnicians = kind === 'utilization';

  const exportFile = async (format: 'csv' | 'xlsx', withDrill: Drill | null) => {
    const file = await call('reports.export', {
      ...input,
      report: kind,
      format,
      ...(withDrill ? { drill: drillFields(withDrill) } : {}),
    });
    downloadReportFile(file);
    setNote(`Saved ${file.fileName} (${file.rows} ${file.rows === 1 ? 'row' : 'rows'}).`);
  };
  const run = (format: 'csv' | 'xlsx', withDrill: Drill | null) =>
    void exportFile(format, withDrill).catch((e: unknown) => setNote(`Export failed: ${String(e)}`));

  return (
    <Stack spacing={2} sx={{ height: '100%', overflow: 'auto' }}>
      <Tabs
        value={kind}
        onChange={(_e, value: ReportKind) => {
          setDrill(null);
          setNote(null);
          if (value === 'utilization') setForm(forUtilization);
          setRouteParam('report', value);
        }}
        variant="scrollable"
        aria-label="Report"
      >
        {readable.map((k) => (
          <Tab key={k} value={k} label={reportKindLabels[k]} />
        ))}
      </Tabs>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          {reportKindLabels[kind]}
        </Typography>
        <Button variant="outlined" size="small" onClick={() => run('csv', null)}>
          Export CSV
        </Button>
        <Button variant="outlined" size="small" onClick={() => run('xlsx', null)}>
          Export XLSX
        </Button>
      </Stack>
      <Box
        component="form"
        aria-label="Report filters"
        onSubmit={(e) => e.preventDefault()}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}
      >
        <TextField
          size="small"
          type="date"
          label="From"
          value={form.from}
          onChange={set('from')}
          error={Boolean(fieldError('from'))}
          helperText={fieldError('from')}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 170 }}
        />
        <TextField
          size="small"
          type="date"
          label="To"
          value={form.to}
          onChange={set('to')}
          error={Boolean(fieldError('to'))}
          helperText={fieldError('to')}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 170 }}
        />
        <TextField select size="small" label="Team" value={form.team} onChange={set('team')} sx={{ width: 150 }}>
          <MenuItem value="">Every team</MenuItem>
          {teams.map((t) => (
            <MenuItem key={t} value={t}>
              {t}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Client"
          value={form.clientId}
          onChange={set('clientId')}
          disabled={ofTechnicians}
          sx={{ width: 220 }}
        >
          <MenuItem value="">Every client</MenuItem>
          {(clients.data?.clients ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Priority"
          value={form.priority}
          onChange={set('priority')}
          disabled={ofTechnicians}
          sx={{ width: 150 }}
        >
          <MenuItem value="">Every priority</MenuItem>
          {priorities.map((p) => (
            <MenuItem key={p} value={p}>
              {priorityLabels[p]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Group by"
          value={form.groupBy}
          onChange={set('groupBy')}
          error={Boolean(fieldError('groupBy'))}
          helperText={fieldError('groupBy')}
          sx={{ width: 160 }}
        >
          {reportGroupings
            .filter((g) => !ofTechnicians || utilizationGroupings.includes(g))
            .map((g) => (
              <MenuItem key={g} value={g}>
                {reportGroupingLabels[g]}
              </MenuItem>
            ))}
        </TextField>
      </Box>
      {note && (
        <Alert severity="info" onClose={() => setNote(null)}>
          {note}
        </Alert>
      )}
      {shown.error && !fieldError('from') && !fieldError('to') && !fieldError('groupBy') && (
        <Alert severity="error">{shown.error.message}</Alert>
      )}
      {kind !== 'sla_adherence' && figures.data && <FigureReportView report={figures.data} onDrill={setDrill} />}
      {kind === 'sla_adherence' && report.data && report.data.rows.length === 0 && (
        <Alert severity="info">No tickets were closed in this period with these filters.</Alert>
      )}
      {kind === 'sla_adherence' && report.data && report.data.rows.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary">
            {report.data.total.closed} tickets closed, {percentMetText(report.data.total)}. Days are read in{' '}
            {report.data.timeZone}. Click a bar or a number to see its tickets.
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', lg: 'minmax(320px, 2fr) 3fr' },
              gap: 2,
              alignItems: 'start',
            }}
          >
            <Paper variant="outlined" sx={{ p: 1, m: 0 }} component="figure" aria-label="Met and missed per group">
              <SlaAdherenceChart rows={report.data.rows} onDrill={setDrill} />
            </Paper>
            <Paper variant="outlined" sx={{ p: 1, overflowX: 'auto' }}>
              <SlaAdherenceTable report={report.data} onDrill={setDrill} />
            </Paper>
          </Box>
        </>
      )}
      {drill && (
        <ReportTicketsPanel
          report={kind}
          input={input}
          drill={drill}
          onExport={(format) => run(format, drill)}
          onClose={() => setDrill(null)}
        />
      )}
    </Stack>
  );
}
