"""Leads, their companies and signatures, and the colleagues they redirect us to."""

from __future__ import annotations

import random
from dataclasses import dataclass

TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "sch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def translit(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in TRANSLIT:
            t = TRANSLIT[low]
            out.append(t.capitalize() if ch != low and t else t)
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    dat: str  # «напишите Ивану Петрову»
    acc: str  # «спросите Ивана»
    female: bool

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


RU_PEOPLE = [
    Person(*p)
    for p in [
        ("Иван", "Петров", "Ивану", "Ивана", False),
        ("Мария", "Соколова", "Марии", "Марию", True),
        ("Алексей", "Морозов", "Алексею", "Алексея", False),
        ("Екатерина", "Волкова", "Екатерине", "Екатерину", True),
        ("Дмитрий", "Козлов", "Дмитрию", "Дмитрия", False),
        ("Ольга", "Лебедева", "Ольге", "Ольгу", True),
        ("Сергей", "Новиков", "Сергею", "Сергея", False),
        ("Анастасия", "Орлова", "Анастасии", "Анастасию", True),
        ("Павел", "Егоров", "Павлу", "Павла", False),
        ("Юлия", "Никитина", "Юлии", "Юлию", True),
        ("Артём", "Зайцев", "Артёму", "Артёма", False),
        ("Наталья", "Белова", "Наталье", "Наталью", True),
        ("Михаил", "Кузнецов", "Михаилу", "Михаила", False),
        ("Светлана", "Григорьева", "Светлане", "Светлану", True),
        ("Андрей", "Федоров", "Андрею", "Андрея", False),
        ("Ксения", "Павлова", "Ксении", "Ксению", True),
        ("Никита", "Семенов", "Никите", "Никиту", False),
        ("Дарья", "Медведева", "Дарье", "Дарью", True),
        ("Роман", "Тихонов", "Роману", "Романа", False),
        ("Алина", "Кириллова", "Алине", "Алину", True),
        ("Олег", "Смирнов", "Олегу", "Олега", False),
        ("Татьяна", "Абрамова", "Татьяне", "Татьяну", True),
        ("Евгений", "Комаров", "Евгению", "Евгения", False),
        ("Вера", "Мельникова", "Вере", "Веру", True),
        ("Виктория", "Захарова", "Виктории", "Викторию", True),
        ("Кирилл", "Рябов", "Кириллу", "Кирилла", False),
        ("Елена", "Гусева", "Елене", "Елену", True),
        ("Григорий", "Блинов", "Григорию", "Григория", False),
        ("Полина", "Жукова", "Полине", "Полину", True),
        ("Илья", "Фомин", "Илье", "Илью", False),
    ]
]
EN_PEOPLE = [
    Person(f, la, f, f, fem)
    for f, la, fem in [
        ("John", "Miller", False),
        ("Sarah", "Collins", True),
        ("David", "Nguyen", False),
        ("Emily", "Carter", True),
        ("Michael", "Brooks", False),
        ("Jessica", "Park", True),
        ("Daniel", "Foster", False),
        ("Laura", "Bennett", True),
        ("Chris", "Holloway", False),
        ("Megan", "Reyes", True),
        ("Tom", "Fletcher", False),
        ("Olivia", "Grant", True),
        ("Ryan", "Walsh", False),
        ("Hannah", "Kim", True),
        ("Mark", "Davies", False),
        ("Sophie", "Turner", True),
        ("Alex", "Moreno", False),
        ("Rachel", "Stein", True),
        ("Ben", "Okafor", False),
        ("Priya", "Shah", True),
        ("Lucas", "Schmidt", False),
        ("Nina", "Petrova", True),
        ("Kevin", "O'Brien", False),
        ("Anna", "Kowalski", True),
    ]
]

