// Remediation: a check may name a script from the library. When its fault is raised, the device
// gets that script as a job linked to the ticket; the agent runs it and looks again at once. The
// job's outcome is noted on the ticket; if the fault then clears, the ticket resolves as "fixed
// automatically by SCRIPT", and if not, it stays open with the attempt on record.
import type { FastifyBaseLogger } from 'fastify';
import type { CheckDefinition } from '../../../protocol/messages/checks.js';
import type { JobService } from '../jobs/service.js';
import type { JobRow, JobStore } from '../jobs/store.js';
import type { ScriptStore } from '../scripts/store.js';
import { SYSTEM_ACTOR } from '../tickets/sla-monitor.js';
import type { TicketStore } from '../tickets/store.js';
import type { FaultStore } from './store.js';

/** A remediation job that could not start within this long is of no use any more. */
const REMEDIATION_VALID_MS = 3_600_000;
const UNFINISHED = new Set(['queued', 'sent', 'running']);
/** Remediation jobs are requested by "remediation:CHECK"; a technician may also run a script for a ticket. */
const REMEDIATION_ACTOR = 'remediation:';
const isRemediation = (job: Pick<JobRow, 'requestedBy'>) => job.requestedBy.startsWith(REMEDIATION_ACTOR);

export function createRemediation(deps: {
  jobs: JobService;
  jobStore: JobStore;
  scripts: ScriptStore;
  tickets: TicketStore;
  faults: FaultStore;
  resolve: (ticketId: number, resolution: string) => void;
  log: FastifyBaseLogger;
  now: () => number;
  onChanged?: (ticketId: number) => void;
}) {
  const note = (ticketId: number, body: string) => {
    deps.tickets.addEntry(ticketId, deps.now(), SYSTEM_ACTOR.name, 'event', body);
    deps.onChanged?.(ticketId);
  };

  return {
    /** The fault of `check` was raised on the ticket: run its script unless a run is under way. */
    start(deviceId: string, ticketId: number, check: CheckDefinition): void {
      const name = check.remediationScript;
      if (!name) return;
      if (deps.jobStore.forTicket(ticketId).some((job) => isRemediation(job) && UNFINISHED.has(job.status))) return;
      const variants = deps.scripts.variants(name);
      if (variants.length === 0) {
        note(ticketId, `Remediation not started: the check names script "${name}", which is not in the library.`);
        return;
      }
      try {
        const start = deps.now();
        const targets = deps.jobs.targets({ deviceIds: [deviceId] }, variants);
        const run = deps.jobs.runPlan({
          targets,
          args: {},
          notBefore: () => start,
          expiresAt: () => start + REMEDIATION_VALID_MS,
          requestedBy: `${REMEDIATION_ACTOR}${check.id}`,
          ticketId,
        });
        note(
          ticketId,
          `Remediation started: script ${name} version ${targets[0]!.script.version} (job ${run.jobs[0]!.id}).`,
        );
      } catch (error) {
        deps.log.warn({ ticketId, script: name, err: error }, 'remediation could not start');
        note(ticketId, `Remediation not started: ${(error as Error).message}`);
      }
    },

    /**
     * A job run for a ticket finished: its outcome goes on the ticket. Only a remediation may
     * resolve it; a technician's run is noted and the technician decides.
     */
    jobFinished(job: JobRow): void {
      if (job.ticketId === null || !job.result) return;
      const { outcome, exitCode, reason } = job.result;
      const how =
        outcome === 'succeeded'
          ? 'succeeded'
          : `${outcome.replace('_', ' ')}${exitCode !== null ? ` (exit ${exitCode})` : ''}${reason ? `: ${reason}` : ''}`;
      if (!isRemediation(job)) {
        note(
          job.ticketId,
          `Script ${job.scriptName} run by ${job.requestedBy} on ${job.deviceName ?? job.deviceId} ${how}.`,
        );
        return;
      }
      // The agent may see the fault clear (a sample taken while the script wound down) before it
      // reports the job; then the recovery came first and this result is what resolves the ticket.
      const ticket = deps.tickets.byId(job.ticketId);
      const open = ticket !== undefined && ticket.status !== 'resolved' && ticket.status !== 'closed';
      if (outcome === 'succeeded' && open && deps.faults.active(job.ticketId).length === 0) {
        note(job.ticketId, `Remediation ${job.scriptName} succeeded.`);
        deps.resolve(job.ticketId, `Fixed automatically by ${job.scriptName}: the fault cleared.`);
        return;
      }
      note(job.ticketId, `Remediation ${job.scriptName} ${how}; the agent checks again now.`);
    },

    /** The script that fixed the fault: the ticket's latest remediation, if it succeeded. */
    fixedBy(ticketId: number): string | null {
      const latest = deps.jobStore.forTicket(ticketId).find(isRemediation);
      return latest?.status === 'succeeded' ? latest.scriptName : null;
    },
  };
}
export type Remediation = ReturnType<typeof createRemediation>;
