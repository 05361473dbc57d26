import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A header cell: its text ('' for a column of row buttons) and, for numbers, right alignment. */
export type DataColumn = string | { label: string; align: 'right' };

/** What the table needs to know of the query its rows come from (a TanStack Query result fits). */
export interface DataTableSource {
  isPending: boolean;
  isSuccess: boolean;
  error: Error | null;
}

/**
 * The frame of a list page's table: an outlined panel that fills the page and scrolls under a
 * sticky header, with a row saying the list is loading or has nothing to show. The caller renders
 * the rows. The query's failure shows above the table, so the page keeps whatever it had loaded.
 */
export function DataTable({
  label,
  columns,
  source,
  rowCount,
  emptyText,
  children,
}: {
  /** The table's accessible name. */
  label: string;
  columns: readonly DataColumn[];
  source: DataTableSource;
  rowCount: number;
  /** What the body says once loaded when there are no rows: nothing yet, or nothing matches. */
  emptyText: ReactNode;
  children: ReactNode;
}) {
  const message = source.isPending ? 'Loading…' : source.isSuccess && rowCount === 0 ? emptyText : null;
  return (
    <>
      {source.error && <Alert severity="error">{source.error.message}</Alert>}
      <Paper variant="outlined" sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <Table size="small" stickyHeader aria-label={label} aria-busy={source.isPending}>
          <TableHead>
            <TableRow>
              {columns.map((column, index) =>
                typeof column === 'string' ? (
                  <TableCell key={index}>{column}</TableCell>
                ) : (
                  <TableCell key={index} align={column.align}>
                    {column.label}
                  </TableCell>
                ),
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {message !== null && (
              <TableRow>
                <TableCell colSpan={columns.length}>
                  <Typography variant="body2" color="text.secondary">
                    {message}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {children}
          </TableBody>
        </Table>
      </Paper>
    </>
  );
}
