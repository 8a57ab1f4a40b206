"""What real mail adds around the lead's words: greetings, signatures, banners, disclaimers,
mobile footers and the quoted history of OUR letter in many client formats."""

from __future__ import annotations

import datetime as dt
import random

from dates import EN_MONTH, EN_WD, RU_MONTH_GEN, RU_WD_NOM, RU_WD_SHORT
from people import Person, handle_for

OUR_SENDERS = [
    ("Анна Соколова", "Anna Sokolova", "anna.sokolova@napoleon-it.ru"),
    ("Кирилл Иванов", "Kirill Ivanov", "k.ivanov@otzyvy.napoleon-it.ru"),
    ("Мария Белова", "Maria Belova", "m.belova@napoleonit.com"),
]

OUR_LETTER_RU = [
    "Добрый день!\nМеня зовут {me}, я из Napoleon IT Отзывы. Мы посмотрели отзывы о {brand} на "
    "Wildberries: за последние три месяца 37 негативных, чаще всего — про размер.\nМожем "
    "прислать короткую презентацию или показать демо за 20 минут. Интересно?",
    "Здравствуйте!\nНаш сервис «Отзывы» собирает отзывы с маркетплейсов и карт и показывает, "
    "на что жалуются покупатели.\nПодскажите, кому у вас можно рассказать подробнее?",
    "Добрый день!\nПишу по поводу отзывов о {brand} на Яндекс Картах и 2ГИС. Мы помогаем "
    "быстро находить, что раздражает гостей, и отвечать на отзывы вовремя.\nЕсли актуально — "
    "пришлю материалы.",
    "{me}, Napoleon IT Отзывы. Напоминаю о письме на прошлой неделе: бесплатный разбор ваших "
    "отзывов на Ozon всё ещё в силе. Удобно созвониться на 15 минут?",
    "Здравствуйте!\nЯ {me}, Napoleon IT Отзывы. Собрали отзывы о {brand} на картах и "
    "маркетплейсах.\nПрислать короткую презентацию?\nИли удобнее созвониться на 15 минут?\n"
    "Если тема неактуальна — просто ответьте «нет», и мы больше не напишем.",
    "Добрый день!\nМы разбираем отзывы покупателей и подсказываем, что исправить.\nМожем "
    "показать разбор по {brand} на коротком звонке.\nЕсли не интересно, напишите — я больше не "
    "побеспокою.",
]
OUR_LETTER_EN = [
    "Hi,\nI'm {me} from Napoleon IT Reviews. We looked at the reviews of {brand} on Google Maps: "
    "42 negative ones in the last quarter, mostly about waiting times.\nHappy to send a short "
    "deck or show a 20-minute demo. Would that be useful?",
    "Hello,\nOur service collects reviews from marketplaces and maps and shows what customers "
    "complain about most.\nWho would be the right person to talk to on your side?",
    "Hi there,\nJust following up on my note from last week about a free review audit for "
    "{brand}. Do you have 15 minutes for a call?",
    "Hi,\nI'm {me} from Napoleon IT Reviews. We pulled together the reviews of {brand}.\n"
    "Shall I send a short deck?\nOr would a 15-minute call be easier?\nIf this isn't relevant, "
    "just reply \"no\" and I won't write again.",
    "Hello,\nWe help teams see what customers complain about in reviews.\nHappy to walk you "
    "through {brand}'s numbers on a quick call.\nNot interested? Let me know and I'll stop here.",
]
SUBJECTS_RU = [
    "Отзывы о {brand}",
    "Re: Отзывы о {brand} на Wildberries",
    "RE: Отзывы о {brand}",
    "Re: Разбор отзывов {brand}",
    "Re: Napoleon IT Отзывы",
    "Re: Re: Отзывы о {brand}",
    "Ответ: Отзывы о {brand}",
    "Re: Что пишут о {brand} на картах",
]
SUBJECTS_EN = [
    "Re: Reviews of {brand}",
    "RE: {brand} reviews on Google Maps",
    "Re: Quick question about {brand}",
    "Re: Napoleon IT Reviews",
    "RE: Review audit",
]

