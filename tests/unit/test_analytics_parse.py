"""A reviews CSV -> documents: aliases, derived sentiment, bad rows with line numbers."""

from __future__ import annotations

import pytest

from sales_agent.analytics.importer import parse_reviews
from sales_agent.errors import InputError


def _csv(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "reviews.csv"
    path.write_bytes(text.encode(encoding))
    return path


PROTOTYPE = """Username,Marketplace,Product Name,Review Date,Sentiment,Topic,Stars,Extra
ivan,Ozon,Капсулы,03.01.2026,Negative,Упаковка,,ignored
olga,WB,Капсулы,2026-01-03 12:00,,цена,2,x
petr,WB,Зёрна,03/01/2026,,,5,x
"""


class TestParseReviews:
    def test_reads_the_prototype_columns_and_derives_sentiment(self, tmp_path):
        docs, bad = parse_reviews(_csv(tmp_path, PROTOTYPE), company="ООО «Бодрое утро»")
        assert bad == []
        assert [d["sentiment"] for d in docs] == ["negative", "negative", "positive"]
        assert {d["date"] for d in docs} == {"2026-01-03"}
        assert docs[0]["topic"] == "упаковка" and docs[0]["author"] == "ivan"
        assert {d["company_key"] for d in docs} == {"бодрое утро"}
        assert "extra" not in docs[0]

    def test_cp1251_with_semicolons_and_russian_headers(self, tmp_path):
        text = "Компания;Товар;Дата;Оценка;Отзыв\nКолосок;Батон;05.02.2026;3;Так себе\n"
        docs, bad = parse_reviews(_csv(tmp_path, text, "cp1251"))
        assert bad == [] and docs[0]["product"] == "Батон"
        assert (docs[0]["sentiment"], docs[0]["rating"], docs[0]["text"]) == ("neutral", 3,
                                                                              "Так себе")

    def test_bad_rows_are_reported_with_their_lines_and_empty_rows_skipped(self, tmp_path):
        text = ("company,product,date,rating,sentiment\n"
                "A,p,2026-01-03,5,\n"
                ",,,,\n"
                "A,p,вчера,5,\n"
                "A,p,2026-01-03,,\n"
                "A,p,2026-01-03,9,\n"
                ",p,2026-01-03,4,\n"
                "A,p,2026-01-03,4,meh\n"
                "A,p,,1,\n")
        docs, bad = parse_reviews(_csv(tmp_path, text))
        assert [line for line, _ in bad] == [4, 5, 6, 7, 8]
        assert "вчера" in bad[0][1] and "rating" in bad[2][1]
        assert [d["date"] for d in docs] == ["2026-01-03", None]

    def test_identical_rows_keep_distinct_stable_ids(self, tmp_path):
        text = "company,product,rating\nA,p,5\nA,p,5\nA,q,5\n"
        first, _ = parse_reviews(_csv(tmp_path, text))
        again, _ = parse_reviews(_csv(tmp_path, text))
        assert len({d["_id"] for d in first}) == 3
        assert [d["_id"] for d in first] == [d["_id"] for d in again]

    def test_a_file_without_rating_or_sentiment_is_refused(self, tmp_path):
        with pytest.raises(InputError, match="rating or a sentiment"):
            parse_reviews(_csv(tmp_path, "company,product\nA,p\n"))

    def test_a_company_column_is_needed_unless_a_contact_gives_it(self, tmp_path):
        path = _csv(tmp_path, "product,rating\np,5\n")
        with pytest.raises(InputError, match="company"):
            parse_reviews(path)
        docs, _ = parse_reviews(path, company="Колосок")
        assert docs[0]["company"] == "Колосок"
