/** The words of the demo organisation (Northwind): teams, their people, epics and ticket wording. */

export interface DemoTeam {
  readonly key: string;
  readonly name: string;
  readonly projectId: string;
  readonly teamId: string;
  /** Account-id suffixes (see `DEMO_USERS`) of the team's PM and engineers. */
  readonly pm: string;
  readonly engineers: readonly string[];
  /** Contractors may not browse restricted projects. */
  readonly restricted: boolean;
  /** Teams that write acceptance criteria in the dedicated field rather than in the description. */
  readonly criteriaInField: boolean;
  readonly components: readonly string[];
  readonly epics: readonly string[];
  readonly subjects: readonly string[];
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    key: 'PAY',
    name: 'Payments',
    projectId: '10001',
    teamId: '3f1c5b2a-7d4e-4a61-9b1f-0c2d3e4f5a01',
    pm: '003',
    engineers: ['006', '007'],
    restricted: true,
    criteriaInField: false,
    components: ['Card processing', 'Payouts', 'Fraud checks'],
    epics: [
      'Apple Pay and Google Pay',
      'Instant payouts for merchants',
      '3-D Secure 2 rollout',
      'Refund automation',
    ],
    subjects: [
      'card tokenisation',
      'payout schedule',
      'refund flow',
      'chargeback webhook',
      'currency conversion',
      'PSP failover',
      'fraud score threshold',
      'settlement report',
    ],
  },
  {
    key: 'CHK',
    name: 'Checkout',
    projectId: '10002',
    teamId: '3f1c5b2a-7d4e-4a61-9b1f-0c2d3e4f5a02',
    pm: '003',
    engineers: ['008', '009'],
    restricted: false,
    criteriaInField: false,
    components: ['Cart', 'Address form', 'Order confirmation'],
    epics: ['One-page checkout', 'Guest checkout', 'Address autocomplete', 'Checkout analytics'],
    subjects: [
      'cart badge',
      'promo code field',
      'shipping options',
      'order summary',
      'address validation',
      'tax calculation',
      'payment step',
      'confirmation email',
    ],
  },
  {
    key: 'GRW',
    name: 'Growth',
    projectId: '10003',
    teamId: '3f1c5b2a-7d4e-4a61-9b1f-0c2d3e4f5a03',
    pm: '004',
    engineers: ['00a', '00c'],
    restricted: false,
    criteriaInField: true,
    components: ['Onboarding', 'Referrals', 'Experiments'],
    epics: ['Referral programme v2', 'Onboarding checklist', 'Pricing page experiments', 'Lifecycle emails'],
    subjects: [
      'signup form',
      'referral link',
      'welcome email',
      'pricing table',
      'A/B test flag',
      'trial banner',
      'onboarding step',
      'invite modal',
    ],
  },
  {
    key: 'MOB',
    name: 'Mobile',
    projectId: '10004',
    teamId: '3f1c5b2a-7d4e-4a61-9b1f-0c2d3e4f5a04',
    pm: '004',
    engineers: ['00b', '00c'],
    restricted: false,
    criteriaInField: true,
    components: ['iOS', 'Android', 'Push notifications'],
    epics: ['Offline mode', 'Biometric login', 'Push notification centre', 'Tablet layout'],
    subjects: [
      'login screen',
      'push token registration',
      'offline cache',
      'deep link handler',
      'Face ID prompt',
      'order history list',
      'app rating prompt',
      'crash reporter',
    ],
  },
  {
    key: 'PLT',
    name: 'Platform',
    projectId: '10005',
    teamId: '3f1c5b2a-7d4e-4a61-9b1f-0c2d3e4f5a05',
    pm: '005',
    engineers: ['006', '00a'],
    restricted: false,
    criteriaInField: false,
    components: ['API gateway', 'Identity', 'CI/CD'],
    epics: ['Rate limiting at the gateway', 'Single sign-on', 'Kubernetes upgrade', 'Service mesh'],
    subjects: [
      'gateway rate limit',
      'OAuth token refresh',
      'deploy pipeline',
      'feature flag service',
      'secrets rotation',
      'health check endpoint',
      'audit log',
      'SSO callback',
    ],
  },
  {
    key: 'DAT',
    name: 'Data',
    projectId: '10006',
    teamId: '3f1c5b2a-7d4e-4a61-9b1f-0c2d3e4f5a06',
    pm: '005',
    engineers: ['008', '00b'],
    restricted: true,
    criteriaInField: false,
    components: ['Warehouse', 'Pipelines', 'Dashboards'],
    epics: ['Revenue dashboard', 'Event tracking plan', 'GDPR data deletion', 'Warehouse migration'],
    subjects: [
      'orders pipeline',
      'revenue model',
      'event schema',
      'churn dashboard',
      'deletion job',
      'dbt model',
      'data quality check',
      'funnel report',
    ],
  },
];

export const STORY_VERBS = [
  'Add',
  'Support',
  'Show',
  'Let users edit',
  'Improve',
  'Redesign',
  'Allow saving',
  'Track',
];
export const TASK_VERBS = [
  'Migrate',
  'Refactor',
  'Upgrade',
  'Document',
  'Clean up',
  'Set up monitoring for',
  'Load test',
];
export const BUG_PHRASES = [
  'fails on Safari',
  'shows wrong total',
  'times out under load',
  'crashes on empty input',
  'is not translated',
  'double-submits',
  'loses state after refresh',
];
export const PLACEHOLDER_SUMMARIES = ['TBD', 'Fix', 'Update stuff', 'New ticket', 'test', 'Misc'];
export const VAGUE_CRITERIA = [
  'Works as expected.',
  'It should work.',
  'Looks good.',
  'Same as before but better.',
];
export const LABELS = [
  'frontend',
  'backend',
  'tech-debt',
  'customer-reported',
  'q4-okr',
  'a11y',
  'performance',
];
