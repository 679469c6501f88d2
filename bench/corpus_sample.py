"""Deterministic generated collections for the speed benchmarks, from real corpus text.

The real documents of ``../shared/corpus`` are read once (Markdown, plain text, XML and
HTML: the formats that need no extractor) and cut into sentences per language; the
sentence pools are cached under ``bench/work/``. Document ``i`` of a collection is then
built from its own seeded RNG, so it is the same in a 1k and in a 100k collection and
in every run: 500 to 5,000 words in articles, with plausible metadata (jurisdiction,
instrument type, year, language, topics, status, issuing body).

    python bench/corpus_sample.py --size 1000 --show 2

Documents come as plain dicts (:func:`generate_docs`, for the baselines) and as
:class:`library.model.Record` (:func:`to_record`, for our indexer).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from library.model import Expression, File, Part, Record, Work  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
WORK_DIR = REPO / "bench" / "work"
DEFAULT_SEED = 20260
#: Bumped whenever sentence splitting or document generation changes (cache key).
SAMPLER_VERSION = 1
LANGUAGES: tuple[str, ...] = ("es", "en", "pt", "fr")
LANGUAGE_WEIGHTS: tuple[float, ...] = (0.55, 0.2, 0.13, 0.12)
READABLE = (".md", ".txt", ".xml", ".html", ".htm")
MIN_WORDS, MAX_WORDS = 500, 5000

#: Jurisdictions by language (plausible issuers of a text in that language).
JURISDICTIONS: Mapping[str, tuple[str, ...]] = {
    "es": (
        "AR",
        "BO",
        "CL",
        "CO",
        "CR",
        "CU",
        "DO",
        "EC",
        "GT",
        "HN",
        "MX",
        "NI",
        "PA",
        "PE",
        "PY",
        "SV",
        "UY",
        "VE",
        "OAS",
        "UN",
    ),  # fmt: skip
    "en": ("US", "CA", "JM", "TT", "BS", "BB", "GY", "BZ", "OAS", "UN", "ILO", "IOM"),
    "pt": ("BR", "MERCOSUR", "OAS"),
    "fr": ("CA", "HT", "OAS", "UN", "ILO"),
}
TYPES: tuple[str, ...] = ("law", "decree", "regulation", "resolution", "treaty", "guideline",
                          "constitution", "declaration", "study")  # fmt: skip
TYPE_WEIGHTS: tuple[float, ...] = (0.35, 0.2, 0.1, 0.1, 0.08, 0.08, 0.02, 0.03, 0.04)
TYPE_LABELS: Mapping[str, Mapping[str, str]] = {
    "es": {
        "law": "Ley",
        "decree": "Decreto",
        "regulation": "Reglamento",
        "resolution": "Resolución",
        "treaty": "Convención",
        "guideline": "Lineamientos",
        "constitution": "Constitución",
        "declaration": "Declaración",
        "study": "Estudio",
    },  # fmt: skip
    "en": {
        "law": "Act",
        "decree": "Executive Order",
        "regulation": "Regulations",
        "resolution": "Resolution",
        "treaty": "Convention",
        "guideline": "Guidelines",
        "constitution": "Constitution",
        "declaration": "Declaration",
        "study": "Study",
    },  # fmt: skip
    "pt": {
        "law": "Lei",
        "decree": "Decreto",
        "regulation": "Regulamento",
        "resolution": "Resolução",
        "treaty": "Convenção",
        "guideline": "Diretrizes",
        "constitution": "Constituição",
        "declaration": "Declaração",
        "study": "Estudo",
    },  # fmt: skip
    "fr": {
        "law": "Loi",
        "decree": "Décret",
        "regulation": "Règlement",
        "resolution": "Résolution",
        "treaty": "Convention",
        "guideline": "Lignes directrices",
        "constitution": "Constitution",
        "declaration": "Déclaration",
        "study": "Étude",
    },  # fmt: skip
}
ARTICLE_WORD: Mapping[str, str] = {
    "es": "Artículo",
    "en": "Article",
    "pt": "Artigo",
    "fr": "Article",
}
BODIES: Mapping[str, tuple[str, ...]] = {
    "es": (
        "Congreso Nacional",
        "Poder Ejecutivo",
        "Ministerio del Interior",
        "Asamblea Legislativa",
        "Dirección Nacional de Migraciones",
        "Ministerio de Relaciones Exteriores",
    ),  # fmt: skip
    "en": (
        "Parliament",
        "National Assembly",
        "Department of Homeland Security",
        "Ministry of Labour",
        "General Assembly",
    ),  # fmt: skip
    "pt": ("Congresso Nacional", "Presidência da República", "Ministério da Justiça"),
    "fr": ("Parlement", "Assemblée nationale", "Ministère de l'Intérieur"),
}
TOPICS: tuple[str, ...] = ("migration", "refugees", "asylum", "trafficking", "smuggling", "labour",
                           "domestic-work", "gender", "violence-against-women", "nationality",
                           "consular", "children", "return", "remittances", "human-rights")  # fmt: skip
STATUSES: tuple[str, ...] = ("in_force", "repealed", "amended", "not_in_force", "unknown")
STATUS_WEIGHTS: tuple[float, ...] = (0.5, 0.1, 0.15, 0.05, 0.2)

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_TAGS = re.compile(r"<[^>]{0,2000}>")
_MD_NOISE = re.compile(r"\[([^\]]*)\]\([^)]*\)|[#*_>|`]+")
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-ZÁÉÍÓÚÑÇÀÂÊÔ0-9(«\"“])|\n\s*\n")
_WORD = re.compile(r"[^\W\d_]+")
#: Frequent function words, to keep only sentences in the file's language (several
#: treaty files mix a Dutch translation into an English document).
FUNCTION_WORDS: Mapping[str, frozenset[str]] = {
    "es": frozenset("de la el los las y en que del por se con para una al".split()),
    "en": frozenset("the of and to in or by for is be shall any with this".split()),
    "pt": frozenset("de da do e o os as em no na dos das que para com".split()),
    "fr": frozenset("de la le les et des du en un une est aux par pour".split()),
    "nl": frozenset("de het van een en in op voor zijn wordt bij niet deze dat".split()),
}


def language_of(sentence: str) -> str:
    """The language whose function words are most frequent in ``sentence`` ("" if none).

    >>> language_of("The right of every person to leave any country"), language_of("xyz")
    ('en', '')
    """
    words = sentence.lower().split()
    scores = {lang: sum(w in fw for w in words) for lang, fw in FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 else ""


def read_text(path: Path) -> str:
    """The text of a Markdown, plain-text, XML or HTML file, markup removed (best effort).

    :param path: a file with one of the suffixes of :data:`READABLE`.
    """
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")
    text = _FRONT_MATTER.sub("", text)
    if path.suffix.lower() in (".xml", ".html", ".htm"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = _TAGS.sub("\n", text)
        text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    return _MD_NOISE.sub(r"\1", text.replace("&apos;", "'"))


def split_sentences(text: str) -> list[str]:
    """Sentences of 6 to 80 words that are mostly words (no tables, menus, numbers lists).

    >>> split_sentences("Artículo 1. Toda persona migrante tiene derecho a la salud y a la educación. 2. 3.")
    ['Toda persona migrante tiene derecho a la salud y a la educación.']
    """
    out: list[str] = []
    for chunk in _SENTENCE_END.split(text):
        sentence = " ".join(chunk.split())
        words = sentence.split()
        if not 6 <= len(words) <= 80:
            continue
        if len(_WORD.findall(sentence)) < 0.7 * len(words) or "http" in sentence:
            continue
        out.append(sentence)
    return out


def corpus_fingerprint(corpus: Path) -> str:
    """A short hash of the catalogue and the readable files' names and sizes."""
    h = hashlib.sha256(f"v{SAMPLER_VERSION}".encode())
    h.update((corpus / "catalog.csv").read_bytes())
    for path in sorted((corpus / "docs").rglob("*")):
        if path.suffix.lower() in READABLE:
            h.update(f"{path.relative_to(corpus)}:{path.stat().st_size}".encode())
    return h.hexdigest()[:16]


