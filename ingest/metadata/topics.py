"""Topics: thesaurus concepts a document is about, most salient first."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from library.vocabulary import Vocabularies

MAX_TOPICS = 6
TITLE_WEIGHT = 25.0
#: Mentions per 10,000 words a concept needs to count when the title does not name it.
MIN_DENSITY = 4.0
MIN_COUNT = 3


def find_topics(title: str, text: str, vocab: Vocabularies, language: str = "") -> list[str]:
    """Concept ids named in the title or dense enough in the text, most salient first.

    :param title: the document's title (a mention there weighs :data:`TITLE_WEIGHT` mentions).
    :param text: the whole text.
    :param vocab: the controlled vocabularies.
    :param language: ISO 639-1 code, to match labels in that language first.
    """
    lang = language or None
    in_title = vocab.find_concepts(title, lang) if title else {}
    in_text = vocab.find_concepts(text, lang)
    words = max(len(text.split()), 1)
    scores: dict[str, float] = {}
    for concept in set(in_title) | set(in_text):
        count = in_text.get(concept, 0)
        density = count * 10_000 / words
        score = density + TITLE_WEIGHT * in_title.get(concept, 0)
        if in_title.get(concept) or (count >= MIN_COUNT and density >= MIN_DENSITY):
            scores[concept] = score
    ranked = sorted(scores, key=lambda c: (-scores[c], c))
    return ranked[:MAX_TOPICS]
