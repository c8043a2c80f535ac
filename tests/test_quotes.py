import pytest

from bilateral.quotes import files_containing, normalise, numbers_in, quote_carries, read_texts


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("Bilateral trade rose by 13.6% last year reaching a record $4.1 billion", 13.6),
        ("Bilateral trade rose by 13.6% last year reaching a record $4.1 billion", 4.1),
        ("more than 16,000 Kyrgyz students are studying in Russia", 16000),
        ("he has funded 3.5 thousand projects", 3500),
        ("7.5 thousand students", 7500),
        ("S.N.Japarov visited the Russian Federation five times", 5),
        ("a major joint project to create nine Russian-language schools", 9),
        ("almost triple the figure of several years ago", 3),
        ("representing one-third of all foreign enterprises in the country", 33.3),
        ("2.15 billion rubles have been allocated", 2.15),
    ],
)
def test_a_quote_carries_its_figure_in_digits_or_words(quote, value):
    assert quote_carries(quote, value)


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("turnover grew 13.6% last year to $4.1 billion", 4.2),
        ("turnover grew 13.6% last year to $4.1 billion", 13),
        ("more than 16,000 Kyrgyz students", 16),
        ("the state visit took place", 1),
    ],
)
def test_a_quote_that_does_not_state_the_value_does_not_carry_it(quote, value):
    assert not quote_carries(quote, value)


def test_a_number_followed_by_a_multiplier_is_read_both_ways():
    assert 4.1 in numbers_in("$4.1 billion")
    assert quote_carries("$4.1 billion", 4.1e9)
    assert quote_carries("exceeded the mark of 190 million US dollars", 190e6)


def test_normalise_folds_whitespace_and_quote_marks_only():
    assert normalise("the  “Games of\nthe Future”  ‘Kazan’") == "the \"Games of the Future\" 'Kazan'"
    assert normalise("Moscow's") != normalise("Moscows")


def test_a_quote_is_found_in_a_text_despite_line_breaks_and_curly_quotes(tmp_path):
    (tmp_path / "a.txt").write_text("the first International multisport\ntournament “Games of the Future”", "utf-8")
    (tmp_path / "b.txt").write_text("nothing relevant", "utf-8")
    (tmp_path / "notes.md").write_text("the first International multisport tournament", "utf-8")
    texts = read_texts(tmp_path)
    assert list(texts) == ["a.txt", "b.txt"]
    assert files_containing('multisport tournament "Games of the Future"', texts) == ["a.txt"]


def test_a_quote_altered_by_one_word_is_not_found(tmp_path):
    (tmp_path / "a.txt").write_text("Trade turnover reached a record $4.1 billion last year", "utf-8")
    texts = read_texts(tmp_path)
    assert files_containing("Trade turnover reached a record $4.1 billion last year", texts) == ["a.txt"]
    assert files_containing("Trade turnover hit a record $4.1 billion last year", texts) == []


def test_a_number_too_long_for_a_float_carries_no_value_and_does_not_fail():
    # 400 digits read as infinity; comparing it as a whole number used to raise OverflowError.
    assert not quote_carries("a figure of " + "9" * 400, 4.1)
