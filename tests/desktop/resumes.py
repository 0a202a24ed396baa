"""Five fictitious resumes (names, contacts and places are invented) and a job for them."""

from __future__ import annotations

from pathlib import Path

JOB_TITLE = "Data Engineer"
JOB_POSTING = """Data Engineer

Requirements:
- 3+ years of Python
- Strong SQL and data modelling
- Experience with Apache Kafka
Nice to have:
- Airflow
- Docker
"""

RESUMES: dict[str, str] = {
    "ana_quillfeather.txt": """Ana Quillfeather
ana.quillfeather@example.org | +1 555 0100 | 12 Lantern Row, Brookhaven

Data Engineer at Northwind Analytics (2019-2024)
Built Python pipelines and Kafka streams; SQL data modelling for the finance team.
Scheduled jobs with Airflow, shipped services in Docker.
""",
    "bram_oaksley.txt": """Bram Oaksley
bram.oaksley@example.net | +1 555 0101

Backend developer at Tidewater Labs (2016-2024)
Python and SQL every day; some Docker.
""",
    "cleo_marrowby.txt": """Cleo Marrowby
cleo.m@example.com

Marketing coordinator at Bright Harbor (2018-2024)
Campaign planning, copywriting, event organisation.
""",
    "dov_ellingsworth.txt": """Dov Ellingsworth
dov@example.org | 44 Quarry Lane, Fernwick

Analytics engineer at Glasswing (2020-2024)
SQL data modelling, dbt, Airflow. Learning Python.
""",
    "esme_thornbury.txt": """Esme Thornbury
esme.thornbury@example.com | +1 555 0104

Platform engineer at Coldbrook (2017-2024)
Kafka clusters, Python tooling, Docker and Kubernetes. SQL reporting.
""",
}


def write_resumes(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in RESUMES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
