"""Unit: the parts of the events stage on real Arabic sentences — modality, attribution,
casualties, salience, places of a trigger, merging, and the ACLED export rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from rasd.doc import ActorMention, Argument, Doc, Event, PlaceMention, Span
from rasd.extract import (
    attribution,
    casualties,
    event_arguments,
    event_roles,
    modality,
    salience,
)
from rasd.extract.events import extract_events, iter_candidates
from rasd.extract.merging import Mention, merge_mentions
from rasd.extract.ontology import load_ontology
from rasd.extract.triggers import find_triggers, load_lexicon
from rasd.store.events_export import acled_row, time_precision
from rasd.text import analyze


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def first_trigger(lexicon, text: str, type_: str | None = None):
    tokens, _ = analyze(text)
    found = [t for t in find_triggers(lexicon, tokens) if type_ in (None, t.type)]
    assert found, text
    return tokens, found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("فقد أغلق التنظيم الطريق بين الحجر الأسود والقدم", "asserted"),
        ("فالمسلحين لم يسلموا سلاحهم للانتقال إلى خطوات أخرى", "negated"),
        ("ونفت الوزارة أن تكون الطائرات قصفت المدينة", "negated"),
        ("وكشفت الأنباء، أنه تم تحديد موعد أولي للخروج من المنطقة", "planned"),
        ("وقال إن الطائرات ستقصف مواقع التنظيم", "planned"),
        ("وانتشرت أنباء أول من أمس بأن اتفاقاً جرى بين الجيش والمسلحين", "uncertain"),
        ("وأعلنت مصادر انضمام اللواء للقوات، في حال تأكد هذا النبأ", "uncertain"),
    ],
)
def test_unit_modality_of_seed_like_sentences(lexicon, text: str, expected: str) -> None:
    tokens, trigger = first_trigger(lexicon, text)
    assert modality.classify(tokens, trigger, modality.is_hedged(tokens)) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "وذكرت مصادر إعلامية معارضة، أمس، أن عدداً من مسلحي التنظيم انشقوا",
            "مصادر إعلامية معارضة",
        ),
        ("وبحسب المصادر، فقد أغلق التنظيم الطريق", "المصادر"),
        (
            "قال الجيش الأميركي إن الولايات المتحدة وحلفاءها استهدفوا مسلحي التنظيم",
            "الجيش الأميركي",
        ),
        ("وقالت قوة المهام المشتركة في بيان : إنه تم تنفيذ تسع ضربات جوية", "قوة المهام المشتركة"),
        (
            "وقالت مصادر إعلامية معارضة أخرى: إن تنظيم داعش منع خروج عائلات",
            "مصادر إعلامية معارضة أخرى",
        ),
        ("وقتل 5 أشخاص، وفقاً لـ«المرصد السوري لحقوق الإنسان».", "المرصد السوري لحقوق الإنسان"),
        (
            "ونقلت وكالة رويترز عن مصادر امنية عراقية قولها، ان المهاجم فجر نفسه",
            "مصادر امنية عراقية",
        ),
        ("نقلاً عن مصادر محلية، قتل 5 أشخاص", "مصادر محلية"),
        # a name that opens with «لا» is no preposition; «بالتزامن» opens a new phrase
        (
            "وقال وزير الخارجية الروسي سيرغي لافروف إن روسيا ترفض التدخل",
            "وزير الخارجية الروسي سيرغي لافروف",
        ),
        ("وقال المرصد بالتزامن مع ذلك إن الطائرات قصفت البلدة", "المرصد"),
        ("وأكد الوزير أمام البرلمان أن الجيش قصف المواقع", "الوزير"),
    ],
)
def test_unit_attribution_names_the_source(text: str, source: str) -> None:
    tokens, _ = analyze(text)
    spans = [s.span for s in attribution.find_sources(text, tokens, []) if s.span]
    assert [s.text for s in spans] == [source]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_unit_rumours_are_not_sources_and_continuations_carry_over() -> None:
    text = "وانتشرت أنباء بأن اتفاقاً جرى"
    tokens, _ = analyze(text)
    assert all(s.span is None for s in attribution.find_sources(text, tokens, []))
    text = "وأضاف أن قوات التحالف نفذت عشر ضربات جوية"
    tokens, _ = analyze(text)
    found = attribution.find_sources(text, tokens, [])
    assert len(found) == 1 and found[0].span is None  # the previous sentence's source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أسفر عن مقتل 27 شخصا", (27, None)),
        ("ما أدى إلى سقوط عشرة قتلى", (10, None)),
        ("وإصابة نحو 100 آخرين", (None, 100)),
        ("قتل 18 شخصا وأصيب العشرات بجروح أمس", (18, None)),
        ("عن مقتل ضابط شرطة مصري ومجند، وإصابة ثلاثة آخرين", (None, 3)),
        ("كما قتل 26 شخصا في غارات شنتها طائرات النظام", (26, None)),
        ("وسقط 12 قتيلا و30 جريحا", (12, 30)),
    ],
)
def test_unit_casualty_counts_in_digits_and_words(text: str, expected) -> None:
    tokens, _ = analyze(text)
    assert casualties.count_casualties(tokens) == expected


def test_unit_salience_keeps_reports_and_drops_mere_names(lexicon) -> None:
    model = salience.load_model()

    def keep(text: str) -> bool:
        tokens, trigger = first_trigger(lexicon, text, "ASSAULT")
        count = casualties.count_casualties(tokens) != (None, None)
        return model.keep(salience.features(tokens, trigger, count, 1))

    assert keep("قصفت قوات المعارضة قريتي نبل والزهراء")
    assert keep("قتل 20 شخصا واصيب 60 حين انفجرت سيارة مفخخة")
    assert not keep("وبشأن ملف اغتيال رئيس الحكومة السابق")
    assert not keep("وصف الميليشيات التي خطفت عشرات الاشخاص بانها أسوأ")


def place(text: str, word: str, occurrence: int = 1, admin1: str | None = "09") -> PlaceMention:
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    return PlaceMention(start, start + len(word), word, 1, word, 1.0, 1.0, "SY", admin1, 1)


def test_unit_places_of_a_trigger_list_and_container(lexicon) -> None:
    text = "كما استهدفت الهجمات أيضا وحدات تكتيكية، بالإضافة إلى أهداف قرب حلب والرقة ودير الزور"
    tokens, trigger = first_trigger(lexicon, text, "ASSAULT")
    places = [place(text, "حلب"), place(text, "الرقة"), place(text, "دير الزور")]
    # A clause break stands between trigger and places: the first place after it is taken.
    assert [p.text for p in event_arguments.places_for(text, tokens, trigger, places)] == [
        "حلب",
        "الرقة",
        "دير الزور",
    ]
    text = "كما قتل 26 شخصا في غارات شنتها طائرات النظام على مدينة منبج بريف حلب الشرقي"
    tokens, trigger = first_trigger(lexicon, text, "ASSAULT")
    places = [place(text, "منبج"), place(text, "حلب")]
    assert [p.text for p in event_arguments.places_for(text, tokens, trigger, places)] == ["منبج"]


def test_unit_a_list_of_places_runs_over_place_nouns_and_their_adjectives(lexicon) -> None:
    text = (
        "واعتبر وزير النقل اليمني استعادة قاعدة العند العسكرية الاستراتيجية ومحافظة لحج"
        " ومدينة زنجبار في أبين والتقدم باتجاه تعز تحولا كبيرا"
    )
    tokens, trigger = first_trigger(lexicon, text, "COERCE")
    places = [place(text, w) for w in ("العند", "لحج", "زنجبار", "أبين", "تعز")]
    chosen = event_arguments.places_for(text, tokens, trigger, places)
    assert [p.text for p in chosen] == ["العند", "لحج", "زنجبار"]


def test_unit_country_after_the_trigger_yields_to_the_town_just_before_it(lexicon) -> None:
    text = (
        'ويفترض أن يتجمع آلاف الأشخاص بعد ظهر الأحد في اسطنبول في "مسيرة من اجل السلام"'
        " بدعوة من اكبر حزب كردي في تركيا"
    )
    tokens, trigger = first_trigger(lexicon, text, "PROTEST")
    places = [place(text, "اسطنبول"), place(text, "تركيا", admin1=None)]
    chosen = event_arguments.places_for(text, tokens, trigger, places)
    assert [p.text for p in chosen] == ["اسطنبول"]


def _events_of(
    text: str, places: list[PlaceMention], lexicon, actors: list[ActorMention] = ()
) -> list[Event]:
    doc = Doc(text=text, published=dt.date(2015, 8, 10))
    doc.tokens, doc.sentences = analyze(text)
    doc.times, doc.places, doc.actors, doc.entities = [], places, list(actors), []
    keep_all = salience.SalienceModel({}, bias=10.0, threshold=0.5)  # places, not salience
    return extract_events(doc, lexicon, keep_all)


def test_unit_material_event_without_a_place_is_at_the_scene_named_before(lexicon) -> None:
    text = (
        "أحكمت القوات الموالية للشرعية سيطرتها على مدينة زنجبار عاصمة محافظة أبين. "
        "وأشارت مصادر مطلعة إلى سقوط عشرات القتلى والجرحى من الحوثيين."
    )
    events = _events_of(text, [place(text, "زنجبار", admin1="01")], lexicon)
    assert [e.place and e.place.text for e in events if e.type == "ASSAULT"] == ["زنجبار"]


def test_unit_statement_without_a_place_stays_unplaced(lexicon) -> None:
    text = (
        "قصفت قوات النظام مدينة عربين بريف دمشق. "
        "واستبعد مسؤولون أمريكيون التعاون مع تركيا في إقامة منطقة حظر جوي رسمية."
    )
    events = _events_of(text, [place(text, "عربين")], lexicon)
    assert [e.place and e.place.text for e in events if e.type == "ASSAULT"] == ["عربين"]
    assert [e.place for e in events if e.type == "REJECT"] == [None]


def test_unit_agentless_event_continues_the_actor_of_the_sentence_before(lexicon) -> None:
    text = (
        "نفذت قوات التحالف الدولي امس 19 غارة استهدفت مواقع لتنظيم داعش في سوريا. "
        "وقالت قوة المهام المشتركة في بيان إنه تم تنفيذ تسع ضربات جوية قرب مدينة الحسكة. "
        "وأكد البيان أن الطائرات عادت إلى قواعدها. "
        "وقتل ثلاثة أشخاص في قصف على مدينة منبج."
    )
    actors = [_actor(text, "قوات التحالف الدولي", "US-led coalition")]
    places = [
        replace(place(text, "سوريا", admin1=None), geonameid=163843),
        replace(place(text, "الحسكة"), geonameid=173811),
        replace(place(text, "منبج"), geonameid=167357),
    ]
    events = _events_of(text, places, lexicon, actors)
    by_place = {e.place.text: e.actor and e.actor.name for e in events if e.type == "ASSAULT"}
    assert by_place["الحسكة"] == "US-led coalition"
    assert by_place["منبج"] is None  # two sentences on: another report


def test_unit_carried_actor_does_not_split_a_happening() -> None:
    named = _event("ASSAULT", "منبج", 22, 0)
    carried = _event("ASSAULT", "منبج", 22, 50)
    named.actor, carried.actor = Argument("Syrian Air Force"), Argument("Islamic State")
    events = merge_mentions([Mention(carried, True, 0, "SY", True), Mention(named, True, 1, "SY")])
    assert [(e.actor.name, len(e.evidence)) for e in events] == [("Syrian Air Force", 2)]


def test_unit_a_request_is_where_its_speakers_are_not_where_it_asks_about(lexicon) -> None:
    text = (
        "وجه ناشطون فلسطينيون في لبنان نداء إلى الأمم المتحدة طالبوا فيه بالتدخل العاجل"
        " وممارسة الضغط على نظام الأسد في سورية"
    )
    places = [place(text, "لبنان", admin1=None), place(text, "سورية", admin1=None)]
    requests = [e for e in _events_of(text, places, lexicon) if e.type == "REQUEST"]
    assert requests and {e.place.text for e in requests} == {"لبنان"}


def test_unit_strikes_on_towns_in_general_are_not_put_at_the_scene(lexicon) -> None:
    text = (
        "وكثفت قوات النظام قصفها على مدينة الزبداني. "
        "وأفادت الشبكة بأن 63 شخصا لقوا مصرعهم جراء قصف قوات النظام العديد من المدن والأحياء."
    )
    doc = Doc(text=text, published=dt.date(2015, 7, 22))
    doc.tokens, doc.sentences = analyze(text)
    doc.times, doc.places, doc.actors, doc.entities = [], [place(text, "الزبداني")], [], []
    second = [
        mention.event
        for c in iter_candidates(doc, lexicon)
        if c.sentence == 1 and c.trigger.type == "ASSAULT"
        for mention in c.context.mentions(c.trigger, c.mood, c.sentence)
    ]
    assert second and all(e.place is None for e in second)


def test_unit_negated_event_is_not_put_at_the_scene(lexicon) -> None:
    text = "وتوجهوا إلى منطقة المادنية في حي القدم. فالمسلحين لم يسلموا سلاحهم للانتقال."
    events = _events_of(text, [place(text, "القدم", admin1="13")], lexicon)
    assert [(e.modality, e.place) for e in events if e.type == "RETREAT"] == [("negated", None)]


def _event(type_: str, place_name: str | None, day: int, start: int, mode: str | None = None):
    where = Argument(place_name, admin1="09") if place_name else None
    date = dt.date(2015, 7, day)
    trigger = Span(start, start + 3, "قصف")
    return Event(
        type_, mode, trigger, place=where, start_date=date, end_date=date, evidence=[trigger]
    )


def test_unit_merging_one_happening_per_type_place_date() -> None:
    mentions = [
        Mention(_event("ASSAULT", "منبج", 22, 0), True, 0),
        Mention(_event("ASSAULT", "منبج", 22, 50), False, 3),  # same strike, later sentence
        Mention(_event("ASSAULT", "عربين", 22, 90), True, 4),  # another town: another event
        Mention(_event("ASSAULT", "منبج", 15, 120), True, 5),  # a week earlier: another event
        Mention(_event("RETREAT", "منبج", 22, 150, "access"), True, 6),
        Mention(_event("RETREAT", "منبج", 22, 180, "withdraw"), True, 6),
    ]
    events = merge_mentions(mentions)
    assert [(e.type, e.place.name, e.start_date.day, len(e.evidence)) for e in events] == [
        ("ASSAULT", "منبج", 22, 2),
        ("ASSAULT", "عربين", 22, 1),
        ("ASSAULT", "منبج", 15, 1),
        ("RETREAT", "منبج", 22, 1),
        ("RETREAT", "منبج", 22, 1),
    ]


def test_unit_country_summary_folds_only_into_a_town_of_that_country() -> None:
    # «نفذت قوات التحالف ... 19 غارة ... في سوريا والعراق» then «قرب مدينة الحسكة»
    syria, iraq, hasakah = (
        _event("ASSAULT", "سوريا", 8, 0),
        _event("ASSAULT", "العراق", 8, 10),
        _event("ASSAULT", "الحسكة", 8, 90),
    )
    # Countries carry no first-level division.
    syria.place, iraq.place = Argument("سوريا"), Argument("العراق")
    mentions = [
        Mention(syria, True, 0, "SY"),
        Mention(iraq, True, 0, "IQ"),
        Mention(hasakah, True, 1, "SY"),
    ]
    events = merge_mentions(mentions)
    assert [(e.place.name, len(e.evidence)) for e in events] == [("العراق", 1), ("الحسكة", 2)]


def test_unit_undated_noun_re_mention_joins_the_reported_happening() -> None:
    # «وبينما استمرت المعارك في تعز» ... «أن المقاومة لن تتراجع عن معركتها لتحرير تعز»
    fighting, battle, denial = (
        _event("ASSAULT", "تعز", 10, 0),
        _event("ASSAULT", "تعز", 10, 80),
        _event("ASSAULT", "تعز", 10, 160),
    )
    fighting.modality, battle.modality, denial.modality = "asserted", "negated", "negated"
    mentions = [
        Mention(fighting, False, 0),
        Mention(battle, False, 3, re_mention=True),
        Mention(denial, False, 4),  # a verb: its own (negated) happening
    ]
    events = merge_mentions(mentions)
    assert [(e.modality, len(e.evidence)) for e in events] == [("asserted", 2), ("negated", 1)]


def test_unit_acled_rows_from_stored_events() -> None:
    ontology = load_ontology()
    row = {
        "type": "ASSAULT",
        "mode": "aerial",
        "actor_name": "Syrian air force",
        "target_name": "civilians",
        "place_name": "Manbij",
        "place_admin1": "09",
        "place_lat": 36.5,
        "place_lon": 37.9,
        "place_precision": 1,
        "start_date": "2015-07-22",
        "end_date": "2015-07-22",
        "outlet": "aawsat",
        "modality": "asserted",
        "attribution": None,
        "killed": 26,
        "injured": None,
        "evidence_text": "كما قتل 26 شخصا في غارات شنتها طائرات النظام السوري على مدينة منبج",
        "doc_id": "snn-53c5baac0226",
    }
    out = acled_row(row, ontology.acled)
    assert (out["event_type"], out["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (out["actor1"], out["actor2"], out["fatalities"], out["time_precision"]) == (
        "Syrian air force",
        "civilians",
        26,
        1,
    )
    assert ontology.acled("DEFECT", None) == ("Strategic developments", "Change to group/activity")
    assert time_precision("2018-03-13", "2018-03-14") == 2
    assert time_precision("2015-07-06", "2015-08-06") == 3


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("أسفر عن مقتل 27 شخصا في سروج", "27 شخصا"),
        ("وقتل ثلاثة أشخاص على الأقل وجرح آخرون", "ثلاثة أشخاص"),
        ("قتل ثلاثة جنود أتراك في هجوم على كتيبة", None),
    ],
)
def test_unit_counted_civilians_are_the_target(text: str, victims: str | None) -> None:
    tokens, _ = analyze(text)
    found = casualties.find_civilian_victims(tokens)
    assert (text[found[0] : found[1]] if found else None) == victims


# Generic actors as the actors stage marks them: a kind of group, not a name.
GENERIC = {"armed opposition", "civilians", "Syrian opposition fighters"}


def _actor(text: str, words: str, name: str) -> ActorMention:
    start = text.index(words)
    kind = "generic" if name in GENERIC else "alias"
    return ActorMention(start, start + len(words), words, name, "group", None, f"actors:{kind}")


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "نفذت قوات التحالف الدولي بقيادة الولايات المتحدة 19 غارة استهدفت مواقع لتنظيم داعش",
            [
                ("قوات التحالف الدولي", "US-led coalition"),
                ("الولايات المتحدة", "United States"),
                ("تنظيم داعش", "Islamic State"),
            ],
            ("US-led coalition", "Islamic State"),
        ),
        (
            "اختطف مسلحون تابعون لجماعة الحوثي في صنعاء 10 من قياديي حزب الإصلاح",
            [
                ("مسلحون", "armed opposition"),
                ("جماعة الحوثي", "Houthis"),
                ("حزب الإصلاح", "Al-Islah"),
            ],
            ("Houthis", "Al-Islah"),
        ),
        (
            "إن تنظيم داعش منع خروج عائلات فلسطينية من مناطق بجنوب دمشق",
            [("تنظيم داعش", "Islamic State"), ("عائلات", "civilians")],
            ("Islamic State", "civilians"),
        ),
        (  # ل marks whose vehicles were hit
            "وكان مسلحو المعارضة قد هاجموا سيارتي دفع رباعي لقوات النظام في منطقة سهل الزبداني",
            [
                ("مسلحو المعارضة", "Syrian opposition fighters"),
                ("قوات النظام", "Syrian government forces"),
            ],
            ("Syrian opposition fighters", "Syrian government forces"),
        ),
        (  # ... but «بالنسبة ل» only says for whom the file is on the table
            "هذا الملف بات ومنذ مدة على «طاولة البحث المكثف بالنسبة للجهات المختصة، والاتصالات قائمة",
            [("للجهات المختصة", "Syrian government")],
            ("Syrian government", None),
        ),
        (  # actors joined by و are one party
            "وسيطر مقاتلون من المعارضة وجبهة النصرة على حاجز مطل على بلدة بلودان",
            [("مقاتلون من المعارضة", "Syrian opposition fighters"), ("جبهة النصرة", "Nusra Front")],
            ("Syrian opposition fighters and Nusra Front", None),
        ),
        (  # a named group keeps its name before «التابع»; و joins the two targets
            "شنت قوات جيش الفتح التابعِ للمعارضة السورية المسلحة قصفا مدفعيا وصاروخيا على مواقعَ"
            " لقوات النظام السوري والمليشيات الموالية له في محيط بلدتي الفوعة وكفريا",
            [
                ("قوات جيش الفتح", "Jaish al-Fatah"),
                ("للمعارضة السورية المسلحة", "Syrian opposition fighters"),
                ("قوات النظام السوري", "Syrian government forces"),
                ("المليشيات الموالية له", "pro-government militias"),
            ],
            ("Jaish al-Fatah", "Syrian government forces and pro-government militias"),
        ),
        (  # reciprocal: the two sides of an agreement
            "وانتشرت أنباء بأن اتفاقاً جرى بين الجيش العربي السوري والميليشيات المسلحة",
            [
                ("الجيش العربي السوري", "Syrian government forces"),
                ("الميليشيات المسلحة", "armed opposition"),
            ],
            ("Syrian government forces", "armed opposition"),
        ),
        (  # what is seized is taken from whoever follows «من»
            "كما استعادت قوات الشرعية مدينة شقراء الساحلية دون مقاومة تذكر من الانقلابيين",
            [("قوات الشرعية", "pro-Hadi forces"), ("الانقلابيين", "Houthis and Saleh loyalists")],
            ("pro-Hadi forces", "Houthis and Saleh loyalists"),
        ),
        (  # an appeal is addressed to whoever follows «إلى»
            "وجه ناشطون فلسطينيون في لبنان نداء إلى الأمم المتحدة",
            [("ناشطون", "activists"), ("الأمم المتحدة", "United Nations")],
            ("activists", "United Nations"),
        ),
        (  # the dead «من» a side are the target's
            "وأشارت مصادر مطلعة إلى سقوط عشرات القتلى والجرحى من الحوثيين والقوات الموالية"
            " للرئيس المخلوع علي عبدالله صالح",
            [
                ("الحوثيين", "Houthis"),
                ("القوات الموالية للرئيس المخلوع علي عبدالله صالح", "Saleh loyalists"),
            ],
            (None, "Houthis and Saleh loyalists"),
        ),
        (  # the next clause's subject is not the target of the clashes
            "وفي محافظة إب التي احتدمت فيها المواجهات خاصة بمنطقة يريم، سيطرت قوات المقاومة"
            " الشعبية والجيش الوطني اليمني على منطقتي السدة",
            [
                ("قوات المقاومة الشعبية", "Popular Resistance"),
                ("الجيش الوطني اليمني", "Yemeni army"),
            ],
            (None, None),
        ),
        (  # the towns shelled come before the next clause's subject
            "وقصفت المعارضة بلدات موالية للنظام بريفي إدلب وحلب وسيطر مقاتلون من المعارضة",
            [
                ("المعارضة", "Syrian political opposition"),
                ("مقاتلون من المعارضة", "Syrian opposition fighters"),
            ],
            ("Syrian political opposition", None),
        ),
        (  # a passive's target is named in its clause, not in the next one
            "وكشفت الأنباء، أنه تم تحديد موعد أولي للخروج من المنطقة يومي الثلاثاء والأربعاء"
            " القادمين، مؤكدة أن عدداً من المسلحين وأبناء الحي لن يخرجوا من المنطقة",
            [("المسلحين", "armed opposition"), ("أبناء الحي", "civilians")],
            (None, None),
        ),
        (  # the subject of a relative clause on the trigger noun is its actor
            "بسبب الحصار الخانق الذي تفرضه قوات نظام الأسد وأجهزته الأمنية",
            [("قوات نظام الأسد", "Syrian government forces")],
            ("Syrian government forces", None),
        ),
        (
            "خصوصاً معركة الزبداني التي يخوضها الحزب مع قوات النظام السوري منذ حوالى شهر",
            [("الحزب", "Hezbollah"), ("قوات النظام السوري", "Syrian government forces")],
            ("Hezbollah", "Syrian government forces"),
        ),
        (  # the genitive of «مقتل» is who was killed, not who killed
            "وتشير المعلومات الى مقتل عناصر حزب الله في كمين داخل الأراضي السورية",
            [("عناصر حزب الله", "Hezbollah")],
            (None, "Hezbollah"),
        ),
        (  # a verb's actor after it stays in its clause
            "كما استهدفت الهجمات أيضا وحدات تكتيكية، بالإضافة إلى أهداف قرب حلب والرقة"
            " ودير الزور ضد تنظيم ” داعش ” الإرهابي",
            [("داعش", "Islamic State")],
            (None, "Islamic State"),
        ),
    ],
)
def test_unit_actor_and_target_of_a_trigger(lexicon, text: str, mentions, expected) -> None:
    tokens, trigger = first_trigger(lexicon, text)
    actors = [_actor(text, words, name) for words, name in mentions]
    actor, target = event_roles.actor_and_target(text, tokens, trigger, actors)
    assert (actor and actor.name, target and target.name) == expected


def test_unit_actor_right_after_a_singular_verb_is_its_subject(lexicon) -> None:
    text = (
        "وقصفت المعارضة بلدات موالية للنظام بريفي إدلب وحلب وسيطر مقاتلون من المعارضة"
        " وجبهة النصرة على حاجز مطل على بلدة بلودان"
    )
    tokens, trigger = first_trigger(lexicon, text, "COERCE")
    actors = [
        _actor(text, "المعارضة", "Syrian political opposition"),
        _actor(text, "مقاتلون من المعارضة", "Syrian opposition fighters"),
        _actor(text, "جبهة النصرة", "Nusra Front"),
    ]
    actor, _ = event_roles.actor_and_target(text, tokens, trigger, actors)
    assert actor.name == "Syrian opposition fighters and Nusra Front"
    # A plural verb agrees with a subject before it: the actor after it is its object.
    text = "قال الجيش إن الولايات المتحدة وحلفاءها استهدفوا مسلحي تنظيم داعش بتسع ضربات"
    tokens, trigger = first_trigger(lexicon, text, "ASSAULT")
    actors = [
        _actor(text, "الولايات المتحدة وحلفاءها", "US-led coalition"),
        _actor(text, "مسلحي تنظيم داعش", "Islamic State"),
    ]
    actor, target = event_roles.actor_and_target(text, tokens, trigger, actors)
    assert (actor.name, target.name) == ("US-led coalition", "Islamic State")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("كما قصفت قوات المعارضة في ريف حلب قريتي نبل والزهراء", "قريتي"),
        ("قصفت قوات نظام الأسد مخيم درعا للاجئين الفلسطينيين", "مخيم"),
        ("المليشيات الحوثية التي تقصف المدينة بشكل هستيري", "المدينة"),
        # where the shelling was, not what it hit
        ("وكثفت قوات النظام قصفها في مدينة الزبداني", None),
    ],
)
def test_unit_a_struck_town_is_named_after_the_strike(lexicon, text: str, town) -> None:
    tokens, trigger = first_trigger(lexicon, text, "ASSAULT")
    found = event_roles.struck_settlement(tokens, trigger)
    assert (found and found.text) == town


def test_unit_who_holds_the_struck_town_is_not_who_struck_it(lexicon) -> None:
    text = (
        "كما قتل 26 شخصا في غارات شنتها طائرات النظام السوري على مدينة منبج بريف حلب الشرقي"
        " بعد يوم من قصف مماثل على هذه المدينة الواقعة تحت سيطرة تنظيم داعش"
    )
    tokens, _ = analyze(text)
    triggers = {text[t.start : t.end]: t for t in find_triggers(lexicon, tokens)}
    actors = [
        _actor(text, "طائرات النظام السوري", "Syrian Air Force"),
        _actor(text, "تنظيم داعش", "Islamic State"),
    ]
    raids = next(t for w, t in triggers.items() if w.startswith("غارات"))
    actor, _ = event_roles.actor_and_target(text, tokens, raids, actors)
    assert actor.name == "Syrian Air Force"  # the mention begins inside the trigger
    actor, target = event_roles.actor_and_target(text, tokens, triggers["قصف"], actors)
    assert (actor, target) == (None, None)


def test_unit_the_object_of_an_earlier_verb_is_not_the_subject(lexicon) -> None:
    text = "إن الولايات المتحدة وحلفاءها استهدفوا مسلحي تنظيم داعش بتسع ضربات جوية في سوريا"
    tokens, _ = analyze(text)
    strikes = next(t for t in find_triggers(lexicon, tokens) if text[t.start : t.end] != "استهدفوا")
    actors = [
        _actor(text, "الولايات المتحدة وحلفاءها", "US-led coalition"),
        _actor(text, "مسلحي تنظيم داعش", "Islamic State"),
    ]
    actor, _ = event_roles.actor_and_target(text, tokens, strikes, actors)
    assert (text[strikes.start : strikes.end], actor.name) == ("ضربات جوية", "US-led coalition")


def test_unit_user_ontology_adds_a_type_and_keeps_the_bundled_ones(tmp_path) -> None:
    mine = tmp_path / "ontology.yaml"
    mine.write_text(
        "types:\n  CYBER:\n    acled: [Strategic developments, Other]\n"
        "    modes: {ddos: {acled: [Strategic developments, Disrupted weapons use]}}\n",
        encoding="utf-8",
    )
    ontology = load_ontology([mine])
    assert ontology.acled("CYBER", "ddos") == ("Strategic developments", "Disrupted weapons use")
    assert ontology.acled("CYBER", None) == ("Strategic developments", "Other")
    assert ontology.acled("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert len(ontology.modes) == 18  # 16 PLOVER types, DEFECT and the user's CYBER


def _by_type(events: list[Event]) -> dict[str, tuple[str | None, str | None]]:
    """Type → (mode, actor name) of each event."""
    return {e.type: (e.mode, e.actor and e.actor.name) for e in events}


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # verb-subject: the speaker follows the statement verb
            "وطالب الائتلاف الوطني السوري المجتمع الدولي بالتدخل العاجل",
            [("الائتلاف الوطني السوري", "Syrian National Coalition")],
            {"REQUEST": ("change", "Syrian National Coalition")},
        ),
        (  # the speaker who condemns an attack is not its attacker
            "أدانت وزارة الخارجية السعودية الهجوم على المسجد",
            [("السعودية", "Saudi Arabia")],
            {"ACCUSE": ("disapprove", "Saudi Arabia"), "ASSAULT": (None, None)},
        ),
        (  # ... nor in subject-verb order
            "السعودية تدين الهجوم على المسجد",
            [("السعودية", "Saudi Arabia")],
            {"ACCUSE": ("disapprove", "Saudi Arabia"), "ASSAULT": (None, None)},
        ),
        (  # the caller makes the request; the withdrawal called for is no event
            "ودعا الجيش اليمني المسلحين إلى الانسحاب من المدينة",
            [("الجيش اليمني", "Yemeni army"), ("المسلحين", "armed opposition")],
            {"REQUEST": ("change", "Yemeni army")},
        ),
        (  # the one held responsible is the alleged attacker
            "وحمّلت الحكومة اليمنية الحوثيين المسؤولية عن الهجوم",
            [("الحكومة اليمنية", "Yemeni government"), ("الحوثيين", "Houthis")],
            {"ACCUSE": ("allege", "Yemeni government"), "ASSAULT": (None, "Houthis")},
        ),
        (
            "ورحبت الولايات المتحدة بالاتفاق بين الحكومة والمعارضة",
            [("الولايات المتحدة", "United States")],
            {"SUPPORT": (None, "United States"), "AGREE": (None, None)},
        ),
        (  # a threatened sanction is no sanction
            "وهددت واشنطن بفرض عقوبات جديدة على موسكو",
            [("واشنطن", "United States"), ("موسكو", "Russia")],
            {"THREATEN": ("sanction", "United States")},
        ),
    ],
)
def test_unit_the_speaker_of_a_statement_is_its_subject(lexicon, text, mentions, expected) -> None:
    actors = [_actor(text, words, name) for words, name in mentions]
    assert _by_type(_events_of(text, [], lexicon, actors)) == expected


def test_unit_a_reporting_verb_is_attribution_not_an_event(lexicon) -> None:
    text = "وقال وزير الخارجية التركي إن أنقرة ترفض أي تدخل بري في سوريا"
    actors = [_actor(text, "وزير الخارجية التركي", "Turkey"), _actor(text, "أنقرة", "Turkey")]
    events = _events_of(text, [], lexicon, actors)
    assert [(e.type, e.actor.name, e.attribution.text) for e in events] == [
        ("REJECT", "Turkey", "وزير الخارجية التركي")
    ]
    for text in (
        "وأكد المتحدث باسم الخارجية أن الوزير التقى نظيره الروسي أمس",
        "وأعلن المتحدث باسم الرئاسة أن الاجتماع انتهى دون نتائج",
    ):
        assert [e.type for e in _events_of(text, [], lexicon)] == ["CONSULT"]


def test_unit_diplomacy_happens_where_a_preposition_puts_it(lexicon) -> None:
    # Capitals named bare are the parties, not the venue.
    text = "أنقرة وواشنطن متفقتان على الحاجة إلى غطاء جوي للمعارضة"
    places = [place(text, "أنقرة", admin1="68"), place(text, "واشنطن", admin1="DC")]
    assert [(e.type, e.place) for e in _events_of(text, places, lexicon)] == [("AGREE", None)]
    text = "والتقى وزير الخارجية السعودي نظيره التركي في العاصمة أنقرة"
    places = [place(text, "أنقرة", admin1="68")]
    assert [e.place.text for e in _events_of(text, places, lexicon)] == ["أنقرة"]
    # Where it was said is not where the talks are.
    text = "وفي واشنطن قال مسؤولون أمريكيون إن مناقشات تجري مع تركيا"
    places = [place(text, "واشنطن", admin1="DC"), place(text, "تركيا", admin1=None)]
    assert [(e.type, e.place) for e in _events_of(text, places, lexicon)] == [("CONSULT", None)]
    # A visit is placed where it goes, named bare or not.
    text = "وزار وزير الخارجية الروسي قطر أمس"
    places = [place(text, "قطر", admin1=None)]
    assert [e.place.text for e in _events_of(text, places, lexicon)] == ["قطر"]


def test_unit_a_negated_pattern_has_its_subject_before_it(lexicon) -> None:
    # «لن تتراجع»: the subject stands before «لن»; the militia after it is the enemy.
    text = "وأكد أن المقاومة لن تتراجع عن معركتها لتحرير تعز من المليشيات الحوثية"
    tokens, trigger = first_trigger(lexicon, text, "REJECT")
    actors = [_actor(text, "المليشيات الحوثية", "Houthis")]
    actor, _ = event_roles.actor_and_target(text, tokens, trigger, actors)
    assert actor is None
    actors = [_actor(text, "المقاومة", "Popular Resistance"), *actors]
    actor, _ = event_roles.actor_and_target(text, tokens, trigger, actors)
    assert actor.name == "Popular Resistance"


def test_unit_a_stance_with_no_subject_is_held_by_its_speaker(lexicon) -> None:
    # «إنه يرفض»: the clause names no one; the minister it is reported from rejects.
    text = "وقال وزير الخارجية السعودي عادل الجبير إنه يرفض أي تدخل إيراني في شؤون اليمن"
    actors = [_actor(text, "عادل الجبير", "Adel al-Jubeir")]
    events = [e for e in _events_of(text, [], lexicon, actors) if e.type == "REJECT"]
    assert [(e.actor.name if e.actor else None) for e in events] == ["Adel al-Jubeir"]
    assert events[0].attribution is not None and "عادل الجبير" in events[0].attribution.text
    # A material event is not done by whoever reports it.
    text = "وقال الجيش الأمريكي إن مسلحين هاجموا قافلة قرب الحدود"
    actors = [_actor(text, "الجيش الأمريكي", "United States military")]
    events = [e for e in _events_of(text, [], lexicon, actors) if e.type == "ASSAULT"]
    assert events and all(e.actor is None for e in events)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # What a request asks for is not a happening: only the request is an event.
        ("وطالب المحتجون بوقف القصف على المدينة", ["REQUEST"]),
        ("ودعت المعارضة إلى التظاهر يوم الجمعة", ["REQUEST"]),
        # An attack reported in its own clause stays, beside the request.
        ("وقصفت الطائرات المدينة، وطالب الأهالي بالحماية", ["ASSAULT", "REQUEST"]),
    ],
)
def test_unit_what_a_request_asks_for_is_not_an_event(lexicon, text: str, types) -> None:
    assert sorted(e.type for e in _events_of(text, [], lexicon)) == types


# --- review of 30 fresh SaudiNewsNet articles (bench/review/README.md) ---------------------


@pytest.mark.parametrize(
    ("text", "mentions", "type_", "expected"),
    [
        (  # the side of the dead is the target; the owner of the strikes, their actor
            "وأفادت مصادر بسقوط قتلى وجرحى من قوات جماعة أنصار الله جراء ثلاث غارات"
            " لطيران التحالف العربي على وادي دوفس",
            [("أنصار الله", "Houthis"), ("طيران التحالف العربي", "Saudi-led coalition")],
            "ASSAULT",
            ("Saudi-led coalition", "Houthis"),
        ),
        (  # ... and the owner after a strike noun is its actor («غارات لطيران التحالف»)
            "وسقط قتلى جراء ثلاث غارات لطيران التحالف العربي على وادي دوفس",
            [("طيران التحالف العربي", "Saudi-led coalition")],
            "ASSAULT",
            ("Saudi-led coalition", None),
        ),
        (  # the dead of a side did not attack: they are its target
            "أسفر عن مقتل 15 شخصا، معظمهم من قوات الأمن في هجوم على مسجد",
            [("قوات الأمن", "security forces")],
            "ASSAULT",
            (None, "security forces"),
        ),
        (  # the positions destroyed are the target's, not the actor's
            "تمكن الجيش الوطني من تدمير دفاعات ميليشيات الحوثي في محيط قاعدة العند",
            [("الجيش الوطني", "Yemeni army"), ("ميليشيات الحوثي", "Houthis")],
            "ASSAULT",
            ("Yemeni army", "Houthis"),
        ),
        (  # where an attack happened is no attacker; who it is ascribed to is
            "شهدت تركيا أمس هجوما انتحاريا داميا اوقع 30 قتيلا على الاقل في مدينة سوروتش،"
            " نسبته الحكومة التركية الى تنظيم «داعش»",
            [("تركيا", "Turkey"), ("الحكومة التركية", "Turkey"), ("داعش", "Islamic State")],
            "ASSAULT",
            ("Islamic State", None),
        ),
        (  # an attack noun as the subject: the people after it are the object
            "واستهدف هجوم سوروتش مجموعة من الشبان الناشطين في سبيل القضية الكردية",
            [("الناشطين", "activists")],
            "ASSAULT",
            (None, "activists"),
        ),
        (  # the name «علي» is no «على»: Saleh is not the target of the strikes
            "واستهدفت الغارات مواقع الحوثيين والمخلوع علي عبدالله صالح في أبين",
            [("الحوثيين", "Houthis"), ("علي عبدالله صالح", "Ali Abdullah Saleh")],
            "ASSAULT",
            (None, "Houthis"),
        ),
        (  # what is welcomed stands after ب: Turkey does not welcome
            "ورحب المسؤول الكردي بقرار تركيا الانضمام الى الحملة الجوية",
            [("تركيا", "Turkey")],
            "SUPPORT",
            (None, "Turkey"),
        ),
    ],
)
def test_unit_roles_from_the_review_of_fresh_articles(
    lexicon, text: str, mentions, type_: str, expected
) -> None:
    actors = [_actor(text, words, name) for words, name in mentions]
    events = [e for e in _events_of(text, [], lexicon, actors) if e.type == type_]
    assert events, text
    got = events[0]
    assert (got.actor and got.actor.name, got.target and got.target.name) == expected


def test_unit_civilians_are_never_the_actor_of_an_attack(lexicon) -> None:
    text = "واستنكرت استغلال الجماعة المتشددة للأطفال كمفجرين انتحاريين"
    start = text.index("للأطفال")
    children = ActorMention(
        start, start + 7, "للأطفال", "civilians", "civilians", None, "a:generic"
    )
    tokens, trigger = first_trigger(lexicon, text, "ASSAULT")
    actor, _ = event_roles.actor_and_target(text, tokens, trigger, [children])
    assert actor is None


def test_unit_a_suicide_bombing_and_the_explosion_are_one_happening() -> None:
    # «فجرت فتاة نفسها في داماتورو» and «كمفجرين انتحاريين» one sentence before
    bombers, blast = _event("ASSAULT", "داماتورو", 24, 0), _event("ASSAULT", "داماتورو", 24, 90)
    bombers.mode, blast.mode = "suicide-attack", "explosives"
    events = merge_mentions([Mention(blast, True, 1), Mention(bombers, True, 2)])
    assert [(e.mode, len(e.evidence)) for e in events] == [("suicide-attack", 2)]
    shelling = _event("ASSAULT", "داماتورو", 24, 150, "heavy-weapons")
    assert len(merge_mentions([Mention(blast, True, 1), Mention(shelling, True, 2)])) == 2


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # the counted are the dead; who laid the ambush is the actor
            "أما في قيفة رداع بالبيضاء فقد قتل ثمانية حوثيين بكمين نصبته المقاومة الشعبية",
            [("حوثيين", "Houthis"), ("المقاومة الشعبية", "Popular Resistance")],
            ("Popular Resistance", "Houthis"),
        ),
        (  # counted dead before the trigger did not fight
            "وأشارت التقارير إلى مقتل 22 حوثيا في اشتباكات قرب القاعدة العسكرية",
            [("حوثيا", "Houthis")],
            (None, "Houthis"),
        ),
    ],
)
def test_unit_counted_people_are_the_dead_not_the_attackers(
    lexicon, text: str, mentions, expected
) -> None:
    actors = [_actor(text, words, name) for words, name in mentions]
    events = [e for e in _events_of(text, [], lexicon, actors) if e.type == "ASSAULT"]
    assert [(e.actor and e.actor.name, e.target and e.target.name) for e in events] == [expected]


def test_unit_a_statement_repeated_by_its_speaker_is_one_statement() -> None:
    # «أدانت الولايات المتحدة ... الهجمات في نيجيريا» then «إن الولايات المتحدة «تدين بشدة»»
    first, quoted = _event("ACCUSE", "نيجيريا", 24, 0), _event("ACCUSE", "واشنطن", 25, 90)
    first.actor = quoted.actor = Argument("United States")
    events = merge_mentions([Mention(first, True, 0), Mention(quoted, False, 2)])
    assert [(e.place.name, len(e.evidence)) for e in events] == [("نيجيريا", 2)]
    # Demands to two addressees are two demands.
    to_turkey, to_pkk = _event("REQUEST", "أربيل", 24, 0), _event("REQUEST", "واشنطن", 24, 90)
    to_turkey.actor = to_pkk.actor = Argument("Kurdistan Regional Government")
    to_turkey.target, to_pkk.target = Argument("Turkey"), Argument("PKK")
    assert len(merge_mentions([Mention(to_turkey, True, 0), Mention(to_pkk, True, 2)])) == 2


@pytest.mark.parametrize(
    ("text", "mentions", "type_", "expected"),
    [
        (  # «من قبل» in a later clause names that clause's agent, not the praise's
            "أشاد رئيس الحكومة الليبية المؤقتة بجهود عناصر الشرطة في المدينة، وناقش"
            " الجهود المبذولة من قبل رجال الأمن",
            [
                ("الحكومة الليبية", "Libyan government"),
                ("عناصر الشرطة", "security forces"),
                ("رجال الأمن", "security forces"),
            ],
            "SUPPORT",
            ("Libyan government", "security forces"),
        ),
        (  # the planes in the trigger strike; the group after them is struck
            "قصفت طائرات حربية عربية الجماعة المتحالفة مع إيران",
            [("الجماعة", "Houthis"), ("إيران", "Iran")],
            "ASSAULT",
            (None, "Houthis"),
        ),
    ],
)
def test_unit_roles_stay_in_their_clause_and_phrase(
    lexicon, text: str, mentions, type_: str, expected
) -> None:
    actors = [_actor(text, words, name) for words, name in mentions]
    events = [e for e in _events_of(text, [], lexicon, actors) if e.type == type_]
    assert {(e.actor and e.actor.name, e.target and e.target.name) for e in events} == {expected}
