"""A small English-Chinese glossary of common job and resume vocabulary, for lexical matching
across languages.

The encoder reads English only, so a Chinese resume is matched to an English requirement (and an
English resume to a Chinese requirement) on words alone. Words in the same script match as they
are (tool names and acronyms such as Python, SQL, CPA or Excel are written in Latin letters in
Chinese resumes too); this table adds the everyday vocabulary of postings in the other script:
work in general, software, data, finance, people work, sales, health care, teaching,
engineering, logistics and design. It is deliberately general: standard translations of common
words, no phrases of any particular resume. A match through the glossary chooses the evidence
line as the word itself would; whether it counts in the score too is
``ScoringOptions.translated``.

Each row is ``English forms | Chinese words``. English forms are normalised as the resume's words
are (lower case, aliases, light stemming; see ``terms.normalise``), so list the inflections that
stem differently ("manage managing"); a phrase is written with ``_`` as ``terms.PHRASES`` names it.
Chinese words are found in the text as written, however jieba cuts them.
"""

from __future__ import annotations

from functools import cache

from core.scoring.terms import normalise

_ROWS = """
team teams | 团队 小组
lead leading led leader leadership | 带领 领导 带队 负责人 组长
manage managing managed management | 管理
manager managers | 经理 主管
supervise supervising supervisor | 主管 督导 监督
project projects | 项目
project_management | 项目管理
customer customers client clients | 客户
communication communicate communicating | 沟通
collaboration collaborate cooperation | 协作 合作
stakeholder stakeholders | 干系人 相关方
report reports reporting | 报告 报表 汇报
analysis analyse analyze analysing analyzing analytical | 分析
design designing designed | 设计
develop developing developed development | 开发 研发
developer developers engineer engineers | 工程师
test tests testing tested | 测试
system systems | 系统
process processes | 流程
plan planning | 计划 规划
budget budgets budgeting | 预算
cost costs | 成本
quality | 质量
training train trained | 培训
document documents documentation | 文档 文件
contract contracts | 合同
negotiate negotiating negotiation negotiations | 谈判
operation operations | 运营 运维
service services | 服务
support supporting | 支持 支撑
maintain maintaining maintenance | 维护 维修
optimise optimize optimisation optimization | 优化
improve improving improvement | 改进 提升
performance | 绩效 性能
security secure | 安全
safety | 安全
compliance compliant regulation regulations regulatory | 合规 法规
policy policies | 政策 制度
english | 英语 英文
chinese mandarin | 中文 普通话
certificate certificates certification certified | 证书 认证
license licence licensed | 执照 资格证
backend back-end | 后端 后台
frontend front-end | 前端
server servers | 服务器 服务端
api apis interface interfaces | 接口
architecture | 架构
microservice microservices | 微服务
distributed | 分布式
concurrency concurrent | 并发
cache caching | 缓存
message | 消息
queue queues | 队列
cloud | 云计算 云平台 云服务
algorithm algorithms | 算法
code coding | 代码 编码
deploy deploying deployed deployment | 部署
container containers | 容器
monitor monitoring | 监控
scalability scalable | 扩展性 可扩展
availability | 可用性
network networks networking | 网络
database databases | 数据库
data | 数据
statistics statistical statistic | 统计
machine_learning | 机器学习
deep_learning | 深度学习
model models modelling modeling | 模型 建模
visualisation visualization | 可视化
dashboard dashboards | 看板 仪表盘 报表
metric metrics indicator indicators kpi | 指标
experiment experiments experimentation | 实验
hypothesis | 假设
regression | 回归
forecast forecasting prediction predict | 预测
mining | 挖掘
accounting accountant | 会计
finance financial | 财务 金融
audit auditing auditor | 审计
tax taxes taxation | 税务 税收
consolidation consolidated consolidate | 合并
statement statements | 报表
invoice invoices | 发票
payable payables | 应付
receivable receivables | 应收
reconciliation reconcile reconciling | 对账 核对
ledger | 总账 账簿
group | 集团
subsidiary subsidiaries entity entities | 子公司
month-end | 结账
human_resources | 人力资源
recruitment recruiting recruit hiring | 招聘
employee employees staff | 员工
relation relations | 关系
payroll salary salaries compensation | 薪酬 工资
benefit benefits | 福利
onboarding | 入职
labour labor employment | 劳动
grievance grievances complaint complaints | 投诉 申诉
disciplinary discipline misconduct | 违纪 纪律
absence absences attendance | 缺勤 考勤
sickness sick | 病假
leave | 请假 休假
sales selling sell seller sellers salesperson | 销售
quota quotas target targets | 业绩 指标 目标
revenue | 营收 收入
market marketing | 市场 营销
product products | 产品
region regional territory | 区域 大区
nurse nursing | 护士 护理
patient patients | 患者 病人
medication medications medicine drug drugs | 药物 用药 给药
iv intravenous infusion infusions | 静脉 输液
transfusion | 输血
wound wounds | 伤口 创面
care | 护理 照护
hospital | 医院
ward | 病房
surgery surgical | 外科 手术
emergency | 急诊
icu | 重症监护
teacher teachers | 教师 老师
teach teaching | 教学
student students | 学生
classroom | 课堂
lesson lessons | 课程 教案
curriculum | 课程 教学大纲
assessment assessments | 评估 测评
exam exams examination | 考试
mathematics math maths | 数学
mechanical | 机械
drawing drawings | 图纸
tolerance tolerances | 公差
manufacturing manufacture | 制造 生产
welding welded weld | 焊接
machining machined | 机加工
electrical electric | 电气 电工
wiring | 布线 接线
installation install installing | 安装
logistics | 物流
shipment shipments shipping | 发货 货运
freight | 货运 运费
warehouse warehousing | 仓库 仓储
inventory stock | 库存
transport transportation | 运输
customs | 报关 海关
import imports importing | 进口
export exports exporting | 出口
supplier suppliers vendor vendors | 供应商
procurement purchasing | 采购
carrier carriers | 承运商
forwarder forwarders | 货代
delivery deliveries | 配送 交付
user_experience | 用户体验
user_interface | 用户界面
user users | 用户
prototype prototypes prototyping | 原型
research | 研究 调研
interaction | 交互
usability | 可用性
accessibility | 无障碍
"""


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(English term -> Chinese words, Chinese word -> English terms)."""
    to_zh: dict[str, set[str]] = {}
    to_en: dict[str, set[str]] = {}
    for row in _ROWS.strip().splitlines():
        english, _, chinese = row.partition("|")
        words = chinese.split()
        for form in english.split():
            term = form if "_" in form else normalise(form)
            to_zh.setdefault(term, set()).update(words)
            for word in words:
                to_en.setdefault(word, set()).add(term)
    return (
        {k: frozenset(v) for k, v in to_zh.items()},
        {k: frozenset(v) for k, v in to_en.items()},
    )


def translations(term: str) -> frozenset[str]:
    """The words in the other script that stand for ``term`` (a normalised term), if any."""
    to_zh, to_en = _tables()
    return to_zh.get(term) or to_en.get(term) or frozenset()
