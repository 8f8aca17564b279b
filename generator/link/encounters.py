"""How the people of a readout met: by phone or video, or in person.

Government releases report encounters between the same people again and again: a call in
April, a visit in November. They are different events however alike their wording, and the
headline or lead says which kind each was ("Speaks by Phone with", "Call with", "met with …
who is visiting").
"""

from __future__ import annotations

import re

from generator.model import Brief

REMOTE = re.compile(
    r"\b(?:by (?:tele)?phone|on the (?:tele)?phone|(?:tele)?phone (?:call|conversation|talks?)|telephoned|"
    r"call with|calls with|video (?:call|conference|link)|videoconference|virtual (?:meeting|summit|talks))\b",
    re.IGNORECASE)
IN_PERSON = re.compile(
    r"\b(?:met|meets|meet|meeting|visit|visits|visited|visiting|hosted|hosts|welcomed|talks in|summit in)\b",
    re.IGNORECASE)
LEAD_SENTENCES = 2


def encounter(brief: Brief) -> str | None:
    """"remote" or "in person" when the headline (else the lead) says how the people met; None
    when it does not say, or says both."""
    lead = " ".join(s.text for s in brief.analysis.sentences[:LEAD_SENTENCES])
    for text in (brief.article.title, lead):
        # "virtual meeting" is remote: in-person words count outside the remote phrases only
        remote, met = bool(REMOTE.search(text)), bool(IN_PERSON.search(REMOTE.sub(" ", text)))
        if remote or met:
            return "remote" if remote and not met else "in person" if met and not remote else None
    return None
