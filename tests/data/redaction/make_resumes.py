"""Write the labelled redaction test set: fictitious English and Chinese resumes with span labels.

    .venv/bin/python tests/data/redaction/make_resumes.py      # rewrites en.jsonl and zh.jsonl

Every person, number and address here is invented (phone numbers use reserved/fictional ranges
where a country has them). The resumes are built to be hard: ALL-CAPS and "Last, First" headers,
names that are also words, names inside emails and profile URLs, two-column text order, many phone
and address formats, and skills right next to names. Each line of the output is one resume:
{"id", "language", "text", "spans": [{"type", "start", "end"}], "skills": [{"start", "end"}]}.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).parent

FIRST = {
    "f": [
        "Grace",
        "Hope",
        "Faith",
        "Joy",
        "Amber",
        "Summer",
        "Rose",
        "Ivy",
        "Olivia",
        "Emma",
        "Aisha",
        "Fatima",
        "Priya",
        "Ananya",
        "Mei",
        "Xiaoling",
        "Yuki",
        "Hana",
        "Ngozi",
        "Amaka",
        "Chiamaka",
        "Zainab",
        "María",
        "Lucía",
        "Sofía",
        "Camila",
        "Ana",
        "Olga",
        "Katarzyna",
        "Ingrid",
        "Siobhan",
        "Thi Lan",
        "Linh",
        "Soo-jin",
        "Leila",
        "Noor",
        "Adaeze",
        "Precious",
        "Destiny",
        "Charity",
        "Dawn",
        "April",
        "June",
        "Sandy",
        "Rain",
        "Sky",
    ],
    "m": [
        "Will",
        "Mark",
        "Bill",
        "Hunter",
        "Rich",
        "Guy",
        "Jack",
        "Frank",
        "Grant",
        "Chase",
        "Mohammed",
        "Omar",
        "Rahul",
        "Arjun",
        "Wei",
        "Hao",
        "Kenji",
        "Takeshi",
        "Chinedu",
        "Oluwaseun",
        "Emeka",
        "Kwame",
        "José",
        "Diego",
        "Mateo",
        "Carlos",
        "Dmitri",
        "Piotr",
        "Lars",
        "Sean",
        "Minh",
        "Duc",
        "Ji-ho",
        "Tariq",
        "Yusuf",
        "Obi",
        "Tunde",
        "Victor",
        "Forrest",
        "Clay",
        "Dale",
        "Glen",
        "Stone",
        "Wade",
    ],
}
LAST = [
    "Young",
    "King",
    "Brown",
    "Bishop",
    "Baker",
    "Stone",
    "Rivers",
    "Park",
    "Lee",
    "Hill",
    "Moss",
    "Fox",
    "Wolf",
    "Bird",
    "Gray",
    "Rich",
    "Love",
    "Sharp",
    "Strong",
    "Swift",
    "Okafor",
    "Adeyemi",
    "Nwosu",
    "Mensah",
    "Banerjee",
    "Raghunathan",
    "Iyer",
    "Krishnan",
    "Zhang",
    "Wang",
    "Liu",
    "Chen",
    "Nguyen",
    "Tran",
    "Kim",
    "Choi",
    "Tanaka",
    "Watanabe",
    "García",
    "Hernández",
    "Rodríguez",
    "Fernández",
    "O'Connor",
    "McAllister",
    "Kowalski",
    "Wiśniewska",
    "Ivanova",
    "Petrov",
    "Al-Sayed",
    "Haddad",
    "Khan",
    "Siddiqui",
    "Andersen",
    "Lindqvist",
    "van der Berg",
    "de la Cruz",
    "Müller",
    "Schäfer",
    "Dubois",
    "Moreau",
]
SKILLS = [
    "Python",
    "Java",
    "Kafka",
    "Spark",
    "Hive",
    "SQL",
    "AWS",
    "Docker",
    "Kubernetes",
    "React",
    "TypeScript",
    "Go",
    "Rust",
    "Scala",
    "Ruby",
    "Julia",
    "Swift",
    "Terraform",
    "Airflow",
    "PostgreSQL",
    "MongoDB",
    "Redis",
    "Elasticsearch",
    "Tableau",
    "Power BI",
    "Excel",
    "Jira",
    "Git",
    "Linux",
    "TensorFlow",
    "PyTorch",
    "scikit-learn",
    "Pandas",
    "Flask",
    "Django",
    "Spring Boot",
    "Node.js",
    "GraphQL",
    "Snowflake",
    "Databricks",
    "Jenkins",
    "Ansible",
    "Hadoop",
    "Oracle",
    "Salesforce",
    "SAP",
    "Figma",
    "Agile",
    "Scrum",
    "Azure",
    "GCP",
    "Flink",
    "Presto",
    "dbt",
    "Looker",
    "MATLAB",
    "C++",
    "C#",
    ".NET",
    "Perl",
    "PHP",
]
TITLES = [
    "Senior Software Engineer",
    "Data Engineer",
    "Data Scientist",
    "Product Manager",
    "DevOps Engineer",
    "Machine Learning Engineer",
    "Business Analyst",
    "Backend Developer",
    "Site Reliability Engineer",
    "Frontend Developer",
    "QA Engineer",
    "Cloud Architect",
]
EMPLOYERS = [
    "Northwind Traders",
    "Contoso Ltd",
    "Fabrikam Inc",
    "Globex Corporation",
    "Initech",
    "Umbrella Analytics",
    "Tailspin Toys",
    "Wide World Importers",
    "Litware",
    "Proseware",
    "Adventure Works",
    "Blue Yonder Airlines",
    "Coho Winery",
    "Lamna Healthcare",
]
SCHOOLS = [
    "University of Leeds",
    "State University of New York",
    "University of Lagos",
    "Indian Institute of Technology Madras",
    "Universidad de Chile",
    "University of Toronto",
    "Technical University of Munich",
    "National University of Singapore",
    "Monash University",
]
# (address, with country-specific phone formats)
ADDRESSES = [
    "221B Baker Street, London NW1 6XE",
    "12 Marlowe Road, Leeds LS6 2AB",
    "1600 Amphitheatre Pkwy, Mountain View, CA 94043",
    "742 Evergreen Terrace, Springfield, IL 62704",
    "350 Fifth Avenue, Apt 21B, New York, NY 10118",
    "88 Harbour Street, Sydney NSW 2000",
    "45 Queen St W, Toronto, ON M5H 2M9",
    "Hauptstraße 12, 10115 Berlin",
    "Friedhofstrasse 33, 8004 Zürich",
    "12 rue de la Paix, 75002 Paris",
    "Calle Mayor 10, 28013 Madrid",
    "Via Roma 5, 00184 Roma",
    "Kerkstraat 5, 1017 GC Amsterdam",
    "27 Adeola Odeku Street, Victoria Island, Lagos",
    "14 MG Road, Bengaluru 560001",
    "Rua Augusta 100, 1100-053 Lisboa",
    "9 Orchard Road, Singapore 238823",
    "PO Box 4471, Nairobi 00100",
    "5 Kings Road, Flat 3, Brighton BN1 1NA",
    "1200 Pennsylvania Ave NW, Washington, DC 20004",
]
PHONES = [
    "+1 (415) 555-0132",
    "415-555-0187",
    "415.555.0163",
    "(312) 555 0148",
    "+44 20 7946 0958",
    "+44 (0)7700 900123",
    "07700 900456",
    "+86 138 0013 8000",
    "+91 98765 43210",
    "+49 30 12345678",
    "+33 1 23 45 67 89",
    "01 42 68 53 00",
    "+61 2 9876 5432",
    "+81 3-1234-5678",
    "+55 11 91234-5678",
    "+234 803 123 4567",
    "+27 21 123 4567",
    "+65 9123 4567",
    "+971 50 123 4567",
    "+52 55 1234 5678",
    "+7 495 123-45-67",
    "+82 10-1234-5678",
    "+1 212 555 0199 ext. 12",
    "0044 161 496 0000",
    "+353 1 234 5678",
]
IDS = [
    ("SSN", "123-45-6789"),
    ("SSN", "219-09-9999"),
    ("Passport No.", "X12345678"),
    ("Passport", "E88123456"),
    ("National ID", "AB-7789-1234"),
    ("NI Number", "QQ 12 34 56 C"),
    ("Driver's License", "D1234-56789-01234"),
    ("Aadhaar", "4321 8765 1234"),
]


class Doc:
    """Builds text while recording labelled spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[dict[str, object]] = []
        self.skills: list[dict[str, int]] = []

    def add(self, text: str, label: str | None = None) -> Doc:
        if label == "SKILL":
            self.skills.append({"start": self.length, "end": self.length + len(text)})
        elif label:
            self.spans.append({"type": label, "start": self.length, "end": self.length + len(text)})
        self.parts.append(text)
        self.length += len(text)
        return self

    def text(self) -> str:
        return "".join(self.parts)


