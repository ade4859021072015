"""Unit tests of the readers: page scrapes, HTML, JSON, encodings, sources."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os

import pytest

from rasd.doc import Doc, Problem
from rasd.ingest import Boilerplate, read_sources
from rasd.ingest.dates import check_date, parse_date
from rasd.ingest.decode import DecodeError, decode_bytes
from rasd.ingest.html_pages import read_html_page
from tests.conftest import SEED_PATH, SHARED

SNN = SHARED / "saudinewsnet" / "articles.jsonl.gz"


def _docs(items):
    return [i for i in items if isinstance(i, Doc)]


def _problems(items):
    return [i for i in items if isinstance(i, Problem)]


def _snn_lines(n: int) -> list[str]:
    with gzip.open(SNN, "rt", encoding="utf-8") as f:
        return [next(f) for _ in range(n)]


def test_seed_page_structure():
    [doc] = list(read_sources([str(SEED_PATH)]))
    assert doc.outlet == "الوطن"
    assert doc.section == "سورية"
    assert doc.headline == "انشقاقات في صفوف داعش جنوب دمشق"
    assert doc.text.startswith("بدأ مسلحون من تنظيم داعش")
    assert doc.text.endswith("«فالمسلحين لم يسلموا سلاحهم للانتقال إلى خطوات أخرى».")
    assert "زر الذهاب" not in doc.text and "صحيفة الوطن" not in doc.text
    assert doc.source_path == str(SEED_PATH) and len(doc.source_sha256 or "") == 64


def test_page_scrape_with_date_line_and_no_section(seed_raw, tmp_path):
    page = (
        "انشقاقات في صفوف داعش جنوب دمشق\n\n| الوطن\nالأحد، 22 نيسان 2018\n\n"
        + seed_raw.split("| الوطن", 1)[1]
    )
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    [doc] = list(read_sources([str(path)]))
    assert doc.published == dt.date(2018, 4, 22)
    assert doc.section is None and doc.headline.startswith("انشقاقات")
    assert doc.text.startswith("بدأ مسلحون")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("الأحد، 22 نيسان 2018", dt.date(2018, 4, 22)),
        ("11 مارس 2018", dt.date(2018, 3, 11)),
        ("نشر في ٣ تشرين الأول ٢٠١٧", dt.date(2017, 10, 3)),
        ("١١/٣/٢٠١٨", dt.date(2018, 3, 11)),
        ("2015-07-21 02:51:32", dt.date(2015, 7, 21)),
        ("31 شباط 2018", None),
        ("بلا تاريخ", None),
    ],
)
def test_parse_arabic_dates(text, date):
    assert parse_date(text) == date


def test_absurd_dates_are_rejected():
    assert not check_date(dt.date(1066, 1, 1))
    assert not check_date(dt.date.today() + dt.timedelta(days=30))
    assert check_date(dt.date(2018, 3, 11))


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "utf-16", "utf-16-le", "utf-8-sig"])
def test_decode_arabic_encodings(seed_raw, encoding):
    text = seed_raw.replace("«", '"').replace("»", '"')  # ISO-8859-6 has no guillemets
    text, used = decode_bytes(text.encode(encoding))
    assert "بدأ مسلحون من تنظيم داعش" in text
    assert used.replace("-", "_").startswith(encoding.replace("-", "_")[:5])


def test_decode_keeps_utf8_cut_inside_last_character(seed_raw):
    data = seed_raw.encode("utf-8")
    text, _ = decode_bytes(data[:-1] if data[-1] >= 0x80 else data[:-2] + "ا".encode()[:1])
    assert text.startswith("سورية")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ],
)
def test_decode_refuses_non_text(data, code):
    with pytest.raises(DecodeError) as err:
        decode_bytes(data)
    assert err.value.code == code


HTML = """<!doctype html><html><head><title>انشقاقات في صفوف داعش جنوب دمشق</title>
<meta property="og:site_name" content="الوطن"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/s">سورية</a></nav>
<article><h1>انشقاقات في صفوف داعش جنوب دمشق</h1><p class="date">الأحد، 22 نيسان 2018</p>
<p>بدأ مسلحون من تنظيم داعش الإرهابي في جنوب العاصمة بالانشقاق عن التنظيم واللجوء إلى القسم الشرقي من حي القدم بهدف الخروج إلى شمال البلاد.</p>
<p>وذكرت مصادر إعلامية معارضة، أمس، أن عدداً من مسلحي التنظيم انشقوا عنه ولجؤوا إلى حي القدم، للانضمام إلى المسلحين الراغبين بمغادرة الحي.</p>
</article><footer><p>زر الذهاب إلى الأعلى</p><p>جميع الحقوق محفوظة © 2018</p></footer></body></html>"""


def test_html_page_metadata_and_levantine_date():
    doc = read_html_page(HTML)
    assert doc is not None
    assert doc.published == dt.date(2018, 4, 22)  # htmldate alone says 2018-01-01
    assert doc.outlet == "الوطن"
    assert doc.headline == "انشقاقات في صفوف داعش جنوب دمشق"
    assert doc.text.startswith("بدأ مسلحون") and doc.text.endswith("بمغادرة الحي.")
    assert "محفوظة" not in doc.text and "2018" not in doc.text


def test_html_metadata_date_beats_a_date_in_the_site_header():
    page = HTML.replace(
        "<head>", '<head><meta property="article:published_time" content="2018-03-11T09:00:00">'
    )
    page = page.replace('<p class="date">الأحد، 22 نيسان 2018</p>', "").replace(
        "<nav>", "<nav>الأحد 29 تشرين الثاني 2026 "
    )
    assert read_html_page(page).published == dt.date(2018, 3, 11)


def test_html_egyptian_month_and_no_body(tmp_path):
    page = HTML.replace("الأحد، 22 نيسان 2018", "11 مارس 2018")
    assert read_html_page(page).published == dt.date(2018, 3, 11)
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body><nav>القائمة</nav></body></html>")
    [problem] = list(read_sources([str(empty)]))
    assert isinstance(problem, Problem) and problem.code == "no-body"


def test_page_starting_with_a_bracket_is_not_json(tmp_path, seed_raw):
    path = tmp_path / "page.txt"
    path.write_bytes(("[فيديو] " + seed_raw).encode("utf-16"))
    [doc] = list(read_sources([str(path)]))
    assert isinstance(doc, Doc) and doc.outlet == "الوطن"


def test_html_is_sniffed_by_content_not_extension(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(HTML, encoding="utf-8")
    [doc] = list(read_sources([str(path)]))
    assert doc.outlet == "الوطن" and "<p" not in doc.text


def test_saudinewsnet_jsonl_without_options(tmp_path):
    lines = _snn_lines(5)
    path = tmp_path / "snn.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    docs = _docs(read_sources([str(path)]))
    first = json.loads(lines[0])
    assert len(docs) == 5
    assert docs[0].id == first["id"] and docs[0].outlet == first["source"]
    assert docs[0].headline == first["title"] and docs[0].url == first["url"]
    assert docs[0].author == first["author"]
    assert docs[0].published == dt.date.fromisoformat(first["date_extracted"][:10])
    assert docs[0].text[:30] == first["content"].strip()[:30]


def test_jsonl_mapping_bad_lines_and_truncation(tmp_path):
    good = {
        "body": "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي.",
        "headline": "قصف",
        "when": "2018-03-11",
    }
    path = tmp_path / "custom.jsonl"
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n"
        + "{not json}\n"
        + json.dumps({"headline": "بلا نص"}, ensure_ascii=False) + "\n"
        + json.dumps({"body": "خبر بتاريخ مستحيل عن دمشق.", "when": "3024-13-45"}, ensure_ascii=False) + "\n"
        + '{"body": "مقطوع',
        encoding="utf-8",
    )  # fmt: skip
    items = list(
        read_sources(
            [str(path)], mapping={"text": "body", "headline": "headline", "published": "when"}
        )
    )
    docs, problems = _docs(items), _problems(items)
    assert [d.headline for d in docs] == ["قصف", None]
    assert docs[0].published == dt.date(2018, 3, 11) and docs[1].published is None
    codes = {(p.code, p.position) for p in problems}
    assert codes == {
        ("bad-json", "line 2"),
        ("no-text", "line 3"),
        ("bad-date", "line 4"),
        ("truncated", "line 5"),
    }


def test_jsonl_lines_longer_than_the_sniffed_head(tmp_path, seed_raw):
    long_text = (seed_raw.split("| الوطن", 1)[1].strip() + "\n") * 40  # ~150 KB, beyond 64 KB
    records = [
        {"id": "a", "text": "خبر قصير عن حلب."},
        {"id": "b", "text": long_text},
        {"id": "c", "text": "خبر أخير."},
    ]
    path = tmp_path / "long.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    docs = _docs(read_sources([str(path)]))
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[1].text.count("بدأ مسلحون من تنظيم داعش") == 40


@pytest.mark.parametrize("encoding", ["utf-16", "cp1256"])
def test_jsonl_in_other_encodings(tmp_path, encoding):
    lines = [json.loads(line) for line in _snn_lines(2)]
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in lines)
    path = tmp_path / "dump.jsonl"
    path.write_bytes(text.encode(encoding, errors="ignore"))
    docs = _docs(read_sources([str(path)]))
    assert [d.id for d in docs] == [r["id"] for r in lines]
    assert docs[0].headline == lines[0]["title"]


def test_json_array_gz_directory_and_glob(tmp_path):
    records = [json.loads(line) for line in _snn_lines(3)]
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    with gzip.open(tmp_path / "sub" / "array.json.gz", "wt", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False)
    (tmp_path / "sub" / ".hidden" / "skip.txt").write_text("لا يقرأ", encoding="utf-8")
    (tmp_path / "seed.txt").write_bytes(SEED_PATH.read_bytes())
    docs = _docs(read_sources([str(tmp_path)]))
    assert sorted(d.id for d in docs if d.id.startswith("snn")) == sorted(r["id"] for r in records)
    assert len(docs) == 4
    globbed = _docs(read_sources([str(tmp_path / "**" / "*.gz")]))
    assert len(globbed) == 3
    [missing] = list(read_sources([str(tmp_path / "nothing-*.txt")]))
    assert missing.code == "unreadable"


def test_file_vanishing_mid_run_is_a_problem(tmp_path, seed_raw):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(seed_raw.replace("سورية", f"سورية {name}"), encoding="utf-8")
    items = read_sources([str(tmp_path)])
    first = next(items)
    os.remove(tmp_path / "b.txt")
    rest = list(items)
    assert isinstance(first, Doc)
    assert [type(i).__name__ for i in rest] == ["Problem", "Doc"]
    assert rest[0].code == "unreadable" and rest[0].path.endswith("b.txt")


def test_boilerplate_learned_per_outlet():
    cleaner = Boilerplate(min_pages=3)
    chrome = "حمّل تطبيق الجريدة الآن"
    bodies = [f"الخبر رقم {i}: قصفت طائرات مواقع في ريف حلب الشمالي." for i in range(5)]
    kept = [cleaner.clean([body, "", chrome], outlet="الجريدة") for body in bodies]
    assert [chrome in page for page in kept] == [True, True, False, False, False]
    # Another outlet has not printed it three times: kept there.
    assert chrome in cleaner.clean([bodies[0], chrome], outlet="عكاظ")
    # The same line inside the article is never removed.
    assert chrome in cleaner.clean([bodies[0], chrome, bodies[1]], outlet="الجريدة")
