"""Rule patterns. Each runs on one clause seen twice: "raw lower-case text ¦ lemmas".

Russian patterns are written over lemmas ("прислать" matches "пришлите", "вышлите"…), English
over the words as written. Keep them general: a pattern names a way of saying, not one reply.
"""

from __future__ import annotations

import re


def _c(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.I)


INJECTION = _c(
    r"\b(забыть|игнорировать|проигнорировать|отменить|сбросить|ignore|disregard|forget|override)\b"
    r".{0,40}\b(инструкция|указание|правило|промпт|ограничение|настройка|instructions?|rules|"
    r"prompts?|guidelines|above|previous|prior)\b",
    r"system\s*prompt|системн\w*\s+(промпт|сообщение|инструкция)|\bпромпт",
    r"\bты\s+теперь\b|\bтеперь\s+ты\b|\byou\s+are\s+now\b|from\s+now\s+on,?\s+you|\bact\s+as\b|"
    r"\bpretend\s+(to\s+be|you)|притвориться|представить,?\s+что\s+ты",
    r"\bas\s+an\s+ai\b|comply\s+with\s+my|you\s+must\s+now|\bкак\s+(ии|нейросеть|бот)\s*,|"
    r"\bты\s+(должный|обязанный)\b|выполнять\s+мой\s+(команда|приказ|указание)|слушаться\s+меня|"
    r"my\s+commands|you\s+must\s+(obey|do\s+what)|do\s+as\s+i\s+say|developer\s+mode|jailbreak",
    r"\b(написать|сочинить|write|compose)\b.{0,20}\b(стих|стихотворение|анекдот|сказка|песня|"
    r"сочинение|рассказ|код|программа|скрипт|poem|song|story|joke|essay|code|script)\b",
    r"^\s*(system|assistant|системa?)\s*:|you\s+are\s+(a|an)\s+(helpful\s+)?(assistant|ai\b|"
    r"language\s+model|chatbot)|no\s+restrictions|без\s+ограничение|"
    r"(отвечать|отвечай|answer|respond|reply)\s+(только|only)\b|переводить|переведи\w*|translate",
    r"(написать|сказать|ответить|подтвердить|пообещать|гарантировать|say|write|confirm|reply|"
    r"promise)\s*,?\s*(пожалуйста\s*,?\s*|please\s*,?\s*)?(что|that)\s+.{0,40}"
    r"(бесплатно|бесплатный|скидка|free|discount|100|ноль|\b0\b|гарантировать|guarantee)",
    r"\b(напиши|скажи|подтверди|пообещай|ответь|повтори)\b\s*,?\s*(пожалуйста\s*,?\s*)?что\b",
    r"(list|show|print|tell|reveal|share|give)\s+(me\s+|us\s+)?your\s+(rules|instructions|"
    r"prompt|guidelines|system|configuration)|(перечислить|показать|вывести|назвать|рассказать|"
    r"раскрыть)\s+(свой|твой|ваш)\s+(правило|инструкция|промпт|настройка)|"
    r"повторить\s+за\s+мной|repeat\s+after\s+me|reveal\s+your|покажи\w*\s+(свой|твой)\s+"
    r"(промпт|инструкция)|new\s+instructions|новый\s+инструкция",
)