BANNERS_RU = [
    "ВНИМАНИЕ: письмо получено от внешнего отправителя. Не переходите по ссылкам и не открывайте "
    "вложения, если не уверены в отправителе.",
    "[ВНЕШНИЙ] Это письмо пришло из-за пределов организации.",
    "Внимание! Данное письмо отправлено внешним отправителем. Будьте осторожны с вложениями.",
    "*** ВНЕШНЕЕ ПИСЬМО *** Проверьте адрес отправителя перед ответом.",
]
BANNERS_EN = [
    "[EXTERNAL] This email originated from outside of the organization. Do not click links or "
    "open attachments unless you recognize the sender.",
    "CAUTION: External email. Use caution with links and attachments.",
    "EXTERNAL SENDER - verify before replying.",
    "You don't often get email from this sender. Learn why this is important",
]
DISCLAIMERS_RU = [
    "Данное сообщение и все приложения к нему являются конфиденциальными и предназначены "
    "исключительно для адресата. Если вы получили это сообщение по ошибке, пожалуйста, "
    "уведомите отправителя и удалите его.",
    "Информация в этом письме носит конфиденциальный характер и не является офертой.",
    "Это письмо может содержать сведения, составляющие коммерческую тайну. Копирование и "
    "распространение без согласия отправителя запрещены.",
    "Пожалуйста, подумайте об окружающей среде, прежде чем распечатывать это письмо.",
]
DISCLAIMERS_EN = [
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely "
    "for the addressee. If you received it in error, please notify the sender and delete it.",
    "This message may contain privileged information. Any unauthorized review, use or "
    "distribution is prohibited.",
    "Please consider the environment before printing this email.",
]
MOBILE_RU = [
    "Отправлено с iPhone",
    "Отправлено с моего iPhone",
    "Отправлено из мобильной Почты Mail.ru",
    "--\nОтправлено из мобильного приложения Яндекс Почты",
    "Отправлено с Android",
    "Sent from my iPhone",
]
MOBILE_EN = [
    "Sent from my iPhone",
    "Sent from my iPad",
    "Get Outlook for iOS",
    "Sent from Outlook for Android",
    "Sent from my Galaxy",
    "Sent from Yahoo Mail for iPhone",
]
GREET_RU = [
    "Добрый день!",
    "Здравствуйте.",
    "Здравствуйте!",
    "{our}, добрый день.",
    "Добрый день, {our}!",
    "Приветствую.",
    "Добрый вечер!",
    "Доброе утро.",
    "{our}, здравствуйте!",
    "Коллеги, добрый день.",
]
GREET_EN = [
    "Hi {our},",
    "Hello,",
    "Dear {our},",
    "Hi there,",
    "Good morning,",
    "Hey {our},",
    "Hello {our},",
]
CLOSE_RU = ["С уважением,", "Спасибо.", "Всего доброго,", "Хорошего дня!", "С уважением", "--"]
RU_MONTH_SHORT = [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
]
CLOSE_EN = ["Best regards,", "Thanks,", "Kind regards,", "Cheers,", "Best,", "Regards,"]


def ru_quote_date(t: dt.datetime) -> str:
    return f"{t.day} {RU_MONTH_GEN[t.month - 1]} {t.year} г. в {t:%H:%M}"


