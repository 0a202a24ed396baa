"""Make fictitious resumes (PDF, DOCX, TXT) with realistic fake personal data.

Every person, employer address, e-mail and phone number here is invented (phone numbers use the
reserved 555-01xx range, e-mails the reserved example.* domains). Used for:

- the sample shipped in the package (``core/sample``: one job posting, 24 resumes), which
  ``veil demo`` imports and ranks: ``python bench/make_sample.py`` regenerates it;
- the pipeline benchmark (``bench/pipeline.py``: 200 resumes of ~500 words) and the tests.

Deterministic: the same seed gives byte-identical files (fixed PDF/DOCX dates).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "core" / "sample"

FIRST = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Amelia",
    "Oliver",
    "Sophia",
    "Elijah",
    "Isabella",
    "Mateo",
    "Mia",
    "Lucas",
    "Harper",
    "Levi",
    "Evelyn",
    "Ethan",
    "Aisha",
    "Kwame",
    "Priya",
    "Arjun",
    "Mei",
    "Wei",
    "Yuki",
    "Hiroshi",
    "Fatima",
    "Omar",
    "Sofia",
    "Diego",
    "Ingrid",
    "Lars",
    "Chiara",
    "Marco",
    "Amara",
    "Chinedu",
    "Leila",
    "Reza",
    "Nadia",
    "Tomasz",
    "Anya",
    "Mikhail",
]
LAST = [
    "Whitaker",
    "Okonkwo",
    "Lindqvist",
    "Castellano",
    "Nakamura",
    "Brennan",
    "Haddad",
    "Kowalczyk",
    "Fairbanks",
    "Moreau",
    "Adeyemi",
    "Vasquez",
    "Thornbury",
    "Ivanova",
    "Delacroix",
    "Abernathy",
    "Sandoval",
    "Chowdhury",
    "Pellegrini",
    "Holloway",
    "Takahashi",
    "Oyelaran",
    "Marchetti",
    "Kristensen",
    "Featherstone",
    "Abdullah",
    "Novak",
    "Carrington",
    "Mbeki",
    "Larsson",
]
STREETS = [
    "Maple Avenue",
    "Harbor View Road",
    "Elm Street",
    "Juniper Lane",
    "Cedar Court",
    "Willow Bend Drive",
    "Kingfisher Way",
    "Orchard Street",
    "Ashford Road",
    "Lakeside Boulevard",
]
CITIES = [
    "Springfield, IL 62704",
    "Riverton, WY 82501",
    "Fairview, OR 97024",
    "Madison, WI 53703",
    "Greenville, SC 29601",
    "Ashland, KY 41101",
    "Burlington, VT 05401",
    "Dayton, OH 45402",
]
DOMAINS = ("example.com", "example.org", "example.net")
UNIVERSITIES = (
    "Northbridge State University",
    "University of Eastmoor",
    "Lakeshore Institute of Technology",
    "Pinecrest College",
    "Westfield Polytechnic",
)
EMPLOYERS = (
    "Acme Analytics",
    "Globex Logistics",
    "Initech Software",
    "Umbrella Health Systems",
    "Stark Retail Group",
    "Wayne Energy",
    "Hooli Payments",
    "Vandelay Imports",
    "Soylent Foods",
    "Cyberdyne Robotics",
)


@dataclass(frozen=True)
class Field:
    key: str
    titles: tuple[str, ...]
    degree: str
    skills: tuple[str, ...]
    bullets: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field(
        "data",
        ("Data Engineer", "Senior Data Engineer", "Analytics Engineer"),
        "B.Sc. in Computer Science",
        (
            "Python",
            "SQL",
            "Apache Spark",
            "Airflow",
            "AWS",
            "Kafka",
            "dbt",
            "Docker",
            "PostgreSQL",
            "Snowflake",
        ),
        (
            "Built batch and streaming data pipelines in Python and Apache Spark processing 2 TB "
            "of events per day.",
            "Designed a dimensional data warehouse in Snowflake and wrote dbt models with tests "
            "and documentation.",
            "Orchestrated more than 120 daily jobs with Airflow and cut failed runs by 70 percent.",
            "Moved the ingestion layer to Kafka and AWS Glue, reducing data latency from hours "
            "to minutes.",
            "Tuned slow SQL queries on PostgreSQL and Redshift, halving the cost of the reporting "
            "cluster.",
            "Introduced data quality checks and lineage tracking used by four analytics teams.",
            "Containerised the pipelines with Docker and deployed them on Kubernetes.",
            "Mentored two junior engineers and ran code reviews for the data platform team.",
        ),
    ),
    Field(
        "backend",
        ("Backend Developer", "Software Engineer", "Platform Engineer"),
        "B.Sc. in Software Engineering",
        (
            "Java",
            "Go",
            "Python",
            "PostgreSQL",
            "REST APIs",
            "Docker",
            "Kubernetes",
            "Redis",
            "gRPC",
        ),
        (
            "Developed REST and gRPC services in Go and Java serving 5,000 requests per second.",
            "Designed PostgreSQL schemas and migrations for the billing and invoicing system.",
            "Added Redis caching that cut the p99 latency of the catalogue API by 60 percent.",
            "Wrote integration tests and set up continuous delivery with GitHub Actions.",
            "Ran services on Kubernetes with Helm charts and Prometheus alerting.",
            "Wrote small Python scripts to export nightly SQL reports for the finance team.",
            "Led the move from a monolith to six services with clear ownership.",
        ),
    ),
    Field(
        "ml",
        ("Machine Learning Engineer", "Data Scientist"),
        "M.Sc. in Statistics",
        ("Python", "PyTorch", "scikit-learn", "SQL", "pandas", "Spark", "MLflow", "AWS SageMaker"),
        (
            "Trained gradient boosting and neural models in Python for churn prediction.",
            "Built feature pipelines with pandas and Spark over a 500 GB customer dataset.",
            "Deployed models on AWS SageMaker and tracked experiments with MLflow.",
            "Wrote SQL to assemble training sets from the data warehouse.",
            "Ran A/B tests and reported results to product managers.",
            "Reduced model training time by 40 percent with better data sampling.",
        ),
    ),
    Field(
        "frontend",
        ("Frontend Developer", "UI Engineer"),
        "B.A. in Interaction Design",
        ("JavaScript", "TypeScript", "React", "CSS", "Figma", "Jest", "Webpack"),
        (
            "Built a design system of 60 React components used across three products.",
            "Migrated a large JavaScript code base to TypeScript without downtime.",
            "Improved the Lighthouse performance score of the shop from 54 to 92.",
            "Wrote unit tests with Jest and end-to-end tests with Playwright.",
            "Worked with designers in Figma to prototype new checkout flows.",
        ),
    ),
    Field(
        "nursing",
        ("Registered Nurse", "Charge Nurse"),
        "Bachelor of Science in Nursing",
        ("Patient assessment", "Medication administration", "Epic EHR", "BLS", "ACLS", "Triage"),
        (
            "Provided care for up to six patients per shift on a 32-bed medical-surgical unit.",
            "Administered medication and documented care in the Epic electronic health record.",
            "Coordinated discharge plans with physicians, social workers and families.",
            "Trained new nurses on triage protocols and infection control.",
            "Led the unit's falls prevention project, reducing falls by 25 percent.",
        ),
    ),
    Field(
        "accounting",
        ("Staff Accountant", "Financial Analyst"),
        "B.B.A. in Accounting",
        ("Excel", "SAP", "QuickBooks", "GAAP", "Financial reporting", "Reconciliation"),
        (
            "Prepared monthly financial statements under GAAP for three business units.",
            "Reconciled bank and ledger accounts in SAP and resolved discrepancies.",
            "Built Excel models for the annual budget and quarterly forecasts.",
            "Supported external auditors during the year-end audit.",
            "Automated the expense report review with Excel macros, saving ten hours a month.",
        ),
    ),
)

GENERIC = (
    "Presented project results to stakeholders and wrote clear documentation.",
    "Worked in an agile team with two-week sprints and regular retrospectives.",
    "Volunteered as a mentor for a local coding club for students.",
    "Coordinated with colleagues across three time zones on shared deliverables.",
    "Kept a written runbook up to date so that on-call colleagues could act quickly.",
)

JOB_POSTING = """\
Data Engineer