AUTO_REPLY = _c(
    r"автоответ|автоматическ\w*\s+(ответ|сообщение|уведомление)|auto-?reply|automatic\s+reply|"
    r"auto-?generated|out\s+of\s+(the\s+)?office|\booo\b|this\s+is\s+an\s+automat",
    r"не\s+отвечать\s+на\s+(это|данный)\s+(письмо|сообщение)|do\s+not\s+reply\s+to\s+this",
    r"(ваш|это)\s+(письмо|обращение|сообщение)\s+(получить|принять|зарегистрировать)|"
    r"письмо\s+получить|мы\s+получить\s+ваш|we\s+(have\s+)?received\s+your|"
    r"your\s+(message|email|request)\s+(has\s+been\s+)?received",
    r"(ответить|связаться|рассмотреть)\s.{0,20}в\s+(течение|ближайший)|"
    r"(respond|reply|get\s+back)\s.{0,25}within",
    r"delivery\s+(has\s+)?failed|undeliverable|delivery\s+status\s+notification|mailer-daemon|"
    r"не\s+(удаться|мочь\s+быть)\s+доставить|адресат\s+не\s+найти|недоставленный|"
    r"ответ\s.{0,15}(быть\s+)?задержать|ответить\s+(после|по)\s+возвращение|"
    r"\bпо\s+возвращение|(ограниченный|без)\s+доступ\w*\s+к\s+(почта|email)|не\s+иметь\s+доступ|"
    r"limited\s+access\s+to|upon\s+my\s+return|when\s+i\s+(return|am\s+back|get\s+back)|"
    r"when\s+i'?m\s+back|\bi'?m\s+out\s+(of|until|till)|\bi\s+am\s+out\s+(of|until|till)|"
    r"(reply|respond)\s+on\s+my\s+return|"
    r"(currently|presently)\s+(out|away|on\s+leave|travel)|i\s+am\s+(currently\s+)?away|"
    r"\bon\s+(annual\s+|parental\s+|sick\s+|maternity\s+)?leave\b",
    r"(находиться|быть)\s+в\s+(\w+\s+)?(отпуск|командировка|декрет|больничный)|"
    r"\b(отпуск|больничный|командировка|декрет)\s+(до|по|с)\b|"
    r"(нет\s+на\s+месте|отсутствовать|вне\s+офис)\s.{0,10}\b(до|по|с)\b",
    r"по\s+срочный\s+(вопрос|дело)|в\s+случай\s+срочный|for\s+(urgent|immediate)\s+"
    r"(matters|issues|requests|questions|assistance|inquiries)|(if|when)\s+urgent",
)

# A person asking to be written to later ("напишите мне после 20-го"): not an autoresponder.
PERSONAL_LATER = _c(r"(написать|писать|напомнить|связаться|набрать|write|contact|ping|email|"
                    r"reach)\s+(мне|я|me|со\s+мной)\s+(\w+\s+)?(после|через|в|на|after|in|next|on)\b")

STOP_HARD = _c(
    r"(больше\s+)?не\s+(писать|присылать|слать|беспокоить|звонить|спамить|тревожить|"
    r"надоедать|отправлять|связываться)",
    r"(прекратить|перестать|хватить|хватит)\s+(писать|слать|присылать|спамить|рассылка|"
    r"беспокоить)|отписать|отписка|отписываться|unsubscrib|opt[- ]?out|"
    r"\bremove\s+(me|us|my)|take\s+(me|us)\s+off|\bstop\s+(e-?mailing|writing|contacting|"
    r"messaging|sending|spamming|bothering)|do\s+not\s+(contact|e-?mail|write|message)|"
    r"(don'?t|do\s+not|never)\s+(ever\s+)?(contact|e-?mail|write|message|bother)|\bno\s+more\s+e-?mails",
    r"(исключить|удалить|убрать|вычеркнуть)\s.{0,25}(рассылка|список|база|контакт)|"
    r"\bспам\b|\bspam\b|\bдостать\b|\bотвалить\b|не\s+беспокоить|leave\s+(me|us)\s+alone",
    r"ничего\s+не\s+(надо|нужно|присылать)|не\s+(надо|нужно)\s+(мне\s+|нам\s+)?ничего",
)

