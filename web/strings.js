// Every user-visible string of the page, in one place. Plain strings fill index.html's
// {{name}} placeholders at build time (web/build.mjs, HTML-escaped); functions format the
// texts app.js and worker.js compute at run time.

const mb = (bytes) => (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1);
const percent = (share) => `${Math.round(share * 100)}%`;

export const strings = {
  pageTitle: 'meshcheck: audience or community?',
  heading: 'Audience or community?',
  tagline: 'Drop the export of a group you run. meshcheck tells whether its members talk to you ' +
      '(an audience) or to each other (a community), and shows why.',
  privacy:
      'Your files never leave this device: they are read by code running in this page, and the ' +
      'page may not connect anywhere but the site it came from.',
  dropTitle: 'Drop export files here',
  dropHint: 'DiscordChatExporter JSON, one or more channel files of the same group.',
  pick: 'Choose files',
  example: 'Try the bundled example',
  optionsTitle: 'Options',
  hostsLabel: 'Host names or ids (comma-separated; empty: found from the data)',
  namesLabel: 'Show member names instead of pseudonyms',
  cancel: 'Cancel',
  download: 'Download the report (JSON)',
  rawReport: 'The full report',
  verdictHeading: 'Verdict',
  reasonsHeading: 'Why',
  insufficientHeading: 'Not enough data',
  caveatsHeading: 'Caveats',
  hostHeading: 'Host',
  groupHeading: 'Group',
  inputsHeading: 'Files read',
  diagnosticsHeading: 'Skipped records',
  errorHeading: 'The files could not be analysed',
  footer: 'meshcheck runs entirely in your browser.',
  noscript: 'This page needs JavaScript and WebAssembly.',

  loading: 'Loading the analyzer…',
  ready: 'Ready.',
  cancelled: 'Cancelled. Drop files to start again.',
  starting: (count) => `Reading ${count} file${count === 1 ? '' : 's'}…`,
  progress: (p) => `${Math.floor(p.percent)}% · ${mb(p.bytes)} of ${mb(p.totalBytes)} MB · ` +
      `${p.mbps.toFixed(1)} MB/s · ${p.events.toLocaleString('en')} messages` +
      (p.input ? ` · ${p.input}` : ''),
  done: (stats) => `Read ${mb(stats.bytes)} MB in ${(stats.ms / 1000).toFixed(2)} s ` +
      `(${stats.mbps.toFixed(1)} MB/s, analyzer memory ${mb(stats.wasmHeapBytes)} MB).`,
  loadingExample: 'Loading the example…',
  exampleMissing: 'The bundled example is not available on this site.',
  workerFailed: (message) => `The analyzer could not start: ${message}`,
  outOfMemory: 'The browser could not give the analysis more memory.',

  communityIndex: (index) => index === null || index === undefined ?
      'Community Index: not computed' :
      `Community Index: ${Math.round(index)} / 100`,
  confidence: (level) => `Confidence: ${level}`,
  provisional: (label) => `Provisional reading: ${label.replaceAll('_', ' ')}`,
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
  error: (e) => `${e.message} [${e.id}]`,
  share: percent,
};
