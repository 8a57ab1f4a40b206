"""Quote cutting on plain text and HTML, beyond the corpus: what must be kept as well as cut."""

from __future__ import annotations

from sales_agent.channels.email import strip_html_quote, strip_quoted_reply
from sales_agent.channels.email.html import has_quote_markup, html_to_text


class TestStripQuotedReply:
    def test_keeps_a_line_with_a_time_above_the_attribution(self) -> None:
        text = "Meeting at 15:00 works\nOn Mon, 17 Nov 2025, Anna <a@b.example> wrote:\n> hi"
        assert strip_quoted_reply(text) == "Meeting at 15:00 works"

    def test_keeps_a_lone_header_word_in_the_lead_text(self) -> None:
        text = "Тема: интересная.\nКому: мне, пишите.\nСпасибо"
        assert strip_quoted_reply(text) == text

    def test_keeps_the_answer_below_a_quoted_question(self) -> None:
        text = "> какая цена?\n10 000 в месяц, подходит.\n"
        assert strip_quoted_reply(text) == "10 000 в месяц, подходит."

    def test_keeps_inline_answers_in_order(self) -> None:
        text = ("Анна, добрый день.\n\n17.11.2025 12:30, Анна Соколова пишет:\n"
                "> Вам интересно?\nДа.\n> Когда удобно созвониться?\n>\nВ четверг.\n> Анна")
        assert strip_quoted_reply(text) == "Анна, добрый день.\n\nДа.\nВ четверг."

    def test_a_line_starting_with_a_number_comparison_is_the_leads(self) -> None:
        assert strip_quoted_reply(">100 магазинов, интересно") == ">100 магазинов, интересно"

    def test_unquoted_history_below_an_attribution_is_cut_whole(self) -> None:
        text = "Да\n\n17.11.2025 12:30, Анна Соколова пишет:\nЗдравствуйте, Иван!\nМы ..."
        assert strip_quoted_reply(text) == "Да"

    def test_drops_a_trailing_block_of_quoted_lines(self) -> None:
        assert strip_quoted_reply("Ок\n\n> старое\n>\n> ещё") == "Ок"

    def test_drops_mobile_signature(self) -> None:
        assert strip_quoted_reply("Да\n\nОтправлено из мобильной Яндекс.Почты") == "Да"
        assert strip_quoted_reply("Yes\n\nSent from my iPhone") == "Yes"

    def test_cuts_outlook_russian_block_without_quote_marks(self) -> None:
        text = ("Пришлите КП\n\nОт: Анна <a@b.example>\nОтправлено: 17 ноября 2025 г.\n"
                "Кому: Иван\nТема: Отзывы\n\nЗдравствуйте")
        assert strip_quoted_reply(text) == "Пришлите КП"

    def test_only_a_quote_gives_empty_text(self) -> None:
        assert strip_quoted_reply("> one\n> two") == ""


class TestHtml:
    def test_strip_html_quote_removes_gmail_and_outlook_quotes(self) -> None:
        html = ('<div>Новое</div><div class="gmail_quote">старое</div><hr>'
                '<div id="divRplyFwdMsg">От: Анна</div><div>ещё старое</div>')
        out = strip_html_quote(html)
        assert "Новое" in out and "старое" not in out and "Анна" not in out

    def test_html_to_text_keeps_line_breaks(self) -> None:
        assert html_to_text("<p>Раз</p><p>Два<br>Три&nbsp;!</p>").split("\n") == [
            "Раз", "", "Два", "Три !"]

    def test_history_after_an_outlook_header_goes_with_its_tails(self) -> None:
        html = ("<div>Новое<div id='divRplyFwdMsg'>От: Анна</div>хвост старого<p>старое</p>"
                "</div><p>подпись</p>")
        assert html_to_text(html).split("\n") == ["Новое", "", "подпись"]

    def test_text_after_a_blockquote_is_kept(self) -> None:
        html = "<p>Раз</p><blockquote>цитата</blockquote>Два<div class='x_gmail_quote'>ц</div>"
        assert [x for x in html_to_text(html).split("\n") if x] == ["Раз", "Два"]
        assert "цитата" in html_to_text(html, cut_quotes=False)

    def test_crm_quote_classes_are_quote_markup(self) -> None:
        assert has_quote_markup("<p>Да</p><div class='amo-quote'>старое</div>")
        assert has_quote_markup("<p>Да</p><blockquote>старое</blockquote>")
        assert not has_quote_markup("<p>Да</p><div class='signature'>Иван</div>")

    def test_scripts_styles_and_broken_markup_give_text_only(self) -> None:
        html = "<style>p{}</style><script>alert(1)</script><p>Текст<b>жирный<i>курсив"
        assert html_to_text(html) == "Текстжирныйкурсив"  # inline tags join, as a browser