def quote_ru(
    rng: random.Random,
    when: dt.datetime,
    sender: tuple[str, str, str],
    lead_email: str,
    body: str,
    subject: str,
) -> str:
    name, _, addr = sender
    lines = body.split("\n")
    gt = "\n".join("> " + ln if ln else ">" for ln in lines)
    initials = "".join(w[0] for w in name.split())
    short_m = RU_MONTH_SHORT[when.month - 1]
    wd = RU_WD_NOM[when.weekday()]
    fmt = rng.choice(
        [
            "gmail",
            "outlook",
            "yandex",
            "mailru",
            "thunderbird",
            "bat",
            "bitrix",
            "apple",
            "original",
        ]
    )
    if fmt == "gmail":
        stamp = f"{RU_WD_SHORT[when.weekday()]}, {when.day} {short_m} {when.year} г. в {when:%H:%M}"
        head = f"{stamp}, {name} <{addr}>:"
        return f"{head}\n{gt}"
    if fmt == "outlook":
        return (
            f"________________________________\nОт: {name} <{addr}>\nОтправлено: "
            f"{wd.lower()}, {ru_quote_date(when)}\nКому: {lead_email}\nТема: {subject}\n\n{body}"
        )
    if fmt == "yandex":
        return f'{when:%d.%m.%Y}, {when:%H:%M}, "{name}" <{addr}>:\n{gt}'
    if fmt == "mailru":
        return (
            f"{wd}, {when.day} {RU_MONTH_GEN[when.month - 1]} {when.year}, {when:%H:%M} +03:00 "
            f"от {name} <{addr}>:\n{gt}"
        )
    if fmt == "thunderbird":
        return f"{when:%d.%m.%Y} {when:%H:%M}, {name} пишет:\n{gt}"
    if fmt == "bat":
        pre = "\n".join(f"{initials}> {ln}" for ln in lines)
        return f"Вы писали {ru_quote_date(when)}:\n\n{pre}"
    if fmt == "bitrix":
        return (
            f"От кого: {name} <{addr}>\nКому: {lead_email}\nДата: {when:%d.%m.%Y %H:%M}\n"
            f"Тема: {subject}\n\n{body}"
        )
    if fmt == "apple":
        stamp = f"{when.day} {short_m} {when.year} г., в {when:%H:%M}"
        return f"> {stamp}, {name} <{addr}> написал(а):\n>\n{gt}"
    return (
        f"-------- Исходное сообщение --------\nОт: {name} <{addr}>\nДата: {when:%d.%m.%Y %H:%M}\n"
        f"Тема: {subject}\n\n{body}"
    )


def quote_en(
    rng: random.Random,
    when: dt.datetime,
    sender: tuple[str, str, str],
    lead_email: str,
    body: str,
    subject: str,
) -> str:
    _, name, addr = sender
    gt = "\n".join("> " + ln if ln else ">" for ln in body.split("\n"))
    wd, mon = EN_WD[when.weekday()], EN_MONTH[when.month - 1]
    hour = when.strftime("%I:%M %p").lstrip("0")
    fmt = rng.choice(["gmail", "outlook", "original", "thunderbird", "apple"])
    if fmt == "gmail":
        return (
            f"On {wd[:3]}, {mon[:3]} {when.day}, {when.year} at {hour} {name} <{addr}> wrote:\n{gt}"
        )
    if fmt == "outlook":
        return (
            f"________________________________\nFrom: {name} <{addr}>\nSent: {wd}, {mon} "
            f"{when.day}, {when.year} {hour}\nTo: {lead_email}\nSubject: {subject}\n\n{body}"
        )
    if fmt == "original":
        return (
            f"-----Original Message-----\nFrom: {name} [mailto:{addr}]\nSent: {wd}, {mon} "
            f"{when.day}, {when.year} {hour}\nTo: {lead_email}\nSubject: {subject}\n\n{body}"
        )
    if fmt == "thunderbird":
        return f"On {when:%m/%d/%y} {hour}, {name} wrote:\n{gt}"
    return f"> On {mon[:3]} {when.day}, {when.year}, at {hour}, {name} <{addr}> wrote:\n>\n{gt}"


def signature(
    rng: random.Random,
    lang: str,
    lead: Person,
    company: str,
    title: str,
    email: str,
    phone: str,
    address: str,
) -> str:
    name = lead.full if rng.random() < 0.7 else lead.first
    parts = [name]
    if rng.random() < 0.8:
        parts.append(title)
    if rng.random() < 0.85:
        parts.append(company)
    extra = [phone]
    if rng.random() < 0.8:
        extra.append(("E-mail: " if rng.random() < 0.3 else "") + email)
    if rng.random() < 0.5:
        extra.append(address)
    if rng.random() < 0.3:
        extra.append("www." + email.split("@")[1])
    if rng.random() < 0.15:  # the lead's OWN handle: never a redirect contact
        label = rng.choice(["Telegram: ", "TG ", "тг: " if lang == "ru" else "Telegram "])
        extra.append(label + handle_for(lead, rng))
    rng.shuffle(extra)
    block = "\n".join(parts + extra)
    if rng.random() < 0.3:
        block = "--\n" + block
    return block
