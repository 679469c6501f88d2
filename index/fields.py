"""Names of the index fields, their boosts and the highlight settings.

No other module spells a field name: they import these constants.
One Whoosh document is one :class:`library.model.Expression` (see ``index/README.md``).
"""

from __future__ import annotations

#: Languages with a Snowball stemmer and stop words; any other language is folded only.
STEMMED_LANGUAGES: tuple[str, ...] = ("es", "en", "pt", "fr")
OTHER_LANGUAGE = "xx"

# -- keys ---------------------------------------------------------------------------
EXPRESSION_ID = "expression_id"  # unique key
WORK_ID = "work_id"
STAMP = "stamp"  # content stamp of the record for this expression (drift check)

# -- searched text (pre-analysed, see index/analysis.py and index/README.md) -------------
#: Folded, unstemmed words without stop words; each posting also carries hashes of the
#: words next to the term (phrase candidates). Stemming happens at query time.
BODY_EXACT = "body_exact"
TITLE = "title"  # folded words of the title and the number
NUMBER = "number"  # normalised instrument numbers: "25871", "13445", "2141"

# -- facets (indexed for filters and stored as columns for counts) --------------------
JURISDICTION = "jurisdiction"
INSTRUMENT_TYPE = "instrument_type"
YEAR = "year"
LANGUAGE = "language"
TOPICS = "topics"
STATUS = "status"
ISSUING_BODY = "issuing_body"
FACETS: tuple[str, ...] = (
    JURISDICTION,
    INSTRUMENT_TYPE,
    YEAR,
    LANGUAGE,
    TOPICS,
    STATUS,
    ISSUING_BODY,
)
MULTI_VALUED_FACETS: frozenset[str] = frozenset({TOPICS})

# -- sorting and display ----------------------------------------------------------------
SORT_DATE = "sort_date"  # "YYYY-MM-DD" or "" (column)
SORT_TITLE = "sort_title"  # folded title (column)
DISPLAY_TITLE = "display_title"  # stored
SHA256 = "sha256"  # stored: the file the expression came from
PARTS = "parts"  # stored: zlib-compressed JSON of the parts

# -- boosts ---------------------------------------------------------------------------
BODY_BOOST = 1.0
TITLE_BOOST = 3.0
NUMBER_BOOST = 12.0
#: Extra weight of the very word typed over other words of its stem.
EXACT_BOOST = 1.5
#: Weight of terms reached only through the thesaurus in another language.
EXPANSION_BOOST = 0.35
#: Weight of documents tagged with a concept the query names.
TOPIC_BOOST = 0.25

# -- highlighting ------------------------------------------------------------------------
HIGHLIGHT_TAG = "mark"
SNIPPET_CHARS = 240
PARTS_PER_HIT = 3

# -- query-language field names (what users type before ":") -----------------------------
QUERY_FILTER_FIELDS: dict[str, str] = {
    "country": JURISDICTION,
    "jurisdiction": JURISDICTION,
    "type": INSTRUMENT_TYPE,
    "year": YEAR,
    "lang": LANGUAGE,
    "language": LANGUAGE,
    "topic": TOPICS,
    "status": STATUS,
    "body": ISSUING_BODY,
    "issuer": ISSUING_BODY,
}
QUERY_TEXT_FIELDS: dict[str, str] = {"title": TITLE, "number": NUMBER}
