/* reportmap-ui.js: the DOM helpers every part of a map uses (loaded first): elements whose text is set by
 * textContent only, and a control box that collapses to a button (the legend, the find box, the list). */
(function () {
  'use strict';
  var NS = window.ReportMap = window.ReportMap || {};

  NS.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  };

  /* A button that opens and closes the box's body (``reportmap-NAME-toggle``, ``reportmap-NAME-body``; the box
   * carries ``reportmap-collapsed`` while closed, the button ``aria-expanded``), closed to start with when
   * ``collapsed``; ``onOpen`` runs each time it opens. Returns the body. */
  NS.collapsible = function (box, name, label, collapsed, onOpen) {
    var toggle = NS.el('button', 'reportmap-' + name + '-toggle', label);
    toggle.type = 'button';
    var body = NS.el('div', 'reportmap-' + name + '-body');
    box.appendChild(toggle);
    box.appendChild(body);
    function show(open) {
      box.classList.toggle('reportmap-collapsed', !open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    show(!collapsed);
    toggle.addEventListener('click', function () {
      var open = box.classList.contains('reportmap-collapsed');
      show(open);
      if (open && onOpen) { onOpen(); }
    });
    return body;
  };
}());
