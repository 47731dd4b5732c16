// Plain SVG charts of the report (no chart library). Every chart is an <svg role="img"> with a
// <title> and a <desc> for screen readers; colours come from styles.css classes (c-host,
// c-members, ...: the Okabe-Ito colour-blind-safe palette, with a dark-mode variant), so a
// chart follows the theme. svgToPng() inlines the computed colours for a standalone image.
// Every text drawn comes from the report as textContent, never markup.
import {duration, strings} from './strings.js';

const kNs = 'http://www.w3.org/2000/svg';
let nextId = 1;

// An SVG element with attributes and children (elements or strings, appended as text).
export function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(kNs, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null)
      node.setAttribute(name, String(value));
  }
  for (const child of children)
    node.append(child);
  return node;
}

// The <svg role="img"> frame of a chart of `width` x `height` user units.
function frame(width, height, title, desc) {
  const id = `chart-${nextId++}`;
  const root =
      svg('svg', {
        'viewBox': `0 0 ${width} ${height}`,
        'role': 'img',
        'aria-labelledby': `${id}-t ${id}-d`,
        'class': 'chart-svg',
        'width': width,
        'height': height,
      },
          [svg('title', {id: `${id}-t`}, [title]), svg('desc', {id: `${id}-d`}, [desc])]);
  root.style.maxWidth = `${width}px`;  // shrinks to fit, never grows past its natural size
  return root;
}

const text = (x, y, content, attrs = {}) =>
    svg('text', {x, y, class: 'c-text', ...attrs}, [String(content)]);

function legend(root, x, y, items) {
  items.forEach(([cls, label], i) => {
    root.append(
        svg('rect', {x: x + i * 110, y: y - 9, width: 10, height: 10, class: `${cls} c-legend`}));
    root.append(text(x + i * 110 + 14, y, label));
  });
}

// Stacked bars of messages per period: host below, members above.
export function activityChart(periods, unit) {
  const w = 640, h = 230, left = 40, bottom = 190, top = 26;
  const root = frame(w, h, strings.activityTitle, strings.activityDesc(unit, periods.length));
  const totals = periods.map((p) => p.messages_by_host + p.messages_by_members);
  const max = Math.max(1, ...totals);
  const step = (w - left - 10) / Math.max(1, periods.length);
  const bar = Math.max(1, step * 0.8);
  const y = (v) => bottom - (v / max) * (bottom - top);
  root.append(svg('line', {x1: left, y1: bottom, x2: w - 10, y2: bottom, class: 'c-axis'}));
  root.append(text(left - 4, top + 4, max, {'text-anchor': 'end'}));
  root.append(text(left - 4, bottom, 0, {'text-anchor': 'end'}));
  periods.forEach((p, i) => {
    const x = left + i * step;
    root.append(svg('rect', {
      x,
      y: y(p.messages_by_host),
      width: bar,
      height: bottom - y(p.messages_by_host),
      class: 'c-host',
    }));
    root.append(svg('rect', {
      x,
      y: y(p.messages_by_host + p.messages_by_members),
      width: bar,
      height: bottom - y(p.messages_by_members),
      class: 'c-members',
    }));
  });
  labelPeriods(root, periods, left, step, bottom + 16);
  legend(root, left, 14, [['c-host', strings.host], ['c-members', strings.members]]);
  return root;
}

function labelPeriods(root, periods, left, step, y) {
  if (periods.length === 0)
    return;
  const picks = [...new Set([0, periods.length >> 1, periods.length - 1])];
  for (const i of picks) {
    const anchor = i === 0 ? 'start' : i === periods.length - 1 ? 'end' : 'middle';
    const x = anchor === 'end' ? left + (i + 1) * step : left + i * step;
    root.append(text(x, y, periods[i].start, {'text-anchor': anchor}));
  }
}

// The Community Index per period as a line with gaps, the 45 split dashed.
export function indexChart(periods, unit) {
  const w = 640, h = 210, left = 40, bottom = 175, top = 12;
  const root = frame(w, h, strings.indexTitle, strings.indexDesc(unit));
  const step = (w - left - 10) / Math.max(1, periods.length);
  const y = (v) => bottom - (v / 100) * (bottom - top);
  for (const v of [0, 45, 100]) {
    root.append(svg('line', {
      x1: left,
      y1: y(v),
      x2: w - 10,
      y2: y(v),
      class: v === 45 ? 'c-split' : 'c-grid',
    }));
    root.append(text(left - 4, y(v) + 4, v, {'text-anchor': 'end'}));
  }
  let d = '';
  let pen = false;
  periods.forEach((p, i) => {
    const v = p.community_index;
    if (v === null || v === undefined) {
      pen = false;
      return;
    }
    const x = left + (i + 0.5) * step;
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
    root.append(svg('circle', {cx: x, cy: y(v), r: 2.5, class: 'c-point'}));
  });
  if (d)
    root.append(svg('path', {d, class: 'c-line'}));
  labelPeriods(root, periods, left, step, bottom + 18);
  return root;
}

