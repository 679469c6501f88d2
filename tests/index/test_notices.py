"""Notices are English sentences that carry a code and parameters for translations."""

from __future__ import annotations

import json
import pickle

from index.notices import Notice, found_as_ordinary_words
from index.query import parse_forgiving


def test_a_malformed_query_notice_has_its_code_and_words() -> None:
    _node, (notice,) = parse_forgiving('"trata de personas')
    assert isinstance(notice, Notice)
    assert notice.code == "unbalanced_quote" and notice.params == {"words": "trata de personas"}
    assert notice == "a quotation mark is not closed — searched for the words: trata de personas"
    assert json.dumps([notice]) == json.dumps([str(notice)])


def test_common_word_notices_list_the_languages_by_code() -> None:
    notice = found_as_ordinary_words(["son", "dos"])
    assert notice.code == "ordinary_words"
    assert notice.params == {"words": "son dos", "languages": ("es", "pt", "fr")}
    assert "Spanish, Portuguese and French" in notice
    copy = pickle.loads(pickle.dumps(notice))
    assert copy == notice and copy.code == notice.code and copy.params == notice.params
