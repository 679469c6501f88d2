"""The query language, parsed into a small tree of frozen nodes.

Words, ``"phrases"``, ``AND`` / ``OR`` / ``NOT`` (upper case), ``-exclusion``,
``(grouping)``, ``prefix*``, ``fuzzy~`` (``~2``), ``title:`` / ``number:`` text fields and
filters (``country:mx type:law year:2010..2020 lang:pt topic:trafficking status:in_force``).
Juxtaposed terms are ANDed. :func:`parse` raises :class:`QuerySyntaxError` on a malformed
query; :func:`parse_forgiving` answers it as plain words with a notice instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import analysis
from index import fields as F
from index.notices import Notice, query_not_understood
from library.errors import QuerySyntaxError

MIN_PREFIX = 2
MAX_FUZZ = 2
MAX_QUERY_CHARS = 1000
MAX_NODES = 64


@dataclass(frozen=True)
class Word:
    """A word; ``mode`` is ``word``, ``exact`` (quoted), ``prefix`` or ``fuzzy``."""

    text: str  # folded
    mode: str = "word"
    fuzz: int = 0
    field: str = ""  # "" (body and title), F.TITLE or F.NUMBER


@dataclass(frozen=True)
class Phrase:
    """A quoted run of words (folded), stop words included."""

    words: tuple[str, ...]
    field: str = ""


@dataclass(frozen=True)
class Filter:
    """A facet filter: the document's ``field`` has one of ``values``."""

    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class YearRange:
    """Years from ``low`` to ``high``, inclusive."""

    low: int
    high: int


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class MatchAll:
    """Every document (the empty query)."""


@dataclass(frozen=True)
class Concept:
    """Words that name a thesaurus concept, with its labels in other languages."""

    original: Node
    concept_ids: tuple[str, ...]
    labels: tuple[tuple[str, tuple[str, ...]], ...]  # (language, folded words of one label)
    language: str  # the language the query named it in ("" when unknown)


Node = Word | Phrase | Filter | YearRange | And | Or | Not | MatchAll | Concept

_LEXER = re.compile(
    r'(?P<ws>\s+)|(?P<lp>\()|(?P<rp>\))|(?P<quote>")'
    r'|(?P<term>[A-Za-z_]+:"[^"]*"?|[^\s()"]+)'
)
_OPERATORS = {"AND": "and", "OR": "or", "NOT": "not", "&&": "and", "||": "or"}
_YEAR_RANGE = re.compile(r"^(\d{0,4})(?:\.\.|-)(\d{0,4})$")


