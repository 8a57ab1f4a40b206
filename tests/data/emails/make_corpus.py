"""Writes the reply corpus: `<case>.eml` files in real client formats and `expected.json`.

Run `python tests/data/emails/make_corpus.py` after editing a case; the .eml files are committed
so the tests read plain data. Each case: raw MIME as the client sends it, and what the parser
must give.
"""

from __future__ import annotations

import base64
import json
import quopri
from pathlib import Path

HERE = Path(__file__).parent
AGENT = "Анна Соколова <sales@napoleonit.example>"
ORIG_RU = ("Здравствуйте, Иван!\n\nМеня зовут Анна, я из Napoleon IT. Мы анализируем отзывы о "
           "компаниях\nна маркетплейсах и картах.\n\nС уважением,\nАнна Соколова")
ORIG_EN = ("Hello Ivan,\n\nI am Anna from Napoleon IT. We analyse customer reviews on\n"
           "marketplaces and maps.\n\nBest regards,\nAnna Sokolova")
ORIG_HTML = "<div>Здравствуйте, Иван!</div><div>Мы анализируем отзывы о компаниях.</div>"
CASES: dict[str, dict] = {}
BODIES: list[bytes] = []


def quote(text: str, prefix: str = "> ") -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


def b64(text: str, charset: str = "utf-8") -> str:
    return base64.encodebytes(text.encode(charset)).decode()


def qp(text: str, charset: str = "utf-8") -> str:
    return quopri.encodestring(text.encode(charset)).decode()


def hdr(sender: str, subject: str, extra: str = "", mid: str = "") -> str:
    mid = mid or "<reply-{n}@client.example>"
    return (f"From: {sender}\nTo: {AGENT}\nSubject: {subject}\n"
            f"Date: Tue, 18 Nov 2025 10:15:00 +0300\nMessage-ID: {mid}\n"
            "In-Reply-To: <first-1@napoleonit.example>\n"
            "References: <first-1@napoleonit.example>\nMIME-Version: 1.0\n" + extra)


def plain(body: str, charset: str = "utf-8", cte: str = "base64") -> str:
    if cte == "8bit" and charset != "utf-8":  # raw bytes in another charset: spliced in later
        BODIES.append(body.replace("\n", "\r\n").encode(charset))
        enc = f"@@BODY{len(BODIES) - 1}@@"
    else:
        enc = b64(body, charset) if cte == "base64" else (
            qp(body, charset) if cte == "quoted-printable" else body)
    return (f"Content-Type: text/plain; charset=\"{charset}\"\n"
            f"Content-Transfer-Encoding: {cte}\n\n{enc}")


def html_part(body: str) -> str:
    return ("Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n"
            + b64(body))


def multipart(kind: str, *parts: str, boundary: str = "b1") -> str:
    out = f"Content-Type: multipart/{kind}; boundary=\"{boundary}\"\n\n"
    for p in parts:
        out += f"--{boundary}\n{p}\n"
    return out + f"--{boundary}--\n"


def case(name: str, raw: str | bytes, text: str, **expect: object) -> None:
    data = raw if isinstance(raw, bytes) else raw.replace("\n", "\r\n").encode()
    data = data.replace(b"{n}", name.encode())
    for i, body in enumerate(BODIES):
        data = data.replace(f"@@BODY{i}@@".encode(), body)
    CASES[name] = {"raw": data, "text": text, **expect}


IVAN = "Иван Петров <ivan@shop.example>"
IVAN_B = "=?UTF-8?B?" + base64.b64encode("Иван Петров".encode()).decode() + "?= <ivan@shop.example>"

case("gmail_ru", hdr(IVAN_B, "Re: Отзывы о вашей компании") + multipart(
    "alternative",
    plain("Добрый день!\nПришлите, пожалуйста, презентацию.\n\nС уважением,\nИван\n\n"
          "пн, 17 нояб. 2025 г. в 12:30, Анна Соколова <sales@napoleonit.example>:\n\n"
          + quote(ORIG_RU)),
    html_part('<div dir="ltr">Добрый день!<div>Пришлите, пожалуйста, презентацию.</div></div>'
              '<br><div class="gmail_quote"><div class="gmail_attr">пн, 17 нояб. 2025 г. в 12:30,'
              ' Анна Соколова:<br></div><blockquote class="gmail_quote">' + ORIG_HTML
              + "</blockquote></div>")),
     "Добрый день!\nПришлите, пожалуйста, презентацию.\n\nС уважением,\nИван",
     **{"from": "ivan@shop.example", "from_name": "Иван Петров"})