STOP_SOFT = _c(
    r"не\s+(интересно|интересный|интересовать|заинтересовать|заинтересованный|актуально|"
    r"актуальный|подходить|нужный|нужно|надо|требоваться|планировать|рассматривать|"
    r"готовый\s+к\s+сотрудничество)|неинтересный|неинтересно|неактуальный|неактуально",
    r"нет\s+(интерес|потребность|необходимость|бюджет)|не\s+до\s+(вы|вас)\b|"
    r"не\s+(покупать|закупать|нуждаться)\b|\bпас\b|так\s+что\s+нет|"
    r"(внедрить|купить|подключить|есть)\s+(уже\s+)?(аналогичный|похожий|подобный)|"
    r"отказаться|отказываться|вынуждить\s+отказаться|\bнет\s*,?\s*спасибо|"
    r"у\s+(нас|мы)\s+(уже\s+)?(свой|свое|своя|свои|собственн)|"
    r"у\s+(нас|мы)\s+(уже\s+|все\s+)*(есть|быть)\s*(?=$|[.,!¦]|(свой|сво[еяи]|собственн|аналог|"
    r"похож|подобн|такой|такое|такая|решение|подрядчик|инструмент|сервис|система|отдел))|уже\s+(пользоваться|работать\s+с|есть)|"
    r"не\s+(наш|для\s+мы)\b|нам\s+это\s+не|\bне\s+тот\s+профиль",
    r"not\s+(interested|a\s+(good\s+)?fit|relevant|for\s+us|a\s+priority|needed)|no\s+need|"
    r"no,?\s+thanks?|no\s+thank\s+you|we'?ll\s+pass|pass\s+on\s+this|going\s+to\s+pass|"
    r"already\s+(have|use|using|work|working|partner\w*|signed|subscribed)\b|"
    r"(работать|сотрудничать)\s+с\s+друг\w+\s+(подрядчик|сервис|компания|поставщик)|"
    r"we\s+are\s+(all\s+)?set|we'?re\s+(all\s+)?set|not\s+looking|don'?t\s+need|do\s+not\s+need",
    r"и\s+не\s+в\s+ближайш|ни\s+сейчас,?\s+ни|и\s+не\s+быть\b|and\s+won'?t\s+be|"
    r"not\s+now\s+(and|or)\s+(not\s+)?(ever|soon|in\s+the)|"
    r"thanks\s+anyway|i'?d\s+rather\s+not|we'?re\s+good|we\s+are\s+good|not\s+for\s+now,?\s+"
    r"or\s+ever|\bне\s+стоить\b",
)

STOP_LONE = re.compile(r"^\s*(нет|неа|no|nope|не\s+надо|не\s+нужно|не\s+интересно|stop|стоп|"
                       r"unsubscribe|хватит|отстаньте|отвали(те)?)\s*[.!]*\s*$",
                       re.I)

LATER = _c(
    r"\bпозже\b|\bпозднее\b|не\s+сейчас|сейчас\s+не\s+(время|до|могу|готовый|актуально|"
    r"время)|не\s+раньше|неудобно|не\s+до\s+этого|(очень\s+)?занятый|загрузить|завал|"
    r"вернуться\s+к\s+(этот|вопрос|разговор|тема|обсуждение)|отложить|на\s+паузу|"
    r"(напомнить|вернуться|стучаться)\b|потом\s+(ответить|написать)|(ответить|написать)\s+потом",
    r"\blater\b|not\s+(now|right\s+now|yet)|bad\s+time|\bbusy\b|circle\s+back|reach\s+out|"
    r"ping\s+(me|us)|follow\s+up|touch\s+base|get\s+back\s+to|revisit|check\s+back|"
    r"\bremind\b|reconnect|talk\s+(again\s+)?(in|after|next)|on\s+hold|postpone",
)

# Verbs of writing again: a postponement only together with a date.
LATER_VERB = _c(r"\b(написать|писать|напомнить|связаться|набрать|позвонить|обратиться|вернуться|"
                r"стучаться|write|contact|call|email|talk|speak|reach|get\s+in\s+touch)\b")

