"""Administrative levels, ranks and forms of address of Chinese officials,
from sourced data. Every answer is the `rankinfo` command's `--json` answer:
the same field names and values, as dicts and lists.
"""

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

__version__: str

Answer = Dict[str, Any]

class RankinfoError(ValueError):
    """A question rankinfo cannot answer.

    `kind` is the CLI's `error` field (unknown, unknown_context, ambiguous,
    not_a_title), `input` what was asked, `suggestions` the closest names,
    `details` the CLI's JSON for the error.
    """

    kind: Optional[str]
    input: Optional[str]
    suggestions: List[str]
    details: Answer

class UnknownName(RankinfoError):
    """No post, rank, level or kind of organisation by that name.

    >>> try:
    ...     rankinfo.show("处常")
    ... except rankinfo.UnknownName as e:
    ...     print(e.suggestions[0])
    处长
    """

class NotATitle(RankinfoError):
    """A level (正处级) where a post or rank was needed."""

class DataError(RankinfoError):
    """A data file that cannot be used: where its first problem is, and all."""

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    message: Optional[str]
    errors: List[Dict[str, Any]]

def resolve(text: str) -> Answer:
    """Read a real-world title string (as `rankinfo resolve TEXT --json`).

    >>> r = rankinfo.resolve("广东省深圳市南山区发展和改革局副局长")
    >>> r["level"], r["title"], r["certainty"]
    ('县处级副职', '副局长', 'high')
    """

def resolve_many(texts: Iterable[str]) -> List[Answer]:
    """`resolve` for each text, in order: the same dicts.

    Resolved on every core without the GIL; a repeated text once, each of
    its rows a dict of its own (no dict or list shared between rows), its
    `input` the first such row's string. A non-str item raises TypeError, a
    lone surrogate UnicodeEncodeError.

    >>> [r["level"] for r in rankinfo.resolve_many(["县长", "某某公司总经理"])]
    ['县处级正职', None]
    """

def annotate(
    texts: Iterable[str],
    fields: Sequence[str] = ("level", "title", "rank", "certainty", "seniority"),
) -> Dict[str, List[Any]]:
    """Columns for `pandas.DataFrame(...)`: each field to one value per text.

    Fields: input, level, level_short, level_english, seniority, order,
    grade_highest, grade_lowest, title, rank, context, rule, certainty,
    confidence, sector, nominal, often, stated_level, post_level,
    organisation, explanation. `seniority`: higher = more senior (12 for
    国家级正职 … 1 for 办事员级; 13 − the level's `order`), None without a level.
    Texts are resolved and checked as by `resolve_many`.

    >>> rankinfo.annotate(["县长", "副县长"])["seniority"]
    [6, 5]
    """

def show(name: str, at: Optional[str] = None) -> Answer:
    """One post, rank or level (as `rankinfo show NAME --json`).

    >>> rankinfo.show("处长")["level"]
    '县处级正职'
    """

def compare(a: str, b: str, at: Optional[str] = None) -> Answer:
    """Which is higher, and why (as `rankinfo compare A B --json`).

    >>> rankinfo.compare("调研员", "处长")["relation"]
    'same'
    """

def equiv(name: str) -> Answer:
    """Equivalents across the sequences (as `rankinfo equiv NAME --json`)."""

def address(
    title: str,
    surname: Optional[str] = None,
    given_name: Optional[str] = None,
    same_surname_as_head: bool = False,
    at: Optional[str] = None,
    former: Optional[str] = None,
) -> Answer:
    """How to address the holder (as `rankinfo address TITLE --json`)."""

def brief(
    title: str,
    surname: Optional[str] = None,
    given_name: Optional[str] = None,
    same_surname_as_head: bool = False,
    at: Optional[str] = None,
    former: Optional[str] = None,
) -> Answer:
    """One screen before a visit (as `rankinfo brief TITLE --json`)."""

def ladder() -> List[Answer]:
    """The whole ladder of levels and 职级 (as `rankinfo ladder --json`)."""

def data_version() -> str:
    """The version of the built-in data."""

class Dataset:
    """The built-in data, or it with your own files merged over it."""

    @staticmethod
    def builtin() -> "Dataset": ...
    @staticmethod
    def load(paths: Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]]) -> "Dataset":
        """Merge each file over the built-in data (docs/data-format.md).

        Raises DataError (every problem of every file) before anything is used.
        """
    @property
    def files(self) -> List[str]: ...
    def resolve(self, text: str) -> Answer: ...
    def resolve_many(self, texts: Iterable[str]) -> List[Answer]: ...
    def annotate(
        self,
        texts: Iterable[str],
        fields: Sequence[str] = ("level", "title", "rank", "certainty", "seniority"),
    ) -> Dict[str, List[Any]]: ...
    def show(self, name: str, at: Optional[str] = None) -> Answer: ...
    def compare(self, a: str, b: str, at: Optional[str] = None) -> Answer: ...
    def equiv(self, name: str) -> Answer: ...
    def address(
        self,
        title: str,
        surname: Optional[str] = None,
        given_name: Optional[str] = None,
        same_surname_as_head: bool = False,
        at: Optional[str] = None,
        former: Optional[str] = None,
    ) -> Answer: ...
    def brief(
        self,
        title: str,
        surname: Optional[str] = None,
        given_name: Optional[str] = None,
        same_surname_as_head: bool = False,
        at: Optional[str] = None,
        former: Optional[str] = None,
    ) -> Answer: ...
    def ladder(self) -> List[Answer]: ...
    def data_version(self) -> str: ...
