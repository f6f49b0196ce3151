// Draws the SVR figure from the JSON data embedded in the page: one column per layer, each spectral
// neuron a dot at its singular value, significant edges between consecutive columns.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('svr-figure-data').textContent);
  const canvas = document.getElementById('figure');
  const ctx = canvas.getContext('2d');
  const tooltip = document.getElementById('tooltip');
  const PAD = 8;            // inner padding of the plot, as in the static figure
  const GAP = 1;            // empty columns between two panels
  const FONT = '"DejaVu Sans", Helvetica, Arial, sans-serif';
  const FADE = 0.7;         // share of white in a neuron of intensity 0, as in the static figure
  const EDGE_OPACITY = [0.12, 0.8];
  const MIN_P = 1e-300;

  // Column positions: panels side by side on one axis.
  const offsets = [];
  let columns = 0;
  data.panels.forEach(function (panel) { offsets.push(columns); columns += panel.layers.length + GAP; });
  columns -= GAP;
  let maxRank = 1;
  const isLog = data.yScale === 'log';
  const lowLog = Math.log10(data.yLow), highLog = Math.log10(data.yHigh);

  function fraction(sigma, sigmaMax) {
    const v = data.yScale === 'relative' ? (sigmaMax > 0 ? sigma / sigmaMax : 0) : sigma;
    const f = isLog ? (v > 0 ? (Math.log10(v) - lowLog) / (highLog - lowLog) : 0)
      : (v - data.yLow) / (data.yHigh - data.yLow);
    return Math.max(0, Math.min(1, f));
  }
  function hexToRgb(hex) { const n = parseInt(hex.slice(1), 16); return [n >> 16, (n >> 8) & 255, n & 255]; }
  function neuronRgb(kind, intensity) {
    const base = hexToRgb(kind === 'conv' ? data.colors.conv : data.colors.fc);
    const t = Math.max(0, Math.min(1, intensity || 0));
    const share = FADE * (1 - t);
    return base.map(function (c) { return Math.round(c + (255 - c) * share); });
  }
  function neuronColor(kind, intensity) { return 'rgb(' + neuronRgb(kind, intensity).join(',') + ')'; }
  // Near-kernel rings are 20% darker than the dot colour, as in the static figure.
  function ringColor(kind, intensity) {
    return 'rgb(' + neuronRgb(kind, intensity).map(function (c) { return Math.round(c * 0.8); }).join(',') + ')';
  }
  function measure(ratio, p) {
    return data.edgeShade === 'ratio' ? Math.log10(Math.max(ratio, 1e-300)) : -Math.log10(Math.max(p, MIN_P));
  }
  function shadeOf(ratio, p) {
    if (!(data.shadeMax > data.shadeMin)) return 1;
    return Math.max(0, Math.min(1, (measure(ratio, p) - data.shadeMin) / (data.shadeMax - data.shadeMin)));
  }
  function fmt(v) {
    if (v === 0) return '0';
    if (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) return v.toExponential(3);
    return String(Number(v.toPrecision(4)));
  }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }
  function shortName(name) {
    let label = name.endsWith('.weight') ? name.slice(0, -7) : name;
    return label.length > 24 ? '…' + label.slice(label.length - 23) : label;
  }

  data.panels.forEach(function (panel) {
    panel.layers.forEach(function (layer) {
      const max = layer.sigma.length ? layer.sigma[0] : 0;
      layer.frac = layer.sigma.map(function (s) { return fraction(s, max); });
      layer.near = new Uint8Array(layer.sigma.length);
      layer.nearKernel.forEach(function (j) { layer.near[j] = 1; });
      layer.colors = layer.intensity.map(function (t) { return neuronColor(layer.kind, t); });
      layer.rings = layer.intensity.map(function (t) { return ringColor(layer.kind, t); });
      maxRank = Math.max(maxRank, layer.sigma.length);
    });
    panel.pairs.forEach(function (pair) {
      pair.shade = pair.ratio.map(function (r, e) { return shadeOf(r, pair.p[e]); });
    });
  });

  // View: u (0..1 across the columns) and f (0..1 up the axis) map to the screen through scale and shift.
  const view = { kx: 1, ky: 1, tx: 0, ty: 0 };
  let plot = null;
  let selected = null;
  let hover = null;

  function layout() {
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(rect.width * ratio);
    canvas.height = Math.round(rect.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = '10px ' + FONT;
    let longest = 0;
    data.panels.forEach(function (panel) {
      panel.layers.forEach(function (layer) { longest = Math.max(longest, ctx.measureText(shortName(layer.name)).width); });
    });
    const width = rect.width, height = rect.height;
    const columnWidth = (width - 78 - 16) / columns;
    const rotate = longest > 0.9 * columnWidth;
    const labelSpace = rotate ? longest * Math.SQRT1_2 + 10 : 10;
    plot = { left: 78, right: width - 16, top: 10, bottom: height - labelSpace - 38, width: width, height: height,
      rotate: rotate, labelSpace: labelSpace };
    plot.baseRadius = Math.max(1, Math.min(4, 0.45 * (plot.bottom - plot.top) / maxRank));
  }

  function screenX(panelIndex, l) {
    const u = (offsets[panelIndex] + l + 0.5) / columns;
    return plot.left + (plot.right - plot.left) * (view.tx + view.kx * u);
  }
  function screenY(f) {
    return plot.bottom - PAD - (plot.bottom - plot.top - 2 * PAD) * (view.ty + view.ky * f);
  }
  function radius() { return plot.baseRadius * Math.max(1, Math.min(4, Math.sqrt(view.ky))); }

  function ticks() {
    const f0 = (0 - view.ty) / view.ky, f1 = (1 - view.ty) / view.ky;
    const result = [];
    if (isLog) {
      // Powers of 10 when three or more are visible, else 1, 2, 5 times a power, else plain steps (deep zoom).
      const e0 = lowLog + f0 * (highLog - lowLog), e1 = lowLog + f1 * (highLog - lowLog);
      const first = Math.ceil(e0 - 1e-9), last = Math.floor(e1 + 1e-9);
      if (last - first >= 2) {
        const stride = Math.max(1, Math.ceil((last - first + 1) / 7));
        for (let k = first; k <= last; k += stride) result.push([k, k >= -3 && k <= 3 ? String(Number(Math.pow(10, k).toPrecision(1))) : '1e' + k]);
        return result;
      }
      for (let k = first - 1; k <= last; k++) {
        [1, 2, 5].forEach(function (m) {
          const e = Math.log10(m) + k;
          if (e >= e0 && e <= e1) result.push([e, String(Number((m * Math.pow(10, k)).toPrecision(1)))]);
        });
      }
      if (result.length >= 3) return result;
      return linearTicks(Math.pow(10, e0), Math.pow(10, e1)).map(function (t) { return [Math.log10(t[0]), t[1]]; })
        .filter(function (t) { return isFinite(t[0]); });
    }
    return linearTicks(data.yLow + f0 * (data.yHigh - data.yLow), data.yLow + f1 * (data.yHigh - data.yLow));
  }
  function linearTicks(v0, v1) {
    const rough = (v1 - v0) / 6;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const m = rough / power;
    const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    const out = [];
    for (let k = Math.ceil(v0 / step - 1e-9); k <= Math.floor(v1 / step + 1e-9); k++) out.push([k * step, (k * step).toFixed(decimals)]);
    return out;
  }
  function tickFraction(value) {
    return isLog ? (value - lowLog) / (highLog - lowLog) : (value - data.yLow) / (data.yHigh - data.yLow);
  }

  function draw() {
    const c = ctx;
    c.fillStyle = '#fff';
    c.fillRect(0, 0, plot.width, plot.height);
    c.font = '10px ' + FONT;
    c.textBaseline = 'middle';
    ticks().forEach(function (t) {
      const y = screenY(tickFraction(t[0]));
      if (y < plot.top - 0.5 || y > plot.bottom + 0.5) return;
      c.strokeStyle = '#e6e6e6'; c.lineWidth = 0.8;
      c.beginPath(); c.moveTo(plot.left, y); c.lineTo(plot.right, y); c.stroke();
      c.strokeStyle = '#444'; c.lineWidth = 1;
      c.beginPath(); c.moveTo(plot.left - 5, y); c.lineTo(plot.left, y); c.stroke();
      c.fillStyle = '#222'; c.textAlign = 'right'; c.fillText(t[1], plot.left - 8, y);
    });
    c.save();
    c.beginPath(); c.rect(plot.left, plot.top, plot.right - plot.left, plot.bottom - plot.top); c.clip();
    data.panels.forEach(drawEdges);
    data.panels.forEach(drawHighlightEdges);
    data.panels.forEach(drawNeurons);
    c.restore();
    drawAxes();
  }

  function touches(panelIndex, pair, e) {
    return selected && selected.panel === panelIndex
      && ((selected.layer === pair.pair && selected.index === pair.previous[e])
        || (selected.layer === pair.pair + 1 && selected.index === pair.next[e]));
  }

  function drawEdges(panel, p) {
    const c = ctx;
    const edge = hexToRgb(data.colors.edge).join(',');
    panel.pairs.forEach(function (pair) {
      const prev = panel.layers[pair.pair], next = panel.layers[pair.pair + 1];
      const x1 = screenX(p, pair.pair), x2 = screenX(p, pair.pair + 1);
      for (let e = pair.next.length - 1; e >= 0; e--) {
        const s = pair.shade[e];
        let alpha = EDGE_OPACITY[0] + (EDGE_OPACITY[1] - EDGE_OPACITY[0]) * s;
        const hit = touches(p, pair, e);
        if (selected && !hit) alpha *= 0.25;
        c.strokeStyle = hit ? 'rgba(11,92,173,0.95)' : 'rgba(' + edge + ',' + alpha.toFixed(3) + ')';
        c.lineWidth = hit ? 1.8 : 0.5 + 0.7 * s;
        c.beginPath();
        c.moveTo(x1, screenY(prev.frac[pair.previous[e]]));
        c.lineTo(x2, screenY(next.frac[pair.next[e]]));
        c.stroke();
      }
    });
  }

  function groupEdges(panel, p, group, color, width) {
    const c = ctx;
    c.strokeStyle = color; c.lineWidth = width; c.globalAlpha = 0.85;
    group.edges.forEach(function (g) {
      c.beginPath();
      c.moveTo(screenX(p, g[0]), screenY(panel.layers[g[0]].frac[g[2]]));
      c.lineTo(screenX(p, g[0] + 1), screenY(panel.layers[g[0] + 1].frac[g[1]]));
      c.stroke();
    });
    c.globalAlpha = 1;
  }
  function drawHighlightEdges(panel, p) {
    panel.clusters.forEach(function (cluster, k) {
      groupEdges(panel, p, cluster, clusterColor(panel, k), 1.2);
    });
    if (panel.chain) groupEdges(panel, p, panel.chain, data.colors.chain, 2.4);
  }

  // Cluster colours continue across panels, as the legend counts the clusters of all panels.
  function clusterColor(panel, k) {
    let first = 0;
    for (let q = 0; q < data.panels.length && data.panels[q] !== panel; q++) first += data.panels[q].clusters.length;
    return data.colors.clusters[(first + k) % data.colors.clusters.length];
  }

  function ring(x, y, r, color, width) {
    ctx.strokeStyle = color; ctx.lineWidth = width;
    ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.stroke();
  }
  function drawNeurons(panel, p) {
    const c = ctx;
    const r = radius();
    panel.layers.forEach(function (layer, l) {
      const x = screenX(p, l);
      if (x < plot.left - 10 || x > plot.right + 10) return;
      for (let j = 0; j < layer.sigma.length; j++) {
        const y = screenY(layer.frac[j]);
        const ringRadius = Math.max(r, 2.5);
        c.beginPath(); c.arc(x, y, layer.near[j] ? ringRadius : r, 0, 2 * Math.PI);
        if (layer.near[j]) {
          c.fillStyle = '#fff'; c.fill();
          c.strokeStyle = layer.rings[j]; c.lineWidth = Math.max(0.9, ringRadius * 0.45); c.stroke();
        } else {
          c.fillStyle = layer.colors[j]; c.fill();
        }
      }
    });
    panel.clusters.forEach(function (cluster, k) {
      const color = clusterColor(panel, k);
      cluster.neurons.forEach(function (n) { ring(screenX(p, n[0]), screenY(panel.layers[n[0]].frac[n[1]]), r + 2, color, 1.4); });
    });
    if (panel.chain) {
      panel.chain.neurons.forEach(function (n) {
        ring(screenX(p, n[0]), screenY(panel.layers[n[0]].frac[n[1]]), r + 3, data.colors.chain, 1.4);
      });
    }
    if (selected && selected.panel === p) {
      const layer = panel.layers[selected.layer];
      ring(screenX(p, selected.layer), screenY(layer.frac[selected.index]), r + 4, 'rgb(11,92,173)', 2);
    }
  }

  function drawAxes() {
    const c = ctx;
    c.strokeStyle = '#444'; c.lineWidth = 1;
    c.beginPath(); c.moveTo(plot.left, plot.top); c.lineTo(plot.left, plot.bottom); c.lineTo(plot.right, plot.bottom); c.stroke();
    c.font = '10px ' + FONT;
    data.panels.forEach(function (panel, p) {
      panel.layers.forEach(function (layer, l) {
        const x = screenX(p, l);
        if (x < plot.left - 1 || x > plot.right + 1) return;
        c.strokeStyle = '#444';
        c.beginPath(); c.moveTo(x, plot.bottom); c.lineTo(x, plot.bottom + 4); c.stroke();
        c.fillStyle = layer.kind === 'conv' ? data.colors.conv : data.colors.fc;
        c.save();
        c.translate(plot.rotate ? x + 3 : x, plot.bottom + 14);
        if (plot.rotate) { c.rotate(-Math.PI / 4); c.textAlign = 'right'; } else { c.textAlign = 'center'; }
        c.textBaseline = 'alphabetic';
        c.fillText(shortName(layer.name), 0, 0);
        c.restore();
      });
    });
    c.font = '11px ' + FONT; c.fillStyle = '#222'; c.textAlign = 'center'; c.textBaseline = 'alphabetic';
    c.fillText('layer (chain order)', (plot.left + plot.right) / 2, plot.height - 8);
    c.save();
    c.translate(20, (plot.top + plot.bottom) / 2); c.rotate(-Math.PI / 2);
    c.fillText(data.yCaption, 0, 0);
    c.restore();
  }

  // Hit tests in screen pixels: the nearest neuron within reach, else the nearest edge within 4 px.
  function neuronAt(mx, my) {
    const reach = radius() + 3;
    let best = null, bestDistance = reach;
    data.panels.forEach(function (panel, p) {
      panel.layers.forEach(function (layer, l) {
        const dx = Math.abs(screenX(p, l) - mx);
        if (dx > reach) return;
        for (let j = 0; j < layer.sigma.length; j++) {
          const d = Math.hypot(dx, screenY(layer.frac[j]) - my);
          if (d < bestDistance) { bestDistance = d; best = { panel: p, layer: l, index: j }; }
        }
      });
    });
    return best;
  }
  function segmentDistance(px, py, x1, y1, x2, y2) {
    const dx = x2 - x1, dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(px - x1 - t * dx, py - y1 - t * dy);
  }
  function edgeAt(mx, my) {
    let best = null, bestDistance = 4;
    function consider(panel, p, pairIndex, i, j, a, ratio, pv, label) {
      const x1 = screenX(p, pairIndex), x2 = screenX(p, pairIndex + 1);
      if (mx < Math.min(x1, x2) - 4 || mx > Math.max(x1, x2) + 4) return;
      const d = segmentDistance(mx, my, x1, screenY(panel.layers[pairIndex].frac[j]), x2,
        screenY(panel.layers[pairIndex + 1].frac[i]));
      if (d < bestDistance) { bestDistance = d; best = { panel: p, pair: pairIndex, next: i, previous: j, a: a, ratio: ratio, p: pv, label: label }; }
    }
    // Highlighted edges first: an ordinary edge drawn under one must not take its tooltip.
    data.panels.forEach(function (panel, p) {
      if (panel.chain) panel.chain.edges.forEach(function (g) { consider(panel, p, g[0], g[1], g[2], g[3], g[4], g[5], 'dominant chain'); });
      panel.clusters.forEach(function (cluster, k) {
        cluster.edges.forEach(function (g) { consider(panel, p, g[0], g[1], g[2], g[3], g[4], g[5], 'near-kernel cluster ' + (k + 1)); });
      });
      panel.pairs.forEach(function (pair) {
        for (let e = 0; e < pair.next.length; e++) {
          consider(panel, p, pair.pair, pair.next[e], pair.previous[e], pair.coefficient[e], pair.ratio[e], pair.p[e], null);
        }
      });
    });
    return best;
  }

  function describeNeuron(n) {
    const panel = data.panels[n.panel], layer = panel.layers[n.layer];
    const max = layer.sigma[0];
    return (data.panels.length > 1 ? escapeHtml(panel.model) + '<br>' : '')
      + '<b>' + escapeHtml(layer.name) + '</b> (' + layer.kind + ', layer ' + n.layer + ')<br>'
      + 'spectral neuron ' + n.index + '<br>σ = ' + fmt(layer.sigma[n.index])
      + (max > 0 ? ' (σ/σmax = ' + fmt(layer.sigma[n.index] / max) + ')' : '') + '<br>'
      + 'intensity = ' + fmt(layer.intensity[n.index]) + '<br>'
      + 'near-kernel: ' + (layer.near[n.index] ? 'yes' : 'no');
  }
  function describeEdge(e) {
    const panel = data.panels[e.panel];
    return (data.panels.length > 1 ? escapeHtml(panel.model) + '<br>' : '')
      + (e.label ? '<b>' + e.label + '</b><br>' : '')
      + '<b>' + escapeHtml(panel.layers[e.pair].name) + '</b> #' + e.previous + ' → <b>'
      + escapeHtml(panel.layers[e.pair + 1].name) + '</b> #' + e.next + '<br>'
      + 'coefficient a = ' + fmt(e.a) + '<br>ratio n·a = ' + fmt(e.ratio) + '<br>p-value = ' + fmt(e.p);
  }

  function showTooltip(html, mx, my) {
    tooltip.innerHTML = html;
    tooltip.hidden = false;
    const stage = canvas.getBoundingClientRect();
    const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    tooltip.style.left = Math.min(mx + 14, stage.width - w - 4) + 'px';
    tooltip.style.top = Math.max(4, Math.min(my + 14, stage.height - h - 4)) + 'px';
  }

  let frame = 0;
  function redraw() { if (!frame) frame = requestAnimationFrame(function () { frame = 0; draw(); }); }

  let drag = null;
  function local(event) {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }
  canvas.addEventListener('wheel', function (event) {
    event.preventDefault();
    const m = local(event);
    const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
    const u = (m[0] - plot.left) / (plot.right - plot.left);
    const f = (plot.bottom - PAD - m[1]) / (plot.bottom - plot.top - 2 * PAD);
    if (!event.shiftKey) { view.tx = u - (u - view.tx) * factor; view.kx *= factor; }
    view.ty = f - (f - view.ty) * factor; view.ky *= factor;
    redraw();
  }, { passive: false });
  canvas.addEventListener('mousedown', function (event) {
    const m = local(event);
    drag = { x: m[0], y: m[1], tx: view.tx, ty: view.ty, moved: false };
  });
  window.addEventListener('mousemove', function (event) {
    const m = local(event);
    if (drag) {
      const dx = m[0] - drag.x, dy = m[1] - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; canvas.classList.add('dragging'); tooltip.hidden = true; }
      view.tx = drag.tx + dx / (plot.right - plot.left);
      view.ty = drag.ty - dy / (plot.bottom - plot.top - 2 * PAD);
      redraw();
      return;
    }
    if (event.target !== canvas) { tooltip.hidden = true; return; }
    const n = neuronAt(m[0], m[1]);
    if (n) { showTooltip(describeNeuron(n), m[0], m[1]); return; }
    const e = edgeAt(m[0], m[1]);
    if (e) { showTooltip(describeEdge(e), m[0], m[1]); return; }
    tooltip.hidden = true;
  });
  window.addEventListener('mouseup', function (event) {
    if (drag && !drag.moved && event.target === canvas) {
      const m = local(event);
      selected = neuronAt(m[0], m[1]);
      redraw();
    }
    drag = null;
    canvas.classList.remove('dragging');
  });
  canvas.addEventListener('mouseleave', function () { tooltip.hidden = true; });
  document.getElementById('reset').addEventListener('click', function () {
    view.kx = 1; view.ky = 1; view.tx = 0; view.ty = 0; selected = null; redraw();
  });
  window.addEventListener('resize', function () { layout(); redraw(); });

  function buildHeader() {
    document.getElementById('title').textContent = (data.panels.length > 1 ? 'SVR graphs: ' : 'SVR graph: ') + data.title;
    const headers = document.getElementById('headers');
    data.panels.forEach(function (panel) {
      const div = document.createElement('div');
      div.textContent = (data.panels.length > 1 ? panel.model + ': ' : '') + panel.header;
      headers.appendChild(div);
    });
  }

  function buildLegend() {
    const rampOf = function (kind) {
      return 'linear-gradient(to right, ' + neuronColor(kind, 0) + ', ' + neuronColor(kind, 1) + ')';
    };
    const edge = hexToRgb(data.colors.edge).join(',');
    const parts = [];
    parts.push('<h2>Spectral neurons</h2>');
    parts.push('<div class="row"><span class="ramp" style="background:' + rampOf('conv') + '"></span><span style="color:' + data.colors.conv + '">conv</span></div>');
    parts.push('<div class="row"><span class="ramp" style="background:' + rampOf('fc') + '"></span><span style="color:' + data.colors.fc + '">fc</span></div>');
    parts.push('<div class="muted">colour: node intensity, 0 (pale) to 1</div>');
    parts.push('<div class="row"><span class="ring"></span>near-kernel: σ/σmax &lt; ' + fmt(data.nearKernelThreshold) + '</div>');
    parts.push('<h2>Significant edges</h2>');
    if (data.shadeMax > data.shadeMin || data.shadeMax !== 0) {
      const display = function (m) { return data.edgeShade === 'ratio' ? Math.pow(10, m) : m; };
      parts.push('<div class="ramp" style="background:linear-gradient(to right, rgba(' + edge + ',' + EDGE_OPACITY[0] + '), rgba(' + edge + ',' + EDGE_OPACITY[1] + '))"></div>');
      parts.push('<div class="ends"><span>' + fmt(display(data.shadeMin)) + '</span><span>' + fmt(display(data.shadeMax)) + '</span></div>');
      parts.push('<div class="muted">shade: ' + escapeHtml(data.shadeCaption) + '</div>');
    } else {
      parts.push('<div class="muted">no significant edge</div>');
    }
    const capped = data.panels.reduce(function (sum, panel) {
      return sum + panel.pairs.filter(function (pair) { return pair.significant > pair.next.length; }).length;
    }, 0);
    const pairs = data.panels.reduce(function (sum, panel) { return sum + panel.pairs.length; }, 0);
    parts.push('<div class="muted">' + (data.maxEdges === 0 ? 'all significant edges drawn'
      : 'at most ' + data.maxEdges + ' strongest per layer pair; ' + (capped ? 'cap applied on ' + capped + ' of ' + pairs + ' pairs' : 'cap not reached')) + '</div>');
    parts.push('<div class="row"><span class="bar" style="background:rgb(11,92,173)"></span>edges of the clicked neuron</div>');
    const chainWanted = data.panels.some(function (panel) { return panel.chainRequested; });
    const clustersWanted = data.panels.some(function (panel) { return panel.clustersRequested; });
    if (chainWanted || clustersWanted) parts.push('<h2>Highlights</h2>');
    if (chainWanted) {
      const length = Math.max.apply(null, data.panels.map(function (panel) { return panel.chain ? panel.chain.edges.length : 0; }));
      const k = data.panels[0].chainTopK;
      const index = k === 1 ? 'index 0' : 'index &lt; ' + k;
      parts.push('<div class="row"><span class="bar" style="background:' + data.colors.chain + '"></span>'
        + (length ? 'dominant chain: ' + length + (length === 1 ? ' edge (' : ' edges (') + index + ')' : 'dominant chain: none (' + index + ')') + '</div>');
    }
    if (clustersWanted) {
      const count = data.panels.reduce(function (sum, panel) { return sum + panel.clusters.length; }, 0);
      let dots = '';
      for (let k = 0; k < Math.min(count, data.colors.clusters.length); k++) {
        dots += '<span class="ring" style="border-color:' + data.colors.clusters[k] + '"></span>';
      }
      parts.push('<div class="row">' + dots + count + ' near-kernel cluster' + (count === 1 ? '' : 's') + '</div>');
    }
    document.getElementById('legend-body').innerHTML = parts.join('');
  }

  buildHeader();
  buildLegend();
  layout();
  draw();
}());