case("gmail_ru_wrapped", hdr(IVAN, "Re: Отзывы") + plain(
    "Напишите мне в январе, сейчас не до этого.\n\n"
    "вт, 18 нояб. 2025 г. в 09:05, Анна Соколова Менеджер по развитию <\n"
    "sales@napoleonit.example>:\n\n" + quote(ORIG_RU)),
    "Напишите мне в январе, сейчас не до этого.")
case("gmail_en", hdr("John Smith <John.Smith@Shop.example>", "Re: Reviews") + plain(
    "Hi Anna,\n\nCould we schedule a demo next week?\n\nJohn\n\n"
    "On Mon, Nov 17, 2025 at 12:30 PM Anna Sokolova <sales@napoleonit.example>\nwrote:\n\n"
    + quote(ORIG_EN), cte="7bit"),
    "Hi Anna,\n\nCould we schedule a demo next week?\n\nJohn",
    **{"from": "john.smith@shop.example"})
case("yandex_ru", hdr(IVAN, "Re: Отзывы") + plain(
    "Давайте созвонимся в четверг после 15:00.\n\n-- \nИван Петров\n+7 900 000-00-00\n\n"
    '17.11.2025, 12:30, "Анна Соколова" <sales@napoleonit.example>:\n' + quote(ORIG_RU)),
    "Давайте созвонимся в четверг после 15:00.\n\n--\nИван Петров\n+7 900 000-00-00")
case("yandex_html_only", hdr(IVAN, "Re: Отзывы") + html_part(
    "<div>Нам это не интересно, спасибо.</div><div>&nbsp;</div><div>17.11.2025, 12:30, "
    "&#34;Анна Соколова&#34; &lt;sales@napoleonit.example&gt;:</div><blockquote>"
    + ORIG_HTML + "</blockquote>"),
    "Нам это не интересно, спасибо.")
case("mailru_ru", hdr(IVAN, "Re: Отзывы") + plain(
    "Здравствуйте. Сколько стоит подключение?\n\n\n--\nОтправлено из мобильной Почты Mail.ru\n\n\n"
    "Понедельник, 17 ноября 2025, 12:30 +03:00 от Анна Соколова <sales@napoleonit.example>:\n\n"
    + quote(ORIG_RU) + "\n", cte="quoted-printable"),
    "Здравствуйте. Сколько стоит подключение?")
case("outlook_ru_no_quote", hdr(IVAN, "RE: Отзывы") + plain(
    "Спасибо, интересно. Какая стоимость для сети из 40 магазинов?\n\nИван Петров\n"
    "Директор по маркетингу\n\nОт: Анна Соколова <sales@napoleonit.example>\n"
    "Отправлено: 17 ноября 2025 г. 12:30\nКому: Иван Петров <ivan@shop.example>\n"
    "Тема: Отзывы о вашей компании на маркетплейсах\n\n" + ORIG_RU),
    "Спасибо, интересно. Какая стоимость для сети из 40 магазинов?\n\nИван Петров\n"
    "Директор по маркетингу")
case("outlook_ru_underscores", hdr(IVAN, "RE: Отзывы") + plain(
    "Пишите моему коллеге: petr.sidorov@shop.example, он отвечает за отзывы.\n\n"
    "________________________________\nОт: Анна Соколова <sales@napoleonit.example>\n"
    "Отправлено: понедельник, 17 ноября 2025 г. 12:30\nКому: Иван Петров\n"
    "Тема: Отзывы\n\n" + ORIG_RU),
    "Пишите моему коллеге: petr.sidorov@shop.example, он отвечает за отзывы.")
case("outlook_ru_original", hdr(IVAN, "RE: Отзывы") + plain(
    "Не пишите мне больше.\n\n-----Исходное сообщение-----\nОт: Анна Соколова "
    "[mailto:sales@napoleonit.example]\nОтправлено: Monday, November 17, 2025 12:30 PM\n"
    "Кому: Иван Петров\nТема: Отзывы\n\n" + ORIG_RU, charset="windows-1251", cte="8bit"),
    "Не пишите мне больше.")
