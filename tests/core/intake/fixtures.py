"""Fictitious resumes in every format, built in memory for the intake tests and the benchmark."""

from __future__ import annotations

import io
import zipfile
from functools import cache

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

HEADER = ["Jordan Avery Quill", "jordan.quill@example.com | +1 555 0100 | Springfield"]
LEFT = [
    "SKILLS",
    "Python and Go",
    "PostgreSQL tuning",
    "Kubernetes operations",
    "LANGUAGES",
    "English, Spanish",
    "EDUCATION",
    "BSc Computer Science",
    "State University 2014",
]
RIGHT = [
    "EXPERIENCE",
    "Senior Backend Engineer, Northwind Logistics",
    "Built the routing service handling 4M requests a day",
    "Cut cloud spend by a third with autoscaling",
    "Backend Engineer, Contoso Health",
    "Designed the claims pipeline on Kafka",
    "Mentored four junior engineers",
    "PROJECTS",
    "Open-source contributor to a Postgres driver",
    "Wrote a rate limiter library in Go",
]

CHINESE_LINES = [
    "张伟 个人简历",
    "求职意向：高级数据工程师",
    "工作经历",
    "2018-2023 北京星河科技有限公司 数据平台负责人",
    "负责实时数据仓库建设，使用 Flink 与 Kafka",
    "教育背景",
    "清华大学 计算机科学与技术 硕士",
    "技能：Python、SQL、机器学习",
]

IMAGE_LINES = [
    "Morgan Lee Resume",
    "Senior Data Analyst at Fabrikam",
    "Skills: SQL, Tableau, Python",
    "Education: MSc Statistics",
]


def _pdf(font_size: float = 10.5) -> FPDF:
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=font_size)
    return pdf


@cache
def two_column_pdf(mode: str = "rows") -> bytes:
    """A designer-style resume: full-width name header, a skills sidebar, a main column.

    ``rows``: the content stream runs line by line across both columns (what many templates
    produce, and what naive extractors interleave). ``columns``: left column first, then right.
    ``sidebar``: columns with different line spacing, so their lines never align.
    """
    pdf = _pdf()
    pdf.set_author("Jordan Avery Quill")
    pdf.set_title("Resume")
    pdf.set_font("Helvetica", "B", 20)
    pdf.text(40, 60, HEADER[0])
    pdf.set_font("Helvetica", size=10)
    pdf.text(40, 80, HEADER[1])
    pdf.set_font("Helvetica", size=10.5)
    left_x, right_x, top = 40, 230, 120
    if mode == "rows":
        for i in range(max(len(LEFT), len(RIGHT))):
            y = top + 18 * i
            if i < len(LEFT):
                pdf.text(left_x, y, LEFT[i])
            if i < len(RIGHT):
                pdf.text(right_x, y, RIGHT[i])
    elif mode == "columns":
        for i, line in enumerate(LEFT):
            pdf.text(left_x, top + 18 * i, line)
        for i, line in enumerate(RIGHT):
            pdf.text(right_x, top + 18 * i, line)
    else:  # sidebar: interleaved stream, unaligned baselines
        events = [(top + 23 * i, left_x, line) for i, line in enumerate(LEFT)]
        events += [(top + 7 + 16 * i, right_x, line) for i, line in enumerate(RIGHT)]
        for y, x, line in sorted(events):
            pdf.text(x, y, line)
    pdf.set_font("Helvetica", size=8)
    pdf.text(40, 800, "References available on request")
    return bytes(pdf.output())


DESIGNER_LINES = [
    "CONTACT",
    "avery.lane@example.net",
    "SKILLS",
    "Financial modelling, SQL, Power BI, stakeholder management, IFRS reporting and audit",
    "Avery Lane",
    "Senior Financial Analyst",
    "PROFILE",
    "Analyst with eight years in retail banking. Built the quarterly forecasting model used by",
    "EXPERIENCE",
    "Lead Analyst, Woodgrove Bank (2019-2024)",
    "presented results to the risk committee every quarter.",
]


