import { BarChart } from '@mui/x-charts/BarChart';
import type { SlaAdherenceRow } from '../../../../shared/domain/reports';
import type { Drill } from './report-filters';

// Met and missed differ in colour and in lightness (readable in greyscale), each bar carries its
// number, and the legend names them; the table beside the chart says it all in words.
const MET = '#2e7d32';
const MISSED = '#e57373';

/** "3 met" above a bar, so a bar says what it counts without its colour; nothing on an empty bar. */
const words = (value: number | null, outcome: string) => (value ? `${value} ${outcome}` : null);

/** Met vs missed per group; a bar opens its tickets. */
export function SlaAdherenceChart({ rows, onDrill }: { rows: SlaAdherenceRow[]; onDrill: (drill: Drill) => void }) {
  const top = Math.max(0, ...rows.flatMap((r) => [r.met, r.missed]));
  return (
    <BarChart
      height={320}
      xAxis={[{ scaleType: 'band', data: rows.map((r) => r.label) }]}
      // Headroom above the tallest bar, so its words sit above it rather than dark on its colour.
      yAxis={[{ label: 'Tickets', tickMinStep: 1, max: top + Math.max(1, Math.ceil(top * 0.15)) }]}
      series={[
        {
          id: 'met',
          label: 'Met',
          data: rows.map((r) => r.met),
          color: MET,
          barLabel: (item) => words(item.value, 'met'),
          barLabelPlacement: 'outside',
        },
        {
          id: 'missed',
          label: 'Missed',
          data: rows.map((r) => r.missed),
          color: MISSED,
          barLabel: (item) => words(item.value, 'missed'),
          barLabelPlacement: 'outside',
        },
      ]}
      onItemClick={(_event, item) => {
        const row = rows[item.dataIndex];
        if (row) onDrill({ key: row.key, label: row.label, outcome: item.seriesId === 'met' ? 'met' : 'missed' });
      }}
      skipAnimation
    />
  );
}
