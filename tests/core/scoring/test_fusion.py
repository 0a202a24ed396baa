"""The fusion of requirements, document match and whole-resume similarity, the pool statistics
behind the last two, and the cross-validated fitting of the fusion weights (no encoder)."""

from __future__ import annotations

import numpy as np
import pytest

from core.scoring import fusion, pool_stats
from core.scoring.fusion_fit import FusionTable, cross_validate, fit_weights
from core.scoring.profile import Profile, build_profile, units_of


def test_pool_z_is_standard_and_zero_without_a_pool() -> None:
    z = fusion.pool_z([1.0, 2.0, 3.0, 10.0])
    assert z.mean() == pytest.approx(0.0)
    assert z.std() == pytest.approx(1.0)
    assert list(fusion.pool_z([5.0, 1.0])) == [0.0, 0.0]  # under MIN_POOL
    assert list(fusion.pool_z([4.0, 4.0, 4.0])) == [0.0, 0.0, 0.0]  # no spread


def test_compress_keeps_the_band_and_the_order_and_never_reaches_the_ends() -> None:
    assert fusion.compress(5.0) == 5.0
    assert fusion.compress(70.0) == 70.0
    assert fusion.compress(95.0) == 95.0
    totals = [-500.0, -20.0, 0.0, 4.9, 5.0, 50.0, 95.0, 95.1, 150.0, 300.0, 5000.0]
    shown = [fusion.compress(t) for t in totals]
    assert shown == sorted(shown)
    assert len(set(shown)) == len(shown)  # no ties, so the order is the order of the sums
    assert all(0.0 < v < 100.0 for v in shown)


def test_points_add_up_and_rank_as_the_weighted_z_sum() -> None:
    rng = np.random.default_rng(7)
    req = rng.uniform(0.2, 0.8, 40)
    doc = fusion.pool_z(rng.normal(size=40))
    res = fusion.pool_z(rng.normal(size=40))
    fused = fusion.fuse_pool(req, doc, res, document_weight=0.5, resume_weight=1.0)
    for f, r in zip(fused, req, strict=True):
        assert f.baseline + f.requirements + f.document + f.resume == pytest.approx(f.total)
        assert f.score == pytest.approx(fusion.compress(f.total))
        assert f.baseline == pytest.approx(100 * req.mean())
        assert f.requirements == pytest.approx(fusion.CALIBRATION * (100 * r - f.baseline))
        assert f.own == pytest.approx(100 * r)
    # over the pool the two pool terms add nothing on average: calibration of the requirements
    # part holds for the typical candidate
    assert np.mean([f.document for f in fused]) == pytest.approx(0.0, abs=1e-9)
    assert np.mean([f.resume for f in fused]) == pytest.approx(0.0, abs=1e-9)
    z_sum = fusion.pool_z(req) + 0.5 * doc + 1.0 * res
    assert np.argsort([-f.score for f in fused]).tolist() == np.argsort(-z_sum).tolist()


def test_without_a_pool_the_score_is_the_requirements_part_and_says_why() -> None:
    (alone,) = fusion.fuse_pool([0.8], [1.5], [2.0])
    assert alone.score == pytest.approx(80.0)
    assert alone.document == alone.resume == alone.unit == 0.0
    text = fusion.explain(alone, 1)
    assert "requirements 80.0" in text
    assert "add 0 points" in text
    assert "scored alone" in text
    (zero,) = fusion.fuse_pool([0.0], [0.0], [0.0])
    assert zero.score == 0.0


def test_the_breakdown_names_every_component() -> None:
    fused = fusion.fuse_pool([0.6, 0.4, 0.5, 0.3], [1.5, -0.5, 0.0, -1.0], [1.0, 0.0, -1.0, 0.0])
    text = fusion.explain(fused[0], 4)
    for part in (
        "pool average",
        "requirements",
        "document match",
        "whole-resume similarity",
        "4 candidates",
    ):
        assert part in text
    assert f"{fused[0].document:+.1f}" in text
    assert f"{fused[0].resume:+.1f}" in text


RESUMES = {
    "forklift": "Experience\nWarehouse operator, 2018 - present\n- Drove the forklift.\n"
    "- Loaded trucks and kept the stock list.\n",
    "ledger": "Experience\nAccountant, 2016 - present\n- Closed the general ledger monthly.\n"
    "- Reconciled bank accounts and prepared VAT returns.\n",
    "ledger2": "Experience\nBookkeeper, 2019 - present\n- Posted invoices to the ledger.\n"
    "- Prepared payroll and reconciled accounts.\n",
    "ledger3": "Experience\nAccounts assistant\n- Kept the purchase ledger.\n",
}


def _profile(text: str) -> Profile:
    offsets, flags, _ = units_of(text)
    return build_profile(
        text,
        np.array(offsets, np.int32).reshape(-1, 2),
        np.array(flags, np.uint8),
        np.zeros((len(offsets), 0), np.float32),
    )


