// The interaction network on the page: sigma.js (WebGL) over graphology with the positions the
// worker computed (web/layout.js); where WebGL is missing, the same drawing on a 2D canvas.
// The host is drawn larger in the host colour with the label "Host"; members carry no label
// (pseudonymous). networkPng() always renders with the 2D canvas, so the image does not depend
// on the WebGL drawing buffer.
import Graph from 'graphology';
import Sigma from 'sigma';

import {canvasToPng} from './charts.js';
import {strings} from './strings.js';

let sigma = null;

function colours() {
  const style = getComputedStyle(document.body);
  const get = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    host: get('--c-host', '#d55e00'),
    member: get('--c-members', '#0072b2'),
    edge: get('--c-edge', '#9aa6a0'),
    bg: get('--card', '#ffffff'),
  };
}

const radius = (node, max) => (node.host ? 9 : 2 + 6 * Math.sqrt(node.messages / max));

function hasWebGl() {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

// Draws `network` ({nodes, edges}) into `container` (which has a CSS size). Returns 'webgl' or
// 'canvas', the renderer used.
export function showNetwork(container, network) {
  clearNetwork();
  container.replaceChildren();
  const c = colours();
  const max = Math.max(1, ...network.nodes.map((n) => n.messages));
  if (hasWebGl()) {
    try {
      const graph = new Graph({type: 'undirected'});
      network.nodes.forEach((n, i) => graph.addNode(i, {
        x: n.x,
        y: n.y,
        size: radius(n, max),
        color: n.host ? c.host : c.member,
        label: n.host ? strings.host : null,
        zIndex: n.host ? 1 : 0,
      }));
      for (const [a, b, w] of network.edges) {
        graph.addEdge(a, b, {size: Math.min(4, 0.4 + Math.log1p(w) / 2), color: c.edge});
      }
      sigma = new Sigma(graph, container, {
        zIndex: true,
        labelColor: {color: c.host},
        renderLabels: true,
        defaultEdgeColor: c.edge,
        allowInvalidContainer: true,  // hidden (a new analysis, an error): no throw on resize
      });
      return 'webgl';
    } catch {
      clearNetwork();
      container.replaceChildren();
    }
  }
  const canvas = document.createElement('canvas');
  const box = container.getBoundingClientRect();
  canvas.width = Math.max(300, Math.round(box.width)) * devicePixelRatio;
  canvas.height = Math.max(200, Math.round(box.height)) * devicePixelRatio;
  drawNetwork(canvas, network);
  container.append(canvas);
  return 'canvas';
}

export function clearNetwork() {
  sigma?.kill();
  sigma = null;
}

// Draws the network to fit `canvas` (2D context): edges first, then members, then hosts.
function drawNetwork(canvas, network) {
  const c = colours();
  const g = canvas.getContext('2d');
  g.fillStyle = c.bg;
  g.fillRect(0, 0, canvas.width, canvas.height);
  if (network.nodes.length === 0)
    return;
  const xs = network.nodes.map((n) => n.x), ys = network.nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 20 * devicePixelRatio;
  const scale = Math.min(
      (canvas.width - 2 * pad) / (x1 - x0 || 1), (canvas.height - 2 * pad) / (y1 - y0 || 1));
  const px = (n) =>
      [pad + (n.x - x0) * scale + (canvas.width - 2 * pad - (x1 - x0) * scale) / 2,
       pad + (y1 - n.y) * scale + (canvas.height - 2 * pad - (y1 - y0) * scale) / 2,
  ];
  const at = network.nodes.map(px);
  g.strokeStyle = c.edge;
  g.globalAlpha = 0.5;
  g.lineWidth = devicePixelRatio * 0.8;
  g.beginPath();
  for (const [a, b] of network.edges) {
    g.moveTo(...at[a]);
    g.lineTo(...at[b]);
  }
  g.stroke();
  g.globalAlpha = 1;
  const max = Math.max(1, ...network.nodes.map((n) => n.messages));
  const order = network.nodes.map((n, i) => i)
                    .sort((a, b) => Number(network.nodes[a].host) - Number(network.nodes[b].host));
  for (const i of order) {
    const n = network.nodes[i];
    g.fillStyle = n.host ? c.host : c.member;
    g.beginPath();
    g.arc(...at[i], radius(n, max) * devicePixelRatio, 0, 2 * Math.PI);
    g.fill();
    if (n.host) {
      g.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
      g.fillText(strings.host, at[i][0] + 11 * devicePixelRatio, at[i][1] + 4 * devicePixelRatio);
    }
  }
}

// A PNG of the network, 1200 x 900.
export function networkPng(network) {
  const canvas = document.createElement('canvas');
  canvas.width = 1200;
  canvas.height = 900;
  drawNetwork(canvas, network);
  return canvasToPng(canvas);
}
