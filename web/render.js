// Renders a report (schema meshcheck.report/v1) into the page: the verdict and the map, the
// evidence cards, members, recommendations and diagnostics. Fields added later in v1 (members,
// recommendations, groups) are shown when present and hidden when absent. Everything taken
// from a report is set with textContent (or as SVG text), never parsed as HTML.
import * as charts from './charts.js';
import {strings} from './strings.js';

const $ = (id) => document.getElementById(id);

// An HTML element with attributes, text children and element children.
export function html(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null)
      node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

// Fills list `id` with one <li> per text; hides `blockId` when there is none.
export function fillList(id, texts, blockId) {
  $(id).replaceChildren(...texts.map((text) => html('li', {}, [text])));
  if (blockId)
    $(blockId).hidden = texts.length === 0;
}

// A chart with its "Save as PNG" button; the button's data-png names the file.
function chartBlock(chart, name) {
  const title = chart.querySelector('title').textContent;
  return html('div', {class: 'chart-block'}, [
    chart,
    html(
        'button', {
          'type': 'button',
          'class': 'secondary small png',
          'data-png': name,
          'aria-label': `${strings.savePng}: ${title}`,
        },
        [strings.savePng]),
  ]);
}

// An evidence card: title, charts (or a note), and the one-line "what this means".
function card(id, title, body, means) {
  return html('figure', {'id': `card-${id}`, 'class': 'card', 'aria-labelledby': `card-${id}-h`}, [
    html('h3', {id: `card-${id}-h`}, [title]),
    ...body,
    html('figcaption', {class: 'means'}, [means]),
  ]);
}

const note = (text) => html('p', {class: 'hint'}, [text]);

function hostText(hosts, group) {
  if (!hosts || hosts.members.length === 0)
    return strings.hostNone(hosts?.how ?? '');
  const share = group.messages > 0 ? strings.share(hosts.messages / group.messages) : '0%';
  let text = strings.hostFound(hosts.members.map((m) => m.id), share, hosts.how);
  if (hosts.unmatched?.length)
    text += ` ${strings.hostsUnmatched(hosts.unmatched)}`;
  return text;
}

export function inputTexts(inputs) {
  return inputs.map((i) => (i.status === 'ok' ? strings.input(i) : strings.inputError(i)));
}

function renderVerdict(report) {
  const {verdict, placement, group} = report;
  $('verdict-title').textContent = verdict.title;
  $('verdict-title').dataset.label = verdict.label;
  $('index').textContent = strings.communityIndex(verdict.community_index);
  $('confidence').textContent = strings.confidence(verdict.confidence);
  const provisional = verdict.label === 'insufficient_data' && verdict.provisional_label;
  $('provisional').textContent = provisional ? strings.provisional(verdict.provisional_label) : '';
  const follow =
      verdict.label === 'insufficient_data' ? verdict.insufficient ?? [] : verdict.reasons ?? [];
  $('summary').replaceChildren(
      ...[strings.summaryLead(verdict, placement, group), ...follow.slice(0, 2)].map(
          (t) => html('p', {}, [t])));
  const map = $('card-map').querySelector('.chart');
  if (placement?.placed) {
    map.replaceChildren(chartBlock(
        charts.mapChart(
            [{x: placement.community_index, y: placement.boundary_index, current: true}],
            strings.mapDesc(placement)),
        'map'));
  } else {
    map.replaceChildren(note(strings.notPlaced));
  }
  fillList('insufficient', verdict.insufficient ?? [], 'insufficient-block');
  fillList('reasons', verdict.reasons ?? []);
  fillList('caveats', verdict.caveats ?? [], 'caveats-block');
  fillList('flags', (verdict.flags ?? []).map((f) => f.text), 'flags-block');
}

function activityCard(timeline) {
  const periods = timeline?.periods ?? [];
  const host = periods.reduce((s, p) => s + p.messages_by_host, 0);
  const total = periods.reduce((s, p) => s + p.messages_by_host + p.messages_by_members, 0);
  const half = periods.length >> 1;
  const memberShare = (list) => {
    const all = list.reduce((s, p) => s + p.messages_by_host + p.messages_by_members, 0);
    return all ? list.reduce((s, p) => s + p.messages_by_members, 0) / all : 0;
  };
  const trend =
      strings.activityTrend(memberShare(periods.slice(0, half)), memberShare(periods.slice(half)));
  return card(
      'activity', strings.activityTitle,
      periods.length ? [chartBlock(charts.activityChart(periods, timeline.unit), 'activity')] :
                       [note(strings.notObserved)],
      strings.activityMeans({hostShare: total ? host / total : 0, total, trend}));
}

