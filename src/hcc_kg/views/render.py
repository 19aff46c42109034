"""A :class:`ViewData` → one self-contained HTML page (the only module that imports pyvis).

pyvis renders the network with vis-network inlined (``cdn_resources="in_line"``), but its
template still links Bootstrap from a CDN; :func:`make_offline` drops every remote
script and stylesheet, and :func:`check_offline` refuses a page that would still load one.
Our legend, search box and page script (``static/``) are inlined too.  Output is a pure
function of the data: same graph, same bytes.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from ..errors import ExportError
from ..store.export import atomic_write
from . import style
from .data import ViewData

#: vis-network's random start positions come from this seed, so layouts repeat.
LAYOUT_SEED = 1729
#: Comments, inline scripts and styles, in document order (a tag inside a comment is not a tag).
_CODE = re.compile(r"(<!--.*?-->|<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>)", re.S | re.I)
_REMOTE = r"""\s*=\s*["']?\s*(?:https?:)?//"""
_REMOTE_SRC = re.compile(r"\bsrc" + _REMOTE, re.I)
_REMOTE_TAG = re.compile(r"<(?:link|script|img|iframe|embed|object|source)\b[^>]*\b(?:href|src|data)" + _REMOTE
                         + r"[^>]*>(?:\s*</script\s*>)?", re.I)
_REMOTE_CSS = re.compile(r"@import|url\(\s*[\"']?\s*(?:https?:)?//", re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)


def _options(node_count: int) -> dict:
    """Physics that settles the full graph: a fixed stabilisation budget, then physics off (page script)."""
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": node_count <= 150},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "multi": "html", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}, "borderWidth": 1,
                  "scaling": {"label": {"drawThreshold": 4}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
                  "smooth": {"enabled": True, "type": "continuous", "roundness": 0.2},
                  "font": {"size": 10, "face": "sans-serif", "multi": "html", "align": "middle",
                           "color": "#495057", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "selectionWidth": 2, "hoverWidth": 0.5},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": node_count > 150,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.015,
                                         "springLength": 130, "springConstant": 0.06, "damping": 0.5,
                                         "avoidOverlap": 0.3},
                    "maxVelocity": 60, "minVelocity": 1.5, "timestep": 0.4,
                    # ~400 iterations settle the full graph (500 nodes) in seconds; more barely changes it
                    "stabilization": {"enabled": True, "iterations": max(200, min(400, 2 * node_count)),
                                      "updateInterval": 50, "fit": True}},
    }


#: Spacing of a layered view (pixels at zoom 1): ranks left to right, nodes of one rank top to bottom.
RANK_SEPARATION = 260
NODE_SPACING = 40


def _layered(options: dict) -> dict:
    """Ranks from the nodes' ``level``, left to right; physics only spreads nodes within a rank."""
    options["layout"] = {"randomSeed": LAYOUT_SEED, "improvedLayout": False, "hierarchical": {
        "enabled": True, "direction": "LR", "levelSeparation": RANK_SEPARATION, "nodeSpacing": NODE_SPACING,
        "treeSpacing": NODE_SPACING, "blockShifting": True, "edgeMinimization": True, "parentCentralization": True}}
    options["physics"] = {"enabled": False}  # the ranks and the spacing place every node: nothing to settle
    options["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal",
                                  "roundness": 0.4}
    options["nodes"]["font"]["size"] = 13
    options["edges"]["scaling"] = {"label": {"drawThreshold": 12}}  # predicate names only when zoomed in
    return options


def _static(name: str) -> str:
    return (resources.files("hcc_kg") / "views" / "static" / name).read_text(encoding="utf-8")