RU_COMPANIES = [
    ("Кофейня «Зерно»", "zerno-coffee.ru", "управляющий"),
    ("Клиника «Доктор Плюс»", "drplus.ru", "главный врач"),
    ("Бренд «Мягкий Лис»", "myagkiylis.ru", "основатель"),
    ("Магазин «Домовёнок»", "domovenok.shop", "директор"),
    ("Пекарня «Булка»", "bulka-bakery.ru", "совладелец"),
    ("ООО «СтройМаркет»", "stroymarket.ru", "коммерческий директор"),
    ("Стоматология «Улыбка»", "ulybka-dent.ru", "администратор"),
    ("Бренд косметики «Лада Натура»", "ladanatura.ru", "CEO"),
    ("ИП Воронцова (зоотовары)", "zoo-vorontsova.ru", "ИП"),
    ("Кафе «Пельменная №1»", "pelmen1.ru", "управляющий"),
    ("Сеть салонов «Бьюти Лаб»", "beautylab.ru", "маркетолог"),
    ("ООО «Тёплый дом»", "teplydom.ru", "руководитель"),
    ("Ресторан «Сад»", "sad-restaurant.ru", "управляющий"),
    ("Бренд одежды KNITLY", "knitly.ru", "бренд-менеджер"),
    ("Детский магазин «Карапуз»", "karapuz-shop.ru", "директор по маркетингу"),
    ("Медцентр «Здоровье»", "medzdorovie.ru", "заместитель директора"),
    ("Чайная лавка «Травы Алтая»", "travy-altaya.ru", "владелец"),
    ("ООО «ЭкоПродукт»", "ecoproduct.ru", "генеральный директор"),
]
EN_COMPANIES = [
    ("Brightside Coffee", "brightsidecoffee.com", "Owner"),
    ("Northwind Apparel", "northwind.co", "Head of E-commerce"),
    ("Smile Dental Studio", "smiledental.us", "Practice Manager"),
    ("Green Leaf Cosmetics", "greenleaf.com", "CMO"),
    ("Urban Bakery", "urbanbakery.co.uk", "Co-founder"),
    ("Petopia Store", "petopia.com", "Marketing Manager"),
    ("Harbor Grill", "harborgrill.com", "General Manager"),
    ("Luma Skincare", "lumaskin.io", "Founder & CEO"),
    ("Maple Home Goods", "maplehome.ca", "Brand Manager"),
    ("CityCare Clinic", "citycare.health", "Operations Director"),
]
FREE_MAIL = ["gmail.com", "mail.ru", "yandex.ru", "bk.ru", "outlook.com", "inbox.ru"]
OTHER_DOMAINS = [
    "agency-smm.ru",
    "promo-partners.ru",
    "brandlab.agency",
    "digitalboost.com",
    "holding-group.ru",
    "mktg-pro.com",
    "reviewteam.ru",
]
RU_ADDRESSES = [
    "г. Москва, ул. Ленинская Слобода, д. 19, офис 305",
    "Санкт-Петербург, Невский пр., 88, БЦ «Невский», 4 этаж",
    "г. Екатеринбург, ул. Малышева, 51",
    "125009, Москва, Тверская ул., 7",
    "г. Казань, ул. Баумана, 44/8",
    "Новосибирск, Красный проспект, 25, оф. 12",
    "г. Краснодар, ул. Красная, 122",
    "Нижний Новгород, ул. Большая Покровская, 15",
]
EN_ADDRESSES = [
    "1200 Market St, Suite 400, San Francisco, CA 94102",
    "22 Baker Street, London W1U 3BW",
    "455 Queen St W, Toronto, ON M5V 2A9",
    "88 Pine Ave, Austin, TX 78701",
    "Unit 5, 14 Harbour Rd, Dublin 2",
]


def ru_phone(rng: random.Random) -> str:
    a, b, c, d = (
        rng.randint(900, 999),
        rng.randint(100, 999),
        rng.randint(10, 99),
        rng.randint(10, 99),
    )
    return rng.choice(
        [
            f"+7 ({a}) {b}-{c}-{d}",
            f"8 {a} {b} {c} {d}",
            f"+7{a}{b}{c}{d}",
            f"+7 {a} {b}-{c}-{d}",
            f"+7 (495) {b}-{c}-{d}, доб. {rng.randint(100, 999)}",
        ]
    )


def en_phone(rng: random.Random) -> str:
    return rng.choice(
        [
            f"+1 ({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            f"M: +1 {rng.randint(200, 999)}.{rng.randint(200, 999)}.{rng.randint(1000, 9999)}",
        ]
    )


def email_for(p: Person, domain: str, rng: random.Random) -> str:
    f, la = translit(p.first).lower().replace("'", ""), translit(p.last).lower().replace("'", "")
    local = rng.choice([f"{f}.{la}", f"{f[0]}.{la}", f, f"{f}_{la}", f"{la}", f"{f}{la[0]}"])
    return f"{local}@{domain}"


def handle_for(p: Person, rng: random.Random) -> str:
    f, la = translit(p.first).lower().replace("'", ""), translit(p.last).lower().replace("'", "")
    return "@" + rng.choice(
        [
            f"{f}_{la}",
            f"{f}_smm",
            f"{la}_{f[0]}",
            f"{f}{rng.randint(7, 99)}",
            f"{f}_marketing",
            f"{la}_pr",
            f"{f}_{la[:3]}",
        ]
    )
