"""A generated news corpus for batch tests and benchmarks: dated wire-style articles about shelling, clashes,
protests and arrests in real towns, where several articles report the same event (for deduplication)."""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

PLACES = [("Aleppo", "Syria"), ("Idlib", "Syria"), ("Homs", "Syria"), ("Hama", "Syria"), ("Mosul", "Iraq"),
          ("Kirkuk", "Iraq"), ("Kharkiv", "Ukraine"), ("Kherson", "Ukraine"), ("Kabul", "Afghanistan"),
          ("Kandahar", "Afghanistan"), ("Nairobi", "Kenya"), ("Mogadishu", "Somalia"), ("Maiduguri", "Nigeria"),
          ("Gao", "Mali"), ("Khartoum", "Sudan"), ("Sanaa", "Yemen"), ("Aden", "Yemen"), ("Benghazi", "Libya")]
EVENTS = [
    "Shelling killed {n} civilians in {place} on {day}, {who} said.",
    "Heavy fighting between government troops and rebels near {place} on {day} killed at least {n} fighters, "
    "{who} said.",
    "An airstrike on a market in {place} on {day} killed {n} people, including children, according to {who}.",
    "Thousands of protesters marched through {place} on {day} to demand the release of detainees, {who} said.",
    "Police arrested {n} activists in {place} on {day}, {who} said.",
    "A roadside bomb exploded near a checkpoint outside {place} on {day}, killing {n} soldiers, {who} said.",
]
SOURCES = ["local officials", "a monitoring group", "the health ministry", "activists", "witnesses"]
FILLER = ["Residents described the situation as calm later in the evening.",
          "The United Nations called for restraint and access for aid workers.",
          "It was not possible to verify the reports independently."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(i: int, rng: random.Random) -> str:
    """Article ``i``: every third one re-reports the story of the one before it (another source, other words)."""
    story = i - 1 if i % 3 == 2 else i
    srng = random.Random(story * 7919)
    place, country = srng.choice(PLACES)
    published = dt.date(2016, 1, 4) + dt.timedelta(days=story % 300)
    event_day = published - dt.timedelta(days=1)
    n = srng.randint(2, 40)
    template = srng.choice(EVENTS)
    body = template.format(n=n + (rng.randint(0, 3) if story != i else 0), place=place,
                           day=WEEKDAYS[event_day.weekday()], who=rng.choice(SOURCES))
    extra = " ".join(rng.sample(FILLER, 2))
    return f" date {published.isoformat()} {place.upper()}, {country} -- {body} {extra}\n"


def write_corpus(folder: Path, n: int, *, seed: int = 11, bad: bool = True) -> list[Path]:
    """``n`` articles as .txt files (plus, with ``bad``, an empty file and a binary one)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(article(i, rng), encoding="utf-8")
        paths.append(path)
    if bad:
        (folder / "broken-empty.txt").write_text("", encoding="utf-8")
        (folder / "broken-binary.txt").write_bytes(b"\x00\xff\x00PK\x03\x04" * 64)
    return paths


def write_jsonl(path: Path, n: int, *, seed: int = 11) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"url": f"https://example.org/news/{i}", "body": article(i, rng)}) + "\n")


ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT.parent / "shared" / "eval" / "geoparse-dev.jsonl"


def load_texts(corpus: str | Path) -> list[str]:
    """The texts of a JSONL corpus of {"text": ...} lines; the seed article when the corpus is not at hand."""
    path = Path(corpus)
    if path.exists():
        return [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return [(ROOT / "seeds" / "000_ae893d0930690a7d.txt").read_text(encoding="utf-8")]