@cache
def designer_pdf() -> bytes:
    """A designer template: shaded sidebar (contact, skills), main column with the name on top
    and wrapped paragraphs; the two columns start at the same height."""
    pdf = _pdf()
    pdf.set_fill_color(230, 236, 245)
    pdf.rect(0, 0, 190, 842, style="F")
    blocks = [
        (24, 40, 150, ("B", 11, 14), "CONTACT"),
        (24, None, 150, ("", 9, 12), "avery.lane@example.net\n+44 20 7946 0000\nLeeds, UK"),
        (24, 140, 150, ("B", 11, 14), "SKILLS"),
        (24, None, 150, ("", 9, 12), "Financial modelling, SQL, Power BI, stakeholder "
         "management, IFRS reporting and audit preparation"),
        (210, 40, 350, ("B", 22, 26), "Avery Lane"),
        (210, None, 350, ("", 10, 14), "Senior Financial Analyst"),
        (210, 110, 350, ("B", 12, 16), "PROFILE"),
        (210, None, 350, ("", 10, 13), "Analyst with eight years in retail banking. Built the "
         "quarterly forecasting model used by the board and automated month-end "
         "reconciliations, saving four days every close."),
        (210, 220, 350, ("B", 12, 16), "EXPERIENCE"),
        (210, None, 350, ("", 10, 13), "Lead Analyst, Woodgrove Bank (2019-2024)\nOwned the "
         "capital planning model; mentored three analysts; presented results to the risk "
         "committee every quarter."),
    ]  # fmt: skip
    for x, y, width, (style, size, leading), text in blocks:
        pdf.set_font("Helvetica", style, size)
        if y is None:
            pdf.set_x(x)
        else:
            pdf.set_xy(x, y)
        pdf.multi_cell(width, leading, text)
    return bytes(pdf.output())


@cache
def multipage_pdf(pages: int = 3, lines_per_page: int = 40) -> bytes:
    """A long single-column PDF with a running header and page numbers on every page."""
    pdf = _pdf(10)
    for page in range(pages):
        if page:
            pdf.add_page()
        pdf.text(40, 30, "Jordan Quill - Curriculum Vitae")
        for i in range(lines_per_page):
            pdf.text(40, 60 + 18 * i, f"Page {page + 1} item {i + 1}: delivered project number {i}")
        pdf.text(280, 820, f"Page {page + 1} of {pages}")
    return bytes(pdf.output())


@cache
def dense_pdf(pages: int = 2) -> bytes:
    """A dense single-column resume (~65 lines of ~95 characters a page, 9 pt): bench input."""
    pdf = _pdf(9)
    for page in range(pages):
        if page:
            pdf.add_page()
        for i in range(65):
            n = page * 65 + i
            pdf.text(
                36,
                40 + 11.5 * i,
                f"- Led project {n}: moved {n % 7 + 2} services to Kubernetes with Python and Go; "
                f"latency down {n % 40 + 5}%",
            )
    return bytes(pdf.output())


@cache
def chinese_pdf() -> bytes:
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.add_font("wqy", fname=CJK_FONT)
    pdf.set_font("wqy", size=12)
    for i, line in enumerate(CHINESE_LINES):
        pdf.text(50, 60 + 24 * i, line)
    return bytes(pdf.output())


@cache
def encrypted_pdf() -> bytes:
    pdf = _pdf()
    pdf.text(40, 60, "Confidential resume")
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    return bytes(pdf.output())