About the role
Northwind Analytics is looking for a Data Engineer to build and run the pipelines behind our
reporting and machine learning products. You will work with analysts and ML engineers to make
data reliable, documented and fast.

Responsibilities
- Design, build and operate batch and streaming data pipelines
- Model data in the warehouse for analytics and reporting
- Keep data quality high with tests, monitoring and clear ownership

Requirements
- 3+ years of experience building data pipelines in production
- Strong Python and SQL
- Experience with Apache Spark or a similar distributed processing framework
- Workflow orchestration with Airflow or a similar tool
- Experience with a cloud data platform such as AWS, GCP or Azure

Nice to have
- Kafka or another streaming platform
- dbt and dimensional data modelling
- Docker and Kubernetes

What we offer
Remote-friendly team, learning budget, and a four-day week in summer.
"""


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    email: str
    phone: str
    address: str
    linkedin: str


@dataclass(frozen=True)
class Resume:
    person: Person
    field: Field
    lines: tuple[str, ...]  # the resume as lines (headings, bullets, paragraphs)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def make_person(rng: random.Random) -> Person:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    user = rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}"))
    return Person(
        first=first,
        last=last,
        email=f"{user.lower()}@{rng.choice(DOMAINS)}",
        phone=f"({rng.randint(201, 989)}) 555-01{rng.randint(0, 99):02d}",
        address=f"{rng.randint(12, 9800)} {rng.choice(STREETS)}, {rng.choice(CITIES)}",
        linkedin=f"linkedin.com/in/{first.lower()}-{last.lower()}-{rng.randint(100, 999)}",
    )


def make_resume(rng: random.Random, field: Field, words: int = 500) -> Resume:
    """A resume of about ``words`` words in ``field`` for a new fictitious person."""
    p = make_person(rng)
    name = f"{p.first} {p.last}"
    header = name.upper() if rng.random() < 0.4 else name
    years = rng.randint(1, 12)
    lines: list[str] = [
        header,
        f"{p.address}",
        f"{p.email} | {p.phone} | {p.linkedin}",
        "",
        "SUMMARY",
        f"{rng.choice(field.titles)} with {years} years of experience. Skilled in "
        f"{', '.join(rng.sample(field.skills, 4))}. I enjoy turning messy problems into "
        "simple, dependable systems and explaining them to the people who use them.",
        "",
        "EXPERIENCE",
    ]
    end_year = 2026
    employers = rng.sample(EMPLOYERS, 4)
    bullets = list(field.bullets)
    job_no = 0
    while _count(lines) < words * 0.8 and job_no < 4:
        start_year = end_year - rng.randint(1, 4)
        title = rng.choice(field.titles)
        lines.append(f"{title}, {employers[job_no]} ({start_year} - {end_year})")
        rng.shuffle(bullets)
        for b in bullets[: rng.randint(3, 5)]:
            lines.append(f"- {b}")
        if rng.random() < 0.5:
            lines.append(f"- {rng.choice(GENERIC)}")
        lines.append("")
        end_year = start_year
        job_no += 1
    lines += [
        "EDUCATION",
        f"{field.degree}, {rng.choice(UNIVERSITIES)}, {end_year - rng.randint(1, 3)}",
        "",
        "SKILLS",
        ", ".join(rng.sample(field.skills, min(len(field.skills), rng.randint(5, 8)))),
        "",
    ]
    extra = list(GENERIC)
    rng.shuffle(extra)
    if _count(lines) < words:
        lines.append("PROJECTS AND INTERESTS")
    while _count(lines) < words:
        lines.append(f"- {extra.pop() if extra else rng.choice(field.bullets)}")
    lines += ["", f"References available on request. Contact {p.first} at {p.email}."]
    return Resume(p, field, tuple(lines))


def _count(lines: Sequence[str]) -> int:
    return sum(len(line.split()) for line in lines)


# --- writers -------------------------------------------------------------------------------------

_FIXED_DATE = dt.datetime(2026, 1, 15, 9, 30, tzinfo=dt.UTC)


def to_txt(resume: Resume) -> bytes:
    return resume.text.encode("utf-8")


def to_docx(resume: Resume) -> bytes:
    import docx  # python-docx

    document = docx.Document()
    props = document.core_properties
    props.author = f"{resume.person.first} {resume.person.last}"
    props.last_modified_by = props.author
    props.title = f"Resume - {resume.person.first} {resume.person.last}"
    props.created = props.modified = _FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    for i, line in enumerate(resume.lines):
        if i == 0:
            document.add_heading(line, level=1)
        elif line.isupper() and len(line) < 40:
            document.add_heading(line.title(), level=2)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return _fix_zip_dates(out.getvalue())


def _fix_zip_dates(data: bytes) -> bytes:
    """Rewrite a ZIP (DOCX) with fixed member dates so the output is reproducible."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 15, 9, 30, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _pdf_escape(text: str) -> str:
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _wrap(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = "  " + word if line.startswith("- ") else word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return out


def to_pdf(resume: Resume) -> bytes:
    """A plain text PDF (Helvetica, Letter size) with the person named in its metadata."""
    rows: list[tuple[str, bool]] = []
    for i, line in enumerate(resume.lines):
        bold = i == 0 or (line.isupper() and len(line) < 40)
        rows += [(w, bold) for w in _wrap(line, 92)]
    per_page = 58
    pages = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    objects: list[bytes] = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 bold font, 5 info, then page/content pairs
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    name = _pdf_escape(f"{resume.person.first} {resume.person.last}")
    objects.append(
        f"<< /Author ({name}) /Title (Resume of {name}) /Creator (Veil sample maker) "
        "/CreationDate (D:20260115093000Z) >>".encode("latin-1")
    )
    for i, page in enumerate(pages):
        parts = ["BT", "13 TL", "54 750 Td"]
        for text, bold in page:
            parts.append(f"/F{2 if bold else 1} {11 if bold else 10} Tf")
            parts.append(f"({_pdf_escape(text)}) Tj T*")
        parts.append("ET")
        stream = zlib.compress("\n".join(parts).encode("latin-1"), 9)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {7 + 2 * i} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


WRITERS = {"pdf": to_pdf, "docx": to_docx, "txt": to_txt}


def file_name(resume: Resume, fmt: str, index: int, rng: random.Random) -> str:
    """Many real files are named after the person; some are not."""
    p = resume.person
    style = rng.random()
    if style < 0.4:
        return f"{p.first}_{p.last}_CV.{fmt}"
    if style < 0.6:
        return f"{p.last.lower()}-{p.first.lower()}-resume.{fmt}"
    return f"resume_{index:03d}.{fmt}"


def generate(
    out_dir: Path,
    count: int,
    *,
    seed: int = 7,
    words: int = 500,
    fields: Sequence[Field] = FIELDS,
    formats: Sequence[str] = ("pdf", "docx", "txt"),
) -> list[Path]:
    """Write ``count`` resumes into ``out_dir``, formats and fields in rotation."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        resume = make_resume(rng, fields[i % len(fields)], words=words)
        fmt = formats[i % len(formats)]
        path = out_dir / file_name(resume, fmt, i + 1, rng)
        if path.exists():
            path = out_dir / f"resume_{i + 1:03d}.{fmt}"
        path.write_bytes(WRITERS[fmt](resume))
        written.append(path)
    return written


def make_package_sample(sample_dir: Path = SAMPLE_DIR) -> None:
    """The sample shipped in the package: ``job.txt`` and 24 resumes in ``resumes/``."""
    resumes = sample_dir / "resumes"
    resumes.mkdir(parents=True, exist_ok=True)
    for old in resumes.glob("*"):
        old.unlink()
    (sample_dir / "job.txt").write_text(JOB_POSTING, encoding="utf-8")
    # More data people than others, so the shortlist has real contenders.
    fields = (
        FIELDS[0],
        FIELDS[1],
        FIELDS[0],
        FIELDS[2],
        FIELDS[3],
        FIELDS[4],
        FIELDS[0],
        FIELDS[5],
    )
    generate(resumes, 24, seed=2026, words=420, fields=fields)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, help="write COUNT resumes here instead of the sample")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.out is None:
        make_package_sample()
        print(f"sample written to {SAMPLE_DIR}")
    else:
        paths = generate(args.out, args.count, seed=args.seed, words=args.words)
        print(f"{len(paths)} resumes written to {args.out}")


if __name__ == "__main__":
    main()
