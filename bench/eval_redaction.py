"""Redaction quality: per-entity precision, recall and F2 (token level), Veil beside stock Presidio;
and, on public data we did not write, whether whole names are gone and titles kept (issue 16).

    .venv/bin/python bench/eval_redaction.py [--synth-limit N] [--no-stock]
        [--sets own,headers,resumener] [--resumener-split dev|train] [--header-names 30]
        [--zh-tagger lac|jieba|both] [--stock-headers]

Data:
- own: tests/data/redaction/ (our labelled English and Chinese resumes, hand-written tricky cases,
  and presidio-research's synthetic set, MIT). Stock Presidio = AnalyzerEngine with its default
  recognizers over the same spaCy model (all components); Chinese text goes to it as "en".
- headers: generated English resume openings (anonymize.entity_eval.header_documents): a name in
  six shapes (Title Case, lower case, ALL CAPS, "First L", "L First", "First M. Last"), then a
  title, contact or heading line, with names from Faker's locales (MIT; the gazetteer is built
  from them too) and from sigpwned/popular-names-by-country-dataset (CC0, not in the gazetteer),
  by region; titles from Faker's job list. Floors: name fully masked >= 98% in every shape and
  region; the title line kept >= 98%.
- resumener: jiesutd/LatticeLSTM ResumeNER (real Chinese executive bios; no licence, measure
  only). Develop on train, report on dev. Floors: NAME fully masked >= 98%, CONT and RACE left
  <= 2%, TITLE lost <= 2% (TITLE labels that are political affiliation, 党员 / 群众 / 团员, are
  redacted on purpose and counted apart).
--zh-tagger: which model tags Chinese person names (Veil runs LAC; jieba's nr was used before).
Fetch the public data first: .venv/bin/python bench/data/fetch_redaction_data.py
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from anonymize import Redactor  # noqa: E402
from anonymize.entity_eval import (  # noqa: E402
    SHAPES,
    EntityDoc,
    EntityTally,
    HeaderName,
    header_documents,
    load_bmes,
    regions,
    tally_entities,
)
from anonymize.evaluation import (  # noqa: E402
    LabelledDoc,
    Predicted,
    Tally,
    entity_rows,
    load_jsonl,
    load_marked,
    load_presidio_synth,
    ours,
    score,
    stock_presidio,
)
from bench.data.fetch_redaction_data import names_csv, resumener  # noqa: E402

DATA = ROOT / "tests" / "data" / "redaction"


def datasets(synth_limit: int | None) -> dict[str, list[LabelledDoc]]:
    return {
        "resumes-en": load_jsonl(DATA / "en.jsonl") + load_marked(DATA / "tricky_en.txt", "en"),
        "resumes-zh": load_jsonl(DATA / "zh.jsonl") + load_marked(DATA / "tricky_zh.txt", "zh"),
        "presidio-synth": load_presidio_synth(DATA / "presidio_synth_dataset_v2.json", synth_limit),
    }


# --- name lists for generated headers (data we did not write) --------------------------------

REGIONS = {
    "Anglo": ("US GB CA AU NZ IE", "en_US en_GB en_IE en_NZ"),
    "Europe": ("FR DE IT ES PT NL PL CZ HU RO SE NO DK FI GR HR RS BG", "de_DE fr_FR it_IT pl_PL"),
    "Latin America": ("MX BR AR CO CL PE VE EC BO PY SV PA PR UY", "es_MX es_AR es_CO pt_BR"),
    "Middle East": ("AE SA JO LB KW IQ IR IL TR AZ", "tr_TR az_AZ"),
    "Africa": ("EG MA DZ LY ZA ML", "yo_NG ig_NG ha_NG zu_ZA tw_GH en_KE sw"),
    "South Asia": ("IN PK BD NP LK", "en_IN en_PK"),
    "East Asia": ("CN JP KR TW", "zh_CN ja_JP zh_TW"),
    "Southeast Asia": ("PH MY VN KH", "id_ID en_TH"),
}
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ'’\-]+(?: [A-Za-zÀ-ÖØ-öø-ɏ'’\-]+)*$")


def _latin(names: Sequence[str]) -> list[str]:
    return sorted(
        {
            n.strip().title() if n.isupper() else n.strip()
            for n in names
            if n and _LATIN.match(n.strip())
        }
    )


def faker_names(per_region: int, rng: random.Random) -> list[HeaderName]:
    """Given and family names of each region's Faker locales (MIT), Latin script only."""
    import importlib

    out = []
    for region, (_, locales) in REGIONS.items():
        given: list[str] = []
        family: list[str] = []
        for locale in locales.split():
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
            given += list(getattr(provider, "first_romanized_names", None) or provider.first_names)
            family += list(getattr(provider, "last_romanized_names", None) or provider.last_names)
        given, family = _latin(given), _latin(family)
        out += [
            HeaderName(region, rng.choice(given), rng.choice(family)) for _ in range(per_region)
        ]
    return out


