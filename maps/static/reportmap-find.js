/* reportmap-find.js: finding events on a map. A search box over places, actors, sub-types, evidence and sources,
 * filters by fatalities and by actor, and a list of the events in view that a keyboard and a screen reader can
 * reach (each opens its popup; events drawn on one spot are listed one by one). Text by textContent only. */
(function () {
  'use strict';
  var NS = window.ReportMap = window.ReportMap || {};

  var el = NS.el;  // reportmap-ui.js

  /* A predicate over event indexes for a filter {q, minDeaths, actor}: every word of q in one of the event's
   * texts (lower-cased once per string), at least minDeaths dead, actor among its actors. */
  NS.eventFilter = function (S, E, f, text) {
    if (!f || (!f.q && !f.minDeaths && !f.actor)) { return null; }
    var lower = {}, lowerText = {}, words = (f.q || '').toLowerCase().split(/\s+/).filter(Boolean);
    var evidence = text || function (i) { return S[i]; };  // the evidence texts (their own table in a packed block)
    function low(field, i) {
      if (field === 'evidence') {
        if (!(i in lowerText)) { lowerText[i] = (evidence(i) || '').toLowerCase(); }
        return lowerText[i];
      }
      if (!(i in lower)) { lower[i] = (S[i] || '').toLowerCase(); }
      return lower[i];
    }
    var fields = ['location', 'actors', 'sub', 'evidence', 'source'];
    return function (k) {
      if (f.minDeaths && E.fatalities[k] < f.minDeaths) { return false; }
      if (f.actor && (S[E.actors[k]] || '').split('; ').indexOf(f.actor) < 0) { return false; }
      for (var w = 0; w < words.length; w++) {
        var hit = false;
        for (var j = 0; j < fields.length && !hit; j++) { if (E[fields[j]] && low(fields[j], E[fields[j]][k]).indexOf(words[w]) >= 0) { hit = true; } }
        if (!hit) { return false; }
      }
      return true;
    };
  };

  /* The find control: ``actors`` (the most frequent first) for the actor filter; ``onChange(filter)``. */
  NS.findControl = function (actors, small, onChange) {
    var control = L.control({position: 'topleft'});
    var filter = {q: '', minDeaths: 0, actor: ''}, timer = null, status = null;
    control.filter = function () { return filter; };
    control.status = function (text) { if (status) { status.textContent = text; } };
    control.set = function (f) {
      filter = {q: f.q || '', minDeaths: f.minDeaths || 0, actor: f.actor || ''};
      if (control.inputs) {
        control.inputs.q.value = filter.q; control.inputs.deaths.value = String(filter.minDeaths);
        control.inputs.actor.value = filter.actor;
      }
      onChange(filter);
    };
    control.onAdd = function () {
      var box = el('div', 'reportmap-find leaflet-bar');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.setAttribute('role', 'search');
      var body = NS.collapsible(box, 'find', 'Find', small, function () { q.focus(); });
      var q = el('input', 'reportmap-find-q');
      q.type = 'search'; q.placeholder = 'Find a place, actor or words';
      q.setAttribute('aria-label', 'Find events by place, actor or words');
      q.addEventListener('input', function () {
        filter.q = q.value.trim();
        clearTimeout(timer);
        timer = setTimeout(function () { onChange(filter); }, 150);
      });
      var row = el('div', 'reportmap-find-row');
      var deaths = el('select', 'reportmap-find-deaths');
      deaths.setAttribute('aria-label', 'Fatalities at least');
      [[0, 'any fatalities'], [1, '1+ killed'], [10, '10+ killed'], [100, '100+ killed']].forEach(function (o) {
        var opt = el('option', null, o[1]); opt.value = String(o[0]); deaths.appendChild(opt);
      });
      deaths.addEventListener('change', function () { filter.minDeaths = Number(deaths.value); onChange(filter); });
      var actor = el('select', 'reportmap-find-actor');
      actor.setAttribute('aria-label', 'Actor');
      var all = el('option', null, 'any actor'); all.value = ''; actor.appendChild(all);
      actors.forEach(function (a) { var opt = el('option', null, a); opt.value = a; actor.appendChild(opt); });
      actor.addEventListener('change', function () { filter.actor = actor.value; onChange(filter); });
      row.appendChild(deaths);
      if (actors.length) { row.appendChild(actor); }
      status = el('div', 'reportmap-quiet reportmap-find-status', '');
      status.setAttribute('aria-live', 'polite');
      body.appendChild(q); body.appendChild(row); body.appendChild(status);
      control.inputs = {q: q, deaths: deaths, actor: actor};
      return box;
    };
    return control;
  };

  /* The events in view as a list of buttons (at most ``limit``), each naming date, type, place and dead and
   * opening the event's popup: the map's events for a keyboard and a screen reader. */
  NS.eventList = function (describe, inView, open, limit) {
    var control = L.control({position: 'bottomleft'});
    var list = null, note = null, box = null;
    control.refresh = function () {
      if (!list || box.classList.contains('reportmap-collapsed')) { return; }
      var items = inView();
      list.textContent = '';
      items.slice(0, limit).forEach(function (k) {
        var li = el('li');
        var b = el('button', 'reportmap-list-item', describe(k));
        b.type = 'button';
        b.addEventListener('click', function () { open(k); });
        li.appendChild(b);
        list.appendChild(li);
      });
      note.textContent = items.length > limit ? 'and ' + (items.length - limit) + ' more: zoom in or find them' :
        (items.length ? '' : 'No event in view');
    };
    control.onAdd = function () {
      box = el('div', 'reportmap-list leaflet-bar');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var body = NS.collapsible(box, 'list', 'List of events', true, function () { control.refresh(); });
      list = el('ul', 'reportmap-list-items');
      list.setAttribute('aria-label', 'Events in view');
      note = el('div', 'reportmap-quiet', '');
      body.appendChild(list); body.appendChild(note);
      return box;
    };
    return control;
  };
}());
