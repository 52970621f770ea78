"""Who the shopper says they are: an email, or a first and last name with a ZIP code."""

from __future__ import annotations

import re
from dataclasses import dataclass

from returndesk.llm.offline.lexicon import words

EMAIL = re.compile(r"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}", re.I)
# "yusuf.rossi7301 at example dot com", as people write addresses to fool spam robots.
_SPOKEN_EMAIL = re.compile(
    r"\b([a-z0-9][a-z0-9._%+\-]*)\s+(?:at|\(at\)|\[at\])\s+([a-z0-9\-]+(?:\s*(?:\.|dot|\(dot\))\s*"
    r"[a-z0-9\-]+)+)\b",
    re.I,
)
_ZIP = re.compile(r"(?<![\d$.#\w])(\d{5})(?:-\d{4})?(?!\d|\.\d|\w)")
_NAME_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\-]*")
_FIRST_LAST = re.compile(
    r"\bfirst name:?\s*(?:is\s+)?([A-Za-z][\w'\-]*)\b.*?"
    r"\blast name:?\s*(?:is\s+)?([A-Za-z][\w'\-]*)",
    re.I,
)
_NAME_CUE = re.compile(
    r"\b(?:my name is|my name's|name is|name's|i am|i'm|im|this is|it's|its|call me)\s+$", re.I
)
# Words around a name in "Hi, this is Omar Anderson, zip code 19031"; never part of a name.
_FILLERS = words(
    """
    hi hello hey there this is it's its it i'm im i am my name name's names and zip zipcode
    zip-code code postal postcode post the here ok okay so yes sure yeah please thanks thank
    you me verify verification live lives living in at from first last surname call called
    account under for with mine area number details info are they good morning afternoon
    evening oh well um uh of a an to want wanna check order orders return need email e-mail
    address was should be dear mr mrs ms dr miss hiya yo can could would like i'd id look up
    find help just quick also again sorry not no but or on by
    """
)
_MAX_NAME_WORDS = 3


@dataclass(frozen=True, slots=True)
class Identity:
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    zip: str | None = None

    @property
    def complete(self) -> bool:
        """Enough to look the shopper up: an email, or both names and a ZIP code."""
        return self.email is not None or None not in (self.first_name, self.last_name, self.zip)

    @property
    def partial(self) -> bool:
        return not self.complete and (self.first_name is not None or self.zip is not None)


def find_email(raw: str) -> str | None:
    match = EMAIL.search(raw)
    if match is not None:
        return match.group(0).lower().rstrip(".")
    spoken = _SPOKEN_EMAIL.search(raw)
    if spoken is None or not re.search(r"dot|\.", spoken.group(2)):
        return None
    domain = re.sub(r"\s*(?:\(dot\)|dot|\.)\s*", ".", spoken.group(2).lower())
    return f"{spoken.group(1).lower()}@{domain}"


def find_identity(raw: str, *, expecting: bool) -> Identity:
    """The identity in `raw`; names are looked for next to a ZIP code, after "my name is",
    or (when `expecting` them, at the verify step) in a message of names alone."""
    email = find_email(raw)
    if email is not None:
        return Identity(email=email)
    without_email = EMAIL.sub(" ", raw)
    zip_match = _ZIP.search(without_email)
    zip_code = zip_match.group(1) if zip_match else None
    names: tuple[str, str | None] | None = _explicit_names(without_email)
    if names is None and (zip_match is not None or expecting or _NAME_CUE.search(raw)):
        names = _names_near(without_email, zip_match, expecting=expecting)
    first, last = names or (None, None)
    return Identity(first_name=first, last_name=last, zip=zip_code)


def _explicit_names(raw: str) -> tuple[str, str] | None:
    match = _FIRST_LAST.search(raw)
    return (_capitalized(match.group(1)), _capitalized(match.group(2))) if match else None


def _names_near(
    raw: str, zip_match: re.Match[str] | None, *, expecting: bool
) -> tuple[str, str | None] | None:
    """The run of name-like words nearest the ZIP code (before it, else after it)."""
    runs = _runs(raw)
    if not runs:
        return None
    if zip_match is None:
        cue = [run for start, run in runs if _NAME_CUE.search(raw[:start])]
        if cue:
            return _split(cue[0])
        # With no ZIP and no cue, only a message of names alone is read as a name.
        whole = [run for _, run in runs]
        return _split(whole[0]) if expecting and len(whole) == 1 and _only_names(raw) else None
    before = [run for start, run in runs if start < zip_match.start()]
    after = [run for start, run in runs if start > zip_match.start()]
    chosen = before[-1] if before else after[0] if after else None
    return _split(chosen) if chosen else None


def _runs(raw: str) -> list[tuple[int, list[str]]]:
    """Runs of consecutive non-filler words, with where each run starts."""
    runs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    last_end = -1
    for match in _NAME_TOKEN.finditer(raw):
        word = match.group(0)
        gap = raw[last_end : match.start()] if last_end >= 0 else ""
        broken = bool(re.search(r"[,.;:/!?\d]", gap))
        filler = _bare(word) in _FILLERS
        if filler or broken:
            if current:
                runs.append((start, current))
            current = []
        if not filler:
            if not current:
                start = match.start()
            current.append(word)
        last_end = match.end()
    if current:
        runs.append((start, current))
    return [(s, run) for s, run in runs if len(run) <= _MAX_NAME_WORDS]


def _bare(word: str) -> str:
    """A word as the fillers list it: "zip's" is "zip", "it's" is "it"."""
    bare = word.lower().strip("'")
    return bare[:-2] if bare.endswith("'s") else bare


def _only_names(raw: str) -> bool:
    return (
        re.fullmatch(r"\s*[A-Za-z][A-Za-z'\-]*(?:\s+[A-Za-z][A-Za-z'\-]*){1,2}[\s.!]*", raw)
        is not None
    )


def _split(run: list[str]) -> tuple[str, str | None]:
    first = _capitalized(run[0])
    last = " ".join(_capitalized(word) for word in run[1:]) or None
    return first, last


def _capitalized(word: str) -> str:
    """ "yusuf" and "YUSUF" become "Yusuf", "o'neil" "O'Neil"; "McDonald" stays as typed."""
    if not (word.islower() or word.isupper()):
        return word
    return "-".join(_capitalized_part(part) for part in word.lower().split("-"))


def _capitalized_part(part: str) -> str:
    head, apostrophe, tail = part.partition("'")
    if apostrophe and len(head) == 1:
        return f"{head.upper()}'{tail.capitalize()}"
    return part.capitalize()