case("outlook_en", hdr("Mary Jones <mary@retail.example>", "RE: Reviews") + multipart(
    "alternative",
    plain("Please send the presentation to my email.\n\nMary\n\n"
          "________________________________\nFrom: Anna Sokolova <sales@napoleonit.example>\n"
          "Sent: Monday, November 17, 2025 12:30 PM\nTo: Mary Jones <mary@retail.example>\n"
          "Subject: Reviews\n\n" + ORIG_EN),
    html_part('<div>Please send the presentation to my email.</div><div>Mary</div>'
              '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr">'
              '<b>From:</b> Anna Sokolova<br><b>Sent:</b> Monday</div><div>' + ORIG_HTML
              + "</div>")),
    "Please send the presentation to my email.\n\nMary")
case("outlook_en_original_gt", hdr("Mary Jones <mary@retail.example>", "RE: Reviews") + plain(
    "We are not interested at the moment, maybe next quarter.\n\n"
    + quote("-----Original Message-----\nFrom: Anna Sokolova [mailto:sales@napoleonit.example]\n"
            "Sent: Monday, November 17, 2025 12:30 PM\nTo: Mary Jones\nSubject: Reviews\n\n"
            + ORIG_EN), cte="7bit"),
    "We are not interested at the moment, maybe next quarter.")
case("outlook_ru_gt_header", hdr(IVAN, "RE: Отзывы") + plain(
    "Да, присылайте КП.\n\n> От: Анна Соколова <sales@napoleonit.example>\n"
    "> Дата: 17 ноября 2025 г. 12:30\n> Кому: Иван Петров\n> Тема: Отзывы\n>\n"
    + quote(ORIG_RU)),
    "Да, присылайте КП.")
case("outlook_html_ru_divrply", hdr(IVAN, "RE: Отзывы") + html_part(
    '<div style="font-family:Calibri">Покажите, пожалуйста, демо.<br>Иван</div>'
    '<div id="appendonsend"></div><hr tabindex="-1"><div id="divRplyFwdMsg" dir="ltr">'
    "<b>От:</b> Анна Соколова &lt;sales@napoleonit.example&gt;<br><b>Отправлено:</b> "
    "17 ноября 2025 г. 12:30<br><b>Кому:</b> Иван<br><b>Тема:</b> Отзывы</div><div>"
    + ORIG_HTML + "</div>"),
    "Покажите, пожалуйста, демо.\nИван")
case("outlook_desktop_html_ru", hdr(IVAN, "RE: Отзывы") + html_part(
    '<div class="WordSection1"><p class="MsoNormal">Коллеги, добрый день.</p>'
    '<p class="MsoNormal">Интересно, какие площадки вы поддерживаете?</p>'
    '<p class="MsoNormal">&nbsp;</p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt">'
    '<p class="MsoNormal"><b>От:</b> Анна Соколова &lt;sales@napoleonit.example&gt;<br>'
    "<b>Отправлено:</b> Monday, November 17, 2025 12:30 PM<br><b>Кому:</b> Иван Петров<br>"
    "<b>Тема:</b> Отзывы</p></div></div><p>" + ORIG_HTML + "</p></div>"),
    "Коллеги, добрый день.\nИнтересно, какие площадки вы поддерживаете?")
case("apple_mail_ru", hdr(IVAN, "Re: Отзывы") + plain(
    "Интересно, давайте обсудим.\n\nОтправлено с iPhone\n\n"
    "> 17 нояб. 2025 г., в 12:30, Анна Соколова <sales@napoleonit.example> написал(а):\n>\n"
    + quote(ORIG_RU)),
    "Интересно, давайте обсудим.")
case("apple_mail_en", hdr("John Smith <john@shop.example>", "Re: Reviews") + plain(
    "Sounds good, call me tomorrow.\n\nSent from my iPhone\n\n"
    "> On Nov 17, 2025, at 12:30, Anna Sokolova <sales@napoleonit.example> wrote:\n>\n"
    + quote(ORIG_EN), cte="7bit"),
    "Sounds good, call me tomorrow.")