// The Lorenz curve (11 points) against the line of equality.
export function lorenzChart(lorenz) {
  const s = 200, pad = 34;
  const root = frame(s + pad + 10, s + pad + 10, strings.participationTitle, strings.lorenzDesc);
  const x = (v) => pad + v * s;
  const y = (v) => 10 + s - v * s;
  root.append(svg('rect', {x: pad, y: 10, width: s, height: s, class: 'c-grid-box'}));
  root.append(svg('line', {x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: 'c-split'}));
  const points =
      lorenz.map((v, k) => `${x(k / (lorenz.length - 1)).toFixed(1)},${y(v).toFixed(1)}`);
  if (points.length > 1) {
    root.append(svg('polygon', {
      points: `${points.join(' ')} ${x(1)},${y(0)}`,
      class: 'c-members-area',
    }));
    root.append(svg('polyline', {points: points.join(' '), class: 'c-line'}));
  }
  root.append(text(x(0.5), s + 28, strings.lorenzX, {'text-anchor': 'middle'}));
  root.append(text(12, y(0.5), strings.lorenzY, {
    'text-anchor': 'middle',
    'transform': `rotate(-90 12 ${y(0.5)})`,
  }));
  return root;
}

// Horizontal bars labelled with their value: items [{label, value (0-1 or a number), cls}].
function barList(title, desc, items, format, max = 1) {
  const w = 380, row = 34, left = 96;
  const root = frame(w, items.length * row + 8, title, desc);
  items.forEach((item, i) => {
    const y = 8 + i * row;
    const width = max > 0 ? Math.max(1, (item.value / max) * (w - left - 120)) : 1;
    root.append(text(left - 6, y + 15, item.label, {'text-anchor': 'end'}));
    root.append(svg('rect', {x: left, y, width, height: 20, class: item.cls}));
    root.append(text(left + width + 6, y + 15, format(item.value)));
  });
  return root;
}

export function nineNineOneChart(p) {
  return barList(
      strings.participationTitle, strings.nineNineOneDesc,
      [
        {label: strings.top1, value: p.top1_share, cls: 'c-members'},
        {label: strings.next9, value: p.next9_share, cls: 'c-members-2'},
        {label: strings.rest90, value: p.rest90_share, cls: 'c-members-3'},
      ],
      strings.share);
}

// Member replies per day while the host posted and while the host was silent.
export function practicalChart(active, silent) {
  return barList(
      strings.practicalTitle, strings.practicalDesc(active, silent),
      [
        {label: strings.practicalBefore, value: active, cls: 'c-members'},
        {label: strings.practicalAfter, value: silent, cls: 'c-members-2'},
      ],
      (v) => `${v.toFixed(2)} ${strings.perDay}`, Math.max(active, silent));
}

// Median seconds to a first reply, by members and by the host.
export function responsesChart(rt) {
  const items = [
    {label: strings.medianByMembers, value: rt.by_peer?.median_seconds ?? 0, cls: 'c-members'},
    {label: strings.medianByHost, value: rt.by_host?.median_seconds ?? 0, cls: 'c-host'},
  ];
  return barList(
      strings.responsesTitle, strings.responsesDesc, items, (v) => (v ? duration(v) : '–'),
      Math.max(...items.map((i) => i.value)));
}

// The 2x2 map: x = Community Index (split at 45), y = Boundary Index (split at 50). points:
// [{x, y, label, current}]; quadrant names from strings.mapQuadrants.
export function mapChart(points, desc) {
  const s = 260, pad = 26;
  const w = s + pad * 2, h = s + pad * 2;
  const root = frame(w, h, strings.mapTitle, desc);
  const x = (v) => pad + (v / 100) * s;
  const y = (v) => pad + s - (v / 100) * s;
  const quads = [
    ['managed_group', 0, 45, 50, 100],
    ['close_knit_community', 45, 100, 50, 100],
    ['audience', 0, 45, 0, 50],
    ['open_community', 45, 100, 0, 50],
  ];
  for (const [id, x0, x1, y0, y1] of quads) {
    root.append(svg('rect', {
      'x': x(x0),
      'y': y(y1),
      'width': x(x1) - x(x0),
      'height': y(y0) - y(y1),
      'class': `c-quad c-quad-${id}`,
    }));
    root.append(text((x(x0) + x(x1)) / 2, y(y1) + 16, strings.mapQuadrants[id], {
      'text-anchor': 'middle',
      'class': 'c-text c-small',
    }));
  }
  root.append(
      text(w / 2, h - 6, strings.mapAxisX, {'text-anchor': 'middle', 'class': 'c-text c-small'}));
  root.append(text(10, h / 2, strings.mapAxisY, {
    'text-anchor': 'middle',
    'class': 'c-text c-small',
    'transform': `rotate(-90 10 ${h / 2})`,
  }));
  points.forEach((p, i) => {
    root.append(svg('circle', {
      cx: x(p.x),
      cy: y(p.y),
      r: p.current ? 8 : 6,
      class: p.current ? 'c-dot' : 'c-dot-other',
    }));
    if (p.label) {
      root.append(
          text(x(p.x) + 10, y(p.y) + 4 + (i % 2) * 10, p.label, {'class': 'c-text c-small'}));
    }
  });
  return root;
}

const kInlined = [
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'font-size',
  'font-family', 'font-weight'
];

// A PNG of `chart` (an SVG element in the page) at 2x, on the page's card colour.
export async function svgToPng(chart) {
  const copy = chart.cloneNode(true);
  const from = [chart, ...chart.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((node, i) => {
    const style = getComputedStyle(node);
    for (const name of kInlined)
      to[i].setAttribute(name, style.getPropertyValue(name));
  });
  const box = chart.viewBox.baseVal;
  copy.setAttribute('xmlns', kNs);
  const url = URL.createObjectURL(
      new Blob([new XMLSerializer().serializeToString(copy)], {type: 'image/svg+xml'}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = box.width * 2;
    canvas.height = box.height * 2;
    const g = canvas.getContext('2d');
    g.fillStyle = getComputedStyle(document.body).getPropertyValue('--card') || '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function canvasToPng(canvas) {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
