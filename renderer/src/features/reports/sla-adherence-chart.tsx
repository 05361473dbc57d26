import { BarChart } from '@mui/x-charts/BarChart';
import type { SlaAdherenceRow } from '../../../../shared/domain/reports';
import type { Drill } from './report-filters';

// Met and missed differ in colour and in lightness (readable in greyscale), each bar carries its
// number, and the legend names them; the table beside the chart says it all in words.
const MET = '#2e7d32';
const MISSED = '#e57373';

/** Met vs missed per group; a bar opens its tickets. */
export function SlaAdherenceChart({ rows, onDrill }: { rows: SlaAdherenceRow[]; onDrill: (drill: Drill) => void }) {
  return (
    <BarChart
      height={320}
      xAxis={[{ scaleType: 'band', data: rows.map((r) => r.label), label: undefined }]}
      yAxis={[{ label: 'Tickets', tickMinStep: 1 }]}
      series={[
        { id: 'met', label: 'Met', data: rows.map((r) => r.met), color: MET, barLabel: 'value' },
        { id: 'missed', label: 'Missed', data: rows.map((r) => r.missed), color: MISSED, barLabel: 'value' },
      ]}
      onItemClick={(_event, item) => {
        const row = rows[item.dataIndex];
        if (row) onDrill({ key: row.key, label: row.label, outcome: item.seriesId === 'met' ? 'met' : 'missed' });
      }}
      skipAnimation
    />
  );
}
