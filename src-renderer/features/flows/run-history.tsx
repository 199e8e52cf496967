/** Earlier runs: flow, app, time and outcome; open one, run it again, or delete it. */
import type { FlowRunSummaryDto } from '../../../src-main/contracts/flow-run.js';
import { FLOW_LABELS } from '../../../src-main/contracts/flow-run.js';
import { hrefOf } from '../../app/routes.js';
import { useAppStore } from '../../state/store-context.js';
import { DataTable } from '../../ui/data-table.js';
import type { TableColumn } from '../../ui/data-table.js';

const COLUMNS: TableColumn<FlowRunSummaryDto>[] = [
  {
    header: 'Flow',
    cell: (run) => <a href={hrefOf({ page: 'flow-runner', runId: run.id })}>{FLOW_LABELS[run.flow]}</a>,
  },
  { header: 'App', cell: (run) => run.appLabel },
  { header: 'Time', cell: (run) => new Date(run.created).toLocaleString() },
  { header: 'Outcome', cell: (run) => run.status },
];

export function RunHistory({ onRerun }: { onRerun: (id: string) => void }) {
  const history = useAppStore((s) => s.flowHistory);
  const deleteRun = useAppStore((s) => s.deleteRun);
  return (
    <section className="card" aria-label="History">
      <h2>History</h2>
      <DataTable
        label="Runs"
        className="table--compact"
        rows={history}
        rowKey={(run) => run.id}
        columns={COLUMNS}
        empty={<p className="muted">No runs yet.</p>}
        actions={(run) => [
          { label: 'Run again', name: `Run again ${run.id}`, variant: 'secondary', onClick: () => onRerun(run.id) },
          { label: 'Delete', name: `Delete ${run.id}`, variant: 'danger', onClick: () => void deleteRun(run.id) },
        ]}
      />
    </section>
  );
}