def build_pools(corpus: Path) -> dict[str, list[str]]:
    """Sentences of the corpus's readable files by language (from ``catalog.csv``), deduplicated.

    :param corpus: the folder holding ``catalog.csv`` and ``docs/``.
    """
    pools: dict[str, dict[str, None]] = {lang: {} for lang in LANGUAGES}
    with (corpus / "catalog.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            path = corpus / row["path"]
            if row["language"] in pools and path.suffix.lower() in READABLE and path.is_file():
                lang = row["language"]
                found = [s for s in split_sentences(read_text(path)) if language_of(s) == lang]
                pools[lang].update(dict.fromkeys(found))
    return {lang: list(sentences) for lang, sentences in pools.items()}


def load_pools(corpus: Path = DEFAULT_CORPUS, work_dir: Path = WORK_DIR) -> dict[str, list[str]]:
    """:func:`build_pools`, cached in ``work_dir`` under the corpus fingerprint."""
    cache = work_dir / f"sentences-{corpus_fingerprint(corpus)}.json"
    if cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    pools = build_pools(corpus)
    work_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    tmp.write_text(json.dumps(pools, ensure_ascii=False), encoding="utf-8")
    tmp.replace(cache)
    return pools


def make_doc(
    index: int, pools: Mapping[str, Sequence[str]], seed: int = DEFAULT_SEED
) -> dict[str, Any]:
    """Document number ``index`` of every collection generated with ``seed``.

    :param index: position in the collection (the document does not depend on its size).
    :param pools: sentence pools by language (:func:`load_pools`).
    :param seed: collection seed.
    """
    rng = random.Random(f"{seed}:{index}")
    lang = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    pool = pools[lang]
    jurisdiction = rng.choice(JURISDICTIONS[lang])
    kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
    year = rng.randint(1950, 2025)
    number = f"{rng.randint(1, 30000)}"
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    parts: list[dict[str, str]] = []
    words = 0
    while words < target:
        n = len(parts) + 1
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 6)))
        heading = (
            " ".join(rng.choice(pool).split()[: rng.randint(2, 5)]) if rng.random() < 0.3 else ""
        )
        parts.append({"kind": "article", "number": str(n), "heading": heading, "text": text,
                      "anchor": f"art-{n}"})  # fmt: skip
        words += len(text.split())
    subject = " ".join(rng.choice(pool).split()[: rng.randint(4, 10)]).rstrip(".,;:")
    doc_id = f"{jurisdiction.lower()}/{kind}/{year}/{number}-{index}"
    return {
        "id": f"{doc_id}@{lang}",
        "work_id": doc_id,
        "sha256": hashlib.sha256(f"{seed}:{index}".encode()).hexdigest(),
        "title": f"{TYPE_LABELS[lang][kind]} {number} - {subject}",
        "language": lang,
        "jurisdiction": jurisdiction,
        "instrument_type": kind,
        "number": number,
        "year": year,
        "date_adopted": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "topics": sorted(rng.sample(TOPICS, rng.randint(1, 3))),
        "status": rng.choices(STATUSES, STATUS_WEIGHTS)[0],
        "issuing_body": rng.choice(BODIES[lang]),
        "parts": parts,
        "words": words,
    }


