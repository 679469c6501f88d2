"""Language of a text, of its parts, and whether it mixes languages.

langdetect is random by design (it samples n-grams); its module-level
``detect()`` shares one global factory whose seed is a class attribute. Here a
private :class:`~langdetect.detector_factory.DetectorFactory` is built once
(profiles loaded in sorted order) with ``set_seed(0)`` on the instance, so
every detector it creates draws the same samples: the same text always gets the
same answer, and no global state is touched.

A document is read as up to :data:`MAX_WINDOWS` windows of about
:data:`WINDOW_CHARS` characters spread over it; each window gets a language and
the shares of the windows make the result. Two languages each holding at least
:data:`MUL_SHARE` of the windows make the document ``mul`` (a treaty printed in
English and Dutch).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from langdetect.detector_factory import (  # type: ignore[import-untyped]
    PROFILES_DIRECTORY,
    DetectorFactory,
)
from langdetect.lang_detect_exception import LangDetectException  # type: ignore[import-untyped]

from library.model import Part

#: Fewer letters than this: no language is claimed.
MIN_LETTERS = 40
WINDOW_CHARS = 600
MAX_WINDOWS = 40
#: A language with this share of the windows is listed in ``languages``.
LIST_SHARE = 0.2
#: Two languages with this share each make the document ``mul``.
MUL_SHARE = 0.3
#: Parts shorter than this take the document's language.
PART_MIN_CHARS = 200
#: At most this many parts of one document are run through langdetect.
MAX_PART_DETECTIONS = 300
#: The languages of the collection, preferred when langdetect hesitates.
PREFERRED: tuple[str, ...] = ("es", "en", "pt", "fr")
#: Close relatives langdetect takes for a preferred language on legal prose.
RELATIVES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "ca": ("es", "fr", "pt"),
        "gl": ("pt", "es"),
        "it": ("es", "pt", "fr"),
        "ro": ("es", "pt", "fr"),
        "oc": ("fr", "es"),
        "af": ("nl",),
    }
)
#: Below this probability a relative's detection is re-ranked.
CONFIDENT = 0.9

_URL_RE = re.compile(r"\]\([^)]*\)|https?://\S+|www\.\S+|<[^>]{0,200}>")
_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class LanguageResult:
    """The language of a text.

    :param language: ISO 639-1 code, ``mul`` for a bilingual text, or "" when unknown.
    :param confidence: 0-1: the share of windows in that language times their mean probability.
    :param languages: languages holding at least :data:`LIST_SHARE` of the windows, most first.
    :param shares: share of the windows per detected language.
    """

    language: str
    confidence: float
    languages: tuple[str, ...]
    shares: Mapping[str, float]


UNKNOWN = LanguageResult("", 0.0, (), MappingProxyType({}))


@cache
def _factory() -> DetectorFactory:
    """langdetect's profiles, loaded once, in a factory of our own with a fixed seed."""
    factory = DetectorFactory()
    profiles = sorted(Path(PROFILES_DIRECTORY).iterdir())
    factory.load_json_profile([p.read_text(encoding="utf-8") for p in profiles if p.is_file()])
    factory.set_seed(0)
    return factory


def detect_language(text: str) -> LanguageResult:
    """Detect the language(s) of ``text``.

    :param text: any amount of text; links and markup are ignored.
    :returns: the language, or ``mul`` when two languages each hold at least
        30 % of the text, or "" for text with fewer than 40 letters.

    >>> detect_language("El derecho a la migración es esencial e inalienable de la persona.").language
    'es'
    """
    text = _URL_RE.sub(" ", text)
    if len(_LETTER_RE.findall(text[:20_000])) < MIN_LETTERS:
        return UNKNOWN
    votes: dict[str, list[float]] = {}
    for window in _windows(text):
        found = _detect_one(window)
        if found:
            votes.setdefault(found[0], []).append(found[1])
    total = sum(len(v) for v in votes.values())
    if not total:
        return UNKNOWN
    shares = {lang: len(v) / total for lang, v in votes.items()}
    ranked = sorted(shares, key=lambda lang: (-shares[lang], lang))
    languages = tuple(lang for lang in ranked if shares[lang] >= LIST_SHARE) or (ranked[0],)
    major = [lang for lang in ranked if shares[lang] >= MUL_SHARE]
    chosen = major if len(major) >= 2 else ranked[:1]
    probs = [p for lang in chosen for p in votes[lang]]
    confidence = round(sum(shares[lang] for lang in chosen) * sum(probs) / len(probs), 4)
    language = "mul" if len(chosen) >= 2 else chosen[0]
    rounded = {lang: round(shares[lang], 4) for lang in ranked}
    return LanguageResult(language, confidence, languages, MappingProxyType(rounded))


def detect_part_languages(parts: tuple[Part, ...], default: str) -> tuple[Part, ...]:
    """Set each part's ``language``.

    Parts of at least :data:`PART_MIN_CHARS` characters are detected (one window
    each, at most :data:`MAX_PART_DETECTIONS` of them, spread evenly over the
    document, so the cost is bounded and the result does not depend on the
    machine's speed); a part in between takes the language of its neighbours
    when both agree, else ``default``, as do short parts.

    :param parts: the parts of one expression.
    :param default: the document's language.
    """
    long = [n for n, p in enumerate(parts) if len(p.text) >= PART_MIN_CHARS]
    if len(long) > MAX_PART_DETECTIONS:
        step = len(long) / MAX_PART_DETECTIONS
        long = [long[int(k * step)] for k in range(MAX_PART_DETECTIONS)]
    found: dict[int, str] = {}
    for n in long:
        detected = _detect_one(_URL_RE.sub(" ", parts[n].text[: 2 * WINDOW_CHARS]))
        if detected:
            found[n] = detected[0]
    languages = _fill(len(parts), found, default)
    return tuple(
        dataclasses.replace(p, language=lang) for p, lang in zip(parts, languages, strict=True)
    )


def _fill(count: int, found: dict[int, str], default: str) -> list[str]:
    """Languages of all parts: detected ones, else the agreeing neighbours', else ``default``."""
    out = [found.get(n, "") for n in range(count)]
    previous = ""
    for n in range(count):
        if out[n] or n in found:
            previous = out[n]
            continue
        following = next((out[m] for m in range(n + 1, count) if m in found), "")
        out[n] = previous if previous and previous == following else default
    return out


def _windows(text: str) -> list[str]:
    """Up to MAX_WINDOWS windows of about WINDOW_CHARS characters, spread over ``text``."""
    if len(text) <= WINDOW_CHARS * 1.5:
        return [text]
    count = min(MAX_WINDOWS, len(text) // WINDOW_CHARS)
    step = (len(text) - WINDOW_CHARS) / max(1, count - 1)
    windows = []
    for k in range(count):
        start = int(k * step)
        space = text.find(" ", start, start + 50)
        start = space + 1 if space >= 0 else start
        windows.append(text[start : start + WINDOW_CHARS])
    return windows


def _detect_one(text: str) -> tuple[str, float] | None:
    """(language, probability) of one window, relatives re-ranked, or None."""
    if len(_LETTER_RE.findall(text)) < MIN_LETTERS:
        return None
    detector = _factory().create()
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return None
    if not ranked:
        return None
    best = ranked[0]
    if best.lang in RELATIVES and best.prob < CONFIDENT:
        probs = dict(zip(_factory().get_lang_list(), detector.langprob, strict=True))
        kin = max(RELATIVES[best.lang], key=lambda lang: probs.get(lang, 0.0))
        if probs.get(kin, 0.0) > 0.05:
            return kin, probs[kin]
    return best.lang, best.prob
