/* reportmap: draws reported events and places on a Leaflet map from one JSON data block.
 *
 * Text from articles and users reaches the page only through textContent and DOM properties, never innerHTML.
 * One namespace (window.ReportMap); every map keeps its state in its own closure, so several maps share a page.
 */
(function () {
  'use strict';
  if (window.ReportMap && window.ReportMap.version) { return; }
  var NS = window.ReportMap = window.ReportMap || {};  // reportmap-ui.js and the others come first
  NS.version = 1;
  NS.maps = NS.maps || {};

  var SHAPES = {
    circle: function (s) { var r = s / 2 - 1; return '<circle cx="' + s / 2 + '" cy="' + s / 2 + '" r="' + r + '"/>'; },
    square: function (s) { return '<rect x="1.5" y="1.5" width="' + (s - 3) + '" height="' + (s - 3) + '"/>'; },
    triangle: function (s) { return '<polygon points="' + s / 2 + ',1 ' + (s - 1) + ',' + (s - 1) + ' 1,' + (s - 1) + '"/>'; },
    diamond: function (s) { return '<polygon points="' + s / 2 + ',1 ' + (s - 1) + ',' + s / 2 + ' ' + s / 2 + ',' + (s - 1) + ' 1,' + s / 2 + '"/>'; },
    star: function (s) {
      var pts = [], c = s / 2, R = s / 2 - 1, r = R * 0.45;
      for (var i = 0; i < 10; i++) {
        var a = Math.PI / 5 * i - Math.PI / 2, d = i % 2 ? r : R;
        pts.push((c + d * Math.cos(a)).toFixed(1) + ',' + (c + d * Math.sin(a)).toFixed(1));
      }
      return '<polygon points="' + pts.join(' ') + '"/>';
    },
    hexagon: function (s) {
      var pts = [], c = s / 2, R = s / 2 - 1;
      for (var i = 0; i < 6; i++) {
        var a = Math.PI / 3 * i;
        pts.push((c + R * Math.cos(a)).toFixed(1) + ',' + (c + R * Math.sin(a)).toFixed(1));
      }
      return '<polygon points="' + pts.join(' ') + '"/>';
    }
  };

  // Only our own constants (colours, shape names, numbers) are written into SVG markup; they are checked here.
  function safeColour(c) { return /^#[0-9a-fA-F]{3,8}$/.test(c) ? c : '#777777'; }
  function symbol(style, size, hollow) {
    var shape = SHAPES[style.shape] ? style.shape : 'circle', colour = safeColour(style.colour);
    var paint = hollow ? 'fill="#ffffff" fill-opacity="0.85" stroke="' + colour + '" stroke-width="2.2"'
                       : 'fill="' + colour + '" fill-opacity="0.9" stroke="#222" stroke-width="0.8"';
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 ' +
      size + ' ' + size + '"><g ' + paint + '>' + SHAPES[shape](size) + '</g></svg>';
  }
  NS.symbol = symbol;

  // Markers are painted once per look into a small canvas (a sprite) and copied onto the map's canvas: a
  // redraw of 2,800 clusters drew each disc, outline and count afresh (85 ms of a zoom, most of it rasterising
  // at the frame's commit); copied, the same redraw is a few milliseconds. Sprites are made at the screen's pixel
  // ratio; the cache starts again past SPRITES_MAX looks.
  var SPRITES_MAX = 4000, sprites = {}, spriteCount = 0;
  function sprite(key, size, paint) {
    var c = sprites[key];
    if (!c) {
      if (spriteCount >= SPRITES_MAX) { sprites = {}; spriteCount = 0; }
      var ratio = L.Browser.retina ? 2 : 1;
      c = document.createElement('canvas');
      c.width = c.height = Math.ceil(size * ratio);
      var ctx = c.getContext('2d');
      ctx.scale(ratio, ratio);
      paint(ctx);
      sprites[key] = c; spriteCount++;
    }
    return c;
  }
  /* The layer's sprite copied centred on its point; ``paint(ctx, x, y)`` draws it centred on (x, y), with room
   * above and to the right for a badge when ``badge``. */
  function stamp(layer, key, badge, paint) {
    var o = layer.options, size = Math.ceil(2 * (layer._radius + (o.weight || 0)) + 4), extra = badge ? 18 : 0;
    var img = sprite(key, size + extra, function (ctx) { paint(ctx, size / 2, extra + size / 2); });
    var ctx = layer._renderer._ctx, p = layer._point;
    ctx.globalAlpha = 1;
    ctx.drawImage(img, Math.round(p.x - size / 2), Math.round(p.y - size / 2 - extra), size + extra, size + extra);
  }
  function shapePath(ctx, shape, x, y, s) {
    var i, a, d;
    ctx.beginPath();
    switch (shape) {
      case 'square': ctx.rect(x - s * 0.85, y - s * 0.85, s * 1.7, s * 1.7); break;
      case 'triangle':
        ctx.moveTo(x, y - s); ctx.lineTo(x + s, y + s * 0.8); ctx.lineTo(x - s, y + s * 0.8); ctx.closePath(); break;
      case 'diamond':
        ctx.moveTo(x, y - s); ctx.lineTo(x + s, y); ctx.lineTo(x, y + s); ctx.lineTo(x - s, y); ctx.closePath(); break;
      case 'star':
        for (i = 0; i < 10; i++) {
          a = Math.PI / 5 * i - Math.PI / 2; d = i % 2 ? s * 0.45 : s;
          if (i) { ctx.lineTo(x + d * Math.cos(a), y + d * Math.sin(a)); } else { ctx.moveTo(x + d * Math.cos(a), y + d * Math.sin(a)); }
        }
        ctx.closePath(); break;
      case 'hexagon':
        for (i = 0; i < 6; i++) {
          a = Math.PI / 3 * i;
          if (i) { ctx.lineTo(x + s * Math.cos(a), y + s * Math.sin(a)); } else { ctx.moveTo(x + s * Math.cos(a), y + s * Math.sin(a)); }
        }
        ctx.closePath(); break;
      default: ctx.arc(x, y, s, 0, Math.PI * 2);
    }
  }
  function looks(o) {
    return [o.color, o.weight, o.opacity, o.fillColor, o.fillOpacity].join('|');
  }

  // A circle marker drawn as the type's shape on the shared canvas: thousands stay cheap (no DOM per marker).
  var ShapeMarker = L.CircleMarker.extend({
    options: {shape: 'circle'},
    _updatePath: function () {
      var r = this._renderer, layer = this, o = this.options, s = this._radius;
      if (!(r instanceof L.Canvas)) { return L.CircleMarker.prototype._updatePath.call(this); }
      if (!r._drawing || this._empty()) { return; }
      var stacked = o.stacked > 1 ? String(Math.min(o.stacked, 99)) : '';
      stamp(this, 's' + o.shape + '|' + s + '|' + looks(o) + '|' + stacked, !!stacked, function (ctx, x, y) {
        shapePath(ctx, o.shape, x, y, s);
        r._fillStroke(ctx, layer);
        if (stacked) {  // events drawn on one spot: a badge with their number (the popup lists them)
          var bx = x + s * 0.9, by = y - s * 0.9;
          ctx.globalAlpha = 1;
          ctx.beginPath(); ctx.arc(bx, by, 7, 0, Math.PI * 2);
          ctx.fillStyle = '#222222'; ctx.fill();
          ctx.fillStyle = '#ffffff'; ctx.font = 'bold 9px system-ui, sans-serif';
          ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
          ctx.fillText(stacked, bx, by + 0.5);
        }
      });
    }
  });
  NS.ShapeMarker = ShapeMarker;

  // A cluster of one type's events: a disc in the type's colour with the count, on the canvas too.
  var ClusterMarker = L.CircleMarker.extend({
    options: {count: 0},
    _updatePath: function () {
      var r = this._renderer, layer = this, o = this.options, s = this._radius;
      if (!(r instanceof L.Canvas)) { return L.CircleMarker.prototype._updatePath.call(this); }
      if (!r._drawing || this._empty()) { return; }
      var text = String(o.count);
      stamp(this, 'c' + s + '|' + looks(o) + '|' + text, false, function (ctx, x, y) {
        ctx.beginPath();
        ctx.arc(x, y, s, 0, Math.PI * 2);
        r._fillStroke(ctx, layer);
        // the count in white on a dark outline
        ctx.globalAlpha = 1;
        ctx.font = 'bold 11px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.lineWidth = 2.5;
        ctx.lineJoin = 'round';
        ctx.strokeStyle = 'rgba(0,0,0,0.45)';
        ctx.strokeText(text, x, y);
        ctx.fillStyle = '#ffffff';
        ctx.fillText(text, x, y);
      });
    }
  });

  var el = NS.el;  // reportmap-ui.js

  function base64Bytes(b64) {
    if (Uint8Array.fromBase64) { return Uint8Array.fromBase64(b64); }
    var raw = atob(b64), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }
  function gunzip(bytes) {  // -> Promise of an ArrayBuffer
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  }
  var ARRAYS = {u8: Uint8Array, u16: Uint16Array, u32: Uint32Array};
  /* A binary block of maps/packing.py: "RMP1", the header's length, the header (JSON), typed sections. */
  function unpack(buf) {
    var view = new DataView(buf);
    if (buf.byteLength < 8 || view.getUint32(0, false) !== 0x524d5031) { throw new Error('not a ReportMap data block'); }
    var length = view.getUint32(4, true), decoder = new TextDecoder();
    var head = JSON.parse(decoder.decode(new Uint8Array(buf, 8, length))), base = 8 + length;
    function section(name) {
      var c = head.columns[name], a = new (ARRAYS[c.type] || Uint8Array)(buf, base + c.offset, c.length);
      if (!c.scale) { return a; }
      var f = new Float64Array(c.length), b = c.base || 0;
      for (var i = 0; i < c.length; i++) { f[i] = (b + a[i]) / c.scale; }
      return f;
    }
    function table(name) {  // one decoded string, cut at the UTF-16 offsets
      var whole = decoder.decode(section(name)), at = section(name + '_at');
      return function (i) { return whole.substring(at[i], at[i + 1]); };
    }
    return {head: head, section: section, table: table, size: function (name) { return head.columns[name].length; }};
  }
  function inflated(node) { return gunzip(base64Bytes(node.textContent.trim())).then(unpack); }

  /* The page's data block: {strings, events (columns), places, text(i): an evidence text or null while the
   * texts apart are not inflated yet, texts(): a promise of them}. */
  NS.decode = function (node) {
    var encoding = node.getAttribute('data-encoding');
    if (encoding === 'packed') {
      return inflated(node).then(function (block) {
        var E = {}, S = [], strings = block.table('strings'), texts = null, loading = null;
        Object.keys(block.head.columns).forEach(function (key) {  // every column but the string table's two
          if (key !== 'strings' && key !== 'strings_at') { E[key] = block.section(key); }
        });
        for (var i = 0; i + 1 < block.size('strings_at'); i++) { S.push(strings(i)); }
        var apart = document.getElementById(node.id + '-texts');
        return {strings: S, events: E, places: block.head.places,
                text: function (k) { return texts ? texts(k) : null; },
                texts: function () {
                  loading = loading || (apart ? inflated(apart).then(function (b) { texts = b.table('texts'); })
                                              : Promise.resolve());
                  return loading;
                }};
      });
    }
    var data = JSON.parse(node.textContent);
    data.text = function (i) { return data.strings[i]; };
    data.texts = function () { return Promise.resolve(); };
    return Promise.resolve(data);
  };

  function sizeClass(deaths, scale) {
    var k = 0;
    for (var i = 0; i < scale.length; i++) { if (deaths >= scale[i].min) { k = i; } }
    return k;
  }

  // -- the labelled offline basemap: Natural Earth vector tiles embedded in the page (maps/basemap.py), drawn by
  // protomaps-leaflet; every label a feature's English name, placed without collisions, most important first
  var BASEMAP = {sea: '#d9e6f0', land: '#f5f2eb', lake: '#d9e6f0', river: '#b9cfe0', border: '#9b8f9e',
                 province: '#c9c0c9', ink: '#3a3a3a', halo: '#ffffff', seaInk: '#5b7fa3'};

  function inflate(b64) { return gunzip(base64Bytes(b64)); }  // gzip-compressed tile bytes, base64 in the page

  function named(inner, names) {  // a label symbolizer whose labels say what they name (for dedup and tests)
    return {place: function (layout, geom, feature) {
      var labels = inner.place(layout, geom, feature);
      if (labels) {
        labels.forEach(function (l) { l.deduplicationKey = feature.props.name; l.deduplicationDistance = 120; });
      }
      return labels;
    }};
  }

  NS.vectorBasemap = function (spec) {
    var P = window.protomapsL, B = BASEMAP, tiles = spec.tiles;
    var source = {getZxy: function (z, x, y) {
      var t = tiles[z + '/' + x + '/' + y];
      return t ? inflate(t).then(function (data) { return {data: data}; }) : Promise.resolve(undefined);
    }};
    function text(size, weight, fill, style) {
      return new P.CenteredTextSymbolizer({labelProps: ['name'], fill: fill || B.ink, stroke: B.halo, width: 2.5,
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', fontSize: size,
        fontWeight: weight || 400, fontStyle: style || 'normal', maxLineChars: 14});
    }
    function byRank(a, b) { return (a.rank || 9) - (b.rank || 9); }
    function placeRule(filter) {
      return {dataLayer: 'places', sort: byRank, filter: filter,
        symbolizer: named(new P.OffsetTextSymbolizer({labelProps: ['name'], fill: B.ink, stroke: B.halo, width: 2.5,
          fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          fontSize: function (z, f) { return f && f.props.capital ? 13 : 12; },
          fontWeight: function (z, f) { return f && f.props.capital ? 600 : 400; }, offsetX: 5, offsetY: 5}))};
    }
    var paintRules = [
      {dataLayer: 'land', symbolizer: new P.PolygonSymbolizer({fill: B.land})},
      {dataLayer: 'lakes', symbolizer: new P.PolygonSymbolizer({fill: B.lake})},
      {dataLayer: 'rivers', symbolizer: new P.LineSymbolizer({color: B.river, width: function (z) { return z < 6 ? 0.6 : 1.1; }})},
      {dataLayer: 'provinces', symbolizer: new P.LineSymbolizer({color: B.province, width: 0.7, dash: [3, 2]})},
      {dataLayer: 'borders', symbolizer: new P.LineSymbolizer({color: B.border, width: function (z) { return z < 4 ? 0.8 : 1.3; }})}
    ];
    var labelRules = [
      {dataLayer: 'countries', sort: byRank, symbolizer: named(text(function (z) { return z < 4 ? 11 : 13; }, 600, '#55505a'))},
      // places in three rules, so that across tiles a capital, then a town of 100,000, wins the room first
      placeRule(function (z, f) { return f.props.capital; }),
      placeRule(function (z, f) { return !f.props.capital && f.props.big && (z >= 4 || f.props.rank <= 3); }),
      placeRule(function (z, f) { return !f.props.capital && !f.props.big && z >= 4; }),
      {dataLayer: 'seas', sort: byRank, symbolizer: named(text(12, 400, B.seaInk, 'italic'))},
      {dataLayer: 'regions', sort: byRank, symbolizer: named(text(11, 400, '#7a7078'))}
    ];
    // levelDiff 0: a zoom's own data (protomaps' default draws zoom 7 from zoom 6's tiles, which lack its towns)
    var layer = P.leafletLayer({url: source, maxDataZoom: spec.maxDataZoom, levelDiff: 0, paintRules: paintRules,
      labelRules: labelRules, backgroundColor: B.sea, pane: 'reportmap-basemap', attribution: spec.attribution,
      noWrap: false});
    // protomaps keeps the labels of 16 tiles per zoom and forgets the first ones laid out; a 1200 x 800 view at
    // the data's own zoom shows about 24 (Damascus and Lebanon lost their labels): keep enough for a large screen
    layer.labelers.maxLabeledTiles = 64;
    return layer;
  };

  function mark(name) { if (window.performance && performance.mark) { performance.mark('reportmap:' + name); } }

  NS.render = function (map, config, dataNode) {
    mark('start');
    return NS.decode(dataNode).then(function (data) { mark('decoded'); return draw(map, config, data); }).catch(function (err) {
      var box = el('div', 'reportmap-error', 'This map could not draw its data: ' + err.message);
      map.getContainer().appendChild(box);
      throw err;
    });
  };

  /* Leaflet.heat over the page's columns: the events' Web Mercator points are made once, and a redraw is one pass
   * of arithmetic over typed arrays rather than a projection of each point (a million events: 150 ms a zoom with
   * L.heatLayer's own redraw, 10 here). Weights and the grid of cells are Leaflet.heat's. */
  var HeatColumns = L.HeatLayer && L.HeatLayer.extend({
    setEvents: function (E, chosen) {
      if (!this._x || this._E !== E) {
        var n = E.lat.length, crs = this._map ? this._map.options.crs : L.CRS.EPSG3857;
        this._E = E; this._x = new Float64Array(n); this._y = new Float64Array(n); this._w = new Float32Array(n);
        var MAXLAT = L.Projection.SphericalMercator.MAX_LATITUDE, D = Math.PI / 180;
        for (var k = 0; k < n; k++) {
          if (crs === L.CRS.EPSG3857) {  // its projection at zoom 0, as Leaflet's, without a LatLng per event
            var lat = Math.max(-MAXLAT, Math.min(MAXLAT, E.lat[k])) * D;
            this._x[k] = 256 * (0.5 + E.lon[k] / 360);
            this._y[k] = 256 * (0.5 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / (2 * Math.PI));
          } else {
            var p = crs.latLngToPoint(L.latLng(E.lat[k], E.lon[k]), 0);
            this._x[k] = p.x; this._y[k] = p.y;
          }
          this._w[k] = 0.5 + Math.min(1.5, Math.log10(1 + E.fatalities[k]));
        }
      }
      this._chosen = chosen;
      return this._map ? this.redraw() : this;  // switched off: drawn when it is switched on again (onAdd)
    },
    _redraw: function () {
      this._frame = null;
      var map = this._map, chosen = this._chosen;
      if (!map || !chosen) { return; }
      var r = this._heat._r, size = map.getSize(), o = this.options, zoom = map.getZoom();
      var max = o.max === undefined ? 1 : o.max, maxZoom = o.maxZoom === undefined ? map.getMaxZoom() : o.maxZoom;
      var v = 1 / Math.pow(2, Math.max(0, Math.min(maxZoom - zoom, 12))), cell = r / 2, out = [];
      var crs = map.options.crs, scale = crs.scale(zoom) / crs.scale(0), origin = map.getPixelOrigin();
      var pane = map._getMapPanePos(), dx = pane.x - origin.x, dy = pane.y - origin.y;
      var ox = pane.x % cell, oy = pane.y % cell, X = this._x, Y = this._y, W = this._w;
      // the cells of the view (and a radius around it) in typed arrays: weight and weighted x, y sums
      var cols = Math.ceil((size.x + 2 * r) / cell) + 4, rows = Math.ceil((size.y + 2 * r) / cell) + 4;
      var sw = new Float64Array(cols * rows), sx = new Float64Array(cols * rows), sy = new Float64Array(cols * rows);
      var left = Math.floor((-r - ox) / cell) + 2, top = Math.floor((-r - oy) / cell) + 2;
      for (var i = 0; i < chosen.length; i++) {
        var k = chosen[i], x = X[k] * scale + dx, y = Y[k] * scale + dy;
        if (x < -r || y < -r || x > size.x + r || y > size.y + r) { continue; }
        var c = (Math.floor((y - oy) / cell) + 2 - top) * cols + Math.floor((x - ox) / cell) + 2 - left, w = W[k] * v;
        sw[c] += w; sx[c] += x * w; sy[c] += y * w;
      }
      for (c = 0; c < sw.length; c++) {
        if (sw[c] > 0) { out.push([Math.round(sx[c] / sw[c]), Math.round(sy[c] / sw[c]), Math.min(sw[c], max)]); }
      }
      this._heat.data(out).draw(o.minOpacity);
    }
  });

  function draw(map, config, data) {
    var S = data.strings, E = data.events, P = data.places, types = config.types, scale = config.sizes;
    var n = E.lat.length;
    var state = {map: map, layers: [], members: [], index: [], window: null, heat: null};
    NS.maps[map.getContainer().id] = state;
    if (!isFinite(map.getMaxZoom())) { map.setMaxZoom(19); }
    var canvas = L.canvas({padding: 0.3});

    if (config.vector && window.protomapsL) {
      map.createPane('reportmap-basemap');
      map.getPane('reportmap-basemap').style.zIndex = 150;
      var tiled = false;
      map.eachLayer(function (l) { if (l instanceof L.TileLayer) { tiled = l; } });
      if (!tiled) {  // offline: the labelled basemap, and zoom as deep as its data honours
        addBasemap();
        map.setMaxZoom(config.vector.maxDataZoom + 3);
      } else {  // online: the basemap is what a failed tile load falls back to (a firewall, the field)
        tiled.once('tileerror', addBasemap);
      }
    }
    function addBasemap() {
      if (state.basemap) { return; }
      var box = map.getContainer();
      state.basemap = NS.vectorBasemap(config.vector);
      // data-reportmap-basemap="drawn" once the tiles in view are drawn (the PNG export waits for it)
      state.basemap.on('loading', function () { box.setAttribute('data-reportmap-basemap', 'drawing'); });
      state.basemap.on('load', function () { box.setAttribute('data-reportmap-basemap', 'drawn'); });
      state.basemap.addTo(map);
      box.style.background = BASEMAP.sea;
    }

    function popup(i) {
      var box = el('div', 'reportmap-popup');
      box.appendChild(el('div', 'reportmap-place', S[E.location[i]] || '(no place)'));
      box.appendChild(el('div', 'reportmap-when', (S[E.date[i]] || 'date unknown') + (E.tp[i] > 1 ? ' (approximate date)' : '')));
      box.appendChild(el('div', 'reportmap-type', types[E.type[i]].name + ' — ' + S[E.sub[i]]));
      var deaths = el('div', 'reportmap-deaths', 'Fatalities: ' + E.fatalities[i]);
      if (S[E.fatalities_text[i]]) { deaths.appendChild(el('span', 'reportmap-quiet', ' (' + S[E.fatalities_text[i]] + ')')); }
      box.appendChild(deaths);
      if (S[E.actors[i]]) { box.appendChild(el('div', 'reportmap-actors', 'Actors: ' + S[E.actors[i]])); }
      if (E.gp[i] > 1) {
        box.appendChild(el('div', 'reportmap-quiet', E.gp[i] === 3 ? 'Placed at the province or country only'
                                                                  : 'Near or in part of this place'));
      }
      if (E.conf && E.conf[i] > 0) {
        box.appendChild(el('div', 'reportmap-quiet', 'Extraction confidence: ' + Math.round(E.conf[i] * 100) + '%'));
      }
      var quote = data.text(E.evidence[i]);
      if (quote) { box.appendChild(el('blockquote', 'reportmap-evidence', quote)); }
      if (quote === null) {  // a packed map's texts, inflated on the first popup that quotes one
        var later = el('blockquote', 'reportmap-evidence', '…');
        box.appendChild(later);
        data.texts().then(function () {
          var q = data.text(E.evidence[i]);
          if (q) { later.textContent = q; } else { later.remove(); }
        });
      }
      var src = S[E.source[i]];
      if (src) {
        var line = el('div', 'reportmap-source', 'Source: ');
        if (/^https?:\/\//i.test(src)) {
          var a = el('a', null, src);
          a.href = src; a.target = '_blank'; a.rel = 'noopener noreferrer';
          line.appendChild(a);
        } else { line.appendChild(el('span', null, src)); }
        box.appendChild(line);
      }
      return box;
    }
    function tooltip(i) {
      return el('span', null, (S[E.location[i]] || '?') + ' · ' + types[E.type[i]].name + ' · ' + (S[E.date[i]] || ''));
    }

    // one popup and one tooltip per map, filled on demand
    var tip = L.tooltip({direction: 'top', offset: [0, -8]});
    // the events drawn on one spot: the page's events come ordered by latitude and longitude (maps/data.py), so
    // they are runs of equal coordinates; in any other order, a table of them by "lat,lon"
    var spotStart = null, samePoint = null;
    function spots() {
      spotStart = new Int32Array(n);
      for (var k = 1; k < n; k++) {
        if (E.lat[k] === E.lat[k - 1] && E.lon[k] === E.lon[k - 1]) { spotStart[k] = spotStart[k - 1]; continue; }
        if (E.lat[k] < E.lat[k - 1] || (E.lat[k] === E.lat[k - 1] && E.lon[k] < E.lon[k - 1])) { break; }
        spotStart[k] = k;
      }
      if (k < n) {
        spotStart = null;
        samePoint = {};
        for (k = 0; k < n; k++) { var key = E.lat[k] + ',' + E.lon[k]; (samePoint[key] = samePoint[key] || []).push(k); }
      }
    }
    function sameSpot(i) {
      if (spotStart === null && samePoint === null) { spots(); }
      if (samePoint) { return samePoint[E.lat[i] + ',' + E.lon[i]] || [i]; }
      var out = [];
      for (var k = spotStart[i]; k < n && (k === spotStart[i] || spotStart[k] === spotStart[i]); k++) { out.push(k); }
      return out;
    }
    function atPoint(i) {
      return sameSpot(i).filter(function (k) {
        return k === i || (map.hasLayer(state.layers[E.type[k]]) && visible(k));
      });
    }
    function openPopup(e) {
      var i = e.layer && e.layer._rmIndex;
      if (i === undefined || i === null) { return; }
      var here = atPoint(i), content = popup(i);
      if (here.length > 1) {
        content = el('div', 'reportmap-stack');
        content.appendChild(el('div', 'reportmap-quiet', here.length + ' events at this spot'));
        [i].concat(here.filter(function (k) { return k !== i; })).forEach(function (k) { content.appendChild(popup(k)); });
      }
      // the popup pans the map clear of the controls on the right (the layer list above, the legend below)
      var right = Math.max(layersControl.getContainer().offsetWidth, legend.getContainer().offsetWidth) + 16;
      L.popup({maxWidth: Math.min(340, map.getSize().x - 80), maxHeight: Math.min(360, map.getSize().y - 60),
               offset: [0, -4], autoPanPaddingTopLeft: [50, layersControl.getContainer().offsetHeight + 16],
               autoPanPaddingBottomRight: [right, legend.getContainer().offsetHeight + 16]}).setLatLng(e.layer.getLatLng()).setContent(content).openOn(map);
    }
    function showTip(e) {
      var i = e.layer && e.layer._rmIndex;
      if (i === undefined || i === null) { return; }
      tip.setLatLng(e.layer.getLatLng()).setContent(tooltip(i));
      map.openTooltip(tip);
    }
    function hideTip() { map.closeTooltip(tip); }
    var eventCanvas = L.canvas({padding: 0.1, tolerance: 3});
    function marker(i) {
      var style = types[E.type[i]], colour = safeColour(style.colour), hollow = E.gp[i] === 3;
      var m = new ShapeMarker([E.lat[i], E.lon[i]], {
        renderer: eventCanvas, shape: style.shape, radius: scale[sizeClass(E.fatalities[i], scale)].size / 2,
        stacked: atPoint(i).length,
        color: hollow ? colour : '#222222', weight: hollow ? 2.2 : 0.8, fillColor: hollow ? '#ffffff' : colour,
        fillOpacity: hollow ? 0.85 : 0.9});
      m._rmIndex = i;
      return m;
    }

    for (var t = 0; t < types.length; t++) { state.members.push([]); }
    for (var i = 0; i < n; i++) { state.members[E.type[i]].push(i); }
    // the time window ([from, to] ISO dates; null: every event, the undated too) and what the reader looks for
    function visible(k) {
      var w = state.window, d = S[E.date[k]] || '';
      return (w === null || (d >= w[0] && d <= w[1])) && (!state.match || state.match(k));
    }
    function shownOf(t) { return state.window === null && !state.match ? state.members[t] : state.members[t].filter(visible); }

    // Clustered: one supercluster index per type; only the clusters and points in view become markers.
    function rebuild(t) {
      if (config.cluster) {
        var feats = shownOf(t).map(function (k) {
          return {type: 'Feature', geometry: {type: 'Point', coordinates: [E.lon[k], E.lat[k]]}, properties: {i: k}};
        });
        // clusters to zoom 10 (each level is a pass over the points: 1,000,000 events took 5 s at 16); deeper,
        // the points themselves, only those in view
        state.index[t] = new Supercluster({radius: 80, maxZoom: 10}).load(feats);
        redraw(t);
      } else {
        state.layers[t].clearLayers();
        shownOf(t).forEach(function (k) { state.layers[t].addLayer(marker(k)); });
      }
    }
    function redraw(t) {
      if (!config.cluster || !state.index[t] || !map.hasLayer(state.layers[t])) { return; }
      var b = map.getBounds().pad(0.1);
      var bbox = [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
      if (b.getEast() - b.getWest() >= 360) { bbox[0] = -180; bbox[2] = 180; }
      var layer = state.layers[t], index = state.index[t];
      layer.clearLayers();
      index.getClusters(bbox, Math.round(map.getZoom())).forEach(function (c) {
        var ll = [c.geometry.coordinates[1], c.geometry.coordinates[0]];
        if (c.properties.cluster) {
          var count = c.properties.point_count;
          var m = new ClusterMarker(ll, {renderer: eventCanvas, count: count, radius: count < 100 ? 13 : count < 1000 ? 16 : 20,
            color: '#ffffff', weight: 3, opacity: 0.8, fillColor: safeColour(types[t].colour), fillOpacity: 0.9});
          m._rmCluster = c.properties.cluster_id;
          layer.addLayer(m);
        } else {
          layer.addLayer(marker(c.properties.i));
        }
      });
    }
    function clusterClick(t) {
      return function (e) {
        if (e.layer._rmCluster === undefined) { return; }
        var zoom = Math.min(state.index[t].getClusterExpansionZoom(e.layer._rmCluster), map.getMaxZoom());
        map.setView(e.layer.getLatLng(), zoom);
      };
    }

    var overlays = {};
    for (t = 0; t < types.length; t++) {
      var layer = L.featureGroup();
      state.layers.push(layer);
      layer.on('click', openPopup).on('click', clusterClick(t)).on('mouseover', showTip).on('mouseout', hideTip);
      if (!state.members[t].length) { continue; }
      layer.addTo(map);
      overlays[label(types[t], state.members[t].length)] = layer;
    }
    mark('markers');

    if (P && P.lat.length) {
      var places = L.featureGroup();
      for (var j = 0; j < P.lat.length; j++) {
        var c = L.circleMarker([P.lat[j], P.lon[j]], {renderer: canvas, radius: 3 + Math.min(5, P.count[j]),
          color: '#444', weight: 1, fillColor: '#bbbbbb', fillOpacity: 0.7});
        c.bindTooltip(el('span', null, S[P.name[j]] + ' — named ' + P.count[j] + (P.count[j] === 1 ? ' time' : ' times')));
        places.addLayer(c);
      }
      places.addTo(map);
      overlays['<span class="reportmap-places-key"></span> Places mentioned (' + P.lat.length + ')'] = places;
      state.places = places;
    }
    if (config.heatmap && HeatColumns) {
      state.heat = new HeatColumns([], {radius: 22, blur: 18, minOpacity: 0.25}).addTo(map);
      overlays['Heatmap (exact places only)'] = state.heat;
    }
    if (state.basemap) { overlays['Basemap (Natural Earth)'] = state.basemap; }
    function label(style, count) {
      return '<span class="reportmap-key">' + symbol(style, 14, false) + '</span> ' + escapeHtml(style.name) + ' (' + Number(count) + ')';
    }

    var bounds = L.latLngBounds([]);  // the events; the places named only when there is no event
    for (i = 0; i < n; i++) { bounds.extend([E.lat[i], E.lon[i]]); }
    if (P && !n) { for (j = 0; j < P.lat.length; j++) { bounds.extend([P.lat[j], P.lon[j]]); } }
    if (config.view) {  // --view LAT,LON,ZOOM or --bbox: the author's frame
      bounds = config.view.bbox ? L.latLngBounds([config.view.bbox[0], config.view.bbox[1]],
                                                 [config.view.bbox[2], config.view.bbox[3]]) : bounds;
    } else if (config.focus) {  // where most events are; an event far away (Washington) stays on the map
      bounds = L.latLngBounds([config.focus[0], config.focus[1]], [config.focus[2], config.focus[3]]);
    }

    // a small map (an 800 x 400 embed, a phone) or --collapsed: the layer list and the legend are buttons
    var small = !!config.collapsed || map.getSize().x < 720 || map.getSize().y < 480;
    var layersControl = L.control.layers({}, overlays, {collapsed: small}).addTo(map);
    var legend = buildLegend();
    legend.addTo(map);
    function fit() {  // the data, clear of the controls on the right (the layer list and the legend)
      var right = Math.max(layersControl.getContainer().offsetWidth, legend.getContainer().offsetWidth) + 20;
      var roomy = map.getSize().x > 2 * right + 200;
      if (config.view && config.view.center) {
        map.setView(config.view.center, config.view.zoom, {animate: false});
      } else if (bounds.isValid()) {
        map.fitBounds(bounds, {paddingTopLeft: [50, 30], paddingBottomRight: [roomy ? right : 30, 30], maxZoom: 7,
                               animate: false});
      } else { map.setView([20, 10], 2); }
    }
    fit();
    // a map drawn before its page finished laying out (a fragment in a report, a hidden tab) measured the wrong
    // size: measure again once the page has loaded, and refit unless the reader has already moved the map
    var touched = false;
    map.once('mousedown touchstart wheel keydown', function () { touched = true; });
    function refit() { map.invalidateSize(false); if (!touched) { fit(); } }
    if (document.readyState === 'complete') { setTimeout(refit, 0); } else { window.addEventListener('load', refit); }
    for (t = 0; t < types.length; t++) { if (state.members[t].length) { rebuild(t); } }
    mark('layers');
    // a zoom draws its clusters and points once Leaflet has re-projected what is on the map (its viewreset comes
    // after moveend): drawn at moveend, a million events' 2,600 markers were projected twice (40 ms a zoom)
    var resetting = false;
    function redrawAll() { for (var t2 = 0; t2 < types.length; t2++) { redraw(t2); } }
    map.on('viewprereset', function () {
      resetting = !!config.cluster;
      for (var t2 = 0; resetting && t2 < types.length; t2++) { if (state.index[t2]) { state.layers[t2].clearLayers(); } }
    });
    map.on('viewreset', function () { if (resetting) { resetting = false; redrawAll(); } });
    map.on('moveend', function () { if (!resetting) { redrawAll(); } });
    map.on('overlayadd', function (e) { var t2 = state.layers.indexOf(e.layer); if (t2 >= 0) { redraw(t2); } });
    map.on('overlayadd overlayremove', function () { refreshHeat(); legend.update(); });
    if (config.timeline && NS.timeWindow) {
      var dates = [], seenDate = new Uint8Array(S.length);  // each distinct date once
      for (var k = 0; k < n; k++) { if (!seenDate[E.date[k]]) { seenDate[E.date[k]] = 1; dates.push(S[E.date[k]] || ''); } }
      state.timeline = NS.timeWindow(dates, function (w) {  // hidden when the events hold fewer than two days
        state.window = w;
        rebuildAll();
        if (NS.writePermalink && state.permalink) { NS.writePermalink(); }
      });
      if (state.timeline) { state.timeline.addTo(map); }
    }
    function rebuildAll() {
      for (var t5 = 0; t5 < types.length; t5++) { if (state.members[t5].length) { rebuild(t5); } }
      refreshHeat();
      legend.update();
      if (state.list) { state.list.refresh(); }
    }
    if (n && NS.findControl) {
      var actorCount = {}, byString = new Uint32Array(S.length);  // events per actors string, then per actor
      for (k = 0; k < n; k++) { byString[E.actors[k]]++; }
      byString.forEach(function (count, i) {
        if (count) { S[i].split('; ').forEach(function (a) { if (a) { actorCount[a] = (actorCount[a] || 0) + count; } }); }
      });
      var actorNames = Object.keys(actorCount).sort(function (a, b) { return actorCount[b] - actorCount[a] || (a < b ? -1 : 1); }).slice(0, 40);
      var applyMatch = function (match) {
        state.match = match;
        rebuildAll();
        var shown = 0;
        for (var k2 = 0; k2 < n; k2++) { if (visible(k2)) { shown++; } }
        state.find.status(state.match ? shown + ' of ' + n + ' events' : '');
      };
      state.find = NS.findControl(actorNames, small, function (f) {
        var match = NS.eventFilter(S, E, f, data.text);
        (f && f.q ? data.texts() : Promise.resolve()).then(function () { applyMatch(match); });  // the evidence
      }).addTo(map);
      state.list = NS.eventList(function (k3) {
        var deaths = E.fatalities[k3];
        return (S[E.date[k3]] || 'date unknown') + ' · ' + types[E.type[k3]].name + ' · ' + (S[E.location[k3]] || '?') +
          (deaths ? ' · ' + deaths + ' killed' : '');
      }, function () {
        var b = map.getBounds(), out = [];
        for (var k4 = 0; k4 < n; k4++) {
          if (map.hasLayer(state.layers[E.type[k4]]) && visible(k4) && b.contains([E.lat[k4], E.lon[k4]])) { out.push(k4); }
        }
        return out.sort(function (a, b2) { return (S[E.date[a]] || '') < (S[E.date[b2]] || '') ? -1 : 1; });
      }, function (k5) { state.openPopup(k5); }, 100).addTo(map);
      map.on('moveend overlayadd overlayremove', function () { state.list.refresh(); });
    }
    if (NS.permalink) {  // a restored view is the reader's: no refit over it
      state.permalink = NS.permalink(map, state.timeline || null, function () { touched = true; });
    }
    refreshHeat();
    legend.update();

    function refreshHeat() {  // the events shown at their own place (not a province's or a country's point)
      if (!state.heat) { return; }
      var chosen = [];
      for (var t2 = 0; t2 < types.length; t2++) {
        if (!map.hasLayer(state.layers[t2])) { continue; }
        shownOf(t2).forEach(function (k) { if (E.gp[k] < 3) { chosen.push(k); } });
      }
      state.heat.setEvents(E, Uint32Array.from(chosen));
    }

    function buildLegend() {
      var control = L.control({position: 'bottomright'});
      var rows = [];
      control.onAdd = function () {
        var outer = el('div', 'reportmap-legend leaflet-bar');
        L.DomEvent.disableClickPropagation(outer);
        L.DomEvent.disableScrollPropagation(outer);
        var box = NS.collapsible(outer, 'legend', 'Legend', small);
        box.id = map.getContainer().id + '-legend';
        outer.firstChild.setAttribute('aria-controls', box.id);
        if (config.title) { box.appendChild(el('div', 'reportmap-title', config.title)); }
        box.appendChild(el('div', 'reportmap-legend-head', 'Event types'));
        for (var t3 = 0; t3 < types.length; t3++) {
          if (!state.members[t3].length) { continue; }
          var row = el('div', 'reportmap-legend-row');
          var key = el('span', 'reportmap-key');
          key.innerHTML = symbol(types[t3], 14, false);  // our constants only (checked colour and shape)
          row.appendChild(key);
          row.appendChild(el('span', 'reportmap-legend-name', types[t3].name));
          var count = el('span', 'reportmap-legend-count', '');
          row.appendChild(count);
          row.setAttribute('data-type', types[t3].name);
          rows.push({t: t3, row: row, count: count});
          box.appendChild(row);
        }
        if (!rows.length) { box.appendChild(el('div', 'reportmap-quiet', 'No events')); }
        box.appendChild(el('div', 'reportmap-legend-head', 'Fatalities'));
        var sizes = el('div', 'reportmap-legend-sizes');
        scale.forEach(function (s) {
          var item = el('span', 'reportmap-size');
          var k2 = el('span', 'reportmap-key');
          k2.innerHTML = symbol({shape: 'circle', colour: '#888888'}, s.size, false);
          item.appendChild(k2);
          item.appendChild(el('span', null, s.label));
          sizes.appendChild(item);
        });
        box.appendChild(sizes);
        box.appendChild(el('div', 'reportmap-legend-head', 'Place precision'));
        var prec = el('div', 'reportmap-legend-row');
        var solid = el('span', 'reportmap-key'); solid.innerHTML = symbol({shape: 'circle', colour: '#555555'}, 12, false);
        var hollow = el('span', 'reportmap-key'); hollow.innerHTML = symbol({shape: 'circle', colour: '#555555'}, 12, true);
        prec.appendChild(solid); prec.appendChild(el('span', null, 'town or near it '));
        prec.appendChild(hollow); prec.appendChild(el('span', null, 'province or country only'));
        box.appendChild(prec);
        return outer;
      };
      control.update = function () {
        rows.forEach(function (r) {
          var on = map.hasLayer(state.layers[r.t]);
          var shown = shownOf(r.t).length, all = state.members[r.t].length;
          r.count.textContent = on ? ' ' + shown + (shown !== all ? ' of ' + all : '') : ' hidden';
          r.row.classList.toggle('reportmap-off', !on);
        });
      };
      return control;
    }


    state.openPopup = function (k) { openPopup({layer: marker(k)}); return true; };  // for tests and host pages
    state.count = function (t2) { return shownOf(t2).length; };
    mark('ready');
    state.ready = true;
    if (!state.basemap) { map.getContainer().setAttribute('data-reportmap-basemap', 'none'); }
    map.getContainer().setAttribute('data-reportmap-ready', '1');
    return state;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"'`]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;'}[c];
    });
  }
  NS.escapeHtml = escapeHtml;
}());
