import { dependencyWorkJob } from './dependencies/report-job';
import { hygieneQueueKinds } from './hygiene/handlers';
import { jobDispatch, jobHandler } from './jobs/jobs';

/**
 * The app's one queue consumer (manifest.yml's `hygiene-scan-consumer`): every event goes to the handler of its
 * `body.kind`. A capability adds its kinds here.
 */
export const queueConsumer = jobDispatch([...hygieneQueueKinds, jobHandler(dependencyWorkJob)]);