function indexCard(timeline) {
  const periods = timeline?.periods ?? [];
  const measured = periods.filter((p) => p.community_index !== null);
  return card(
      'index', strings.indexTitle,
      measured.length ? [chartBlock(charts.indexChart(periods, timeline.unit), 'index')] :
                        [note(strings.notObserved)],
      strings.indexMeans(
          measured.length ? measured[measured.length - 1].community_index : null,
          measured[0]?.community_index));
}

function networkCard(measures) {
  const view = html(
      'div', {
        'id': 'network',
        'class': 'network',
        'role': 'img',
        'tabindex': '0',
        'aria-label': strings.networkTitle,
        'data-state': 'laying-out',
      },
      [note(strings.networkLaying)]);
  const m = measures.degree_centralization;
  return card(
      'network', strings.networkTitle,
      [
        view,
        html('p', {id: 'network-note', class: 'hint'}),
        html(
            'button', {
              'type': 'button',
              'class': 'secondary small png',
              'data-png': 'network',
              'aria-label': `${strings.savePng}: ${strings.networkTitle}`,
              'disabled': '',
            },
            [strings.savePng]),
      ],
      strings.networkMeans(m?.available ? m : null));
}

function participationCard(participation, measures) {
  const p = participation;
  const gini = measures.gini?.available ? measures.gini.value : null;
  const body = [];
  if (p?.lorenz?.length > 1)
    body.push(chartBlock(charts.lorenzChart(p.lorenz), 'lorenz'));
  if (p?.nine_nine_one)
    body.push(chartBlock(charts.nineNineOneChart(p.nine_nine_one), 'nine-nine-one'));
  return card(
      'participation', strings.participationTitle, body.length ? body : [note(strings.notObserved)],
      p?.nine_nine_one ? strings.participationMeans(p.nine_nine_one, gini) : strings.notObserved);
}

function practicalCard(measures) {
  const m = measures.host_silent_survival;
  if (!m?.available)
    return card('practical', strings.practicalTitle, [], strings.notObserved);
  const e = m.evidence;
  const active = e.active_days ? e.peer_replies_active / e.active_days : 0;
  const silent = e.silent_days ? e.peer_replies_silent / e.silent_days : 0;
  return card(
      'practical', strings.practicalTitle,
      [chartBlock(charts.practicalChart(active, silent), 'practical-test')],
      strings.practicalMeans(m));
}

function responsesCard(measures, rt) {
  const m = measures.peer_answer_rate;
  if (!m?.available || !rt)
    return card('responses', strings.responsesTitle, [], strings.notObserved);
  return card(
      'responses', strings.responsesTitle,
      [
        html(
            'p', {class: 'big-figure'},
            [
              html('strong', {}, [strings.share(m.value)]),
              ` ${strings.peerAnswerRate} · `,
              strings.unanswered(rt.unanswered_share ?? 0),
            ]),
        chartBlock(charts.responsesChart(rt), 'response-times'),
      ],
      strings.responsesMeans(m, rt));
}

function renderMembers(members) {
  const has = Boolean(members?.top);
  $('members-table').parentElement.hidden = !has;
  $('recognise-block').hidden = !members?.recognise?.length;
  $('members-note').textContent = has ? strings.membersListed(members) : strings.membersNone;
  $('role-counts')
      .replaceChildren(
          ...Object.entries(members?.counts ?? {})
              .map(([id, n]) => html('li', {class: 'chip', 'data-role': id}, [strings.roleCount(
                                                                                 id, n)])));
  if (!has) {
    $('members-table').replaceChildren();
    return;
  }
  const head = html(
      'thead', {},
      [html('tr', {}, strings.membersColumns.map((c) => html('th', {scope: 'col'}, [c])))]);
  const rows = members.top.map((m) => html('tr', {}, [
                                 html('th', {scope: 'row'}, [m.id]),
                                 html('td', {}, [(m.roles ?? []).map(strings.role).join(', ')]),
                                 ...['messages', 'replies_to_members', 'replies_received',
                                     'peer_answers', 'people_answered', 'active_weeks']
                                     .map((k) => html('td', {class: 'num'}, [String(m[k] ?? '')])),
                                 html('td', {}, [m.first_day ?? '']),
                                 html('td', {}, [m.last_day ?? '']),
                               ]));
  $('members-table').replaceChildren(head, html('tbody', {}, rows));
  $('recognise').textContent = (members.recognise ?? []).join(', ');
}

