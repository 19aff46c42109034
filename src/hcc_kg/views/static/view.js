// hcc-kg view: tooltips, search/type filter, details panel; physics off once the layout settles.
// Runs after pyvis's script, which defines the globals `network`, `nodes` and `edges`.
(function () {
  "use strict";
  var meta = JSON.parse(document.getElementById("hcc-view-meta").textContent);
  var search = document.getElementById("hcc-search");
  var typeSelect = document.getElementById("hcc-type");
  var count = document.getElementById("hcc-count");
  var details = document.getElementById("hcc-details");
  var view = { network: network, nodes: nodes, edges: edges, meta: meta, stabilized: false };
  window.hccView = view;

  // Tooltip markup was HTML-escaped when the page was written; vis-network shows
  // strings as plain text, so hand it elements.
  function element(markup) {
    var div = document.createElement("div");
    div.className = "hcc-tip";
    div.innerHTML = markup;
    return div;
  }
  nodes.update(nodes.get().map(function (n) { return { id: n.id, title: element(n.info) }; }));
  edges.update(edges.get().map(function (e) { return { id: e.id, title: element(e.info) }; }));

  view.visibleNodeIds = function () {
    return nodes.get({ filter: function (n) { return !n.hidden; } }).map(function (n) { return n.id; });
  };
  view.drawn = function () {
    return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
  };

  function matches(node, text, kind) {
    return (!text || node.search.indexOf(text) >= 0) && (!kind || node.kind === kind);
  }
  view.applyFilter = function () {
    var text = search.value.trim().toLowerCase();
    var kind = typeSelect.value;
    var changes = [];
    var shown = [];
    nodes.forEach(function (n) {
      var visible = matches(n, text, kind);
      if (visible) { shown.push(n.id); }
      if (Boolean(n.hidden) === visible) { changes.push({ id: n.id, hidden: !visible }); }
    });
    nodes.update(changes);
    count.textContent = (text || kind)
      ? shown.length + " of " + meta.counts.nodes + " nodes match"
      : meta.counts.nodes + " nodes, " + meta.counts.edges + " edges";
    if (shown.length) { network.fit({ nodes: shown, animation: false }); }
    return shown;
  };
  search.addEventListener("input", view.applyFilter);
  typeSelect.addEventListener("change", view.applyFilter);

  network.on("click", function (params) {
    var markup = null;
    if (params.nodes.length) { markup = nodes.get(params.nodes[0]).info; }
    else if (params.edges.length) { markup = edges.get(params.edges[0]).info; }
    details.innerHTML = markup || "Click a node or an edge.";
  });

  // A layered view is wider than tall only for short chains: fit its ranks across the
  // width and start at the top, so labels stay legible; scroll or zoom for the rest.
  function fitWidth() {
    var ids = nodes.getIds();
    var box = null;
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id);
      box = box ? { left: Math.min(box.left, b.left), right: Math.max(box.right, b.right),
                    top: Math.min(box.top, b.top), bottom: Math.max(box.bottom, b.bottom) } : b;
    });
    if (!box) { return; }
    var canvas = network.canvas.frame.canvas;
    var scale = Math.min(1, 0.96 * canvas.clientWidth / (box.right - box.left));
    if (scale <= network.getScale()) { return; }  // the whole chain already fits
    network.moveTo({ position: { x: (box.left + box.right) / 2, y: box.top + canvas.clientHeight / (2 * scale) - 10 },
                     scale: scale, animation: false });
  }
  function settled() {
    if (view.stabilized) { return; }
    network.setOptions({ physics: { enabled: false } });
    var loading = document.getElementById("loadingBar");  // pyvis's progress overlay fades slowly
    if (loading) { loading.style.display = "none"; }
    network.fit({ animation: false });
    if (meta.layered) { fitWidth(); }
    view.stabilized = true;
    document.body.setAttribute("data-stabilized", "true");
  }
  network.once("stabilizationIterationsDone", settled);
  // A layered view is placed by its ranks, without physics: no stabilisation event comes.
  if (meta.layered) { network.once("afterDrawing", function () { window.setTimeout(settled, 0); }); network.redraw(); }
})();