case("apple_html_blockquote", hdr(IVAN, "Re: Отзывы") + html_part(
    "<html><body><div>Пришлите материалы на почту.</div><div><br><blockquote type=\"cite\">"
    "<div>17 нояб. 2025 г., в 12:30, Анна Соколова написал(а):</div>" + ORIG_HTML
    + "</blockquote></div></body></html>"),
    "Пришлите материалы на почту.")
case("thunderbird_ru", hdr(IVAN, "Re: Отзывы") + plain(
    "Вопрос: есть ли интеграция с 1С?\n\n17.11.2025 12:30, Анна Соколова пишет:\n"
    + quote(ORIG_RU)),
    "Вопрос: есть ли интеграция с 1С?")
case("thunderbird_en_html", hdr("Karl <karl@shop.example>", "Re: Reviews") + html_part(
    "<p>Not now, thanks.</p><div class=\"moz-cite-prefix\">On 17/11/2025 12:30, Anna Sokolova "
    "wrote:<br></div><blockquote type=\"cite\">" + ORIG_HTML + "</blockquote>"),
    "Not now, thanks.")
case("android_samsung", hdr(IVAN, "Re: Отзывы") + plain(
    "Давайте после праздников\n\n\n\nОтправлено с устройства Galaxy\n\n\n"
    "-------- Исходное сообщение --------\nОт: Анна Соколова <sales@napoleonit.example>\n"
    "Дата: 17.11.2025 12:30 (GMT+03:00)\nКому: ivan@shop.example\nТема: Отзывы\n\n" + ORIG_RU),
    "Давайте после праздников")
case("gmail_html_only_en", hdr("John <john@shop.example>", "Re: Reviews") + html_part(
    '<div dir="ltr">What integrations do you support?</div><br><div class="gmail_quote">'
    '<div dir="ltr" class="gmail_attr">On Mon, Nov 17, 2025 at 12:30 PM Anna wrote:<br></div>'
    '<blockquote class="gmail_quote">' + ORIG_HTML + "</blockquote></div>"),
    "What integrations do you support?")
case("windows1251_pishet", hdr(IVAN, "=?windows-1251?B?"
     + base64.b64encode("Re: Отзывы".encode("cp1251")).decode() + "?=") + plain(
    "Перезвоните мне, пожалуйста: +7 912 345-67-89.\n\n18.11.2025 9:00, Анна Соколова пишет:\n"
    + quote(ORIG_RU), charset="windows-1251", cte="8bit"),
    "Перезвоните мне, пожалуйста: +7 912 345-67-89.", subject="Re: Отзывы")
case("koi8r_qp", hdr("=?koi8-r?Q?" + "".join(f"={b:02X}" for b in "Иван".encode("koi8-r"))
                    + "?= <ivan@shop.example>", "=?koi8-r?B?"
                    + base64.b64encode("Re: Отзывы".encode("koi8-r")).decode() + "?=") + plain(
    "Нужна презентация и цены.\n\n17.11.2025 12:30, Анна Соколова пишет:\n" + quote(ORIG_RU),
    charset="koi8-r", cte="quoted-printable"),
    "Нужна презентация и цены.", subject="Re: Отзывы", from_name="Иван")
case("broken_charset", (hdr(IVAN, "=?x-unknown-cs?B?" + base64.b64encode(
    "Re: Отзывы".encode()).decode() + "?=") + "Content-Type: text/plain; charset=\"x-bogus-8\"\n"
    "Content-Transfer-Encoding: 8bit\n\n").replace("\n", "\r\n").encode()
    + "Да, интересно.\r\n\r\n17.11.2025 12:30, Анна Соколова пишет:\r\n> Здравствуйте\r\n".encode(
        "cp1251"),
    "Да, интересно.")
case("attachment_rfc2231", hdr(IVAN, "Re: Отзывы") + multipart(
    "mixed", plain("Реквизиты во вложении, выставляйте счёт."),
    "Content-Type: application/pdf; name=\"=?UTF-8?B?" + base64.b64encode(
        "Реквизиты.pdf".encode()).decode() + "?=\"\nContent-Disposition: attachment; "
    "filename*=utf-8''%D0%A0%D0%B5%D0%BA%D0%B2%D0%B8%D0%B7%D0%B8%D1%82%D1%8B.pdf\n"
    "Content-Transfer-Encoding: base64\n\n"
    "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK"),
    "Реквизиты во вложении, выставляйте счёт.", attachments=["Реквизиты.pdf"])
