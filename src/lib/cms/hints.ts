/** Editor help shown under CMS fields, by collection and dotted field path. UI copy only: the rules live in the schemas. */
export const HINTS: Record<string, Record<string, string>> = {
  snippets: {
    title: 'For advocates, not posted. At most 120 characters.',
    link: 'The page being shared. Tracking parameters are added per network automatically.',
    campaign: 'Optional: the campaign this post belongs to.',
    networks: 'Leave empty to offer every network of the settings.',
    hashtags: 'Without #, e.g. ClimateAction.',
    variants: 'Two to four wordings so colleagues do not all post the same words. Keep universal ones short: the hashtags, disclosure and link are added.',
    'variants.networks': 'Optional: offer this wording only on these networks.',
    publish: 'Optional: not shown before this day.',
    expires: 'Optional: shown through this day, gone the next.',
    draft: 'Drafts are never published.',
  },
  articles: {
    description: 'Shown in lists, feeds and share cards. At most 200 characters.',
    published: 'The article is not shown before this day.',
    cover: 'Optional image with a text alternative describing it.',
    canonical: 'Optional: where the article was first published.',
  },
  guidelines: { order: 'Position in the list; lower comes first.', do: 'One short line each.', dont: 'One short line each.' },
  training: {
    requires: 'Modules to take first.',
    quiz: 'Optional questions checked in the browser.',
    'quiz.answer': 'Which option is right, counting from 0 (the first option is 0).',
    'quiz.why':
      'Optional: why each option is right or wrong, one line per option in the same order. A wrong pick shows its line, so the learner can think again before the answer is shown.',
  },
  campaigns: { ends: 'The last day of the campaign, on or after the start.' },
  people: {
    mentor: 'Listed in the mentors directory and offered on onboarding tracks.',
    spotlight: 'Optional short recognition quote for the "shining stars".',
    avatar: 'Optional portrait.',
    contact: 'Optional ways to reach this person, shown as a Contact action on mentor cards and tracks.',
    'contact.email': 'An address such as ana@example.com, without mailto:.',
    'contact.chat': 'An https:// link that opens a chat with this person (Teams, Slack, …).',
    'contact.booking': 'An https:// link to book time with this person.',
  },
  tracks: {
    mentor: 'Must be a person marked as mentor.',
    steps: 'Each step is either an entry to open (collection/id, e.g. guidelines/add-value) or a task.',
    'steps.ref': 'collection/id, e.g. training/advocacy-basics. Leave empty for a task.',
    'steps.task': 'A task in one sentence. Leave empty for an entry.',
  },
  settings: {
    site: 'The absolute address the hub is served from.',
    disclosure: 'Added to shared text, e.g. #AcmeEmployee. Empty to disable.',
    banned: 'Phrases snippets may not hold, in any case or width, with any spaces or invisible characters between letters.',
  },
};
