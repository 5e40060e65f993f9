'use strict';
// The status page: renders each document the gateway sends on /events. Everything a sensor sent
// is put in the page as text, never as markup.

const $ = (id) => document.getElementById(id);

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function ago(seconds) {
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

function duration(seconds) {
  const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min ${seconds % 60} s`;
}

function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}

function rate(value) {
  return value === undefined ? '–' : value < 10 ? value.toFixed(1) : Math.round(value).toString();
}

function topicList(sensor) {
  const list = element('ul');
  for (const topic of sensor.topics) {
    const item = element('li', {}, topic.topic);
    if (topic.value !== null) {
      item.append(' = ', element('span', { class: 'value' }, topic.value), ' ', element('span', { class: 'age' }, `(${ago(topic.ageSeconds)})`));
    }
    list.append(item);
  }
  if (sensor.topicCount > sensor.topics.length) {
    list.append(element('li', { class: 'more' }, `and ${sensor.topicCount - sensor.topics.length} more`));
  }
  return list;
}

function sensorTable(sensors) {
  const head = element('thead', {}, element('tr', {},
    element('th', {}, 'Client id'), element('th', {}, 'Address'), element('th', {}, 'State'),
    element('th', {}, 'Last seen'), element('th', {}, 'Topics and last values')));
  const body = element('tbody');
  for (const sensor of sensors) {
    body.append(element('tr', { 'data-client': sensor.clientId, 'data-state': sensor.state },
      element('td', { 'data-label': 'Client id', class: 'client' }, sensor.clientId),
      element('td', { 'data-label': 'Address', class: 'address' }, sensor.address),
      element('td', { 'data-label': 'State' }, element('span', { class: `state state-${sensor.state}` }, sensor.state)),
      element('td', { 'data-label': 'Last seen', class: 'seen' }, ago(sensor.silentSeconds)),
      element('td', { 'data-label': 'Topics', class: 'topics' }, topicList(sensor))));
  }
  return element('table', {}, head, body);
}

function renderSensors(sensors) {
  const byTransport = new Map();
  for (const sensor of sensors) {
    if (!byTransport.has(sensor.transport)) byTransport.set(sensor.transport, []);
    byTransport.get(sensor.transport).push(sensor);
  }
  const parts = [];
  for (const [transport, group] of byTransport) {
    parts.push(element('h3', {}, `${transport} (${group.length})`), sensorTable(group));
  }
  $('sensors').replaceChildren(...(parts.length ? parts : [element('p', { class: 'empty' }, 'No sensor has connected yet.')]));
}

function renderChart(rates) {
  const svg = $('chart');
  const all = rates.in.concat(rates.out);
  const max = Math.max(1, ...all);
  // The newest sample at the right edge, the chart's width the whole history the gateway keeps.
  const step = 300 / Math.max(1, rates.capacity - 1);
  const points = (series) => series.map((value, i) =>
    `${300 - (series.length - 1 - i) * step},${80 - (value / max) * 76}`).join(' ');
  const ns = 'http://www.w3.org/2000/svg';
  const lines = ['in', 'out'].map((name) => {
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('class', name);
    line.setAttribute('points', points(rates[name]));
    return line;
  });
  svg.replaceChildren(...lines);
  $('chart-max').textContent = `· top of the chart: ${rate(max)} msg/s`;
}

function renderBridges(bridges) {
  if (!bridges.length) {
    $('bridges').replaceChildren(element('p', { class: 'empty' }, 'No upstream bridge is configured.'));
    return;
  }
  const body = element('tbody');
  for (const bridge of bridges) {
    body.append(element('tr', { 'data-bridge': bridge.name },
      element('td', { 'data-label': 'Bridge' }, bridge.name),
      element('td', { 'data-label': 'State' }, bridge.state),
      element('td', { 'data-label': 'Backlog' }, bridge.backlog),
      element('td', { 'data-label': 'Forwarded' }, bridge.forwarded)));
  }
  $('bridges').replaceChildren(element('table', {}, element('thead', {}, element('tr', {},
    element('th', {}, 'Bridge'), element('th', {}, 'State'), element('th', {}, 'Backlog (messages)'),
    element('th', {}, 'Forwarded'))), body));
}

function render(doc) {
  $('version').textContent = doc.version;
  $('uptime').textContent = `up ${duration(doc.uptimeSeconds)}`;
  $('sensor-count').textContent = doc.sensorSessions;
  $('clients').textContent = doc.clientsConnected;
  $('rate-in').textContent = rate(doc.rates.in[doc.rates.in.length - 1]);
  $('rate-out').textContent = rate(doc.rates.out[doc.rates.out.length - 1]);
  $('store').textContent = doc.store.persistent
    ? `${bytes(doc.store.fileBytes)}${doc.store.state === 'ok' ? '' : ' (failing)'}`
    : 'in memory';
  renderSensors(doc.sensors);
  renderChart(doc.rates);
  renderBridges(doc.bridges);
  const warnings = doc.warnings.map((line) => element('li', {}, line));
  $('warnings').replaceChildren(...(warnings.length ? warnings : [element('li', { class: 'empty' }, 'None.')]));
}

function live(on) {
  $('live').textContent = on ? 'live' : 'reconnecting…';
  $('live').classList.toggle('off', !on);
}

const events = new EventSource('events');
events.onopen = () => live(true);
events.onmessage = (message) => render(JSON.parse(message.data));
events.onerror = () => live(false);