case("nested_multipart", hdr(IVAN, "Re: Отзывы") + multipart(
    "mixed",
    multipart("related", multipart(
        "alternative", plain("Смотрите скриншот, это наши отзывы.\n\n"
                             "17.11.2025 12:30, Анна Соколова пишет:\n" + quote(ORIG_RU)),
        html_part("<div>Смотрите скриншот, это наши отзывы.</div><img src=\"cid:img1\">"),
        boundary="b3"),
        "Content-Type: image/png; name=\"screen.png\"\nContent-ID: <img1>\n"
        "Content-Disposition: inline; filename=\"screen.png\"\nContent-Transfer-Encoding: base64"
        "\n\niVBORw0KGgo=", boundary="b2"),
    "Content-Type: application/vnd.ms-excel; name=\"../../etc/отчёт.xls\"\n"
    "Content-Disposition: attachment; filename=\"../../etc/отчёт.xls\"\n"
    "Content-Transfer-Encoding: base64\n\nAAAA"),
    "Смотрите скриншот, это наши отзывы.", attachments=["screen.png", "отчёт.xls"])
case("auto_reply_ru", hdr(IVAN, "Автоответ: Отзывы", "Auto-Submitted: auto-replied\n") + plain(
    "Здравствуйте! Я в отпуске до 1 декабря. По срочным вопросам: petr@shop.example."),
    "Здравствуйте! Я в отпуске до 1 декабря. По срочным вопросам: petr@shop.example.",
    auto_reply=True)
case("auto_reply_outlook_en", hdr("Mary <mary@retail.example>", "Automatic reply: Reviews",
                                  "X-Auto-Response-Suppress: All\n") + plain(
    "I am out of the office until December 3rd with limited access to email.", cte="7bit"),
    "I am out of the office until December 3rd with limited access to email.", auto_reply=True)
case("auto_reply_x_autoreply", hdr(IVAN, "Re: Отзывы", "X-Autoreply: yes\nPrecedence: bulk\n")
     + plain("Ваше письмо получено. Мы ответим в течение 3 рабочих дней."),
     "Ваше письмо получено. Мы ответим в течение 3 рабочих дней.", auto_reply=True)
case("bounce_report", "From: Mail Delivery System <MAILER-DAEMON@mx.shop.example>\n"
     f"To: {AGENT}\nSubject: Undelivered Mail Returned to Sender\n"
     "Date: Tue, 18 Nov 2025 10:15:00 +0300\nMessage-ID: <bounce-1@mx.shop.example>\n"
     "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n" + multipart(
         "report; report-type=delivery-status",
         plain("This is the mail system. Your message could not be delivered to "
               "nobody@shop.example: user unknown.", cte="7bit"),
         "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.shop.example\n\n"
         "Final-Recipient: rfc822; nobody@shop.example\nAction: failed\nStatus: 5.1.1\n",
         "Content-Type: message/rfc822\n\nFrom: sales@napoleonit.example\nSubject: Hi\n"
         "Message-ID: <first-1@napoleonit.example>\n\nHello\n"),
     "This is the mail system. Your message could not be delivered to nobody@shop.example: "
     "user unknown.", auto_reply=True, bounce=True)
case("winmail_dat_only", hdr("Mary <mary@retail.example>", "RE: Reviews") + multipart(
    "mixed", "Content-Type: application/ms-tnef; name=\"winmail.dat\"\n"
    "Content-Disposition: attachment; filename=\"winmail.dat\"\n"
    "Content-Transfer-Encoding: base64\n\neJ8+IgAAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA"),
    "", attachments=["winmail.dat"])
case("no_text_part", hdr(IVAN, "Фото") + multipart(
    "mixed", "Content-Type: image/jpeg; name=\"photo.jpg\"\nContent-Disposition: attachment; "
    "filename=\"photo.jpg\"\nContent-Transfer-Encoding: base64\n\n/9j/4AAQ"),
    "", attachments=["photo.jpg"])
