/* reportmap-time.js: a map's time window. A from-to range on a time-proportional axis (a day is a day wherever
 * it falls, not one step per distinct date), ticks where events are, a play button that slides the window
 * through the period, and the window in the page's permalink. Text by textContent only. */
(function () {
  'use strict';
  var NS = window.ReportMap = window.ReportMap || {};
  var DAY = 86400000;

  function dayOf(iso) {
    var t = /^\d{4}-\d{2}-\d{2}/.test(iso || '') ? Date.parse(iso.slice(0, 10) + 'T00:00:00Z') : NaN;
    return isNaN(t) ? null : Math.round(t / DAY);
  }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  var el = NS.el;  // reportmap-ui.js
  NS.dayOf = dayOf;
  NS.isoOf = isoOf;

  /* A Leaflet control over ``dates`` (each event's ISO date, '' when undated), or null when they hold fewer
   * than two distinct days (a slider over one day is no use). ``onChange(window)`` gets [from, to] as ISO
   * dates, or null for the whole period (undated events shown only then). */
  NS.timeWindow = function (dates, onChange) {
    var seen = {}, days = [];
    dates.forEach(function (d) { var x = dayOf(d); if (x !== null && !seen[x]) { seen[x] = 1; days.push(x); } });
    if (days.length < 2) { return null; }
    days.sort(function (a, b) { return a - b; });
    var lo = days[0], hi = days[days.length - 1];
    var win = {from: lo, to: hi}, timer = null, playing = null, inputs = {}, caption = null, button = null;
    var control = L.control({position: 'bottomleft'});

    function current() { return win.from === lo && win.to === hi ? null : [isoOf(win.from), isoOf(win.to)]; }
    function show() {
      if (!caption) { return; }
      caption.textContent = current() ? isoOf(win.from) + ' – ' + isoOf(win.to) : 'All dates (' + isoOf(lo) +
        ' – ' + isoOf(hi) + ')';
      inputs.from.value = win.from; inputs.to.value = win.to;
      inputs.from.setAttribute('aria-valuetext', isoOf(win.from));
      inputs.to.setAttribute('aria-valuetext', isoOf(win.to));
    }
    function changed(now) {
      show();
      clearTimeout(timer);
      if (now) { onChange(current()); } else { timer = setTimeout(function () { onChange(current()); }, 90); }
    }
    control.window = current;
    control.bounds = function () { return [isoOf(lo), isoOf(hi)]; };
    /* Set the window (ISO dates; null for the whole period), as a permalink or a host page would. */
    control.set = function (from, to, now) {
      var a = from ? dayOf(from) : lo, b = to ? dayOf(to) : hi;
      a = a === null ? lo : Math.max(lo, Math.min(hi, a));
      b = b === null ? hi : Math.max(lo, Math.min(hi, b));
      win.from = Math.min(a, b); win.to = Math.max(a, b);
      changed(now !== false);
    };
    control.play = function () {
      if (playing) { clearInterval(playing); playing = null; button.textContent = '▶'; button.setAttribute('aria-label', 'Play'); return; }
      var span = win.to - win.from;
      if (span >= hi - lo) { span = Math.max(1, Math.round((hi - lo) / 8)); }
      var step = Math.max(1, Math.round((hi - lo) / 40));
      win.from = lo; win.to = lo + span; changed(true);
      button.textContent = '❚❚'; button.setAttribute('aria-label', 'Pause');
      playing = setInterval(function () {
        if (win.to >= hi) { control.play(); return; }
        win.from = Math.min(hi - span, win.from + step); win.to = Math.min(hi, win.from + span);
        changed(true);
      }, 450);
    };
    control.playing = function () { return !!playing; };
    control.onAdd = function () {
      var box = el('div', 'reportmap-timeline leaflet-bar');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', 'Time window');
      var head = el('div', 'reportmap-timeline-head');
      button = el('button', 'reportmap-play', '▶');
      button.type = 'button';
      button.setAttribute('aria-label', 'Play');
      button.addEventListener('click', control.play);
      caption = el('span', 'reportmap-timeline-label', '');
      head.appendChild(button); head.appendChild(caption);
      box.appendChild(head);
      var track = el('div', 'reportmap-track');
      var ticks = el('div', 'reportmap-ticks');
      days.forEach(function (d) {  // a tick where events are, placed in proportion to time
        var t = el('span', 'reportmap-tick');
        t.style.left = (100 * (d - lo) / (hi - lo)) + '%';
        t.title = isoOf(d);
        ticks.appendChild(t);
      });
      track.appendChild(ticks);
      ['from', 'to'].forEach(function (side) {
        var input = el('input', 'reportmap-range reportmap-' + side);
        input.type = 'range'; input.min = lo; input.max = hi; input.step = 1;
        input.setAttribute('aria-label', side === 'from' ? 'From date' : 'To date');
        input.addEventListener('input', function () {
          var v = Number(input.value);
          if (side === 'from') { win.from = Math.min(v, win.to); } else { win.to = Math.max(v, win.from); }
          changed(false);
        });
        inputs[side] = input;
        track.appendChild(input);
      });
      box.appendChild(track);
      var ends = el('div', 'reportmap-quiet reportmap-ends');
      ends.appendChild(el('span', null, isoOf(lo)));
      ends.appendChild(el('span', null, isoOf(hi)));
      box.appendChild(ends);
      show();
      return box;
    };
    return control;
  };

  /* The view and the time window in the page's address (#map=zoom/lat/lon&from=...&to=...), read once at load
   * and written as the reader moves: a link that opens the map as they left it. Only for a page that is one
   * map (a fragment pasted into a story leaves the story's address alone): true when it is one. */
  NS.permalink = function (map, timeline, onRestore) {
    if (document.querySelectorAll('.leaflet-container').length !== 1 || map.getContainer().closest('.reportmap-embed')) {
      return false;
    }
    var restored = false;
    var hash = {};
    (window.location.hash || '').replace(/^#/, '').split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i > 0) { hash[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1)); }
    });
    var m = /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(hash.map || '');
    if (m && Math.abs(+m[2]) <= 90 && Math.abs(+m[3]) <= 180) {
      map.setView([+m[2], +m[3]], Math.min(+m[1], map.getMaxZoom()), {animate: false});
      restored = true;
    }
    if (timeline && (hash.from || hash.to)) { timeline.set(hash.from || null, hash.to || null, true); restored = true; }
    if (restored && onRestore) { onRestore(); }
    function write() {
      var c = map.getCenter(), w = timeline && timeline.window();
      var text = '#map=' + map.getZoom() + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4) +
        (w ? '&from=' + w[0] + '&to=' + w[1] : '');
      try { window.history.replaceState(null, '', text); } catch (e) { /* about:srcdoc, file: in some browsers */ }
    }
    map.on('moveend', write);
    NS.writePermalink = write;
    return true;
  };
}());