REDIRECT = _c(
    r"не\s+ко?\s+(я|мне)\b|не\s+по\s+адрес|не\s+я\s+(решать|заниматься|отвечать)|"
    r"(обратиться|обращаться)\s+(к|в)\s|(связаться|свяжитесь)\s+с\s+(наш|мой|его|её)|"
    r"(переслать|передать|перенаправить)\s.{0,25}(коллега|руководитель|руководство|"
    r"ответственный|отдел|директор|маркетолог|менеджер|специалист|ему|ей)|"
    r"(переслать|передать|перенаправить)\s+(ваш\s+)?(письмо|информация|предложение)",
    r"(это|вопрос)\s+(к|в)\s+(наш|мой|@|\w+олог|директор|руководитель|отдел)|"
    r"(отвечать|заниматься|решать|ведать)\s.{0,30}(у\s+нас|наш|директор|руководитель|маркетолог)|"
    r"\bу\s+нас\s.{0,20}(отвечать|заниматься|решать|ведать)|решение\s+принимать|"
    r"принимать\s+(такой\s+)?решение|makes?\s+(the\s+|these\s+|such\s+)?decisions?|"
    r"decision[- ]maker|(уже\s+|больше\s+)не\s+работать\s+"
    r"(в|на|здесь)|(уволиться|ушел|ушла)\s+из",
    r"not\s+the\s+right\s+(person|contact)|wrong\s+person|(contact|reach\s+out\s+to|talk\s+to|"
    r"email|write\s+to|speak\s+(to|with))\s+(our|my|the)\s+\w+|loop(ed)?\s+in|"
    r"(forwarded|forwarding|passed|passing)\s+(this|your|it)|in\s+charge\s+of|"
    r"(handles|owns|is\s+responsible\s+for)\s|no\s+longer\s+(with|work)|left\s+the\s+company",
)

PRESENTATION = _c(
    r"\b(презентация|преза|презентуха|презенташка|презентовать|материал|кп|буклет|брошюра|"
    r"пример|видео|ролик|видеообзор|смета|расчет|video|recording|examples|samples|"
    r"pdf|пдф|прайс|прайслист|прайс-лист|кейс|описание|документ|коммерческий|"
    r"whitepaper|one-pager|deck|presentation|brochure|materials?|proposal|quote|"
    r"price\s+list|pricing\s+(sheet|deck|document)|case\s+stud\w+|collateral|datasheet|"
    r"spec\s+sheet)\b",
    r"\b(прислать|выслать|скинуть|кинуть|отправить|направить|переслать|сбросить|присылать|"
    r"высылать|скидывать|отправлять|направлять|дать)\b.{0,40}\b(информация|инфа|"
    r"подробность|подробный|подробно|детали|описание|ссылка|что-нибудь|что-то|почта|"
    r"предложение)",
    r"(прислать|выслать|отправить|продублировать|скинуть)\s+(еще\s+раз|повторно|заново)|"
    r"(сделать|подготовить|составить|рассчитать|посчитать)\s.{0,25}(предложение|расчет|"
    r"стоимость|смета)|"
    r"\b(прислать|выслать|скинуть|кинуть|отправить|сбросить|переслать)\b\s+(мне\s+|нам\s+)?"
    r"(в\s+(тг|телега|телеграм|телеграмм|личка|лс|почта|whatsapp|ватсап|вотсап)|на\s+почта|сюда)\b|"
    r"\bинф[уаы]?\b|\bинфо\b|\bresend\b|send\s+(it\s+|that\s+)?again|почитать|ознакомиться|изучить\s+(подробнее|материал|информация)|"
    r"(send|share|email|e-mail|mail|forward)\s.{0,25}(info|information|details|overview|"
    r"more|something|docs|documentation|over)|read\s+(more|up)|something\s+in\s+writing|"
    r"на\s+почта\b|в\s+письменный\s+вид|\bпо\s+почта\b",
)