case("pgp_encrypted", hdr(IVAN, "Re: Отзывы") + multipart(
    "encrypted; protocol=\"application/pgp-encrypted\"",
    "Content-Type: application/pgp-encrypted\n\nVersion: 1\n",
    "Content-Type: application/octet-stream; name=\"encrypted.asc\"\n\n"
    "-----BEGIN PGP MESSAGE-----\nhQEMA1234\n-----END PGP MESSAGE-----\n"),
    "", attachments=["encrypted.asc"])
case("no_message_id_plain_ascii", "From: bob@shop.example\nTo: sales@napoleonit.example\n"
     "Subject: prices\n\nHow much is it?\n\nOn Mon, 17 Nov 2025, Anna wrote:\n> Hello\n",
     "How much is it?", **{"from": "bob@shop.example", "from_name": ""})

# Issue 12 item 5: bottom-posting, inline answers, The Bat!, Bitrix24, amoCRM (HTML decides).
case("bottom_post_thunderbird_ru", hdr(IVAN, "Re: Отзывы") + plain(
    "17.11.2025 12:30, Анна Соколова пишет:\n" + quote(ORIG_RU) + "\n\n"
    "Добрый день, Анна. Да, пришлите презентацию.\n\n-- \nИван Петров"),
    "Добрый день, Анна. Да, пришлите презентацию.\n\n--\nИван Петров")
case("bottom_post_gmail_en", hdr("John Smith <john@shop.example>", "Re: Reviews") + plain(
    "On Mon, Nov 17, 2025 at 12:30 PM Anna Sokolova <sales@napoleonit.example> wrote:\n\n"
    + quote(ORIG_EN) + "\n\nSounds interesting. What does it cost for 12 stores?\n\nJohn",
    cte="7bit"),
    "Sounds interesting. What does it cost for 12 stores?\n\nJohn")
case("inline_answers_ru", hdr(IVAN, "Re: Отзывы") + plain(
    "Анна, добрый день.\n\n17.11.2025 12:30, Анна Соколова пишет:\n"
    "> Здравствуйте, Иван!\n>\n> Мы анализируем отзывы о компаниях на маркетплейсах.\n"
    "> Вам было бы интересно посмотреть отчёт по вашей сети?\n"
    "Да, интересно, особенно Ozon.\n"
    "> Когда вам удобно созвониться?\n\nВ четверг после 15:00.\n\n"
    "> С уважением,\n> Анна Соколова\n"),
    "Анна, добрый день.\n\nДа, интересно, особенно Ozon.\nВ четверг после 15:00.")
case("inline_answers_en", hdr("Mary Jones <mary@retail.example>", "Re: Reviews") + plain(
    "> Would a short demo next week work for you?\nNo demo please.\n"
    "> Or shall I send the presentation instead?\nYes, send the PDF.\n>\n> Best regards,\n"
    "> Anna\n", cte="7bit"),
    "No demo please.\nYes, send the PDF.")
case("thebat_ru", hdr(IVAN, "Re: Отзывы") + plain(
    "Здравствуйте, Анна.\n\nВы писали 17 ноября 2025 г., 12:30:\n\n"
    + quote(ORIG_RU, prefix="АС> ") + "\n\nНе интересно, у нас уже есть подрядчик.\n\n"
    "-- \nС уважением,\n Иван                          mailto:ivan@shop.example\n",
    charset="windows-1251", cte="8bit"),
    "Здравствуйте, Анна.\n\nНе интересно, у нас уже есть подрядчик.\n\n--\nС уважением,\n"
    "Иван                          mailto:ivan@shop.example")
case("thebat_inline_en", hdr("Karl <karl@shop.example>", "Re: Reviews") + plain(
    "Hello Anna,\n\nYou wrote 17 November 2025, 12:30:\n\n"
    "AS> We analyse customer reviews on marketplaces and maps.\n"
    "AS> Would you like a sample report?\n\nYes, for our Berlin stores.\n\n"
    "AS> Best regards,\nAS> Anna Sokolova\n\n-- \nBest regards,\n Karl\n", cte="7bit"),
    "Hello Anna,\n\nYes, for our Berlin stores.\n\n--\nBest regards,\nKarl")
