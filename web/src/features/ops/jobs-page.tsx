import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonRows } from '../../ui/skeleton';
import { type QueueStats, useJobs } from './ops-api';

const counters: Array<keyof Omit<QueueStats, 'name'>> = [
  'created',
  'retry',
  'active',
  'completed',
  'failed',
  'cancelled',
];

export function JobsPage() {
  const t = useT();
  const format = useFormat();
  const jobs = useJobs();
  useDocumentTitle(t('ops.jobs.title'));

  if (jobs.isError) {
    return (
      <div className="page">
        <PageHeader title={t('ops.jobs.title')} />
        <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader title={t('ops.jobs.title')} subtitle={t('ops.jobs.subtitle')} />
      <div className="stack-lg">
        <Panel title={t('ops.jobs.queues')}>
          <div className="table-wrap table-wrap-flush">
            <table className="table" data-testid="queues-table">
              <thead>
                <tr>
                  <th scope="col">{t('ops.jobs.queue')}</th>
                  {counters.map((counter) => (
                    <th key={counter} scope="col" className="num">
                      {t(`ops.jobs.state.${counter}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {!jobs.data ? (
                  <SkeletonRows rows={4} columns={counters.length + 1} />
                ) : (
                  jobs.data.queues.map((queue) => (
                    <tr key={queue.name} data-testid="queue-row">
                      <td className="mono">{queue.name}</td>
                      {counters.map((counter) => (
                        <td
                          key={counter}
                          className={`num${counter === 'failed' && queue.failed > 0 ? ' text-danger strong' : ''}`}
                        >
                          {format.number(queue[counter])}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </Panel>
        <Panel title={t('ops.jobs.failed')} testId="failed-jobs">
          {jobs.data && jobs.data.failed.length === 0 ? (
            <EmptyState icon="check" title={t('ops.jobs.noFailed')} />
          ) : (
            <ul className="failed-list">
              {jobs.data?.failed.map((job) => (
                <li key={job.id} className="failed-job" data-testid="failed-job">
                  <div className="failed-job-head">
                    <span className="mono strong">{job.name}</span>
                    <span className="muted small mono">{job.id}</span>
                    <span className="muted small failed-job-meta">
                      {format.dateTime(job.failedAt)} · {t('ops.jobs.retries', { count: job.retryCount })}
                    </span>
                  </div>
                  <pre className="failed-job-error">{job.error}</pre>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}
