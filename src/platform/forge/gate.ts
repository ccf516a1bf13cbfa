import type { ValidatorVerdict } from '../../contract/gate';
import { gateVerdict } from '../../services/hygiene/gate-check';
import { forgePlatform } from './index';

/**
 * `hygiene-gate`: the `jira:workflowValidator` function. Jira passes `{ issue: { key }, transition: { from: { id },
 * to: { id } } }` and shows `errorMessage` when `result` is false; the event is parsed where the service starts,
 * and the service lets the transition through (logged) when it cannot judge.
 */
export async function hygieneGate(event: unknown): Promise<ValidatorVerdict> {
  return gateVerdict(forgePlatform, event);
}