def _json_for_script(data: object) -> str:
    """JSON that cannot close its ``<script>`` element."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_SWATCHES = {
    "dot": '<circle cx="9" cy="9" r="6"/>', "square": '<rect x="3" y="3" width="12" height="12"/>',
    "diamond": '<polygon points="9,1 17,9 9,17 1,9"/>', "triangle": '<polygon points="9,2 16,15 2,15"/>',
    "triangleDown": '<polygon points="2,3 16,3 9,16"/>', "hexagon": '<polygon points="5,2 13,2 17,9 13,16 5,16 1,9"/>',
    "star": '<polygon points="9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7"/>',
}


def _swatch(shape: str, colour: str) -> str:
    body = _SWATCHES.get(shape, _SWATCHES["dot"])
    return (f'<svg class="hcc-swatch" width="18" height="18" viewBox="0 0 18 18" fill="{html.escape(colour)}" '
            f'stroke="#343a40" stroke-width="1">{body}</svg>')


def _line(colour: str, dashes: tuple[int, ...], width: float) -> str:
    dash = f' stroke-dasharray="{" ".join(str(d) for d in dashes)}"' if dashes else ""
    return (f'<svg class="hcc-swatch" width="30" height="10" viewBox="0 0 30 10"><line x1="1" y1="5" x2="29" y2="5" '
            f'stroke="{html.escape(colour)}" stroke-width="{max(width, 1.5)}"{dash}/></svg>')


def legend_html(data: ViewData) -> str:
    """The legend: node types (shape and colour), predicates (colour), statuses (line)."""
    types = "".join(
        f'<li data-kind="{html.escape(kind)}">{_swatch(style.node_style(kind).shape, style.node_style(kind).colour)}'
        f' {html.escape(kind or "untyped")} <span class="hcc-n">{n}</span></li>' for kind, n in data.legend_types)
    predicates = "".join(
        f'<li data-predicate="{html.escape(p)}">{_line(style.predicate_colour(p), (), 2)} {html.escape(p)}'
        f' <span class="hcc-n">{n}</span></li>' for p, n in data.legend_predicates)
    lines = style.LINE_STYLES
    statuses = "".join(
        f'<li data-status="{html.escape(s)}">{_line("#495057", lines[s].dashes, lines[s].width)}'
        f' {html.escape(lines[s].meaning)} <span class="hcc-n">{n}</span></li>' for s, n in data.legend_statuses)
    return (f'<div id="hcc-legend"><h2>Node types</h2><ul>{types}</ul><h2>Facts (edges)</h2><ul>{statuses}</ul>'
            f'<h2>Predicates</h2><ul>{predicates}</ul></div>')


def _toolbar(data: ViewData) -> str:
    options = "".join(f'<option value="{html.escape(kind)}">{html.escape(kind or "untyped")} ({n})</option>'
                      for kind, n in sorted(data.legend_types))
    return (f'<div id="hcc-bar"><span class="hcc-heading">{html.escape(data.title)}</span>'
            f'<input id="hcc-search" type="search" placeholder="search by name…" aria-label="search by name">'
            f'<select id="hcc-type" aria-label="filter by type"><option value="">all types</option>{options}</select>'
            f'<span id="hcc-count">{len(data.nodes)} nodes, {len(data.edges)} edges</span></div>')


def _side(data: ViewData) -> str:
    return (f'<div id="hcc-side"><div id="hcc-detail-box"><h2>Details</h2>'
            f'<div id="hcc-details">Click a node or an edge.</div></div>{legend_html(data)}</div>')


@lru_cache(maxsize=2)
def _pyvis_templates(folder: str) -> Environment:
    """pyvis's own template environment, made once: it compiles its page template and the
    inlined vis-network script on first use (~40 ms), which every later page then skips."""
    return Environment(loader=FileSystemLoader(folder))


def _pyvis_page(data: ViewData) -> str:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.templateEnv = _pyvis_templates(net.template_dir)  # as pyvis makes it (network.py), shared
    for node in data.nodes:
        net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in data.edges:
        net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to")})
    options = _options(len(data.nodes))  # a dict: pyvis's set_options() strips spaces inside strings
    net.options = _layered(options) if any("level" in node for node in data.nodes) else options
    return net.generate_html(notebook=False)


def _markup_only(page: str, edit) -> str:
    """Apply ``edit`` to the markup between scripts and styles; drop comments and remote-``src`` scripts."""
    parts = _CODE.split(page)
    kept = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            kept.append(edit(part))
        elif not part.startswith("<!--") and not _REMOTE_SRC.search(part[: part.index(">") + 1]):
            kept.append(part)
    return "".join(kept)


def make_offline(page: str) -> str:
    """Drop remote scripts and stylesheets (pyvis's Bootstrap tags), HTML comments and empty headings."""
    return _markup_only(page, lambda markup: _EMPTY_HEADING.sub("", _REMOTE_TAG.sub("", markup)))


def remote_references(page: str) -> list[str]:
    """Tags or CSS in ``page`` that would load something over the network (empty = offline)."""
    found: list[str] = []
    for i, part in enumerate(_CODE.split(page)):
        if i % 2 == 0:
            found += _REMOTE_TAG.findall(part)
        elif part.startswith("<!--"):
            continue
        elif part.lower().startswith("<style"):
            found += [m.group(0) for m in _REMOTE_CSS.finditer(part)]
        elif _REMOTE_SRC.search(part[: part.index(">") + 1]):
            found.append(part[: part.index(">") + 1])
    return found


def _inject(page: str, data: ViewData) -> str:
    head = (f'<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{html.escape(data.title)}</title><link rel="icon" href="data:,">')
    meta = {"title": data.title, "counts": {"nodes": len(data.nodes), "edges": len(data.edges)},
            "layered": any("level" in node for node in data.nodes)}
    page = page.replace("<head>", head, 1)
    page = page.replace("</head>", f"<style>{_static('view.css')}</style>\n</head>", 1)
    page = page.replace("<body>", f"<body>\n{_toolbar(data)}\n{_side(data)}", 1)
    return page.replace("</body>", f'<script type="application/json" id="hcc-view-meta">{_json_for_script(meta)}'
                        f"</script>\n<script>{_static('view.js')}</script>\n</body>", 1)


def render_page(data: ViewData) -> str:
    """The complete offline page for ``data``."""
    page = _inject(make_offline(_pyvis_page(data)), data)
    remote = remote_references(page)
    if remote:
        raise ExportError(f"view would load remote resources: {remote[:3]}")
    return page


def write_view(page: str, path: Path | str) -> Path:
    """Write a rendered page atomically."""
    path = Path(path)
    try:
        atomic_write(path, page.encode("utf-8"))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc}") from exc
    return path