def test_document_match_uses_the_pools_idf() -> None:
    profiles = {name: _profile(text) for name, text in RESUMES.items()}
    query = pool_stats.query_terms("Warehouse operator: forklift and ledger work")
    assert query["forklift"] == 1
    assert "and" not in query
    terms = list(query)
    counts = np.array([query[t] for t in terms], np.float32)
    freqs = {n: pool_stats.term_frequencies(p, terms) for n, p in profiles.items()}
    stats = pool_stats.PoolStats.of(list(freqs.values()), len(terms))
    idf = dict(zip(terms, stats.idf().tolist(), strict=True))
    assert idf["forklift"] > idf["ledger"]  # one resume of four names a forklift, three a ledger

    def match(name: str) -> float:
        length = pool_stats.document_length(profiles[name])
        return pool_stats.document_match(freqs[name], length, counts, stats)

    # the rare term tells more than the common one
    assert match("forklift") > match("ledger3")
    # and the same pool statistics make a fresh pool's numbers differ: pool-dependent by design
    small = pool_stats.PoolStats.of([freqs["forklift"], freqs["ledger"]], len(terms))
    assert not np.allclose(small.idf(), stats.idf())


def test_term_frequency_counts_lines_and_is_sublinear() -> None:
    once = _profile("Skills\nPython\n")
    many = _profile("".join(f"Built a Python tool number {i}.\n" for i in range(8)))
    terms = ["python"]
    f1, f8 = pool_stats.term_frequencies(once, terms), pool_stats.term_frequencies(many, terms)
    assert f1[0] == 1
    assert f8[0] == 8
    stats = pool_stats.PoolStats.of([f1, f8, np.zeros(1, np.float32)], 1)
    counts = np.ones(1, np.float32)
    same_length = pool_stats.document_length(once)
    a = pool_stats.document_match(f1, same_length, counts, stats)
    b = pool_stats.document_match(f8, same_length, counts, stats)
    assert a < b < 8 * a


def test_resume_vector_is_the_normalised_length_weighted_mean() -> None:
    profile = _profile("Experience\nOne line here.\nAnother, longer line of text here.\n")
    assert pool_stats.resume_vector(profile) is None  # not encoded: no vector
    units = len(profile.offsets)
    profile.vectors = np.eye(units, 4, dtype=np.float32)
    vector = pool_stats.resume_vector(profile)
    assert vector is not None
    assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-6)
    lengths = profile.offsets[:, 1] - profile.offsets[:, 0]
    assert int(np.argmax(vector)) == int(np.argmax(lengths + 1))


def _table(job: str, group: str, doc_good: bool) -> FusionTable:
    """A pool where the document match (or, if not ``doc_good``, the resume similarity)
    finds the relevant candidates and the requirements part does not."""
    rng = np.random.default_rng(len(job))
    grades = np.array([1] * 5 + [0] * 25)
    signal = grades * 2.0 + rng.normal(0, 0.5, 30)
    noise = rng.normal(0, 1, 30)
    return FusionTable(
        group=group,
        job=job,
        names=tuple(f"r{i}" for i in range(30)),
        grades=tuple(int(g) for g in grades),
        requirements=rng.uniform(0.3, 0.6, 30),
        document_z=fusion.pool_z(signal if doc_good else noise),
        resume_z=fusion.pool_z(noise if doc_good else signal),
        pooled=True,
    )


def test_cross_validation_never_fits_on_the_held_out_job() -> None:
    tables = [_table(f"doc{i}", "a", True) for i in range(4)] + [_table("res", "b", False)]
    cv = cross_validate(tables, grid=(0.0, 1.0, 2.0))
    for i, table in enumerate(tables):
        rest = [t for j, t in enumerate(tables) if j != i]
        assert cv.fold_weights[(table.group, table.job)] == fit_weights(rest, (0.0, 1.0, 2.0))
    # the document match carries the relevant candidates in most jobs: it gets weight
    assert cv.all_weights[0] > 0
    assert cv.map("a") > 0.5


def test_resume_similarity_reads_the_whole_resume_and_its_closest_lines() -> None:
    profile = _profile("Experience\nOne line here.\nAnother, longer line of text here.\n")
    units = len(profile.offsets)
    assert pool_stats.resume_similarity(profile, np.ones(4, np.float32)) is None
    profile.vectors = np.eye(units, 4, dtype=np.float32)
    job = np.zeros(4, np.float32)
    job[0] = 1.0  # the job reads exactly like the first unit
    pair = pool_stats.resume_similarity(profile, job)
    assert pair is not None
    overall, closest = pair
    assert 0.0 < overall < 1.0  # the whole resume is partly about it
    assert closest == pytest.approx(1.0 / min(units, pool_stats.CLOSEST_LINES))
