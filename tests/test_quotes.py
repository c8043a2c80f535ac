import pytest

from bilateral.quotes import normalise, numbers_in, quote_carries, read_texts, relative_period, stands_in


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
    assert stands_in('multisport tournament "Games of the Future"', texts["a.txt"])
    assert not stands_in('multisport tournament "Games of the Future"', texts["b.txt"])


def test_a_quote_altered_by_one_word_is_not_found(tmp_path):
    (tmp_path / "a.txt").write_text("Trade turnover reached a record $4.1 billion last year", "utf-8")
    texts = read_texts(tmp_path)
    assert stands_in("Trade turnover reached a record $4.1 billion last year", texts["a.txt"])
    assert not stands_in("Trade turnover hit a record $4.1 billion last year", texts["a.txt"])


def test_a_number_too_long_for_a_float_carries_no_value_and_does_not_fail():
    # 400 digits read as infinity; comparing it as a whole number used to raise OverflowError.
    assert not quote_carries("a figure of " + "9" * 400, 4.1)


@pytest.mark.parametrize(
    ("quote", "value", "scale", "language"),
    [
        ("товарооборот достиг $3,2 млрд", 3.2, 1e9, "ru"),
        ("составил 2 миллиарда 406 миллионов долларов", 2.406, 1e9, "ru"),
        ("в российских вузах обучаются 16 000 студентов", 16000, 1, "ru"),
        ("в российских вузах обучаются 16\u00a0000 студентов", 16000, 1, "ru"),
        ("более 16 тысяч кыргызстанцев", 16, 1e3, "ru"),
        ("около 1,2 млн человек", 1.2, 1e6, "ru"),
        ("одна треть всего экспорта", 33.3, 1, "ru"),
        ("двадцать пять тысяч мест", 25, 1e3, "ru"),
        ("товарооборот вырос вдвое", 2, 1, "ru"),
        ("соода жүгүртүү 3,2 миллиард долларды түздү", 3.2, 1e9, "ky"),
        ("a $1.5bn loan", 1.5, 1e9, "en"),
        ("16,000 students", 16000, 1, "en"),
        ("a thousand students", 1000, 1, "en"),
    ],
)
def test_a_quote_states_its_value_in_its_own_language_grouping_and_decimal_comma(quote, value, scale, language):
    assert quote_carries(quote, value, scale, language)


def test_a_comma_groups_thousands_in_english_and_marks_decimals_in_russian():
    assert not quote_carries("3,200 companies", 3.2, 1, "en")
    assert quote_carries("3,2 млрд", 3.2, 1e9, "ru")
    assert not quote_carries("в 2025 году более $3,1 миллиарда", 3.2, 1e9, "ru")


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("Trade rose 13.6% last year", "last year"),
        ("in the previous year", "previous year"),
        ("за прошлый год товарооборот вырос на 13%", "прошлый год"),
        ("в прошлом году товарооборот составил", "прошлом году"),
        ("за первые полгода этого года уже на 14%", "этого года"),
        ("в текущем году", "текущем году"),
        ("былтыр соода 3 миллиард", "былтыр"),
    ],
)
def test_relative_periods_are_recognised_in_each_language(quote, words):
    assert relative_period(quote) == words


def test_words_that_only_look_relative_are_not_taken_for_a_relative_period():
    assert relative_period("переговоры прошли в Москве 26 ноября 2025 года") is None
    assert relative_period("Trade turnover in 2024 reached $4.1 billion") is None