DEMO = _c(
    r"\bпокаж(ите|ете|ешь|и)\b|показать\s+(нам|мне|как)|"
    r"(глянуть|посмотреть|увидеть|взглянуть)\s+(вживую\s+|живьем\s+)?(как|на\s+(продукт|сервис|"
    r"система|кабинет|интерфейс|платформа|дашборд))|\bго\s+(созвон|звонок|зум)|"
    r"\bсозвон\w*|\bперезвон\w*|\bзвонк\w*|"
    r"(сможете|можете|могли\s+бы|можно|когда)\s+(\w+\s+)?(показать|продемонстрировать)|"
    r"\b(удобно|удобный|подойти|устроить|свободный|давать|давайте|мочь|можем|free|works?|"
    r"available|okay|ok|can\s+we|could\s+we|how\s+about|what\s+about|shall\s+we)\b.{0,30}\b(в|at)\s+\d{1,2}([:.]\d{2})?\s*(pm|am|ч|час|утра|вечера|дня|мск)?"
    r"\s*(\?|$|¦|[.!,])|\b(в|at)\s+\d{1,2}([:.]\d{2})?\s*(pm|am|ч)?\s+(work|suit|подойти|удобно)|"
    r"\b(демо|демка|демонстрация|демонстрировать|продемонстрировать|"
    r"созвон|созвониться|созваниваться|созвонка|позвонить|перезвонить|звонок|встреча|встретиться|"
    r"зум|zoom|скайп|skype|видеозвонок|конференция|пилот|пилотный|"
    r"протестировать|потестировать|тестировать|попробовать|тест-драйв|триал)\b",
    r"(тестовый|пробный|демо|бесплатный|временный)\s+(доступ|период|версия|аккаунт|кабинет|"
    r"режим)|(доступ|аккаунт|кабинет)\s.{0,15}(на\s+неделя|на\s+тест|потестировать|попробовать)|"
    r"\bнабрать\s+(я|мы|меня|нас)|(набрать|позвонить)\s.{0,10}(завтра|сегодня|в\s+\d)",
    r"(в|через|по|in|on|via|ms|microsoft)\s+teams\b|teams\s+(call|meeting)|"
    r"\bdemo|demonstrat|walk\s*-?\s*through|walk\s+(me|us)\s+through|\btrial\b|\bpilot\b|"
    r"calendar\s+invite|meeting\s+(invite|request)|\binvite\b|book\s+(a\s+|some\s+)?time|"
    r"\bслот\w*|\bинвайт\w*|приглашение\s+на\s+встреч\w+|"
    r"test\s+drive|\bsandbox\b|\bcall\b|\bmeet(ing)?\b|hop\s+on|jump\s+on|\bshow\s+(me|us)\b|"
    r"see\s+(it|how\s+it|the\s+product)|give\s+(it\s+)?a\s+try|\btry\s+it|\bscreen\s*share",
)

QUESTION_WORD = _c(
    r"\bинтересовать\b|\bподсказать\b|\bуточнить\b|\bузнать\b|\bwondering\b|"
    r"\b(что|чё|че)\s+по\b|\bскока\b|\bпочем\b|\bпочём\b|(есть|быть|появиться|возникнуть)\s+(\w+\s+)?вопрос|(have|got)\s+(a\s+|some\s+|a\s+few\s+)?"
    r"questions?|would\s+like\s+to\s+know|want\s+to\s+know|curious\s+(about|how|what|whether|if)|\?|\b(сколько|какой|каков|как|где|когда|почему|зачем|ли|можно\s+ли|есть\s+ли|"
    r"уметь|мочь\s+ли|поддерживать|работать\s+ли|how|what|which|does|do\s+you|can\s+you|can\s+it|"
    r"is\s+there|are\s+there|is\s+it|will\s+it|could\s+it)\b",
)

PRODUCT = _c(
    r"^\s*(а\s+)?сколько\s*\?*\s*¦|\b(деньга|деньги|стоить|стоимость|цена|ценник|тариф|оплата|бюджет|прайс|интеграция|интегрироваться|api|"
    r"апи|выгрузка|выгружать|выгрузить|экспорт|отчет|отчетность|excel|эксель|csv|битрикс\w*|"
    r"amo\w*|crm|црм|вайлдберриз|wildberries|вб|wb|ozon|озон|яндекс\w*|2гис|гугл|google|авито|"
    r"маркетплейс|площадка|отзыв|тональность|нейросеть|ии|ai|данные|безопасность|срок|подключение|"
    r"подключить|подключаться|внедрение|ограничение|товар|sku|лимит|лицензия|договор|поддержка|"
    r"язык|аналитика|дашборд|уведомление|ответ\s+на\s+отзыв|конкурент|мониторить|мониторинг|"
    r"собирать|парсить|обновляться|сервис|продукт|платформа|решение|система|функционал|"
    r"функция|клиент|компания|кейс|точность|модель|помочь|польза|полезный|бизнес|выгода|"
    r"результат|работать|отличаться|преимущество|окупаться|эффект)\b",
    r"\b(app|apps|application|mobile|приложение|мобильный|payments?|price|pricing|cost|costs|plan|plans|integrat\w*|api|export\w*|report\w*|marketplaces?|"
    r"platforms?|reviews?|sentiment|data|gdpr|security|onboard\w*|setup|set\s+up|limit\w*|"
    r"contract|languages?|support\w*|dashboard|alerts?|competitors?|accuracy|cover|covers|"
    r"work\s+with|connect|sku|tool|product|service|features?|how\s+long|how\s+much|"
    r"trial\s+length|help|benefit|works?|differ\w*|roi)\b",
)

