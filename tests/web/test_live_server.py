"""The app under waitress, with requests from several threads at once."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

pytestmark = pytest.mark.slow

URLS = [
    "/search?q=trata+de+personas",
    "/search?q=migrante&country=AR&country=MX",
    "/search?sort=newest&page=2",
    "/doc/ar/law/2004/25871",
    "/countries",
    "/",
]


def _fetch(base_url: str, path: str) -> tuple[int, str]:
    try:
        with urlopen(base_url + path, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except HTTPError as error:
        with error:
            return error.code, ""


def _hits(html: str) -> list[str]:
    return re.findall(r'<h2 class="hit-title" id="hit-\d+"><a href="([^"]+)"', html)


def test_concurrent_requests_all_succeed_with_the_same_answers(base_url: str) -> None:
    expected = {path: _fetch(base_url, path) for path in URLS}
    assert all(status == 200 for status, _ in expected.values())
    jobs = URLS * 6  # bounded: 36 requests over 4 threads
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda path: (path, _fetch(base_url, path)), jobs))
    for path, (status, html) in answers:
        assert status == 200, path
        assert _hits(html) == _hits(expected[path][1]), path


def test_unknown_documents_and_bad_digests_are_404_over_http(base_url: str) -> None:
    assert _fetch(base_url, "/doc/xx/none")[0] == 404
    assert _fetch(base_url, "/file/" + "0" * 64)[0] == 404
    assert _fetch(base_url, "/file/..%2F..%2Fcatalogue.sqlite")[0] == 404
