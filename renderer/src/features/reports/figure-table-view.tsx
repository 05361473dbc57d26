import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { figureText, type FigureRow, type FigureTable } from '../../../../shared/domain/reports';
import type { Drill } from './report-filters';

// Which counts each table draws (the rest are in its table only); a table not named draws its first.
const charted: Record<string, string[]> = {
  received: ['channel_phone', 'channel_email', 'channel_portal', 'channel_ticketing_system'],
  backlog: ['open'],
  reopened: ['reopened'],
  fix: ['fixed_first', 'not_fixed_first'],
  incomplete: ['visits'],
  raised: ['level_1', 'level_2'],
  by_kind: ['raised'],
  reviews: ['sop_followed', 'sop_not_followed'],
  feedback: ['score_1', 'score_2', 'score_3', 'score_4', 'score_5'],
  utilization: ['shift', 'booked', 'on_site', 'drive'],
};

// Colours differ in lightness too (readable in greyscale); every bar also carries its number and
// its series' name, and the legend names them, so no figure depends on colour.
const palette = ['#1b5e20', '#81c784', '#0d47a1', '#90caf9', '#e65100'];

/** A label inside a sentence: "Score 5" → "score 5", while an acronym stays ("SOP followed"). */
const inSentence = (label: string) => label.replace(/\b([A-Z])(?=[a-z])/g, (c) => c.toLowerCase());

/** One table of a report: a bar chart of its main counts beside every figure in numbers; each count opens its tickets. */
export function FigureTableView({ table, onDrill }: { table: FigureTable; onDrill: (drill: Drill) => void }) {
  const series = table.measures.filter((m) => (charted[table.id] ?? [table.measures[0]?.id]).includes(m.id));
  const top = Math.max(0, ...table.rows.flatMap((r) => series.map((m) => r.values[m.id] ?? 0)));
  const open = (row: FigureRow, measure?: FigureTable['measures'][number]) =>
    onDrill({
      key: row.key,
      label: row.label,
      table: table.id,
      ...(measure ? { measure: measure.id, measureLabel: measure.label } : { measureLabel: 'all' }),
    });
  const cell = (row: FigureRow, measure: FigureTable['measures'][number], isTotal: boolean) => {
    const value = row.values[measure.id] ?? null;
    const text = figureText(measure.kind, value);
    if (isTotal || !measure.drill || !value) return text;
    return (
      <Link
        component="button"
        type="button"
        aria-label={`${text} ${measure.label}: ${row.label}. Open the tickets`}
        onClick={() => open(row, measure)}
      >
        {text}
      </Link>
    );
  };
  return (
    <Box component="section" aria-label={table.title}>
      <Typography variant="subtitle1" component="h2">
        {table.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {table.note}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(300px, 2fr) 3fr' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Paper variant="outlined" sx={{ p: 1, m: 0 }} component="figure" aria-label={`${table.title}: chart`}>
          {table.rows.length === 0 ? (
            <Typography sx={{ p: 2 }}>Nothing in this period.</Typography>
          ) : (
            <BarChart
              height={260}
              xAxis={[{ scaleType: 'band', data: table.rows.map((r) => r.label) }]}
              yAxis={[{ tickMinStep: 1, max: top + Math.max(1, Math.ceil(top * 0.15)) }]}
              series={series.map((m, i) => ({
                id: m.id,
                label: m.label,
                data: table.rows.map((r) => r.values[m.id] ?? 0),
                color: palette[i % palette.length] ?? '#555',
                barLabel: (item: { value: number | null }) =>
                  item.value ? `${item.value} ${inSentence(m.label)}` : null,
                barLabelPlacement: 'outside' as const,
              }))}
              onItemClick={(_event, item) => {
                const row = table.rows[item.dataIndex];
                const measure = table.measures.find((m) => m.id === item.seriesId);
                // A shift or a percentile has no tickets behind it.
                if (row && measure?.drill) open(row, measure);
              }}
              skipAnimation
            />
          )}
        </Paper>
        <Paper variant="outlined" sx={{ p: 1, overflowX: 'auto' }}>
          <Table size="small" aria-label={`${table.title} figures`}>
            <TableHead>
              <TableRow>
                <TableCell>{table.groupLabel}</TableCell>
                {table.measures.map((m) => (
                  <TableCell key={m.id} align="right">
                    {m.kind === 'minutes' ? `${m.label} (min)` : m.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {[...table.rows, table.total].map((row, i) => {
                const isTotal = i === table.rows.length;
                return (
                  <TableRow
                    key={isTotal ? '__total' : (row.key ?? '__none')}
                    sx={isTotal ? { '& td, & th': { fontWeight: 600 } } : {}}
                  >
                    <TableCell component="th" scope="row">
                      {row.label}
                    </TableCell>
                    {table.measures.map((m) => (
                      <TableCell key={m.id} align="right">
                        {cell(row, m, isTotal)}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      </Box>
    </Box>
  );
}
