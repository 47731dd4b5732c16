// Every user-visible string of the page, in one place (ready for translation). Plain strings
// fill index.html's {{name}} placeholders at build time (web/build.mjs, HTML-escaped); functions
// format the texts app.js, render.js, charts.js and worker.js compute at run time.

const mb = (bytes) => (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1);
const percent = (share) => `${Math.round(share * 100)}%`;
const round = (value) => Math.round(value).toLocaleString('en');
const plural = (count, one, many = `${one}s`) => `${round(count)} ${count === 1 ? one : many}`;

// "3 h 5 min", "42 s": a duration in seconds for people.
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds))
    return '–';
  if (seconds < 60)
    return `${Math.round(seconds)} s`;
  if (seconds < 3600)
    return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400 * 2)
    return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

const kLabels = {
  insufficient_data: 'Insufficient data',
  broadcast_audience: 'Broadcast audience',
  engaged_audience: 'Engaged audience',
  emerging_community: 'Emerging community',
  community: 'Community',
};

const kRoles = {
  host: 'Host',
  connector: 'Connector',
  peer_helper: 'Peer helper',
  regular: 'Regular',
  newcomer: 'Newcomer',
  one_time: 'One-time poster',
};

export const strings = {
  pageTitle: 'meshcheck: audience or community?',
  skipToContent: 'Skip to content',
  groupsHeading: 'Groups in this export',
  heading: 'Audience or community?',
  tagline: 'Drop the export of a group you run. meshcheck tells whether its members talk to you ' +
      '(an audience) or to each other (a community), and shows why.',
  privacyBadge: 'Nothing leaves this device',
  privacy: 'Your files are read by code running in this page. The page is not allowed to connect ' +
      'anywhere but the site it came from (a Content-Security-Policy the browser enforces), it ' +
      'loads nothing from other sites, and it keeps working offline once loaded.',
  dropTitle: 'Drop export files, a zip or a whole folder here',
  dropHint: 'Discord, Slack (zip or folder), Telegram, WhatsApp, Messenger/Instagram, Reddit, ' +
      'mailing lists (mbox), Discourse, YouTube or CSV. One or many files of the same group.',
  pick: 'Choose files',
  pickFolder: 'Choose a folder',
  example: 'Try the bundled example',
  optionsTitle: 'Options',
  hostsLabel: 'Host names or ids (comma-separated; empty: found from the data)',
  maxMemoryLabel: 'Memory limit for the analysis in MB (empty: 1024)',
  namesLabel: 'Show member names instead of pseudonyms (on this device only, never stored)',
  detectBotsLabel:
      'Count accounts with a bot\'s name or reflexes as bots, even when the export does not mark them',
  reanalyse: 'Analyse again with these settings',
  cancel: 'Cancel',
  filesHeading: 'Files',
  download: 'Report (JSON)',
  downloadCsv: 'Members (CSV)',
  printReport: 'Print or save as PDF',
  compareAdd: 'Add to comparison',
  takeAwayHeading: 'Take it away',
  rawReport: 'The full report',
  verdictHeading: 'Verdict',
  mapHeading: 'Where the group sits',
  reasonsHeading: 'Why',
  insufficientHeading: 'Not enough data',
  caveatsHeading: 'Caveats',
  flagsHeading: 'Worth a look',
  evidenceHeading: 'The evidence',
  hostHeading: 'Host',
  hostControlHeading: 'Who hosts this group?',
  hostControlHint: 'If meshcheck picked the wrong host, name the host(s) and analyse again.',
  groupHeading: 'Group',
  inputsHeading: 'Files read',
  diagnosticsHeading: 'Diagnostics: skipped records, inferred replies, files read',
  inferenceHeading: 'Inferred replies',
  membersHeading: 'Members and their roles',
  membersHint: 'Pseudonyms by default. Revealing names re-reads the files on this device; names ' +
      'are never stored or sent.',
  recogniseHeading: 'Recognise first',
  recommendationsHeading: 'What to do next',
  compareHeading: 'Side by side',
  compareClear: 'Clear the comparison',
  errorHeading: 'The files could not be analysed',
  footer: 'meshcheck runs entirely in your browser.',
  noscript: 'This page needs JavaScript and WebAssembly.',

  loading: 'Loading the analyzer…',
  ready: 'Ready.',
  cancelled: 'Cancelled. Drop files to start again.',
  starting: (count) => `Reading ${plural(count, 'file')}…`,
  progress: (p) => {
    const left = p.mbps > 0 && p.totalBytes > p.bytes ?
        ` · ${duration((p.totalBytes - p.bytes) / (p.mbps * 1e6))} left` :
        '';
    return `${Math.floor(p.percent)}% · ${mb(p.bytes)} of ${mb(p.totalBytes)} MB · ` +
        `${p.mbps.toFixed(1)} MB/s${left} · ${p.events.toLocaleString('en')} messages` +
        (p.input ? ` · ${p.input}` : '');
  },
  done: (stats) => `Read ${mb(stats.bytes)} MB in ${(stats.ms / 1000).toFixed(2)} s ` +
      `(${stats.mbps.toFixed(1)} MB/s, analyzer memory ${mb(stats.wasmHeapBytes)} MB).`,
  loadingExample: 'Loading the example…',
  exampleMissing: 'The bundled example is not available on this site.',
  workerFailed: (message) => `The analyzer could not start: ${message}`,
  outOfMemory: 'The browser could not give the analysis more memory.',
  readStalled: (name, times, seconds) => `The browser stopped handing over ${name}: reading ` +
      `it stalled ${times} times at the same place (${seconds} s without data each time), ` +
      'though the file was opened again each time. Choose the file again; if it lives on a ' +
      'network or removable drive, copy it to this computer first.',
  recovered: 'The analyzer was restarted; you can load the next file.',

  fileWaiting: 'waiting',
  fileReading: 'reading…',
  fileSize: (bytes) => `${mb(bytes)} MB`,
  fileDone: (i) => `${i.format}, ${plural(i.messages, 'record')}`,
  fileFailed: (i) => i.error.message,
  fileCancelled: 'cancelled',

  communityIndex: (index) => index === null || index === undefined ?
      'Community Index: not computed' :
      `Community Index: ${Math.round(index)} / 100`,
  confidence: (level) => `Confidence: ${level}`,
  provisional: (label) => `Provisional reading: ${kLabels[label] ?? label.replaceAll('_', ' ')}`,
  label: (label) => kLabels[label] ?? label,
  // The verdict in plain language; the other sentences are the core's reasons, which cite the
  // numbers behind them.
  summaryLead: (verdict, placement, group) => {
    const size =
        `${plural(group.messages, 'message')} by ${plural(group.posters, 'person', 'people')}`;
    if (verdict.label === 'insufficient_data')
      return `There is not enough data for a firm verdict yet (${size}).`;
    const where = placement?.placed ? ` On the map it is ${article(placement.title)}.` : '';
    return `Across ${size}, this group reads as ${article(kLabels[verdict.label])}: a Community ` +
        `Index of ${Math.round(verdict.community_index)} out of 100, with ${verdict.confidence} ` +
        `confidence.${where}`;
  },
  mapTitle: 'The group on the two-axis map',
  mapDesc: (p) => p.placed ?
      `Community Index ${Math.round(p.community_index)} (left: one-to-many, right: ` +
          `many-to-many), Boundary Index ${Math.round(p.boundary_index)} (top: bounded group, ` +
          `bottom: open audience): ${p.title}.` :
      'The group could not be placed: one of the two indices is missing.',
  mapAxisX: 'one-to-many → many-to-many',
  mapAxisY: 'open audience → bounded group',
  mapQuadrants: {
    audience: 'Audience',
    managed_group: 'Managed group',
    open_community: 'Open community',
    close_knit_community: 'Close-knit community',
  },
  notPlaced: 'Not placed: an index is missing.',
  hostNone: (how) => `No host. ${how}`,
  hostFound: (ids, share, how) => `${ids.join(', ')} (${share} of messages). ${how}`,
  hostsUnmatched: (names) => `Not found in the data: ${names.join(', ')}`,
  group: (g) => `${g.messages} messages by ${g.posters} people over ${g.span_days} day(s)` +
      (g.first_day ? ` (${g.first_day} to ${g.last_day})` : '') +
      `; ${g.bot_messages} bot messages set aside.`,
  channel: (c) => `${c.group ? `${c.group} / ` : ''}${c.name}: ${c.messages} messages`,
  input: (i) => `${i.name}: ${i.format}, ${i.bytes} bytes, ${i.messages} records`,
  // The core's messages usually name the file already.
  inputError: (i) => `${i.error.message.includes(i.name) ? '' : `${i.name}: `}${i.error.message} ` +
      `[${i.error.id}]`,
  noInputRead: 'None of the files could be read:',
  diagnostic: (d) => `${d.message} (${d.count}×) [${d.id}]`,
  inference: (n) => n.channels === 0 ?
      'Every reply came from the export\'s own reply links; none was inferred.' :
      `${plural(n.inferred_replies, 'reply', 'replies')} inferred from turn-taking in ` +
          `${plural(n.channels, 'channel')} without reply links (within ${n.window_minutes} min; ` +
          `${n.by_mention} by mention).`,
  error: (e) => `${e.message} [${e.id}]`,
  share: percent,

  // Evidence cards: title, the one-line "what this means", the chart's text alternative.
  savePng: 'Save as PNG',
  activityTitle: 'Activity over time',
  activityMeans: (t) => `The host wrote ${percent(t.hostShare)} of the ${round(t.total)} ` +
      `messages; ${t.trend}`,
  activityTrend: (early, late) => late > early ?
      'members\' share grew from the first half to the second.' :
      'members\' share did not grow from the first half to the second.',
  activityDesc: (unit, n) => `Messages per ${unit} by the host and by members over ${n} ${unit}s.`,
  host: 'Host',
  members: 'Members',
  indexTitle: 'The Community Index over time',
  indexMeans: (last, first) => last === null ?
      'Too few messages per period to compute the index over time.' :
      `From ${Math.round(first)} in the first measured period to ${Math.round(last)} in the ` +
          'last: above 45 members carry the conversation.',
  indexDesc: (unit) => `Community Index per ${unit}, 0 to 100, gaps where too little happened.`,
  networkTitle: 'Who talks to whom',
  networkMeans: (m) => m ?
      `${plural(m.evidence.nodes, 'person', 'people')} and ${plural(m.evidence.edges, 'tie')}; ` +
          `the busiest person has ${m.evidence.max_degree} ties` +
          `${m.evidence.max_degree_is_host ? ' and is the host' : ''}. A dense web between ` +
          'members, not a star around the host, is a community.' :
      'Each dot is a person, each line a reply, mention or reaction between two people.',
  networkDesc: (nodes, edges) => `Interaction network: ${plural(nodes, 'person', 'people')}, ` +
      `${plural(edges, 'tie')}; the host is highlighted in orange.`,
  networkLaying: 'Laying out the network…',
  networkEmpty: 'No interactions between people to draw.',
  networkFailed: (message) =>
      `The network could not be drawn (${message}). The verdict and every measure above are ` +
      'complete; analysing the file again retries the drawing.',
  networkTruncated: (n) => `Showing ${round(n.nodes.length)} of ${round(n.total)} people ` +
      `and the ${round(n.edges.length)} strongest of ${round(n.ties)} ties.`,
  participationTitle: 'Participation inequality',
  participationMeans: (p, gini) => `The most active 1% wrote ${percent(p.top1_share)} of ` +
      `members' messages, the next 9% ${percent(p.next9_share)}, the other 90% ` +
      `${percent(p.rest90_share)}${gini === null ? '' : ` (Gini ${gini.toFixed(2)})`}.`,
  lorenzDesc: 'Lorenz curve: the share of members\' messages written by the least active share ' +
      'of posters; the diagonal is perfect equality.',
  lorenzX: 'posters, least active first',
  lorenzY: 'share of messages',
  nineNineOneDesc: 'Share of members\' messages by the top 1%, the next 9% and the other 90%.',
  top1: 'top 1%',
  next9: 'next 9%',
  rest90: 'other 90%',
  practicalTitle: 'If you stopped posting',
  practicalMeans: (m) => `On ${plural(m.evidence.silent_days, 'day')} the host was silent, ` +
      `members kept up ${percent(m.value)} of their replies to each other.`,
  practicalDesc: (active, silent) =>
      `Member-to-member replies per day: ${active.toFixed(2)} when ` +
      `the host posted, ${silent.toFixed(2)} when the host was silent.`,
  practicalBefore: 'host active',
  practicalAfter: 'host silent',
  perDay: 'replies/day',
  notObserved: 'Not observed in this export.',
  responsesTitle: 'Who answers, and how fast',
  responsesMeans: (m, rt) => `Members answered ${percent(m.value)} of ` +
      `${plural(m.evidence.questions, 'question')} before the host did; ` +
      `first replies took a median ${duration(rt.all?.median_seconds)}` +
      `${
                                 rt.by_peer?.median_seconds ?
                                     ` (members ${duration(rt.by_peer.median_seconds)}` +
                                         `, host ${duration(rt.by_host?.median_seconds)})` :
                                     ''}.`,
  responsesDesc: 'Median time to first reply, by members and by the host.',
  peerAnswerRate: 'peer answer rate',
  medianByMembers: 'members',
  medianByHost: 'host',
  unanswered: (share) => `${percent(share)} unanswered`,

  // Members, recommendations, comparison.
  role: (id) => kRoles[id] ?? id.replaceAll('_', ' '),
  roleCount: (id, n) => `${kRoles[id] ?? id}: ${round(n)}`,
  membersListed: (m) => `Showing ${round(m.listed)} of ${round(m.total)} members.`,
  membersNone: 'The member list is not in this report.',
  membersColumns: [
    'Member', 'Roles', 'Messages', 'Replies to members', 'Replies received', 'Peer answers',
    'People answered', 'Active weeks', 'First day', 'Last day'
  ],
  recommendation: (r) => r.text,
  recommendationFigure: (r) => `${r.measure.replaceAll('_', ' ')}: ${formatValue(r.value)} ` +
      `(target ${formatValue(r.target)})`,
  recommendationsNone: 'No recommendations in this report.',
  groupsColumns: ['Group', 'Kind', 'Messages', 'People', 'Host share', 'Reading', 'Index'],
  groupName: (g) => (g.group_name ? `${g.group_name} / ${g.name}` : g.name),
  compareRows: [
    'Export', 'Verdict', 'Community Index', 'Confidence', 'Map', 'Messages', 'People',
    'Peer reply share', 'Host share of interactions', 'If you stopped posting'
  ],
  compareName: (n, name) => `${n + 1}. ${name}`,
  compareHint: 'Analyse another export (another platform or period) and add it to compare.',
  compareAdded: (n) => `${plural(n, 'export')} in the comparison.`,
};

const kVowel = /^[aeiou]/i;
function article(noun) {
  const a = kVowel.test(noun) ? 'an' : 'a';
  return `${a} ${noun}`;
}

function formatValue(value) {
  if (typeof value !== 'number')
    return String(value);
  return value >= 0 && value <= 1 ? percent(value) : String(Math.round(value * 100) / 100);
}