def text_image(lines: list[str] = IMAGE_LINES, size: int = 30, cjk: bool = False) -> Image.Image:
    font = ImageFont.truetype(CJK_FONT, size)
    width = 60 + max(int(font.getlength(line)) for line in lines)
    image = Image.new("RGB", (width, 40 + int(size * 1.8) * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((30, 20 + int(size * 1.8) * i), line, font=font, fill="black")
    return image


@cache
def image_bytes(fmt: str = "PNG", lines: tuple[str, ...] = tuple(IMAGE_LINES)) -> bytes:
    buffer = io.BytesIO()
    text_image(list(lines)).save(buffer, format=fmt)
    return buffer.getvalue()


@cache
def scanned_pdf() -> bytes:
    """A PDF whose only page is a picture of text (no text layer)."""
    image = text_image(IMAGE_LINES, size=40)
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.image(image, x=30, y=40, w=530)
    return bytes(pdf.output())


@cache
def docx_bytes() -> bytes:
    """A DOCX whose content sits in a header, a layout table (with a nested table), a text box
    and a footer, around ordinary paragraphs."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.core_properties.author = "Riley Stone"
    document.core_properties.title = "CV Riley Stone"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Riley Stone | riley.stone@example.org"
    section.footer.paragraphs[0].text = "Footer note: portfolio at example.org"
    document.add_paragraph("Profile: platform engineer with nine years of experience.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Core skills"
    table.cell(0, 1).text = "Terraform and AWS"
    left = table.cell(1, 0)
    left.text = "Employment"
    right = table.cell(1, 1)
    right.paragraphs[0].text = "Lead Engineer at Tailspin Toys"
    right.add_paragraph("Migrated 40 services to containers")
    nested = right.add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "Award"
    nested.cell(0, 1).text = "Engineer of the year 2021"
    box = document.add_paragraph("Certifications follow:")
    box._p.append(parse_xml(_TEXT_BOX))
    document.add_paragraph("Closing paragraph after the table.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>Certified Kubernetes Administrator</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>Certified Kubernetes Administrator</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


@cache
def odt_bytes() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    document.meta.addElement(__import__("odf.dc", fromlist=["Creator"]).Creator(text="Casey Fern"))
    document.text.addElement(H(outlinelevel=1, text="Casey Fern"))
    document.text.addElement(P(text="Quality engineer focused on test automation."))
    table = Table(name="Skills")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for value in ("Selenium", "Playwright"):
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    document.text.addElement(P(text="References on request."))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def rtf_bytes() -> bytes:
    return (
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}"
        rb"\f0\fs22 Taylor Brook\par "
        rb"Data engineer, caf\'e9 analytics team\par "
        rb"{\b Skills:} Spark, Airflow\par "
        rb"Unicode name: \u26085?\u26412?\par }"
    )


UTF16_TEXT = "Avery Kim\nSite reliability engineer\nSkills: Linux, Prometheus, Grafana\n"
GB_TEXT = "李娜\n软件测试工程师\n熟悉自动化测试与性能测试，掌握 Python 与 Java\n"
CP1252_TEXT = "Renée Dubois\nCafé manager – operations lead\nSkills: “budgeting”, naïve Bayes\n"


@cache
def zip_of_all() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("batch/two_column.pdf", two_column_pdf())
        archive.writestr("batch/tables.docx", docx_bytes())
        archive.writestr("batch/sub/chinese.pdf", chinese_pdf())
        archive.writestr("batch/sub/resume.odt", odt_bytes())
        archive.writestr("batch/resume.rtf", rtf_bytes())
        archive.writestr("batch/utf16.txt", UTF16_TEXT.encode("utf-16"))
        archive.writestr("batch/gb.txt", GB_TEXT.encode("gb18030"))
        archive.writestr("batch/photo.png", image_bytes())
        archive.writestr("__MACOSX/._two_column.pdf", b"junk")
        archive.writestr("batch/.hidden.txt", b"hidden")
    return buffer.getvalue()


def assert_in_order(text: str, phrases: list[str]) -> None:
    """Every phrase occurs in ``text``, each after the previous one."""
    position = 0
    for phrase in phrases:
        found = text.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order in:\n{text}"
        position = found + len(phrase)


@cache
def gap_spaced_pdf() -> bytes:
    """Words placed one by one with a word's gap between them and no space character (as many
    real resume PDFs are written), and a letter-spaced heading whose letters stand apart."""
    pdf = _pdf(10.5)
    pdf.set_char_spacing(4)
    pdf.text(72, 60, "EXPERIENCE")
    pdf.set_char_spacing(0)
    line = "Financial Accountant specializing in reporting of the Department of Defense budgets"
    for row, gap in enumerate((2.6, 1.2)):  # a full word space, and a narrow one
        x = 72.0
        for word in line.split():
            pdf.text(x, 90 + 20 * row, word)
            x += pdf.get_string_width(word) + gap
    return bytes(pdf.output())
