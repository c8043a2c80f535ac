"""Check quotes: that a quote carries its figure, and that it stands word for word in a source text."""

from __future__ import annotations

import re
from pathlib import Path

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "hundred": 100, "thousand": 1000,
    "double": 2, "twice": 2, "triple": 3, "threefold": 3, "quadruple": 4,
}  # fmt: skip
_FRACTIONS = {
    "half": 1 / 2, "one-half": 1 / 2, "one-third": 1 / 3, "two-thirds": 2 / 3,
    "one-quarter": 1 / 4, "three-quarters": 3 / 4,
}  # fmt: skip
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?", re.IGNORECASE)
_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟″"} | {c: "'" for c in "‘’‚‛′"})


def numbers_in(text: str) -> set[float]:
    """Every number a reader can see in the text, written in digits or words, with and without a multiplier."""
    found: set[float] = set()
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = float(token.replace(",", ""))
        elif token in _WORDS:
            value = float(_WORDS[token])
        elif token in _FRACTIONS:
            found.update({_FRACTIONS[token], _FRACTIONS[token] * 100})
            continue
        else:
            continue
        found.add(value)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if following in _MULTIPLIERS:
            found.add(value * _MULTIPLIERS[following])
    return found


def quote_carries(quote: str, value: float) -> bool:
    """Tell whether the quote states the value, allowing for rounding of fractions such as one-third."""
    for n in numbers_in(quote):
        # is_integer, not n != int(n): a number of 309 digits or more reads as infinity, which int() refuses.
        rounded = not n.is_integer() and round(n, 1) == value
        if n == value or rounded or abs(n - value) <= 1e-9 * max(1.0, abs(value)):
            return True
    return False


def normalise(text: str) -> str:
    """Fold whitespace and quote marks, the only ways a quote may differ from its source."""
    return " ".join(text.translate(_QUOTES).split())


def read_texts(folder: str | Path) -> dict[str, str]:
    """Read every .txt file of a folder, normalised, by file name."""
    # A stray byte in a source text must not stop the check; it cannot match a quote anyway.
    return {
        p.name: normalise(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(Path(folder).glob("*.txt"))
    }


def files_containing(quote: str, texts: dict[str, str]) -> list[str]:
    needle = normalise(quote)
    return [name for name, text in texts.items() if needle in text]