def skill_list(doc: Doc, rng: random.Random, n: int, sep: str = ", ") -> None:
    chosen = rng.sample(SKILLS, n)
    for i, skill in enumerate(chosen):
        if i:
            doc.add(sep)
        doc.add(skill, "SKILL")


def person(rng: random.Random) -> tuple[str, str, str]:
    gender = rng.choice("fm")
    return rng.choice(FIRST[gender]), rng.choice(LAST), gender


def email_for(first: str, last: str, rng: random.Random) -> str:
    f = first.lower().replace(" ", "").replace("'", "")
    last_part = last.lower().replace(" ", "").replace("'", "")
    f = f.translate(str.maketrans("áéíóúñüöäśł", "aeiounuoasl"))
    last_part = last_part.translate(str.maketrans("áéíóúñüöäśł", "aeiounuoasl"))
    domain = rng.choice(["gmail.com", "outlook.com", "proton.me", "example.org", "yahoo.co.uk"])
    local = rng.choice(
        [
            f"{f}.{last_part}",
            f"{f[0]}{last_part}",
            f"{last_part}.{f}{rng.randint(1, 99)}",
            f"{f}_{last_part}",
            f"{f}{last_part}{rng.randint(80, 99)}",
        ]
    )
    return f"{local}@{domain}"


