/** What islands need to speak the page's language: strings from the server, dates in its locale. */

/**
 * The UI strings each island reads, listed once: its component hands them over with
 * `clientStrings(t, ISLAND_STRINGS.quiz)` (which checks them against src/i18n/en.json) and the island reads
 * them through `stringsOf<IslandKey<'quiz'>>(root)`, so it cannot ask for a string it is not given.
 */
export const ISLAND_STRINGS = {
  guidelinesAck: ['guidelines.ackDone'],
  onboardingLink: ['tracks.copied', 'tracks.copyFailed', 'tracks.inviteCodeInvalid'],
  quiz: [
    'quiz.right',
    'quiz.wrong',
    'quiz.notQuite',
    'quiz.tryAgain',
    'quiz.theAnswer',
    'quiz.score',
    'quiz.passed',
    'quiz.failed',
    'quiz.unanswered',
    'quiz.passedBefore',
    'quiz.doneOn',
  ],
  teamFilter: [
    'teamFilter.forTeam',
    'teamFilter.forAll',
    'teamFilter.pickedForTeam',
    'teamFilter.pickedForAll',
    'teamFilter.noneForTeam',
    'teamFilter.showAll',
    'teamFilter.showTeam',
    'teamFilter.linkOffer',
    'teamFilter.useLinkTeam',
    'teamFilter.keepTeam',
  ],
  sharePanel: [
    'sharePanel.count',
    'sharePanel.tooLong',
    'sharePanel.counting',
    'sharePanel.countFailed',
    'sharePanel.notForVariant',
    'sharePanel.copied',
    'sharePanel.copyFailed',
    'sharePanel.openedWithTextNotCopied',
    'sharePanel.copiedPlain',
    'sharePanel.copyFailedPlain',
    'sharePanel.codeInvalid',
    'sharePanel.mastodonInvalid',
    'sharePanel.refNotice',
    'sharePanel.refUse',
    'sharePanel.wordingOf',
    'sharePanel.reset',
    'sharePanel.undoReset',
    'sharePanel.resetDone',
    'sharePanel.fitsAll',
    'sharePanel.tooLongFor',
    'sharePanel.tooLongBy',
    'sharePanel.openedWithText',
    'sharePanel.opened',
    'sharePanel.shared',
    'sharePanel.openNetwork',
    'sharePanel.hashtagsAllOut',
    'sharePanel.hashtagsAllBack',
    'sharedMarks.on',
  ],
  trackSteps: ['tracks.progress', 'tracks.complete', 'tracks.auto.quiz', 'tracks.auto.acknowledged', 'tracks.auto.opened', 'tracks.auto.shared'],
  sharedMarks: ['sharedMarks.on'],
  cardDates: ['fresh.new', 'fresh.updated', 'fresh.expired', 'fresh.expiresToday', 'fresh.expiresTomorrow', 'fresh.expiresIn'],
  whatsNew: [
    'whatsNew.forTeam',
    'whatsNew.forAll',
    'whatsNew.noneForTeam',
    'whatsNew.noneForAll',
    'whatsNew.welcome',
    'whatsNew.forgotten',
    'fresh.new',
    'fresh.updated',
  ],
  pathNav: ['path.back', 'path.backDone', 'path.continue'],
  trainingProgress: ['training.pickRole', 'training.pathProgress', 'training.status.passed', 'training.status.tried', 'training.status.new', 'training.badgeText'],
  yourHub: [
    'you.keptNone',
    'you.clear',
    'you.clearLabel',
    'you.confirmOne',
    'you.confirmAll',
    'you.cleared',
    'you.clearedAll',
    'you.part.details',
    'you.part.training',
    'you.part.path',
    'you.part.guidelines',
    'you.part.shared',
    'you.part.drafts',
    'you.part.networks',
    'you.part.visits',
    'you.visitsSince',
    'you.visitsFirst',
    'you.part.extra',
    'you.code',
    'you.team',
    'you.mentor',
    'you.role',
    'you.mastodon',
    'you.passed',
    'you.tried',
    'you.pathProgress',
    'you.opened',
    'you.acknowledged',
    'you.acknowledgedOld',
    'you.sharedCount',
    'you.hideShared',
    'you.draftsCount',
    'you.networkUse',
    'you.otherKey',
    'you.deviceNothing',
    'you.copied',
    'you.copyFailed',
    'you.qrAlt',
    'you.importNothing',
    'you.importNew',
    'you.choose.code',
    'you.choose.team',
    'you.choose.mentor',
    'you.choose.role',
    'you.choose.mastodon',
    'you.importSame',
    'you.importKeep',
    'you.importUse',
    'you.importPasses',
    'you.importTicks',
    'you.importAck',
    'you.importOpened',
    'you.importShared',
    'you.importActive',
    'you.importUnknown',
    'you.imported',
    'you.importCancelled',
    'you.importContinue',
    'you.refused.damaged',
    'you.refused.newer',
    'you.refused.malformed',
    'you.refused.storage',
  ],
} as const;

/** The keys island `I` is handed. */
export type IslandKey<I extends keyof typeof ISLAND_STRINGS> = (typeof ISLAND_STRINGS)[I][number];

/** UI strings rendered by the server into `data-strings` (JSON), so islands hold no English of their own. */
export function stringsOf<K extends string>(element: HTMLElement): (key: K, vars?: Record<string, string | number>) => string {
  let strings: Record<string, string> = {};
  try {
    strings = JSON.parse(element.dataset.strings ?? '{}') as Record<string, string>;
  } catch {
    /* keep empty */
  }
  return (key, vars = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** A date as readers of the page's language see it. */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' }).format(new Date(iso));
}