def popular_names(per_region: int, rng: random.Random) -> list[HeaderName]:
    """sigpwned/popular-names-by-country-dataset (CC0): a country's forename with its surname
    (or, where the set has no surnames for it, a second forename, as in patronymic naming)."""
    import csv

    def rows(kind: str) -> list[dict[str, str]]:
        with names_csv(kind).open(encoding="utf-8-sig") as handle:
            return list(csv.DictReader(handle))

    forenames: dict[str, list[str]] = {}
    surnames: dict[str, list[str]] = {}
    for row in rows("forenames"):
        forenames.setdefault(row["Country"], []).append(row["Romanized Name"])
    for row in rows("surnames"):
        surnames.setdefault(row["Country"], []).append(row["Romanized Name"])
    out = []
    for region, (countries, _) in REGIONS.items():
        pairs = []
        for country in countries.split():
            given = _latin(forenames.get(country, []))
            family = _latin(surnames.get(country, [])) or given
            if given:
                pairs.append((given, family))
        for _ in range(per_region):
            given, family = rng.choice(pairs)
            out.append(HeaderName(region, rng.choice(given), rng.choice(family)))
    return out


def faker_titles() -> list[str]:
    import importlib

    jobs = importlib.import_module("faker.providers.job.en_US").Provider.jobs
    return [j for j in jobs if "," not in j]  # "Accountant, chartered" reads as two fields


def predict(redactor: Redactor, docs: Sequence[EntityDoc]) -> list[list[tuple[str, int, int]]]:
    results = redactor.redact_many([d.text for d in docs], [d.language for d in docs])
    return [[(s.type, s.start, s.end) for s in r.spans] for r in results]


def pct(value: float) -> str:
    return "   - " if value != value else f"{100 * value:5.1f}"


Run = Callable[[Sequence[EntityDoc]], list[list[tuple[str, int, int]]]]


def header_table(name: str, run: Run, names: list[HeaderName]) -> None:
    docs = header_documents(names, faker_titles(), random.Random(16))
    started = time.perf_counter()
    tallies = tally_entities(docs, run(docs), by_group=True)
    elapsed = time.perf_counter() - started
    cols = regions(names)
    print(f"\n== generated headers, {name} ({len(docs)} documents, {elapsed:.1f} s) ==")
    print("name fully masked, % by shape and region; title line kept, %")
    print(f"{'shape':<16}" + "".join(f"{c[:13]:>14}" for c in cols) + f"{'all':>8}{'title':>8}")
    worst_name, worst_title = 1.0, 1.0
    for shape in SHAPES:
        row = f"{shape:<16}"
        for col in cols:
            t = tallies.get(f"{shape}/{col}", EntityTally())
            worst_name = min(worst_name, t.masked_rate("NAME"))
            row += f"{pct(t.masked_rate('NAME')):>14}"
        shape_all = EntityTally()
        for col in cols:
            t = tallies.get(f"{shape}/{col}", EntityTally())
            shape_all.total.update(t.total)
            shape_all.masked.update(t.masked)
            shape_all.touched.update(t.touched)
        worst_title = min(worst_title, 1 - shape_all.lost_rate("TITLE"))
        row += f"{pct(shape_all.masked_rate('NAME')):>8}{pct(1 - shape_all.lost_rate('TITLE')):>8}"
        print(row)
    total = tallies[""]
    print(
        f"all: name fully masked {pct(total.masked_rate('NAME'))}%, title kept "
        f"{pct(1 - total.lost_rate('TITLE'))}%; worst cell {pct(worst_name)}% (floor 98), "
        f"worst shape's title kept {pct(worst_title)}% (floor 98)"
    )


_POLITICAL = re.compile(r"党员|群众|团员|党派")


