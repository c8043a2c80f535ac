"""Check quotes: that a quote carries its figure, whether it dates itself relatively, and that it stands in its text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "double": 2, "twice": 2, "triple": 3, "threefold": 3, "quadruple": 4,
    "dozen": 12,
}  # fmt: skip
# Russian and Kyrgyz numerals by their stem, so that one entry reads every case ("два", "двух", "двум"):
# a token counts when it starts with the stem and is at most a few letters longer.
_RU_WORDS = {
    "один": 1, "одна": 1, "одно": 1, "одног": 1, "одной": 1, "одном": 1, "два": 2, "две": 2, "двух": 2,
    "двум": 2, "три": 3, "трех": 3, "трёх": 3, "трем": 3, "четыре": 4, "четырех": 4, "четырёх": 4,
    "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17,
    "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сорок": 40,
    "пятьдесят": 50, "пятидесят": 50, "шестьдесят": 60, "шестидесят": 60, "семьдесят": 70,
    "семидесят": 70, "восемьдесят": 80, "восьмидесят": 80, "девяност": 90, "сто": 100, "ста": 100,
    "двести": 200, "двухсот": 200, "триста": 300, "трехсот": 300, "трёхсот": 300, "четыреста": 400,
    "пятьсот": 500, "пятисот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800,
    "девятьсот": 900, "вдвое": 2, "втрое": 3, "вчетверо": 4, "полтора": 1.5, "полторы": 1.5,
    # Kyrgyz
    "бир": 1, "эки": 2, "үч": 3, "төрт": 4, "беш": 5, "алты": 6, "жети": 7, "сегиз": 8, "тогуз": 9,
    "он": 10, "жыйырма": 20, "отуз": 30, "кырк": 40, "элүү": 50, "алтымыш": 60, "жетимиш": 70,
    "сексен": 80, "токсон": 90, "жүз": 100,
}  # fmt: skip
_FRACTIONS = {
    "half": 1 / 2, "one-half": 1 / 2, "one-third": 1 / 3, "two-thirds": 2 / 3, "one-quarter": 1 / 4,
    "three-quarters": 3 / 4, "треть": 1 / 3, "трети": 1 / 3, "половин": 1 / 2, "четверт": 1 / 4,
}  # fmt: skip
_MULTIPLIERS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "mln": 1e6,
    "тыс": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9, "трлн": 1e12,
    "триллион": 1e12, "миң": 1e3,
}  # fmt: skip
_SPACE = "[ \u00a0\u202f]"  # Russian groups digits with a (narrow, non-breaking) space: 16 000
_TOKEN = re.compile(
    rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d+)?(?!\d)|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:[.,]\d+)?|[^\W\d_]+(?:-[^\W\d_]+)?"
)
_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟″"} | {c: "'" for c in "‘’‚‛′"})


def _by_stem(table: dict[str, float], token: str, slack: int) -> float | None:
    if token in table:
        return table[token]
    for cut in range(1, slack + 1):
        if len(token) - cut >= 3 and token[:-cut] in table:
            return table[token[:-cut]]
    return None


@lru_cache(maxsize=4096)  # the words of 600 quotes repeat; most are no number at all
def _word(token: str) -> tuple[str, float]:
    """What a word is to a number: one itself, a fraction, a multiplier, or nothing."""
    if (word := _EN_WORDS.get(token, _by_stem(_RU_WORDS, token, 3))) is not None:
        return "number", float(word)
    if (fraction := _by_stem(_FRACTIONS, token, 2)) is not None:
        return "fraction", fraction
    if (multiplier := _MULTIPLIERS.get(token, _by_stem(_MULTIPLIERS, token, 3))) is not None:
        return "multiplier", multiplier
    return "other", 0.0


def _digits(token: str, decimal_comma: bool) -> set[float]:
    """The values digits can mean: 3,2 is 3.2 in Russian and 3,200 is 3200 in English; 16 000 is 16000."""
    bare = re.sub(_SPACE, "", token)
    if "," in bare and "." in bare:
        return {float(bare.replace(",", ""))}
    if "," in bare:
        grouped = re.fullmatch(r"\d{1,3}(?:,\d{3})+", bare)
        values = {float(bare.replace(",", "."))} if decimal_comma or not grouped else set()
        if grouped:
            values.add(float(bare.replace(",", "")))
        return values
    return {float(bare)}


def numbers_in(text: str, language: str = "en") -> set[float]:
    """Every number a reader can see in the text, in digits or words, alone and with what multiplies it.

    A run of numbers and multipliers is also read whole, as "2 миллиарда 406 миллионов" (2.406 billion)
    or "двадцать пять" (25) are.
    """
    found: set[float] = set()
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    total = current = 0.0
    in_run = False

    def close() -> None:
        nonlocal total, current, in_run
        if in_run:
            found.add(total + current)
        total = current = 0.0
        in_run = False

    for token in tokens:
        kind, number = ("digits", 0.0) if token[0].isdigit() else _word(token)
        if kind == "digits":
            values = _digits(token, decimal_comma=language != "en")
        elif kind == "number":
            values = {number}
        elif kind == "fraction":
            found.update({number, number * 100})
            close()
            continue
        elif kind == "multiplier":
            if in_run:
                total, current = total + (current or 1) * number, 0.0
            else:
                found.add(number)  # "a thousand", "тысяча": the word is the number
            continue
        else:
            close()
            continue
        found.update(values)
        value = max(values)
        if in_run and not current:
            current = value  # "2 миллиарда 406 миллионов": the next group after a multiplier
        elif in_run and value < current and current % 10 == 0:
            current += value  # "twenty five", "сто двадцать"
        else:
            close()
            in_run, current = True, value
            if len(values) > 1:  # an ambiguous 3,200: read each way alone, not in a run
                close()
    close()
    return found


def quote_carries(quote: str, value: float, scale: float = 1.0, language: str = "en") -> bool:
    """Tell whether the quote states the value (in units of `scale`), allowing for rounding of fractions."""
    # A fall is stated in words ("fell by 25%"), its figure negative: the quote carries its size.
    targets = {abs(value), abs(value) * scale}
    for n in numbers_in(quote, language):
        # is_integer, not n != int(n): a number of 309 digits or more reads as infinity, which int() refuses.
        rounded = not n.is_integer() and round(n, 1) == abs(value)
        if rounded or any(abs(n - t) <= 1e-9 * max(1.0, abs(t)) for t in targets):
            return True
    return False


# Words that date a figure against the page's own date, which only a note can resolve.
_RELATIVE = re.compile(
    r"\b(?:last|this|previous|past|current|next|coming)\s+years?\b|\ba\s+year\s+(?:ago|earlier)\b"
    r"|(?:поза)?прошл(?:ом|ого|ый|ым|ому)\s+год\w*|(?:текущ|нынешн|будущ|следующ)(?:ем|его|ий|им|ему)\s+год\w*"
    r"|этом\s+году|этого\s+года|начала\s+года|өткөн\s+жыл\w*|былтыр\w*|быйыл\w*|ушул\s+жыл\w*|кийинки\s+жыл\w*",
    re.IGNORECASE,
)

_RELATIVE_WORDS = ("year", "год", "жыл", "былтыр", "быйыл")  # one of these is in every match of _RELATIVE


def relative_period(quote: str) -> str | None:
    """The words of the quote that date it relatively ("last year", "в прошлом году"), if any."""
    folded = quote.lower()
    if not any(word in folded for word in _RELATIVE_WORDS):
        return None  # the pattern is slow to try at every character, and most quotes name no year at all
    match = _RELATIVE.search(quote)
    return " ".join(match.group(0).split()) if match else None


def normalise(text: str) -> str:
    """Fold whitespace and quote marks, the only ways a quote may differ from its source."""
    return " ".join(text.translate(_QUOTES).split())


def read_texts(folder: str | Path) -> dict[str, str]:
    """Read every .txt file of a folder, normalised, by file name."""
    # A stray byte in a source text must not stop the check; it cannot match a quote anyway.
    return {
        p.name: normalise(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(Path(folder).glob("*.txt"))
    }


def stands_in(quote: str, text: str) -> bool:
    """Tell whether the quote stands word for word in a text read by read_texts."""
    return normalise(quote) in text