case("bitrix24_ot_kogo", hdr(IVAN, "Re: Отзывы") + plain(
    "Добрый день! Пришлите коммерческое предложение на info@shop.example.\n\n"
    "-----\nОт кого: Анна Соколова <sales@napoleonit.example>\nКому: ivan@shop.example\n"
    "Дата: 17.11.2025 12:30\nТема: Отзывы о вашей компании\n\n" + ORIG_RU),
    "Добрый день! Пришлите коммерческое предложение на info@shop.example.")
case("bitrix24_ot_kogo_no_rule", hdr(IVAN, "Re: Отзывы") + plain(
    "Перезвоните завтра.\n\nОт кого: Анна Соколова <sales@napoleonit.example>\n"
    "Дата: 17.11.2025 12:30\nКому: ivan@shop.example\nТема: Отзывы\n\n" + ORIG_RU),
    "Перезвоните завтра.")
case("amocrm_flat_text_html_quote", hdr(IVAN, "Re: Отзывы") + multipart(
    "alternative",
    plain("Спасибо, пока не актуально. Вернёмся к вопросу весной.\n\n" + ORIG_RU),
    html_part("<div>Спасибо, пока не актуально. Вернёмся к вопросу весной.</div><br>"
              '<div class="amo-quote"><blockquote>' + ORIG_HTML + "</blockquote></div>")),
    "Спасибо, пока не актуально. Вернёмся к вопросу весной.")
case("outlook_en_inline_header_from_date", hdr("Mary Jones <mary@retail.example>", "RE: Reviews")
     + plain("Call me on Friday.\n\nFrom: Anna Sokolova <sales@napoleonit.example>\n"
             "Date: Monday, 17 November 2025 at 12:30\nTo: Mary Jones <mary@retail.example>\n"
             "Subject: Reviews\n\n" + ORIG_EN, cte="7bit"),
     "Call me on Friday.")
case("mailru_html_only", hdr(IVAN, "Re: Отзывы") + html_part(
    "<div>Какие площадки вы мониторите?</div><div>&nbsp;</div><div>"
    "Понедельник, 17 ноября 2025, 12:30 +03:00 от Анна Соколова &lt;sales@napoleonit.example&gt;:"
    '<br></div><div class="mail-quote-collapse"><blockquote style="border-left:1px solid '
    '#0857A6">' + ORIG_HTML + "</blockquote></div>"),
    "Какие площадки вы мониторите?")
# Charsets: valid UTF-8 never read as cp1251; a broken part stays UTF-8; CR-only line ends.
case("utf8_labelled_cp1251", hdr(IVAN, "Re: Отзывы") + (
    "Content-Type: text/plain; charset=\"windows-1251\"\nContent-Transfer-Encoding: base64\n\n"
    + b64("Да, давайте созвонимся в пятницу.\n\n17.11.2025 12:30, Анна Соколова пишет:\n> Hi")),
    "Да, давайте созвонимся в пятницу.")
case("utf8_truncated_part", hdr(IVAN, "Re: Отзывы") + (
    "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n"
    + base64.encodebytes("Пришлите, пожалуйста, прайс-лист и презентацию.".encode()[:-2]).decode()),
    "Пришлите, пожалуйста, прайс-лист и презентаци\ufffd")
case("utf8_bad_quoted_printable", hdr(IVAN, "Re: Отзывы") + (
    "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
    + qp("Интересно, пришлите КП.").replace("=D0=9F", "=D0=9").rstrip("\n")
    + " =ZZ спасибо\n"),
    "Интересно, пришлите К\ufffd=9. =ZZ спасибо")

LONG_RU = ("Здравствуйте, Анна! Пришлите, пожалуйста, презентацию для нашей команды маркетинга, "
           "нам очень интересно посмотреть отчёт по отзывам.\nИван")
case("qp_cr_only_line_ends", (hdr(IVAN, "Re: Отзывы") + "Content-Type: text/plain; "
     "charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n").replace(
         "\n", "\r\n").encode() + qp(LONG_RU).replace("\n", "\r").encode(), LONG_RU)


def main() -> None:
    expected = {}
    for name, c in CASES.items():
        (HERE / f"{name}.eml").write_bytes(c.pop("raw"))
        expected[name] = c
    (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(CASES)} cases written to {HERE}")


if __name__ == "__main__":
    main()