def resumener_table(redactor: Redactor, split: str) -> None:
    docs = load_bmes(resumener(split))
    predict(redactor, docs[:4])  # loads jieba and the Chinese model
    started, cpu = time.perf_counter(), time.process_time()
    predicted = predict(redactor, docs)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    # TITLE labels that are a political affiliation: redacted on purpose, counted apart
    relabelled = [
        EntityDoc(
            d.id,
            d.language,
            d.text,
            tuple(
                ("TITLE(political)" if k == "TITLE" and _POLITICAL.search(d.text[a:b]) else k, a, b)
                for k, a, b in d.entities
            ),
        )
        for d in docs
    ]
    t = tally_entities(relabelled, predicted)[""]
    chars = sum(len(d.text) for d in docs)
    print(
        f"\n== ResumeNER {split} ({len(docs)} bios, {chars} characters, {elapsed:.1f} s, "
        f"{1e6 * cpu / chars:.1f} CPU ms per 1,000 characters) =="
    )
    print(f"{'label':<18}{'count':>7}{'fully masked':>14}{'left':>8}{'lost':>8}")
    for label in ("NAME", "CONT", "RACE", "TITLE", "TITLE(political)", "ORG", "EDU", "PRO", "LOC"):
        if t.total[label]:
            print(
                f"{label:<18}{t.total[label]:>7}{pct(t.masked_rate(label)):>14}"
                f"{pct(t.left_rate(label)):>8}{pct(t.lost_rate(label)):>8}"
            )
    print(
        f"floors: NAME fully masked {pct(t.masked_rate('NAME'))}% (>= 98), CONT left "
        f"{pct(t.left_rate('CONT'))}% and RACE left {pct(t.left_rate('RACE'))}% (<= 2), "
        f"TITLE lost {pct(t.lost_rate('TITLE'))}% (<= 2)"
    )


def fmt(value: float) -> str:
    return "  -  " if value != value else f"{value:5.3f}"


def table(name: str, n_docs: int, results: dict[str, Tally]) -> None:
    systems = list(results)
    print(f"\n== {name} ({n_docs} documents; token level) ==")
    header = f"{'entity':<22}{'tokens':>7}"
    for system in systems:
        header += f" | {system + ' P':>9} {'R':>5} {'F2':>5}"
    print(header)
    for kind in entity_rows(results.values()):
        gold = max(t.gold[kind] for t in results.values())
        row = f"{kind:<22}{gold:>7}"
        for system in systems:
            t = results[system]
            row += f" | {fmt(t.precision(kind)):>9} {fmt(t.recall(kind))} {fmt(t.f_beta(kind))}"
        print(row)
    for system in systems:
        t = results[system]
        if t.skills_total:
            print(
                f"skills wrongly redacted ({system}): {t.skills_redacted}/{t.skills_total}"
                f" = {100 * t.skill_error_rate:.1f}%"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synth-limit", type=int, default=None)
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument("--sets", default="own,headers,resumener")
    parser.add_argument("--resumener-split", default="dev", choices=("dev", "train"))
    parser.add_argument("--header-names", type=int, default=30, help="names per region and source")
    parser.add_argument("--zh-tagger", choices=("lac", "jieba", "both"), default=None)
    parser.add_argument(
        "--stock-headers", action="store_true", help="stock Presidio on the headers too (slow)"
    )
    args = parser.parse_args(argv)
    if args.zh_tagger is not None:
        from anonymize.recognizers import chinese

        chinese.NAME_TAGGER = args.zh_tagger
    sets = set(args.sets.split(","))
    systems: dict[str, Callable[[Sequence[LabelledDoc]], list[Predicted]]] = {}
    started = time.perf_counter()
    redactor = Redactor()
    systems["veil"] = ours(redactor)
    print(f"veil engine start-up: {time.perf_counter() - started:.2f} s")
    if "headers" in sets:
        runs: dict[str, Run] = {"veil": lambda docs: predict(redactor, docs)}
        if args.stock_headers:
            stock = stock_presidio()
            runs["stock Presidio"] = lambda docs: [
                list(p) for p in stock([LabelledDoc(d.id, "en", d.text, ()) for d in docs])
            ]
        for system, run in runs.items():
            faker = faker_names(args.header_names, random.Random(1))
            header_table(f"Faker locales, {system}", run, faker)
            popular = popular_names(args.header_names, random.Random(2))
            header_table(f"popular-names-by-country, {system}", run, popular)
    if "resumener" in sets:
        resumener_table(redactor, args.resumener_split)
    if "own" not in sets:
        return 0
    if not args.no_stock:
        started = time.perf_counter()
        systems["stock"] = stock_presidio()
        print(f"stock presidio start-up: {time.perf_counter() - started:.2f} s")
    for name, docs in datasets(args.synth_limit).items():
        results = {}
        for system, run in systems.items():
            started = time.perf_counter()
            results[system] = score(docs, run(docs))
            print(f"{name}: {system} ran in {time.perf_counter() - started:.1f} s")
        table(name, len(docs), results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