@dataclass(frozen=True)
class _Token:
    kind: str  # lp rp phrase term and or not minus
    text: str


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        m = _LEXER.match(text, pos)
        if m is None:  # pragma: no cover - the pattern matches any character
            raise QuerySyntaxError("cannot read the query", "syntax")
        pos = m.end()
        kind = m.lastgroup or "ws"
        if kind == "ws":
            continue
        if kind == "quote":
            end = text.find('"', pos)
            if end < 0:
                raise QuerySyntaxError(
                    "a quotation mark is not closed",
                    "unbalanced_quote",
                    text.replace('"', " ").strip(),
                )
            tokens.append(_Token("phrase", text[pos:end]))
            pos = end + 1
            continue
        value = m.group()
        if kind == "term":
            if value.count('"') % 2:
                raise QuerySyntaxError(
                    "a quotation mark is not closed", "unbalanced_quote", text.replace('"', " ")
                )
            if value in _OPERATORS:
                kind = _OPERATORS[value]
            elif value == "-" and text[pos : pos + 1] in ("(", '"'):
                tokens.append(_Token("minus", "-"))
                continue
            elif value.startswith("-") and len(value) > 1:
                tokens.append(_Token("minus", "-"))
                value = value[1:]
            elif value.startswith("+") and len(value) > 1:
                value = value[1:]
        tokens.append(_Token(kind, value))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _lex(text)
        self.pos = 0
        self.nodes = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def error(self, message: str, code: str) -> QuerySyntaxError:
        return QuerySyntaxError(message, code, plain_words(self.text))

    def parse(self) -> Node:
        if not self.tokens:
            return MatchAll()
        node = self.or_expr()
        if self.peek() is not None:
            raise self.error("a closing parenthesis has no opening one", "unbalanced_paren")
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            if self.peek() is None or self.peek().kind in ("rp", "or", "and"):  # type: ignore[union-attr]
                raise self.error("OR needs a term on each side", "dangling_operator")
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self) -> Node:
        children = [self.unary()]
        while (token := self.peek()) is not None and token.kind not in ("rp", "or"):
            if token.kind == "and":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in ("rp", "or", "and"):
                    raise self.error("AND needs a term on each side", "dangling_operator")
            children.append(self.unary())
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise self.error("the query ends with an operator", "dangling_operator")
        if token.kind in ("not", "minus"):
            self.take()
            if self.peek() is None or self.peek().kind in ("rp", "or", "and"):  # type: ignore[union-attr]
                raise self.error(f"{token.text} needs a term after it", "dangling_operator")
            return Not(self.unary())
        return self.atom()

    def atom(self) -> Node:
        token = self.take()
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.error(f"the query has more than {MAX_NODES} terms", "too_long")
        if token.kind == "lp":
            if self.peek() is None:
                raise self.error("a parenthesis is not closed", "unbalanced_paren")
            if self.peek().kind == "rp":  # type: ignore[union-attr]
                raise self.error("empty parentheses", "empty_group")
            node = self.or_expr()
            if self.peek() is None or self.take().kind != "rp":
                raise self.error("a parenthesis is not closed", "unbalanced_paren")
            return node
        if token.kind == "rp":
            raise self.error("a closing parenthesis has no opening one", "unbalanced_paren")
        if token.kind in ("and", "or"):
            raise self.error(f"{token.text} needs a term on each side", "dangling_operator")
        if token.kind == "phrase":
            return self.phrase(token.text, "")
        return self.term(token.text)

    def phrase(self, text: str, field: str) -> Node:
        words = tuple(analysis.word_tokens(text))
        if not words:
            raise self.error("empty quotation marks", "empty_phrase")
        if len(words) == 1:
            return Word(words[0], "exact", field=field)
        return Phrase(words, field)

    def term(self, text: str) -> Node:
        name, sep, value = text.partition(":")
        if sep and name and value and re.fullmatch(r"[A-Za-z_]+", name):
            return self.field(name.lower(), value)
        return self.word(text, "")

    def field(self, name: str, value: str) -> Node:
        if name in F.QUERY_TEXT_FIELDS:
            field = F.QUERY_TEXT_FIELDS[name]
            if value.startswith('"'):
                return self.phrase(value.strip('"'), field)
            return self.word(value, field)
        if name not in F.QUERY_FILTER_FIELDS:
            known = ", ".join(sorted({*F.QUERY_FILTER_FIELDS, *F.QUERY_TEXT_FIELDS}))
            raise self.error(f"unknown field {name!r} (known: {known})", "unknown_field")
        field = F.QUERY_FILTER_FIELDS[name]
        value = value.strip('"')
        if field == F.YEAR:
            return self.years(value)
        values = tuple(v.strip().lower() for v in value.split(",") if v.strip())
        if field == F.ISSUING_BODY:
            values = (value.strip(),)
        if not values or not all(values):
            raise self.error(f"{name}: needs a value", "empty_field")
        return Filter(field, values)

    def years(self, value: str) -> Node:
        if value.isdigit() and len(value) <= 4:
            return YearRange(int(value), int(value))
        m = _YEAR_RANGE.match(value)
        if m is None or not (m.group(1) or m.group(2)):
            raise self.error(f"year:{value} is not a year or a range like 2010..2020", "bad_range")
        low = int(m.group(1) or 0)
        high = int(m.group(2) or 9999)
        return YearRange(min(low, high), max(low, high))

    def word(self, text: str, field: str) -> Node:
        mode, fuzz = "word", 0
        fuzzy = re.fullmatch(r"(.+?)~(\d?)", text)
        if fuzzy:
            text, mode = fuzzy.group(1), "fuzzy"
            fuzz = min(MAX_FUZZ, int(fuzzy.group(2) or 1)) or 1
        elif text.endswith("*") and text.rstrip("*"):
            text, mode = text.rstrip("*"), "prefix"
        words = analysis.word_tokens(text)
        if not words:
            if mode != "word" or any(ch.isalnum() for ch in text):
                raise self.error(f"{text!r} has no letters or digits to search", "empty_term")
            return MatchAll()  # punctuation only: matches like nothing typed
        if mode == "prefix" and len(words[-1]) < MIN_PREFIX:
            raise self.error(
                f"a prefix needs at least {MIN_PREFIX} letters before *", "short_prefix"
            )
        if len(words) > 1:  # "covid-19", "l'immigration": the words next to each other
            if mode != "word":
                return And(
                    (
                        *(Word(w, field=field) for w in words[:-1]),
                        Word(words[-1], mode, fuzz, field),
                    )
                )
            return Phrase(tuple(words), field)
        return Word(words[0], mode, fuzz, field)