// Each channel or separate group with its own reading (report.groups; report.scope says
// whether they form one group). Hidden when the report has no groups or only one.
function renderGroups(groups, scope) {
  $('groups-block').hidden = !(groups?.length > 1);
  $('scope-note').textContent = scope?.note ?? '';
  if (!(groups?.length > 1))
    return;
  const head = html(
      'thead', {},
      [html('tr', {}, strings.groupsColumns.map((c) => html('th', {scope: 'col'}, [c])))]);
  const rows =
      groups.map((g) => html('tr', {}, [
                   html('th', {scope: 'row'}, [strings.groupName(g)]),
                   html('td', {}, [g.kind]),
                   html('td', {class: 'num'}, [String(g.messages)]),
                   html('td', {class: 'num'}, [String(g.posters)]),
                   html('td', {class: 'num'}, [strings.share(g.host_share ?? 0)]),
                   html('td', {}, [g.title ?? strings.label(g.label)]),
                   html(
                       'td', {class: 'num'},
                       [g.community_index === null ? '–' : String(Math.round(g.community_index))]),
                 ]));
  $('groups-table')
      .replaceChildren($('groups-table').querySelector('caption'), head, html('tbody', {}, rows));
}

function renderRecommendations(list) {
  $('recommendations')
      .replaceChildren(...(list ?? [])
                           .map(
                               (r) => html(
                                   'li', {
                                     'data-id': r.id,
                                   },
                                   [
                                     html('p', {}, [strings.recommendation(r)]),
                                     html('p', {class: 'hint'}, [strings.recommendationFigure(r)]),
                                   ])));
  if (!list?.length)
    $('recommendations')
        .replaceChildren(html('li', {class: 'hint'}, [strings.recommendationsNone]));
}

export function renderReport(report, json, stats) {
  const {hosts, group, measures = {}} = report;
  renderVerdict(report);
  $('cards').replaceChildren(
      activityCard(report.timeline), indexCard(report.timeline), networkCard(measures),
      participationCard(report.participation, measures), practicalCard(measures),
      responsesCard(measures, report.response_times));
  renderGroups(report.groups, report.scope);
  renderMembers(report.members);
  renderRecommendations(report.recommendations);
  $('host').textContent = hostText(hosts, group);
  $('group').textContent = strings.group(group);
  fillList('channels', (group.channels ?? []).map(strings.channel));
  fillList('inputs', inputTexts(report.inputs));
  fillList('diagnostics', (report.diagnostics ?? []).map(strings.diagnostic), 'diagnostics-block');
  $('inference').textContent = report.inference ? strings.inference(report.inference) : '';
  $('stats').textContent = strings.done(stats);
  $('raw').textContent = json;
}

// The comparison: one column per export, and every export on one map.
export function renderComparison(entries) {
  $('compare').hidden = entries.length === 0;
  $('compare-note').textContent =
      entries.length < 2 ? strings.compareHint : strings.compareAdded(entries.length);
  const value = (m) => (m?.available ? strings.share(m.value) : '–');
  const rows = [
    (e, n) => strings.compareName(n, e.name),
    (e) => e.report.verdict.title,
    (e) => strings.communityIndex(e.report.verdict.community_index).replace(/^[^:]*: /, ''),
    (e) => e.report.verdict.confidence,
    (e) => e.report.placement?.title ?? '–',
    (e) => String(e.report.group.messages),
    (e) => String(e.report.group.posters),
    (e) => value(e.report.measures?.peer_reply_share),
    (e) => value(e.report.measures?.host_share_of_interactions),
    (e) => value(e.report.measures?.host_silent_survival),
  ];
  $('compare-table')
      .replaceChildren(html(
          'tbody', {},
          rows.map((cell, i) => html('tr', {}, [
                     html('th', {scope: 'row'}, [strings.compareRows[i]]),
                     ...entries.map(
                         (e, n) => html(
                             i === 0 ? 'th' : 'td', i === 0 ? {scope: 'col'} : {}, [cell(e, n)])),
                   ]))));
  // On the map each export is its number in the table.
  const placed = entries.map((e, n) => ({...e, n})).filter((e) => e.report.placement?.placed);
  $('card-compare-map')
      .querySelector('.chart')
      .replaceChildren(
          placed.length ? chartBlock(
                              charts.mapChart(
                                  placed.map((e) => ({
                                               x: e.report.placement.community_index,
                                               y: e.report.placement.boundary_index,
                                               label: String(e.n + 1),
                                               current: false,
                                             })),
                                  placed
                                      .map(
                                          (e) => `${strings.compareName(e.n, e.name)}: ${
                                              e.report.placement.title}`)
                                      .join('; ')),
                              'comparison-map') :
                          note(strings.notPlaced));
}
