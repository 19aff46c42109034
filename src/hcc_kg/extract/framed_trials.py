"""Which trials a document's subgroup frame (:mod:`.subgroup_frame`) marks as analysed in part, read sentence by
sentence beside the abstract reader (:mod:`.abstracts`).

The frame marks the trials its sentence names, else the trial in context, else the next trial to come into context.
What the document read before the frame stays the whole trial's, as does what a structured abstract's background
recalls ("Background: In NAME, A was non-inferior to B ...").
"""

from __future__ import annotations

from .abstract_cues import PRESENT_REPORT_RE
from .analysis import AnalysedDocument, AnalysedSentence
from .sentences import evidence_span
from .subgroup_frame import frames, position_of
from .trial_name_index import document_title, names_in
from .trial_slots import NameIndex, Slots, part_analysis


class Framing:
    """The subgroup frame of one document, followed sentence by sentence (state of one reading only)."""

    def __init__(self, doc: AnalysedDocument) -> None:
        title = document_title(doc)
        self.title_sentence = bool(doc.sentences) and title is not None and doc.sentences[0].text.strip() == title[0]
        self.pending: int | None = None  # where a frame naming no trial was read before any trial was in context

    def read(self, doc: AnalysedDocument, i: int, sent: AnalysedSentence, index: NameIndex, slots: Slots,
             context: str | None, background: bool) -> None:
        """Mark the trials the sentence frames as analysed in part (a background sentence recalls the whole)."""
        if background and context is not None and not PRESENT_REPORT_RE.search(sent.text):
            slots[context].whole_trial.add(evidence_span(sent))
        at = i
        if frames(sent.text, position_of(i, self.title_sentence, int(self.title_sentence))):
            named = {index.key(n.name) for n in names_in(doc, sent, index.confirmed)} & set(slots)
            framed = named or ({context} - {None})
            self.pending = None if framed else i
        elif self.pending is not None and context is not None:
            framed, at, self.pending = {context}, self.pending, None
        else:
            return
        for key in framed:
            part_analysis(slots[key], [evidence_span(s) for s in doc.sentences[:at]])