def plain_words(text: str) -> str:
    """The words of ``text`` without any query syntax: what a malformed query falls back to.

    >>> plain_words('"trata de (personas')
    'trata de personas'
    """
    return " ".join(analysis.TOKEN.findall(text[:MAX_QUERY_CHARS]))


def parse(text: str) -> Node:
    """Parse a query; malformed queries raise.

    :param text: what the user typed.
    :raises QuerySyntaxError: with a ``code`` and a plain-words ``suggestion``.

    >>> parse('migrantes -"trata de personas"')
    And(children=(Word(text='migrantes', mode='word', fuzz=0, field=''), Not(child=Phrase(words=('trata', 'de', 'personas'), field=''))))
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"the query is longer than {MAX_QUERY_CHARS} characters",
            "too_long",
            plain_words(text),
        )
    return _simplify(_Parser(text).parse())


def parse_forgiving(text: str) -> tuple[Node, tuple[Notice, ...]]:
    """Parse a query; a malformed one is answered as its plain words, with a notice.

    :param text: what the user typed.
    :returns: the tree and the notices for the user.
    """
    try:
        return parse(text), ()
    except QuerySyntaxError as error:
        words = plain_words(text)
        notice = query_not_understood(str(error), error.code, words)
        fallback = And(tuple(Word(w) for w in analysis.word_tokens(words))) if words else None
        node = _simplify(fallback) if fallback and fallback.children else MatchAll()
        return node, (notice,)


def _simplify(node: Node) -> Node:
    """Flatten nested And/Or, drop MatchAll inside And, keep single children bare."""
    if isinstance(node, And | Or):
        kind = type(node)
        flat: list[Node] = []
        for child in map(_simplify, node.children):
            if isinstance(child, kind):
                flat.extend(child.children)
            elif isinstance(child, MatchAll) and kind is And:
                continue
            else:
                flat.append(child)
        if kind is Or and any(isinstance(c, MatchAll) for c in flat):
            return MatchAll()
        if not flat:
            return MatchAll()
        return flat[0] if len(flat) == 1 else kind(tuple(flat))
    if isinstance(node, Not):
        child = _simplify(node.child)
        return MatchAll() if isinstance(child, MatchAll) else Not(child)
    return node


def plain_terms(node: Node) -> list[str]:
    """The plain words of the query outside negations, in order (for language guessing)."""
    if isinstance(node, Word):
        return [node.text] if node.mode in ("word", "exact") else []
    if isinstance(node, Phrase):
        return list(node.words)
    if isinstance(node, And | Or):
        return [w for child in node.children for w in plain_terms(child)]
    if isinstance(node, Concept):
        return plain_terms(node.original)
    return []
