/** Editor help shown under CMS fields, by collection and dotted field path. UI copy only: the rules live in the schemas. */
export const HINTS: Record<string, Record<string, string>> = {
  snippets: {
    title: 'For advocates, not posted. At most 120 characters.',
    link: 'The page being shared. Tracking parameters are added per network automatically.',
    campaign: 'Optional: the campaign this post belongs to.',
    networks: 'Leave empty to offer every network of the settings.',
    hashtags: 'Without #, separated by commas, e.g. ClimateAction, HeatPumps.',
    variants:
      'Two to four wordings so colleagues do not all post the same words. Keep universal ones short: the hashtags, disclosure and link are added (the preview counts each network).',
    'variants.networks': 'Optional: offer this wording only on these networks.',
    publish: 'Optional: not shown before this day.',
    expires: 'Optional: shown through this day, gone the next.',
    draft: 'Drafts are never published.',
  },
  articles: {
    description: 'Shown in lists, feeds and share cards. At most 200 characters.',
    published: 'The article is not shown before this day.',
    cover: 'Optional. For a cover, fill in both the image and its alt text; for none, leave both empty.',
    'cover.alt': 'What the image shows, for people who cannot see it. At most 300 characters.',
    canonical: 'Optional: where the article was first published.',
  },
  guidelines: { order: 'Position in the list; lower comes first.', do: 'One short line each.', dont: 'One short line each.' },
  training: {
    requires: 'Modules to take first.',
    quiz: 'Optional questions checked in the browser.',
    'quiz.options': 'Two to ten choices, in the order learners see them.',
    'quiz.answer': 'Which option is right, by its position in the list above.',
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
    mentor: 'Only people marked as mentors are offered.',
    steps: 'Each step is either an entry to open or a task.',
    'steps.ref': 'The entry to open. Leave empty for a task.',
    'steps.task': 'A task in one sentence. Leave empty for an entry.',
  },
  settings: {
    site: 'The absolute address the hub is served from.',
    'cms.base_url': 'Only for GitHub or GitLab logins outside Netlify: the address of your OAuth server.',
    disclosure: 'Added to shared text, e.g. #AcmeEmployee. Empty to disable.',
    banned: 'Phrases snippets may not hold, in any case or width, with any spaces or invisible characters between letters.',
    'digest.day': 'The digest covers the seven days before this day and goes out on it.',
    'digest.teams': 'The digests sent: "all" for everyone, and team ids. Empty: "all" and every team.',
    'digest.sections': 'What the digest holds, in this order: new, campaigns, expiring, spotlight.',
  },
};

/**
 * The editor's words for fields whose schema name is not one (`variants` →
 * "Wordings"), by dotted path; other fields are named after their key
 * ("topics" → "Topics").
 */
export const LABELS: Record<string, Record<string, string>> = {
  snippets: { link: 'Link to share', variants: 'Wordings', 'variants.text': 'Wording', 'variants.networks': 'Only on these networks' },
  articles: { cover: 'Cover image', 'cover.src': 'Image', 'cover.alt': 'Alt text', canonical: 'First published at' },
  guidelines: { do: 'Do', dont: "Don't" },
  training: { quiz: 'Quiz questions', 'quiz.answer': 'Right answer', 'quiz.explain': 'Explanation', 'quiz.why': 'Why, per option', requires: 'Modules to take first' },
  people: {
    title: 'Job title',
    recognize: 'Named in recognition',
    spotlight: 'Spotlight quote',
    code: 'Advocate codes',
    avatar: 'Portrait',
    'contact.email': 'E-mail',
  },
  tracks: { steps: 'Steps', 'steps.ref': 'Entry to open', 'steps.task': 'Task' },
  settings: {
    utm: 'Link tagging (UTM)',
    'utm.medium': 'utm_medium',
    linkedin: 'LinkedIn',
    'linkedin.link_only': 'Share the link only',
    web_app: 'Installable web app (offline, share from phone)',
    cms: 'Content manager',
    'cms.repo': 'Repository',
    'cms.base_url': 'OAuth server URL',
    'cms.open_authoring': 'Open authoring (pull requests from non-editors)',
    compose: 'Compose',
    'compose.own_domains': 'Own domains (links tagged with UTM)',
    suggest: 'Suggest a post',
    'suggest.repo': 'Repository',
    'suggest.base_url': 'Server URL (self-hosted GitHub or GitLab)',
    'suggest.email': "Editors' e-mail",
    banned: 'Banned phrases',
    digest: 'Weekly digest',
    'digest.teams': 'Digests sent',
  },
};

/** What one item of a list is called, for "Add …" buttons and item labels, by the list's dotted path. */
export const ITEM_LABELS: Record<string, Record<string, string>> = {
  snippets: { variants: 'wording' },
  guidelines: { do: 'do', dont: "don't" },
  training: { quiz: 'question', 'quiz.why': 'line' },
  people: { code: 'code' },
  settings: { banned: 'phrase', 'digest.teams': 'team', 'digest.sections': 'section', 'compose.own_domains': 'domain' },
};
