"""YAML front matter of Markdown files: splitting it off, parsing it, mapping it to metadata.

Front matter keys are matched after folding case and accents and turning
separators into ``_``; for each field the first key of its list that is present
wins. The mapping (values are copied raw unless said otherwise):

================================  ==============================================
field                             keys, in order of preference
================================  ==============================================
title                             title, titulo, titre, titolo, official_title…
date_published (ISO date)         publication_date, fecha_publicacion, published,
                                  issued…; then generic date, fecha, data, datum
date_adopted (ISO date)           promulgation_date, enactment_date, adopted,
                                  fecha_sancion, signature_date…
date_in_force (ISO date)          entry_into_force, fecha_vigencia…
version_date (ISO date)           last_updated, ultima_actualizacion, modified…
number                            official_number, numero, number, nro; then
                                  identifier with its type prefix removed
                                  ("LEY-25871" -> "25871"; raw kept in identifier)
instrument_type_hint              official_type, tipo_norma, tipo, type, rank, rango
jurisdiction                      country, pais, pays, jurisdiction: an ISO code
                                  if two letters (upper-cased), else jurisdiction_hint
status (model STATUSES)           status, estado, vigencia, etat, situacao
                                  (vigente/en vigor -> in_force, derogado -> repealed…;
                                  unmapped values go to status_hint)
source_url (http/https only)      source_url, source, url, fuente, fonte, link
issuing_body_hint                 issuing_body, department, emisor, autoridad…
language (ISO 639-1)              language, lang, idioma, langue, lingua
gazette                           gazette, official_journal, diario_oficial…
description                       description, summary, resumen, texto_resumido…
subject_hint (``;``-separated)    subjects, materias, temas, keywords…
================================  ==============================================

Placeholder dates (1900-01-01, 1970-01-01, 0001-01-01) are treated as absent.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

import yaml  # type: ignore[import-untyped]  # no stubs installed

FRONT_OPEN = re.compile(r"\A\s*---[ \t]*\n")
FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
#: Front matter longer than this is not front matter but a document that starts with a rule.
MAX_FRONT_MATTER = 256 * 1024
SIMPLE_PAIR = re.compile(r"^([\w .-]{1,60}?)\s*:\s*(.*?)\s*$")

FIELD_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (field, tuple(keys.split()))
    for field, keys in (
        ("title", "title titulo titre titolo official_title titulo_oficial"),
        (
            "date_published",
            "publication_date fecha_publicacion fecha_de_publicacion date_publication "
            "date_de_publication data_publicacao data_de_publicacao published date_published "
            "publicado publicada issued pubdate date fecha data datum",
        ),
        (
            "date_adopted",
            "promulgation_date fecha_promulgacion fecha_de_promulgacion enactment_date "
            "enactment enacted adopted adoption_date date_adopted date_adoption fecha_sancion "
            "fecha_de_sancion sancion sancionada promulgada date_promulgation data_promulgacao "
            "data_sancao signature_date date_signed signed fecha_expedicion "
            "fecha_de_expedicion assent_date",
        ),
        (
            "date_in_force",
            "entry_into_force date_in_force in_force_date fecha_vigencia fecha_entrada_vigor "
            "fecha_de_entrada_en_vigor vigencia_desde entree_en_vigueur "
            "date_entree_en_vigueur data_vigencia commencement",
        ),
        (
            "version_date",
            "version_date last_updated ultima_actualizacion fecha_actualizacion updated "
            "date_modified modified derniere_modification consolidation_date",
        ),
        ("number", "official_number numero_oficial numero number num nro"),
        ("instrument_type_hint", "official_type tipo_norma tipo type rank rango document_type"),
        ("jurisdiction", "country pais pays jurisdiction jurisdiccion country_code"),
        ("status", "status estado vigencia etat situacao situacion"),
        ("source_url", "source_url source url fuente fonte link enlace original_url"),
        (
            "issuing_body_hint",
            "issuing_body department emisor autoridad organismo issuer dependencia "
            "organo_emisor organo ministerio entidad",
        ),
        ("language", "language lang idioma langue lingua locale"),
        ("gazette", "gazette official_journal diario_oficial boletin_oficial gaceta"),
        ("description", "description summary resumen texto_resumido sumilla ementa"),
        ("subject_hint", "subjects subject materias materia temas keywords"),
    )
)
DATE_FIELDS = frozenset({"date_published", "date_adopted", "date_in_force", "version_date"})
PLACEHOLDER_DATES = frozenset({"1900-01-01", "1970-01-01", "0001-01-01", "0000-00-00"})
IDENTIFIER_PREFIX = re.compile(r"^(?:[A-Za-z]+[-_ ])+(?=\d)")
IDENTIFIER_YEAR = re.compile(r"^(\d+)[-/_](?:1[89]|20)\d\d$")

#: Status words (folded) -> model status; a leading negation means not_in_force.
STATUS_WORDS: tuple[tuple[str, str], ...] = tuple(
    (word.replace("+", " "), status)
    for status, words in (
        ("repealed", "derog repeal abrog revog revok"),
        ("amended", "amend modific reformad alterad"),
        ("not_in_force", "not+in+force not+yet suspend expired pending pendiente"),
        ("in_force", "in+force vigente vigor vigueur vigencia current active"),
        ("unknown", "unknown desconocido"),
    )
    for word in words.split()
)
NEGATIONS = ("no ", "not ", "sin ", "sem ", "pas ", "non ", "ne ")

#: Language names and ISO 639-2/3 codes (folded) -> ISO 639-1.
LANGUAGE_NAMES: Mapping[str, str] = {
    name: code
    for code, names in (
        ("es", "spa spanish espanol castellano espagnol espanhol"),
        ("en", "eng english ingles anglais"),
        ("pt", "por portuguese portugues portugais"),
        ("fr", "fra fre french frances francais"),
        ("nl", "nld dut dutch neerlandes nederlands"),
        ("gn", "grn gug guarani"),
        ("qu", "que quz quechua"),
        ("ht", "hat haitian kreyol"),
    )
    for name in names.split()
}


def fold(value: str) -> str:
    """Lower case without accents, e.g. ``'Fecha Publicación'`` -> ``'fecha publicacion'``.

    :param value: any text.
    """
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def iso_date(value: object) -> str:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) from a metadata value, or "".

    Day-first order is assumed for ``DD/MM/YYYY`` unless the second number exceeds 12.

    :param value: a str, int or :class:`datetime.date`.

    >>> iso_date("15/04/1887"), iso_date("2004-01-21T00:00:00"), iso_date("1900-01-01")
    ('1887-04-15', '2004-01-21', '')
    """
    text = value.isoformat()[:10] if isinstance(value, dt.date) else str(value).strip()
    match = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    elif match := re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b", text):
        day, month, year = (int(g) for g in match.groups())
        if month > 12 >= day:
            day, month = month, day
    elif match := re.match(r"^(\d{4})-(\d{2})$", text):
        year, month = int(match.group(1)), int(match.group(2))
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else ""
    elif re.match(r"^\d{4}$", text):
        return text if text not in ("0000", "1900", "1970") else ""
    else:
        return ""
    try:
        result = dt.date(year, month, day).isoformat()
    except ValueError:
        return ""
    return "" if result in PLACEHOLDER_DATES else result