INTERESTED = _c(
    r"\b(интересно|интересный|любопытно|любопытный|актуально|актуальный|полезный|полезно|"
    r"пригодиться|заинтересовать|заинтересованный|нравиться|слушать|слушаю|звучать|"
    r"согласный|готовый|давайте\s+(обсудим|дальше|поговорим|пообщаемся)|"
    r"обсудить|поговорить|пообщаться|продолжить|подробнее|поподробнее|расскажите|рассказать)\b",
    r"\b(interested|interesting|intrigued|useful|helpful|valuable|sounds\s+(good|great|"
    r"interesting|promising)|tell\s+me\s+more|go\s+ahead|let'?s\s+(talk|discuss|chat|continue)|"
    r"keen|curious|i'?m\s+in|count\s+me\s+in|relevant\s+for\s+us|could\s+(be\s+)?help|"
    r"makes\s+sense|worth\s+(a\s+)?(look|exploring)|learn\s+more|what\s+we\s+need|exactly|"
    r"perfect|love\s+it|awesome|excellent)\b",
    r"\b(то,?\s+что\s+(нам\s+)?(нужно|надо)|именно\s+то|отлично|супер|класс|круто|здорово|"
    r"прикольно|огонь)\b",
    r"^\s*(да|ок|хорошо|ладно|давайте|согласен|yes|yeah|sure|ok|okay|great|cool)\b",
)

OTHER = _c(
    r"\b(купить\s+у\s+мы|закажите|реклама|рекламный|предлагать\s+(вы|свой|наш)|наш\s+услуга|"
    r"счет\s+на\s+оплата|счет-фактура|оплатить\s+счет|вакансия|резюме|погода|лотерея|выиграть|"
    r"казино|крипта|биткоин|бухгалтерия|задолженность|долг|штраф|посылка|доставка\s+заказ)\b",
    r"\b(invoice|payment|wire\s+transfer|weather|lottery|casino|crypto|bitcoin|"
    r"job\s+opening|resume|cv|we\s+offer|we\s+sell|buy\s+our|our\s+services|confirm\s+receipt|"
    r"order\s+#?\d+|newsletter|webinar\s+invitation|check\s+out\s+our|our\s+new)\b",
    r"\b(продаем|продаём|предлагаем\s+(вам|услуги|купить)|распродажа|заказ\s+№?\s*\d+|"
    r"подтвердите\s+(получение|оплату|заказ))",
)

HOSTILE = _c(r"\b(идиот|дурак|придурок|мошенник|кретин|лох|урод|scam\w*|idiot|stupid|fuck\w*|"
             r"shit|damn\s+you)\b")

POLITE_NEGATION = _c(r"не\s+мочь\s+бы|не\s+подсказать|не\s+против|не\s+откажусь|не\s+отказаться|"
                     r"why\s+not|не\s+раньше|не\s+позже|не\s+только|не\s+совсем\s+понять|"
                     r"не\s+ко?\s+(я|мне)\b|не\s+по\s+адрес|не\s+я\s+(решать|заниматься|отвечать)|"
                     r"если\s+не\s+сложно|не\s+сложно|не\s+трудно|if\s+not")
NEGATION = _c(r"\b(не|нет|без|no|not|don'?t|do\s+not|never|won'?t|without)\b|n't\b")