def english_resume(i: int, rng: random.Random, jobs: int = 2) -> Doc:
    first, last, gender = person(rng)
    full = f"{first} {last}"
    he, his = ("she", "her") if gender == "f" else ("he", "his")
    title = rng.choice(TITLES)
    doc = Doc()
    email = email_for(first, last, rng)
    phone = rng.choice(PHONES)
    address = rng.choice(ADDRESSES)
    handle = f"{first.lower().replace(' ', '')}{last.lower().replace(' ', '')[:4]}".replace("'", "")
    handle = handle.translate(str.maketrans("áéíóúñüöäśł", "aeiounuoasl"))
    layout = i % 8
    # --- header
    if layout == 0:
        doc.add(full.upper(), "PERSON").add("\n").add(title).add("\n")
        doc.add(address, "ADDRESS").add(" | ").add(phone, "PHONE").add(" | ")
        doc.add(email, "EMAIL").add("\n")
    elif layout == 1:
        doc.add(f"{last.upper()}, {first}", "PERSON").add("\n")
        doc.add("Email: ").add(email, "EMAIL").add("   Mobile: ").add(phone, "PHONE").add("\n")
        doc.add("Address: ").add(address, "ADDRESS").add("\n")
    elif layout == 2:  # two-column text order
        doc.add(full.upper(), "PERSON").add("                         SKILLS\n")
        doc.add(title).add("                    ")
        skill_list(doc, rng, 3)
        doc.add("\n").add(phone, "PHONE").add("                    ")
        skill_list(doc, rng, 3)
        doc.add("\n").add(email, "EMAIL").add("        Languages: English, Spanish\n")
    elif layout == 3:
        doc.add("CURRICULUM VITAE\n\n").add(full, "PERSON").add(", ").add("MSc", "SKILL").add("\n")
        doc.add(address, "ADDRESS").add("\n").add("Tel: ").add(phone, "PHONE").add("\n")
        doc.add(email, "EMAIL").add("\n").add("linkedin.com/in/" + handle, "URL").add("\n")
    elif layout == 4:
        doc.add("Resume of ").add(full, "PERSON").add("\n")
        doc.add(phone, "PHONE").add(" · ").add(email, "EMAIL").add(" · ")
        doc.add("https://github.com/" + handle, "URL").add("\n")
    elif layout == 5:
        doc.add("Name: ").add(full, "PERSON").add("\n").add("Date of Birth: ")
        doc.add(
            rng.choice(["12/03/1990", "4 May 1991", "March 3, 1988", "1992-07-19"]), "DATE_OF_BIRTH"
        )
        doc.add("\nNationality: ").add(
            rng.choice(["Nigerian", "Indian", "Brazilian", "Polish"]), "NATIONALITY"
        )
        doc.add("\nMarital status: ").add(
            rng.choice(["Married", "Single", "Divorced"]), "MARITAL_STATUS"
        )
        doc.add("\nPhone: ").add(phone, "PHONE").add("\nE-mail: ").add(email, "EMAIL").add("\n")
        doc.add("Address: ").add(address, "ADDRESS").add("\n")
    elif layout == 6:
        doc.add(full, "PERSON").add(" — ").add(title).add(" (")
        skill_list(doc, rng, 2)
        doc.add(")\n").add(email, "EMAIL").add(" / ").add(phone, "PHONE").add(" / ")
        doc.add("www." + handle + ".dev", "URL").add("\n")
        doc.add(address, "ADDRESS").add("\n")
    else:
        doc.add(full.upper(), "PERSON").add("\n").add("[Photo]", "PHOTO").add("\n")
        doc.add(phone, "PHONE").add(" | ").add(email, "EMAIL").add(" | ").add(
            "@" + handle, "HANDLE"
        )
        doc.add("\nAge: ").add(str(rng.randint(24, 58)), "AGE").add(" | Gender: ")
        doc.add("Female" if gender == "f" else "Male", "GENDER").add("\n")
    # --- summary with the name, pronouns and skills next to the name
    doc.add("\nSUMMARY\n")
    doc.add(first, "PERSON").add(" is a ").add(title.lower()).add(" who works in ")
    skill_list(doc, rng, 2, " and ")
    doc.add(". ").add(he.capitalize(), "GENDER").add(" has shipped ")
    skill_list(doc, rng, 1)
    doc.add(" services used by millions, and ").add(his, "GENDER").add(" teams trust ")
    doc.add(him_her(gender), "GENDER").add(" with on-call.\n")
    # --- experience
    doc.add("\nEXPERIENCE\n")
    for _ in range(jobs):
        start = rng.randint(2010, 2020)
        doc.add(
            f"{rng.choice(TITLES)}, {rng.choice(EMPLOYERS)}  {start}-{start + rng.randint(1, 3)}\n"
        )
        doc.add("- Built ")
        skill_list(doc, rng, 2, " and ")
        doc.add(" pipelines processing 2,000,000 events per day (v2.3.1 release).\n")
        doc.add("- Migrated ")
        skill_list(doc, rng, 1)
        doc.add(" jobs to ")
        skill_list(doc, rng, 1)
        doc.add("; cut costs by 35%.\n")
    title_word = (
        ("Ms." if gender == "f" else "Mr.")
        if rng.random() < 0.5
        else ("Ms" if gender == "f" else "Mr")
    )
    doc.add(title_word, "GENDER").add(" ").add(last, "PERSON").add(" also mentored interns in ")
    skill_list(doc, rng, 1)
    doc.add(".\n")
    # --- education and extras
    doc.add("\nEDUCATION\n").add(rng.choice(["BSc", "MSc", "BEng", "PhD"]), "SKILL")
    doc.add(f" Computer Science, {rng.choice(SCHOOLS)}, {rng.randint(2005, 2016)}\n")
    extra = rng.randrange(6)
    if extra == 0:
        kind, number = rng.choice(IDS)
        doc.add(f"\n{kind}: ").add(number, "ID_NUMBER").add("\n")
    elif extra == 1:
        doc.add("\nPersonal: ").add("married", "MARITAL_STATUS").add(", ")
        doc.add(
            rng.choice(["mother of two", "father of three", "two children"]), "FAMILY_STATUS"
        ).add("\n")
    elif extra == 2:
        doc.add("\nBorn on ").add(
            rng.choice(["14 February 1987", "1989-11-02"]), "DATE_OF_BIRTH"
        ).add("\n")
    elif extra == 3:
        doc.add("\nReligion: ").add(rng.choice(["Catholic", "Muslim", "Hindu"]), "RELIGION").add(
            "\n"
        )
    elif extra == 4:
        doc.add("\nEthnicity: ").add(
            rng.choice(["Hispanic", "Asian", "Black British"]), "ETHNICITY"
        ).add("\n")
    else:
        doc.add("\nContact: ").add(rng.choice(PHONES), "PHONE").add(" (evenings)\n")
    # --- references: another person
    rf, rl, _ = person(rng)
    doc.add("\nREFERENCES\n").add("Dr. ").add(f"{rf} {rl}", "PERSON")
    doc.add(f", Head of Data, {rng.choice(EMPLOYERS)} — ").add(email_for(rf, rl, rng), "EMAIL").add(
        "\n"
    )
    doc.add("Skills: ")
    skill_list(doc, rng, 6)
    doc.add("\n")
    return doc