def doc_text(doc: Mapping[str, Any]) -> str:
    """The body of a generated document: each article's heading and text."""
    return "\n\n".join(chunk for p in doc["parts"] for chunk in (p["heading"], p["text"]) if chunk)


def generate_docs(
    size: int, pools: Mapping[str, Sequence[str]], seed: int = DEFAULT_SEED, start: int = 0
) -> Iterator[dict[str, Any]]:
    """Documents ``start`` .. ``size - 1`` of the collection, lazily (a 100k collection is ~2 GB)."""
    for index in range(start, size):
        yield make_doc(index, pools, seed)


def to_record(doc: Mapping[str, Any]) -> Record:
    """A generated document as the record our indexer takes (one work, one expression, one file)."""
    work = Work(
        work_id=doc["work_id"],
        instrument_type=doc["instrument_type"],
        jurisdiction=doc["jurisdiction"],
        number=doc["number"],
        issuing_body=doc["issuing_body"],
        date_adopted=doc["date_adopted"],
        status=doc["status"],
        topics=tuple(doc["topics"]),
    )
    parts = tuple(
        Part(
            kind=p["kind"],
            number=p["number"],
            heading=p["heading"],
            text=p["text"],
            anchor=p["anchor"],
            language=doc["language"],
        )  # fmt: skip
        for p in doc["parts"]
    )
    text_bytes = sum(len(p.text.encode("utf-8")) for p in parts)
    expression = Expression(
        expression_id=doc["id"],
        work_id=doc["work_id"],
        language=doc["language"],
        title=doc["title"],
        file_sha256=doc["sha256"],
        parts=parts,
        languages=(doc["language"],),
    )
    file = File(sha256=doc["sha256"], format="txt", bytes=text_bytes,
                original_name=f"{doc['work_id'].replace('/', '-')}.txt")  # fmt: skip
    return Record(work=work, expressions=(expression,), files=(file,))


def sample_path(size: int, seed: int = DEFAULT_SEED, work_dir: Path = WORK_DIR) -> Path:
    """Where the JSON-lines cache of a collection lives."""
    return work_dir / f"sample-v{SAMPLER_VERSION}-{seed}-{size}.jsonl"


def ensure_sample(
    size: int, corpus: Path = DEFAULT_CORPUS, seed: int = DEFAULT_SEED, work_dir: Path = WORK_DIR
) -> Path:
    """Write the collection to a JSON-lines file once (so every system reads the same bytes).

    :returns: the path of the file.
    """
    path = sample_path(size, seed, work_dir)
    if path.is_file():
        return path
    pools = load_pools(corpus, work_dir)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for doc in generate_docs(size, pools, seed):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def read_sample(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The documents of a JSON-lines collection, lazily."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", type=int, default=0, help="print the first N documents' heads")
    args = parser.parse_args(argv)
    path = ensure_sample(args.size, args.corpus, args.seed)
    docs = list(read_sample(path, args.show))
    for doc in docs:
        print(
            doc["id"], "|", doc["title"], "|", doc["words"], "words,", len(doc["parts"]), "articles"
        )
        print("   ", doc_text(doc)[:300].replace("\n", " "))
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
