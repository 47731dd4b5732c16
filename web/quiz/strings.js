// Every user-visible string of the quiz element and its pages, in one place. The questions,
// answers, levels and practices come from the quiz definition; these are the element's own
// words around them. Plain strings in pageStrings fill quiz.html's {{name}} placeholders at
// build time (web/build.mjs, HTML-escaped).

export const pageStrings = {
  quizPageTitle: 'meshcheck: where does your group stand?',
  quizHeading: 'Audience or community?',
  quizTagline:
      'No export at hand? Answer a few questions about how your group works and what you ' +
      'already do, and see where you stand and what to try next.',
  quizAnalyzeLink: 'Have an export? Analyse it, and compare it with your answers.',
  quizFrameTitle: 'meshcheck quiz',
};

const percent = (x) => `${Math.round(x)}%`;
const number = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export const strings = {
  loading: 'Loading the quiz…',
  failed: (message) => `The quiz could not start: ${message}`,
  badDefinition: (message) => `This quiz's definition has a problem: ${message}`,
  privacy: 'Your answers stay in this browser: nothing is sent anywhere.',
  sharesResult: 'When you finish, this page receives your result (your answers and where ' +
      'you stand).',
  personaLegend: 'Who do you run your group as?',
  part: (n, title) => `Part ${n}: ${title}`,
  question: (n, count, text) => `${n}/${count}. ${text}`,
  progress: (answered, total) => `${answered} of ${total} answered`,
  remember: 'Remember my answers in this browser, so I can come back to them',
  rememberNote: 'Saved on this device only, for this site; untick to forget them.',
  submit: 'See where you stand',
  missing: (count) =>
      `${count} question${count === 1 ? '' : 's'} still need${count === 1 ? 's' : ''} an answer.`,
  sharedChoosePersona: 'Choose who you run your group as to see your checklist.',
  reportWaiting: 'Your export has been analysed: finish the quiz to compare your answers with it.',

  resultHeading: 'Where you stand',
  yourView: (score) => `Your view: ${number(score)} of 100`,
  practicesInPlace: (points, max, score) =>
      `Practices in place: ${points} of ${max} points (${percent(score)})`,
  nextHeading: 'What to do next',
  nextNone: 'Every practice on your checklist is in place. Keep them going.',
  youSaid: (label) => `You said: ${label}.`,
  firstStep: 'First step: ',
  works: (about) => `Works on ${about}.`,
  moreSteps: (count) => `${count} more step${count === 1 ? '' : 's'}`,
  scaleLabel: (self, data) => data === null ?
      `Your view on a scale from audience (0) to community (100): ${number(self)}` :
      `Your view ${number(self)} and your data ${number(data)} on a scale from audience (0) ` +
          `to community (100)`,
  scaleAudience: 'audience',
  scaleCommunity: 'community',
  scaleYou: 'you say',
  scaleData: 'data says',

  compareHeading: 'You say / your data says',
  compareData: (title, index, confidence) => `Your data: ${title}` +
      (index === null ? '' : `, Community Index ${number(index)}`) + `, confidence ${confidence}.`,
  compareDimension: 'Question',
  compareYouSay: 'You say',
  compareDataSays: 'Your data says',
  compareVerdict: 'Verdict',
  verdicts: {consistent: 'Agree', contradicted: 'Disagree', not_measurable: 'Cannot tell'},
  disagreementsHeading: 'Where your view and your data disagree',
  collectHeading: 'To firm up the data',
  analyzeLink: 'Compare with your data: analyse an export of your group',

  shareLabel: 'Link to this result (your answers travel in the link itself, not to any server)',
  copy: 'Copy the link',
  copied: 'Copied.',
  copyFailed: 'Select the link and copy it.',
  change: 'Change my answers',
  restart: 'Start again',
};