def language_code(value: str) -> str:
    """ISO 639-1 code for a language tag or name (``es-CO``, ``Spanish``, ``spa``), or "".

    :param value: a language tag, code or name in es/en/pt/fr.
    """
    folded = fold(value).replace("_", "-")
    if re.fullmatch(r"[a-z]{2}(?:-[a-z0-9]+)*", folded):
        return folded[:2]
    primary = folded.split("-")[0].split(",")[0].strip()
    return LANGUAGE_NAMES.get(primary, "")


def status_value(value: str) -> str:
    """A model status for a status word, or "" when it cannot be told.

    :param value: e.g. ``vigente``, ``en vigor``, ``derogado``, ``in_force``.
    """
    folded = fold(value).replace("_", " ").replace("-", " ")
    if folded.startswith(NEGATIONS):
        return "not_in_force"
    for word, status in STATUS_WORDS:
        if word in folded:
            return status
    return ""


def number_from_identifier(identifier: str) -> str:
    """The number in a ``TYPE-NUMBER[-YEAR]`` identifier, else the identifier unchanged.

    :param identifier: e.g. ``LEY-1257-2008``, ``UY-ley-18065``, ``DS-119-2003-RE``.

    >>> [number_from_identifier(i) for i in ("LEY-1257-2008", "UY-ley-18065", "DS-119-2003-RE")]
    ['1257', '18065', '119-2003-RE']
    """
    rest = IDENTIFIER_PREFIX.sub("", identifier)
    if rest == identifier:
        return identifier
    year = IDENTIFIER_YEAR.match(rest)
    return year.group(1) if year else rest


