/**
 * The report's only script, inlined and pinned by its sha256 in the CSP. It reads the identities from the
 * `application/json` block and builds every row with textContent: tenant strings never pass through an HTML
 * parser on this side. Plain ES2020 kept as a string (not compiled TS) so the bytes hashed are the bytes shipped;
 * test/report-browser.test.ts drives it in Chromium.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var L = data.labels;
  var all = data.identities;
  var PAGE = 500;
  var state = { q: '', cls: '', verdict: '', sort: null, dir: 1, open: null, limit: PAGE };
  var byId = function (id) { return document.getElementById(id); };
  var filterBox = byId('identity-filter');
  var classBox = byId('class-filter');
  var verdictBox = byId('verdict-filter');

  // Control and bidi characters shown as \u-escapes such as \u001b (as in the terminal): an ESC or a right-to-left override in a
  // display name must not disguise it on screen.
  var UNSEEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function visible(value) {
    return String(value).replace(UNSEEN, function (c) { return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4); });
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = visible(text);
    return node;
  }
  function rank(list, value) { var i = list.indexOf(value); return i < 0 ? list.length : i; }
  function text(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function urgency(a, b) {
    return rank(data.verdictOrder, a.verdict) - rank(data.verdictOrder, b.verdict)
      || text(a.breaksOn || '9999', b.breaksOn || '9999')
      || rank(data.classOrder, a.class) - rank(data.classOrder, b.class)
      || text(a.displayName.toLowerCase(), b.displayName.toLowerCase());
  }
  var KEYS = {
    name: function (i) { return i.displayName.toLowerCase(); },
    class: function (i) { return rank(data.classOrder, i.class); },
    verdict: function (i) { return rank(data.verdictOrder, i.verdict); },
    breaksOn: function (i) { return i.breaksOn || '9999'; },
    confidence: function (i) { return i.confidence; },
    recommendation: function (i) { return L.action[i.recommendation.action] || i.recommendation.action; },
    owner: function (i) { return (team(i) || '\uffff').toLowerCase(); }
  };
  function team(i) { return i.owner ? i.owner.team : ''; }
  function exceptionText(e) { return e ? e.state + ' until ' + e.expires + (e.approver ? ', approved by ' + e.approver : ', no approver') : '\u2014'; }
  function sorter(a, b) {
    if (!state.sort) return urgency(a, b);
    var key = KEYS[state.sort];
    var ka = key(a), kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * state.dir || urgency(a, b);
  }
  function matches(i) {
    if (state.cls && i.class !== state.cls) return false;
    if (state.verdict && i.verdict !== state.verdict) return false;
    if (!state.q) return true;
    var fields = [i.displayName, i.upn, i.id, team(i)];
    for (var f = 0; f < fields.length; f++) {
      if (fields[f] && fields[f].toLowerCase().indexOf(state.q) >= 0) return true;
    }
    return false;
  }
  function badge(verdict) { return el('span', 'badge v-' + verdict, L.verdict[verdict] || verdict); }
  function percent(value) { return Math.round(value * 100) + '%'; }

  function row(i) {
    var tr = el('tr', 'identity-row');
    tr.tabIndex = 0;
    tr.setAttribute('aria-expanded', String(state.open === i.id));
    var name = el('td');
    name.append(el('strong', null, i.displayName));
    if (i.upn) name.append(el('span', 'upn', i.upn));
    var verdict = el('td');
    verdict.append(badge(i.verdict));
    tr.append(name, el('td', null, L.class[i.class] || i.class), verdict, el('td', 'num', i.breaksOn || '\u2014'),
      el('td', 'num', percent(i.confidence)), el('td', null, L.action[i.recommendation.action] || i.recommendation.action),
      el('td', null, team(i) || '\u2014'));
    tr.addEventListener('click', function () { toggle(i.id); });
    tr.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(i.id); }
    });
    return tr;
  }

  function heading(title) { return el('h3', null, title); }
  function keyValues(pairs) {
    var box = el('div', 'kv');
    pairs.forEach(function (pair) { box.append(el('span', 'k', pair[0]), el('span', null, pair[1])); });
    return box;
  }
  function evidenceTable(evidence) {
    if (evidence.length === 0) return el('p', 'empty', 'No evidence recorded.');
    var max = evidence.reduce(function (m, e) { return Math.max(m, Math.abs(e.weight)); }, 0) || 1;
    var table = el('table', 'evidence');
    var head = el('tr');
    head.append(el('th', null, 'Signal'), el('th', null, 'Detail'), el('th', 'num', 'Weight'));
    var thead = el('thead'); thead.append(head);
    var body = el('tbody');
    evidence.slice().sort(function (a, b) { return Math.abs(b.weight) - Math.abs(a.weight); }).forEach(function (e) {
      var tr = el('tr');
      var weight = el('td', 'num');
      var box = el('span', 'weight');
      var bar = el('span', e.weight < 0 ? 'bar neg' : 'bar');
      bar.style.width = Math.round(Math.abs(e.weight) / max * 60) + 'px';
      box.append(bar, el('span', null, (e.weight > 0 ? '+' : '') + e.weight.toFixed(2)));
      weight.append(box);
      tr.append(el('td', 'mono', e.signal), el('td', null, e.detail), weight);
      body.append(tr);
    });
    table.append(thead, body);
    return table;
  }
  function list(items, empty) {
    if (items.length === 0) return el('p', 'empty', empty);
    var ul = el('ul');
    items.forEach(function (item) { ul.append(item); });
    return ul;
  }
  function detail(i) {
    var tr = el('tr', 'detail');
    var td = el('td');
    td.colSpan = 7;
    var grid = el('div', 'detail-grid');
    var left = el('div');
    left.append(heading('Evidence for ' + (L.class[i.class] || i.class) + ' (' + percent(i.confidence) + ' confidence)'), evidenceTable(i.evidence),
      heading('Why ' + (L.verdict[i.verdict] || i.verdict).toLowerCase()),
      list(i.reasons.map(function (r) { return el('li', null, r); }), 'No reasons recorded.'));
    var right = el('div');
    right.append(heading('Recommendation'), el('p', null, (L.action[i.recommendation.action] || i.recommendation.action) + '. ' + i.recommendation.why),
      heading('Automation signing in as this identity'),
      list(i.automation.map(function (a) {
        var li = el('li');
        li.append(el('code', null, a.file + ':' + a.line), document.createTextNode(' \u00b7 ' + visible(a.authMethod)));
        return li;
      }), 'No code found that signs in as this identity.'),
      heading('Identity'),
      keyValues([['Object ID', i.id], ['UPN', i.upn || '\u2014'], ['Kind', i.kind], ['Verdict', L.verdict[i.verdict] || i.verdict],
        ['Phase', i.phase || '\u2014'], ['Breaks on', i.breaksOn || '\u2014'], ['Owner', team(i) || '\u2014'], ['Exception', exceptionText(i.exception)]]));
    grid.append(left, right);
    td.append(grid);
    tr.append(td);
    return tr;
  }

  function render() {
    var body = byId('identity-rows');
    var matching = all.filter(matches).sort(sorter);
    var shown = matching.slice(0, state.limit);
    var nodes = [];
    shown.forEach(function (i) {
      nodes.push(row(i));
      if (state.open === i.id) nodes.push(detail(i));
    });
    body.replaceChildren.apply(body, nodes);
    byId('identity-count').textContent = matching.length + ' of ' + all.length + ' identities'
      + (shown.length < matching.length ? ' (first ' + shown.length + ' shown)' : '')
      + (data.omitted > 0 ? '; ' + data.omitted + ' more people not affected are only in identities.csv' : '');
    byId('show-more').hidden = shown.length >= matching.length;
    document.querySelectorAll('#identity-table th[data-sort]').forEach(function (th) {
      var active = th.getAttribute('data-sort') === state.sort;
      th.setAttribute('aria-sort', active ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }
  function toggle(id) {
    state.open = state.open === id ? null : id;
    render();
  }
  function setFilters(q, cls, verdict) {
    state.q = q.toLowerCase(); state.cls = cls; state.verdict = verdict; state.limit = PAGE;
    filterBox.value = q; classBox.value = cls; verdictBox.value = verdict;
    render();
  }
  function showTable() { byId('identities').scrollIntoView({ behavior: 'smooth', block: 'start' }); }

  filterBox.addEventListener('input', function () { state.q = filterBox.value.trim().toLowerCase(); state.limit = PAGE; render(); });
  classBox.addEventListener('change', function () { state.cls = classBox.value; state.limit = PAGE; render(); });
  verdictBox.addEventListener('change', function () { state.verdict = verdictBox.value; state.limit = PAGE; render(); });
  byId('clear-filters').addEventListener('click', function () { state.sort = null; state.dir = 1; setFilters('', '', ''); });
  byId('show-more').addEventListener('click', function () { state.limit = Infinity; render(); });
  document.querySelectorAll('#identity-table th[data-sort] button').forEach(function (button) {
    button.addEventListener('click', function () {
      var key = button.parentElement.getAttribute('data-sort');
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      render();
    });
  });
  // Cards, matrix cells and the "breaks soonest" list are shortcuts into the table.
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('.card, .matrix td[data-class], [data-identity]') : null;
    if (!target) return;
    var identity = target.getAttribute('data-identity');
    if (identity) {
      state.open = identity;
      setFilters(identity, '', '');
    } else {
      setFilters('', target.getAttribute('data-class') || '', target.getAttribute('data-verdict') || '');
    }
    showTable();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || !(event.target instanceof Element)) return;
    if (event.target.matches('.matrix td[data-class], .soonest li')) event.target.click();
  });
  render();
})();
`;