def him_her(gender: str) -> str:
    return "her" if gender == "f" else "him"


ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘欧阳司马"
ZH_GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "桂英",
    "晓明",
    "志强",
    "海燕",
    "建华",
    "子涵",
    "雨轩",
    "思远",
    "佳怡",
    "浩然",
    "欣怡",
    "梓萱",
    "一鸣",
    "若曦",
    "俊杰",
]
ZH_SKILLS = [
    "Java",
    "Python",
    "Spring Boot",
    "MySQL",
    "Redis",
    "Kafka",
    "Docker",
    "Kubernetes",
    "机器学习",
    "深度学习",
    "数据分析",
    "大数据",
    "微服务",
    "Linux",
    "Hadoop",
    "Spark",
    "项目管理",
    "自然语言处理",
    "TensorFlow",
    "PyTorch",
    "Vue",
    "React",
]
ZH_EMPLOYERS = [
    "阿里巴巴",
    "腾讯科技",
    "字节跳动",
    "华为技术有限公司",
    "京东集团",
    "美团",
    "百度在线",
]
ZH_SCHOOLS = [
    "北京大学",
    "清华大学",
    "复旦大学",
    "浙江大学",
    "武汉大学",
    "中山大学",
    "华中科技大学",
]
ZH_ADDRESSES = [
    "北京市朝阳区建国路88号",
    "上海市浦东新区张江镇科苑路399弄5号1201室",
    "广东省深圳市南山区科技园南路18号",
    "浙江省杭州市西湖区文三路90号",
    "四川省成都市武侯区人民南路四段12号",
    "湖北省武汉市洪山区珞喻路1037号",
]
ZH_MOBILES = [
    "13800138000",
    "139 1234 5678",
    "+86 186-0101-2345",
    "15912345678",
    "(+86) 177 8899 0011",
]
ZH_TITLES = ["Java开发工程师", "算法工程师", "数据分析师", "产品经理", "前端工程师", "测试工程师"]