def _scalar(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, list | tuple):
        return "; ".join(_scalar(v) for v in value if not isinstance(v, Mapping))
    if value is None or isinstance(value, Mapping):
        return ""
    return str(value).strip()


def map_front_matter(fields: Mapping[str, object]) -> dict[str, str]:
    """Metadata of :data:`library.model.METADATA_FIELDS` (and ``*_hint`` keys) from front matter.

    :param fields: the parsed YAML mapping.
    """
    folded = {re.sub(r"[^a-z0-9]+", "_", fold(str(k))).strip("_"): v for k, v in fields.items()}
    result: dict[str, str] = {}
    for field, keys in FIELD_KEYS:
        for key in keys:
            raw = folded.get(key)
            value = iso_date(raw) if field in DATE_FIELDS and raw else _scalar(raw)
            if value:
                result[field] = value
                break
    identifier = _scalar(folded.get("identifier") or folded.get("identificador"))
    if identifier:
        result["identifier"] = identifier
        result.setdefault("number", number_from_identifier(identifier))
    if "instrument_type_hint" in result:
        result["instrument_type_hint"] = result["instrument_type_hint"].replace("_", " ")
    if "jurisdiction" in result and not re.fullmatch(r"[A-Za-z]{2}", result["jurisdiction"]):
        result["jurisdiction_hint"] = result.pop("jurisdiction")
    elif "jurisdiction" in result:
        result["jurisdiction"] = result["jurisdiction"].upper()
    if "status" in result:
        status = status_value(result["status"])
        if status:
            result["status"] = status
        else:
            result["status_hint"] = result.pop("status")
    if "language" in result:
        code = language_code(result["language"])
        if code:
            result["language"] = code
        else:
            result["language_hint"] = result.pop("language")
    if "source_url" in result and not re.match(r"https?://", result["source_url"], re.I):
        del result["source_url"]
    return result


def split_front_matter(text: str) -> tuple[str | None, str]:
    """``(front matter source or None, body)``.

    :param text: the decoded Markdown.
    """
    opening = FRONT_OPEN.match(text)
    if not opening:
        return None, text
    closing = FRONT_CLOSE.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER)
    if not closing:
        return None, text
    return text[opening.end() : closing.start()], text[closing.end() :].lstrip("\n")


def parse_front_matter(source: str) -> tuple[dict[str, str], list[str]]:
    """Metadata and warnings from front matter; malformed YAML is salvaged line by line.

    :param source: the text between the ``---`` lines.
    """
    warnings: list[str] = []
    try:
        parsed = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        warnings.append(f"malformed YAML front matter{where}; read simple 'key: value' lines only")
        parsed = {}
        for line in source.splitlines():
            match = SIMPLE_PAIR.match(line)
            if match and not line.startswith((" ", "\t", "-")):
                parsed[match.group(1)] = match.group(2).strip("\"'")
    if parsed is None:
        parsed = {}
    if not isinstance(parsed, Mapping):
        warnings.append("front matter is not a mapping of keys to values; ignored")
        return {}, warnings
    return map_front_matter(parsed), warnings