def prc_id(rng: random.Random) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    body = f"{rng.choice(['110105', '310115', '440305', '330106'])}{rng.randint(1975, 2000)}"
    body += f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    return body + check


def chinese_resume(i: int, rng: random.Random) -> Doc:
    surname = rng.choice(
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳", "司马", "林", "郭"]
    )
    name = surname + rng.choice(ZH_GIVEN)
    gender = rng.choice("男女")
    doc = Doc()
    layout = i % 4
    if layout == 0:
        doc.add(name, "PERSON").add("\n").add("求职意向：").add(rng.choice(ZH_TITLES)).add("\n")
        doc.add("性别：").add(gender, "GENDER").add(" | 年龄：").add(
            f"{rng.randint(22, 45)}岁", "AGE"
        )
        doc.add(" | 民族：").add(rng.choice(["汉族", "回族", "满族", "壮族"]), "ETHNICITY").add(
            "\n"
        )
    elif layout == 1:
        doc.add("个人简历\n姓名：").add(name, "PERSON").add("    性别：").add(gender, "GENDER").add(
            "\n"
        )
        doc.add("出生日期：").add(
            f"{rng.randint(1980, 2000)}年{rng.randint(1, 12)}月", "DATE_OF_BIRTH"
        )
        doc.add("    籍贯：").add(
            rng.choice(["湖南长沙", "山东济南", "四川成都", "江苏南京"]), "LOCATION"
        ).add("\n")
        doc.add("婚姻状况：").add(rng.choice(["已婚", "未婚", "已婚已育"]), "MARITAL_STATUS")
        doc.add("    政治面貌：").add(
            rng.choice(["中共党员", "共青团员", "群众"]), "POLITICAL_AFFILIATION"
        ).add("\n")
    elif layout == 2:
        doc.add(name, "PERSON").add(" | ").add(gender, "GENDER").add(" | ")
        doc.add(f"{rng.randint(22, 45)}岁", "AGE").add(" | ").add(rng.choice(ZH_TITLES)).add("\n")
        doc.add("身份证号：").add(prc_id(rng), "ID_NUMBER").add("\n")
    else:
        doc.add("姓 名：").add(name, "PERSON").add("\n英文名：").add(
            rng.choice(["Kevin", "Lily", "Jason", "Cathy"]), "PERSON"
        )
        doc.add("\n出生年月：").add(
            f"{rng.randint(1980, 2000)}.{rng.randint(1, 12):02d}", "DATE_OF_BIRTH"
        )
        doc.add("\n政治面貌：").add("中共党员", "POLITICAL_AFFILIATION").add("\n")
    doc.add("手机：").add(rng.choice(ZH_MOBILES), "PHONE").add("  邮箱：")
    pinyin = rng.choice(["zhangwei", "lina", "wangfang", "chenjie", "liuyang"])
    doc.add(
        f"{pinyin}{rng.randint(1, 99)}@{rng.choice(['163.com', 'qq.com', 'gmail.com'])}", "EMAIL"
    )
    doc.add("\n地址：").add(rng.choice(ZH_ADDRESSES), "ADDRESS").add("\n")
    if rng.random() < 0.5:
        doc.add("微信：").add(f"wx_{pinyin}{rng.randint(10, 99)}", "HANDLE").add("\n")
    doc.add("\n工作经历\n")
    for _ in range(2):
        start = rng.randint(2012, 2020)
        doc.add(
            f"{start}.{rng.randint(1, 12):02d}-{start + 2}.{rng.randint(1, 12):02d}  {rng.choice(ZH_EMPLOYERS)}  "  # noqa: E501
        )
        doc.add(rng.choice(ZH_TITLES)).add("\n负责")
        doc.add(rng.choice(ZH_SKILLS), "SKILL").add("与").add(rng.choice(ZH_SKILLS), "SKILL")
        doc.add("相关开发，系统日均处理请求1200万次。\n")
    doc.add(name, "PERSON").add("在团队中负责核心模块，获得年度优秀员工。\n")
    doc.add("\n教育背景\n").add(
        f"{rng.randint(2005, 2015)}-{rng.randint(2016, 2019)}  {rng.choice(ZH_SCHOOLS)}  计算机科学与技术  "  # noqa: E501
    )
    doc.add("本科", "SKILL").add("\n\n专业技能\n")
    for skill in rng.sample(ZH_SKILLS, 5):
        doc.add("· ").add(skill, "SKILL").add("\n")
    if rng.random() < 0.5:
        doc.add("证明人：").add(rng.choice(["王建国", "李红梅", "陈志明"]), "PERSON")
        doc.add("（部门经理）\n")
    return doc


def main() -> None:
    rng = random.Random(20261129)
    for language, count, build in (("en", 48, english_resume), ("zh", 20, chinese_resume)):
        with (HERE / f"{language}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(count):
                doc = build(i, rng)
                record = {
                    "id": f"{language}-{i:03d}",
                    "language": language,
                    "text": doc.text(),
                    "spans": doc.spans,
                    "skills": doc.skills,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
