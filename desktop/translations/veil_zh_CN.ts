<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../cell_marks.py" line="31"/>
        <source>shown</source>
        <translation>已体现</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="31"/>
        <source>not shown</source>
        <translation>未体现</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="32"/>
        <source>no clear evidence</source>
        <translation>未找到明确证据</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="32"/>
        <source>evidence found</source>
        <translation>找到证据</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="33"/>
        <source>Checked by %1: %2 (Veil: %3).</source>
        <translation>由 %1 核查：%2（Veil：%3）。</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="41"/>
        <source>No cell checked yet. Right-click a cell to mark the competency shown or not shown after reading the documents; Veil then shows how often its calls matched yours.</source>
        <translation>尚无已核查的单元格。阅读文档后，右键单击单元格，标记该能力已体现或未体现；Veil 随后会显示其判断与您的判断一致的比例。</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="46"/>
        <source>Cells checked by reviewers: %1. Veil&apos;s call was the same in %2 of them (%3).</source>
        <translation>审阅人已核查的单元格：%1 个。其中 %2 个与 Veil 的判断一致（%3）。</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="62"/>
        <source>Mark as shown…</source>
        <translation>标记为已体现…</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="64"/>
        <source>Mark as not shown…</source>
        <translation>标记为未体现…</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="66"/>
        <source>Remove the mark</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="75"/>
        <source>Mark the cell</source>
        <translation>标记单元格</translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="76"/>
        <source>What in the documents shows it, or why it is not shown (optional):</source>
        <translation>文档中哪些内容体现了该能力，或为何未体现（可选）：</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="36"/>
        <source>Export everything held…</source>
        <translation>导出所持有的全部数据…</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="37"/>
        <source>Erase this person…</source>
        <translation>删除此人的全部数据…</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="53"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="68"/>
        <source>Veil</source>
        <translation>Veil</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="68"/>
        <source>Exported (plaintext: hand it over securely, then delete it).</source>
        <translation>已导出（明文：请安全地交付，然后删除）。</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="77"/>
        <source>Delete everything about %1? This cannot be undone.</source>
        <translation>删除有关 %1 的全部数据？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="78"/>
        <source>Person %1</source>
        <translation>员工 %1</translation>
    </message>
    <message>
        <location filename="../person_data.py" line="79"/>
        <source>Veil — Erase person</source>
        <translation>Veil — 删除员工数据</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../audit_view.py" line="34"/>
        <source>Veil — Audit log</source>
        <translation>Veil — 审计日志</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="54"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="67"/>
        <source>Workspace created</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="68"/>
        <source>Passphrase changed</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="69"/>
        <source>Resume imported</source>
        <translation>导入简历</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="70"/>
        <source>Candidate viewed</source>
        <translation>查看候选人</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="71"/>
        <source>Identity revealed</source>
        <translation>显示身份</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="72"/>
        <source>Decision recorded</source>
        <translation>记录决定</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="73"/>
        <source>Job created</source>
        <translation>创建职位</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="74"/>
        <source>Job edited</source>
        <translation>编辑职位</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="75"/>
        <source>Ranking computed</source>
        <translation>计算排名</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="76"/>
        <source>Model adopted</source>
        <translation>启用模型</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="77"/>
        <source>Model rolled back</source>
        <translation>回退模型</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="102"/>
        <source>Chain verified: all %1 entries are intact and in order.</source>
        <translation>哈希链已验证：全部 %1 条记录完整且顺序正确。</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="108"/>
        <source>The chain is broken at entry %1: the log was changed outside Veil. %2</source>
        <translation>哈希链在第 %1 条记录处断开：日志在 Veil 之外被修改过。%2</translation>
    </message>
</context>
<context>
    <name>CandidateView</name>
    <message>
        <location filename="../candidate_view.py" line="60"/>
        <source>← Ranking</source>
        <extracomment>set by tests to answer the reveal confirmation without a modal box</extracomment>
        <translation>← 排名</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="61"/>
        <source>Back to the ranking (Esc)</source>
        <translation>返回排名（Esc）</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="69"/>
        <source>Reveal identity…</source>
        <translation>显示身份…</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="70"/>
        <source>Shows the original resume; this is logged</source>
        <translation>显示原始简历；此操作会被记录</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="76"/>
        <source>‹ Previous</source>
        <translation>‹ 上一位</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="77"/>
        <source>Previous candidate in the ranking (Ctrl+Up)</source>
        <translation>排名中的上一位候选人（Ctrl+Up）</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="79"/>
        <source>Next ›</source>
        <translation>下一位 ›</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="80"/>
        <source>Next candidate in the ranking (Ctrl+Down)</source>
        <translation>排名中的下一位候选人（Ctrl+Down）</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="86"/>
        <source>Candidate&apos;s data</source>
        <translation>候选人数据</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="87"/>
        <source>Export, explain or erase (GDPR, AI Act); logged</source>
        <translation>导出、说明或删除（GDPR、人工智能法案）；均记入日志</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="89"/>
        <source>Export everything held…</source>
        <translation>导出所持有的全部数据…</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="90"/>
        <source>Explanation for the candidate…</source>
        <translation>给候选人的说明…</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="91"/>
        <source>Erase this candidate…</source>
        <translation>删除此候选人…</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="105"/>
        <source>Marked words like &lt;PERSON_1&gt; were hidden so that you judge skills, not identity.</source>
        <translation>像 &lt;PERSON_1&gt; 这样标记的内容已被隐藏，以便您评估技能而非身份。</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="114"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="114"/>
        <source>Fit</source>
        <translation>符合度</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="114"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="117"/>
        <source>Requirement checklist</source>
        <translation>要求清单</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="127"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="133"/>
        <source>Reason (recommended, kept in the record)</source>
        <translation>理由（建议填写，将保存在记录中）</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="134"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="137"/>
        <source>&amp;Shortlist</source>
        <translation>入围(&amp;S)</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="138"/>
        <source>&amp;Hold</source>
        <translation>待定(&amp;H)</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="139"/>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="171"/>
        <source>Score %1 of 100</source>
        <translation>得分 %1 / 100</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="173"/>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="189"/>
        <source>must</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="189"/>
        <source>nice</source>
        <translation>加分</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="194"/>
        <source>Met</source>
        <translation>满足</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="195"/>
        <source>Partly</source>
        <translation>部分满足</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="196"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="203"/>
        <source>No evidence found</source>
        <translation>未找到依据</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="209"/>
        <source>No decision yet. Scores advise; you decide.</source>
        <translation>尚未决定。分数仅供参考，由您决定。</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="291"/>
        <source>Veil</source>
        <translation>Veil</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="296"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="300"/>
        <source>Save the explanation</source>
        <translation>保存说明</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="304"/>
        <source>Delete everything about %1? This cannot be undone.</source>
        <translation>删除有关 %1 的全部数据？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="306"/>
        <source>Veil — Erase candidate</source>
        <translation>Veil — 删除候选人</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="317"/>
        <source>Exported (plaintext: hand it over securely, then delete it).</source>
        <translation>已导出（明文：请安全地交付，然后删除）。</translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="333"/>
        <source>The explanation was saved.</source>
        <translation>说明已保存。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../error_display.py" line="58"/>
        <source>Veil — Something went wrong</source>
        <translation>Veil — 出现问题</translation>
    </message>
    <message>
        <location filename="../error_display.py" line="62"/>
        <source>Veil ran into an unexpected problem. Your workspace is safe: nothing was written half-way.

The details below contain no personal data and were also written to Veil&apos;s log. You can copy them for support.</source>
        <translation>Veil 遇到了意外问题。您的工作区是安全的：没有任何数据写入一半。

以下详细信息不含个人数据，并已写入 Veil 的日志。您可以复制它们以寻求支持。</translation>
    </message>
    <message>
        <location filename="../error_display.py" line="74"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>CreateWorkspaceDialog</name>
    <message>
        <location filename="../create_dialog.py" line="29"/>
        <source>Veil — Create a workspace</source>
        <translation>Veil — 创建工作区</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="34"/>
        <source>Veil keeps resumes, scores and decisions in one encrypted file. Choose a passphrase you can remember: without it nobody, not even you, can open the workspace again.</source>
        <translation>Veil 将简历、评分和决定保存在一个加密文件中。请选择一个您能记住的口令：没有它，任何人（包括您自己）都无法再次打开该工作区。</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="44"/>
        <source>Workspace file</source>
        <translation>工作区文件</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="45"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="50"/>
        <source>Workspace file:</source>
        <translation>工作区文件：</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="54"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="55"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="60"/>
        <source>Repeat the passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="61"/>
        <source>Repeat:</source>
        <translation>确认：</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="72"/>
        <source>Create workspace</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="85"/>
        <source>Where should the workspace live?</source>
        <translation>工作区保存在哪里？</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="87"/>
        <source>Veil workspace (*.veil)</source>
        <translation>Veil 工作区 (*.veil)</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="100"/>
        <source>Choose where the workspace file goes.</source>
        <translation>请选择工作区文件的位置。</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="102"/>
        <source>A file already exists there. Choose another name.</source>
        <translation>该位置已有文件。请换一个名称。</translation>
    </message>
    <message numerus="yes">
        <location filename="../create_dialog.py" line="104"/>
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>请至少使用 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="106"/>
        <source>Type the passphrase again to confirm it.</source>
        <translation>请再次输入口令以确认。</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="108"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="111"/>
        <source>This passphrase is weak. A few unrelated words make a strong one.</source>
        <translation>该口令较弱。几个互不相关的词可以组成强口令。</translation>
    </message>
</context>
<context>
    <name>ErrorDisplay</name>
    <message>
        <location filename="../error_display.py" line="96"/>
        <source>Veil</source>
        <extracomment>set to False by tests that want errors raised instead of modal boxes the last error shown (tests read it)</extracomment>
        <translation>Veil</translation>
    </message>
</context>
<context>
    <name>GapMatrixModel</name>
    <message>
        <location filename="../people_view.py" line="95"/>
        <source>No evidence found.</source>
        <translation>未找到依据。</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="100"/>
        <source>gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="100"/>
        <source>shown</source>
        <translation>已体现</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="118"/>
        <source>Team: %1 with a gap</source>
        <translation>团队：%1 有差距</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="120"/>
        <source>Person %1</source>
        <translation>员工 %1</translation>
    </message>
</context>
<context>
    <name>ImpactChart</name>
    <message>
        <location filename="../impact_view.py" line="56"/>
        <source>Selection and scoring rates by group</source>
        <translation>各组的选拔率和评分率</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="90"/>
        <source>selection rate</source>
        <translation>选拔率</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="91"/>
        <source>scoring rate</source>
        <translation>评分率</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="92"/>
        <source>four-fifths line (0.8 × the top rate)</source>
        <translation>五分之四线（最高比率 × 0.8）</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="101"/>
        <source>No groups</source>
        <translation>没有分组</translation>
    </message>
</context>
<context>
    <name>ImpactView</name>
    <message>
        <location filename="../impact_view.py" line="156"/>
        <source>Veil — Impact report</source>
        <translation>Veil — 影响报告</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="160"/>
        <source>Computing the impact report…</source>
        <translation>正在计算影响报告…</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="164"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="189"/>
        <source>Group</source>
        <translation>组别</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="190"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="191"/>
        <source>Shortlisted</source>
        <translation>已入围</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="192"/>
        <source>Selection rate</source>
        <translation>选拔率</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="193"/>
        <source>Impact ratio</source>
        <translation>影响比</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="194"/>
        <source>p</source>
        <translation>p 值</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="195"/>
        <source>Scoring rate</source>
        <translation>评分率</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="196"/>
        <source>Scoring ratio</source>
        <translation>评分影响比</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="197"/>
        <source>p (scoring)</source>
        <translation>p 值（评分）</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="207"/>
        <source>Impact ratios</source>
        <translation>影响比</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="214"/>
        <source>Job %1: %2 people, median score %3, %4 of unknown category.</source>
        <translation>岗位 %1：%2 人，评分中位数 %3，%4 人类别未知。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="238"/>
        <source> (under 2%: no ratio)</source>
        <translation>（不足 2%：不计算比率）</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="263"/>
        <source>%1 = %2: only %3 people; the ratios are unstable.</source>
        <translation>%1 = %2：仅 %3 人，比率不稳定。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="265"/>
        <source>%1 = %2: under 2% of the data (%3 people), left out of the ratios.</source>
        <translation>%1 = %2：不足数据的 2%（%3 人），不计入比率。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="267"/>
        <source>%1 = %2: %4 impact ratio %5 is under 0.80.</source>
        <translation>%1 = %2：%4影响比 %5 低于 0.80。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="268"/>
        <source>%1 = %2: the %4 difference is significant (p = %5).</source>
        <translation>%1 = %2：%4差异具有统计显著性（p = %5）。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="269"/>
        <source>Nobody is shortlisted yet: selection rates have no ratio.</source>
        <translation>尚无人入围：选拔率无法计算比率。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="270"/>
        <source>The job has no scores yet: rank it for scoring rates.</source>
        <translation>该岗位尚无评分：请先排序以计算评分率。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="272"/>
        <source>No self-identification has been imported (veil selfid import --csv FILE).</source>
        <translation>尚未导入自愿填报的身份信息（veil selfid import --csv FILE）。</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="275"/>
        <source>selection</source>
        <translation>选拔</translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="275"/>
        <source>scoring</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../import_panel.py" line="59"/>
        <source>Drop resumes here: files (PDF, Word, text, images), folders or ZIP archives.</source>
        <translation>将简历拖放到这里：文件（PDF、Word、文本、图片）、文件夹或 ZIP 压缩包。</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="66"/>
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="68"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="78"/>
        <source>%v of %m files</source>
        <translation>%v / %m 个文件</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="79"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="89"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="89"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="96"/>
        <source>Import results</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="134"/>
        <source>Choose resumes</source>
        <translation>选择简历</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="135"/>
        <source>Resumes (%1);;All files (*)</source>
        <translation>简历 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="136"/>
        <source>Choose a folder of resumes</source>
        <translation>选择简历文件夹</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="164"/>
        <source>Reading and anonymizing… the first file also loads the models.</source>
        <translation>正在读取并匿名化… 处理第一个文件时还会加载模型。</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="192"/>
        <source>Stopping after the current file…</source>
        <translation>处理完当前文件后停止…</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="227"/>
        <source>Imported and anonymized</source>
        <translation>已导入并匿名化</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="229"/>
        <source>Duplicate: this file is already in the workspace (added to this job)</source>
        <translation>重复：该文件已在工作区中（已加入此职位）</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="230"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="230"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="234"/>
        <source>%1 imported, %2 duplicates, %3 failed.</source>
        <translation>导入 %1 个，重复 %2 个，失败 %3 个。</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="242"/>
        <source>No files found in what you chose (empty folders?).</source>
        <translation>所选位置中没有找到文件（文件夹是空的？）。</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="244"/>
        <source>Done: </source>
        <translation>完成：</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="251"/>
        <source>Cancelled. Files finished before the stop are kept: </source>
        <translation>已取消。停止前已完成的文件会保留：</translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="258"/>
        <source>The import stopped: </source>
        <translation>导入已停止：</translation>
    </message>
</context>
<context>
    <name>JobAdPanel</name>
    <message>
        <location filename="../jobad_panel.py" line="78"/>
        <source>Jurisdiction:</source>
        <extracomment>severity -&gt; the theme&apos;s status colour (readable in the light and the dark scheme)</extracomment>
        <translation>司法辖区：</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="80"/>
        <source>Jurisdiction</source>
        <translation>司法辖区</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="81"/>
        <source>Any (no pay rules)</source>
        <translation>不限（不检查薪酬规定）</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="89"/>
        <source>Type or paste a posting to check it.</source>
        <translation>输入或粘贴招聘启事即可检查。</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="93"/>
        <source>Findings in the posting</source>
        <translation>招聘启事中的问题</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="104"/>
        <source>Apply rewrite</source>
        <translation>应用改写</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="156"/>
        <source>%1 errors, %2 warnings, %3 advice · %4 words</source>
        <translation>%1 个错误，%2 个警告，%3 条建议 · %4 个词</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="177"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="177"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="178"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="221"/>
        <source>(remove)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="222"/>
        <source>Rewrite: %1</source>
        <translation>改写：%1</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="224"/>
        <source>Source: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="271"/>
        <source>Pool: %1 ranked candidates</source>
        <translation>候选人池：%1 名已排序的候选人</translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="277"/>
        <source>• %1: met by %2% (%3 of %4); meeting every must-have %5 → %6 if nice</source>
        <translation>• %1：%2% 满足（%4 人中 %3 人）；满足全部必备条件 %5 人 → 改为加分项后 %6 人</translation>
    </message>
</context>
<context>
    <name>JobEditor</name>
    <message>
        <location filename="../job_editor.py" line="38"/>
        <source>e.g. Senior Data Engineer</source>
        <translation>例如：高级数据工程师</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="39"/>
        <source>Job title</source>
        <translation>职位名称</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="40"/>
        <source>Posting</source>
        <translation>职位描述</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="42"/>
        <source>Paste the job posting here. Veil suggests requirements from it.</source>
        <translation>在此粘贴职位描述。Veil 会据此建议要求。</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="44"/>
        <source>Job posting</source>
        <translation>职位描述</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="45"/>
        <source>Requirements</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="47"/>
        <source>Each requirement is matched against every resume. Must-haves count most; the weight says how much a requirement matters.</source>
        <translation>每项要求都会与每份简历比对。必需项最重要；权重表示该要求的重要程度。</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="50"/>
        <source>Suggest from posting</source>
        <translation>根据职位描述建议</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="63"/>
        <location filename="../job_editor.py" line="112"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="65"/>
        <source>Save and re-score</source>
        <translation>保存并重新评分</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="90"/>
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="101"/>
        <source>Create job</source>
        <translation>创建职位</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="104"/>
        <source>New job</source>
        <translation>新建职位</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="131"/>
        <source>Paste the posting first.</source>
        <translation>请先粘贴职位描述。</translation>
    </message>
    <message numerus="yes">
        <location filename="../job_editor.py" line="135"/>
        <source>%n requirement(s) suggested. Review them.</source>
        <translation>
            <numerusform>已建议 %n 项要求，请检查。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="142"/>
        <source>Give the job a title.</source>
        <translation>请为职位填写名称。</translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="166"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../jobs_panel.py" line="30"/>
        <location filename="../jobs_panel.py" line="36"/>
        <source>Jobs</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../jobs_panel.py" line="39"/>
        <source>No jobs yet. Create one to start.</source>
        <translation>还没有职位。创建一个开始吧。</translation>
    </message>
    <message>
        <location filename="../jobs_panel.py" line="42"/>
        <source>New job</source>
        <translation>新建职位</translation>
    </message>
    <message>
        <location filename="../jobs_panel.py" line="43"/>
        <source>Create a job (Ctrl+N)</source>
        <translation>创建职位（Ctrl+N）</translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs_panel.py" line="56"/>
        <source>%n requirement(s)</source>
        <translation>
            <numerusform>%n 项要求</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="108"/>
        <source>&amp;New job</source>
        <translation>新建职位(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="111"/>
        <source>&amp;Import resumes…</source>
        <translation>导入简历(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116"/>
        <source>&amp;Rank candidates</source>
        <translation>候选人排名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="119"/>
        <source>&amp;Audit log</source>
        <translation>审计日志(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>&amp;Impact report…</source>
        <translation>影响报告(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>&amp;About Veil</source>
        <translation>关于 Veil(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="124"/>
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="134"/>
        <source>&amp;People: skills, gaps…</source>
        <translation>员工：能力与差距(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151"/>
        <source>Veil — Locked</source>
        <translation>Veil — 已锁定</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177"/>
        <source>That passphrase did not open this workspace. Nothing was changed; try again.</source>
        <translation>该口令无法打开此工作区。没有任何更改，请重试。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>Veil — %1</source>
        <translation>Veil — %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194"/>
        <source>Unlocked.</source>
        <translation>已解锁。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>Locked after a period without activity.</source>
        <translation>因一段时间无操作已自动锁定。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>Locked.</source>
        <translation>已锁定。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>Creating the encrypted workspace…</source>
        <translation>正在创建加密工作区…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>Open a workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>Veil workspace (*.veil);;All files (*)</source>
        <translation>Veil 工作区 (*.veil);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="266"/>
        <location filename="../main_window.py" line="272"/>
        <source>Models ready</source>
        <translation>模型已就绪</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="268"/>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280"/>
        <source>Models not loaded</source>
        <translation>模型未加载</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="324"/>
        <source>About Veil</source>
        <translation>关于 Veil</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326"/>
        <source>Veil %1 — private, offline resume screening. Resumes are anonymized before anyone reads them; scores advise, people decide. Nothing leaves this computer.</source>
        <translation>Veil %1 — 私密、离线的简历筛选。简历在任何人阅读之前先被匿名化；分数仅供参考，由人做决定。任何数据都不会离开这台电脑。</translation>
    </message>
</context>
<context>
    <name>PeopleImportDialog</name>
    <message>
        <location filename="../people_import.py" line="72"/>
        <source>Veil — Import documents: %1</source>
        <translation>Veil — 导入文档：%1</translation>
    </message>
    <message>
        <location filename="../people_import.py" line="77"/>
        <source>Documents are anonymized before anyone reads them and kept apart from candidates. Folder names are kept, encrypted, only to find a person again: the heatmap shows numbers, not names.</source>
        <translation>文档在任何人阅读之前先匿名化，并与候选人分开保存。文件夹名称加密保存，仅用于再次找到同一人：热力图只显示编号，不显示姓名。</translation>
    </message>
</context>
<context>
    <name>PeopleImportPanel</name>
    <message>
        <location filename="../people_import.py" line="35"/>
        <source>Drop employees&apos; documents here (reviews, self-assessments, CVs): files, folders or ZIP archives. Each folder is one person.</source>
        <translation>将员工文档（绩效评估、自评、简历）拖放到这里：文件、文件夹或 ZIP 压缩包。每个文件夹对应一人。</translation>
    </message>
    <message>
        <location filename="../people_import.py" line="42"/>
        <source>Choose documents (the files of one folder are one person)</source>
        <translation>选择文档（同一文件夹中的文件属于同一人）</translation>
    </message>
    <message>
        <location filename="../people_import.py" line="43"/>
        <source>Documents (%1);;All files (*)</source>
        <translation>文档 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../people_import.py" line="44"/>
        <source>Choose a folder: each folder in it is one person</source>
        <translation>选择文件夹：其中每个文件夹对应一人</translation>
    </message>
    <message>
        <location filename="../people_import.py" line="63"/>
        <source>Duplicate: this document is already stored for a person</source>
        <translation>重复：该文档已存储在某位员工名下</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../people_view.py" line="129"/>
        <source>Veil — People: skills and gaps</source>
        <translation>Veil — 员工：能力与差距</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="132"/>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="133"/>
        <source>Show gaps</source>
        <translation>显示差距</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="135"/>
        <source>New role…</source>
        <translation>新建岗位…</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="137"/>
        <source>Edit role…</source>
        <translation>编辑岗位…</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="139"/>
        <source>Import documents…</source>
        <translation>导入文档…</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="142"/>
        <source>Role:</source>
        <translation>岗位：</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="153"/>
        <source>Skill-gap matrix</source>
        <translation>能力差距矩阵</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="160"/>
        <source>Right-click a person to export or erase their data</source>
        <translation>右键单击员工，可导出或删除其数据</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="163"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="180"/>
        <source>Advice for a person who decides: Veil does not rate anyone. ▽: no clear evidence found (read the documents before acting on it); ✔: checked by a reviewer, whose word the matrix follows.</source>
        <translation>仅供决策者参考：Veil 不对任何人评分。▽：未找到明确证据（采取行动前请阅读文档）；✔：已由审阅人核查，矩阵以其判断为准。</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="224"/>
        <source>No roles yet: add one with “New role…”.</source>
        <translation>还没有岗位：用“新建岗位…”添加一个。</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="281"/>
        <source>Reading the documents…</source>
        <translation>正在读取文档…</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="305"/>
        <source>Team figures hidden: this group has %1 people, fewer than %2, so they would reveal individuals.</source>
        <translation>团队数据已隐藏：该组只有 %1 人，少于 %2 人，显示会暴露个人信息。</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="317"/>
        <source>Team (%1 people), share with a gap: </source>
        <translation>团队（%1 人），存在差距的比例：</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="326"/>
        <source>No evidence found for this competency.</source>
        <translation>未找到该能力的依据。</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="337"/>
        <source>gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../people_view.py" line="337"/>
        <source>shown</source>
        <translation>已体现</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../ranking_model.py" line="41"/>
        <source>Not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="42"/>
        <source>Shortlisted</source>
        <translation>已入围</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="43"/>
        <source>On hold</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="44"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="50"/>
        <source>Candidate %1</source>
        <translation>候选人 %1</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="152"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="153"/>
        <source>Candidate</source>
        <translation>候选人</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="154"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="155"/>
        <source>Must-haves</source>
        <translation>必需项</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="156"/>
        <source>Top evidence</source>
        <translation>主要依据</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="157"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="158"/>
        <source>Imported</source>
        <translation>导入日期</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="198"/>
        <source>Must-have requirements met: %1 of %2</source>
        <translation>满足的必需要求：%1 / %2</translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="211"/>
        <source>Score %1 of 100</source>
        <translation>得分 %1 / 100</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../ranking_view.py" line="63"/>
        <source>Filter by candidate number or evidence…</source>
        <translation>按候选人编号或依据筛选…</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="65"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="67"/>
        <source>Decision filter</source>
        <translation>按决定筛选</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="69"/>
        <source>All decisions</source>
        <translation>全部决定</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="70"/>
        <source>Not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="71"/>
        <source>Shortlisted</source>
        <translation>已入围</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="72"/>
        <source>On hold</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="73"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="76"/>
        <source>All must-haves met</source>
        <translation>满足全部必需项</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="77"/>
        <source>Rank candidates</source>
        <translation>候选人排名</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="78"/>
        <source>Score every candidate of this job again (F5)</source>
        <translation>为此职位的所有候选人重新评分（F5）</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="88"/>
        <source>Scoring %v of %m</source>
        <translation>正在评分 %v / %m</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="89"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="113"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="179"/>
        <source>Choose or create a job.</source>
        <translation>请选择或创建一个职位。</translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="181"/>
        <source>No candidates yet. Import resumes in the Import tab.</source>
        <translation>还没有候选人。请在“导入”标签页中导入简历。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ranking_view.py" line="183"/>
        <source>%n candidate(s) not scored yet: press Rank candidates.</source>
        <translation>
            <numerusform>%n 位候选人尚未评分：请点击“候选人排名”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactedTextView</name>
    <message>
        <location filename="../redacted_text_view.py" line="32"/>
        <source>Hidden by redaction</source>
        <translation>已脱敏隐藏</translation>
    </message>
    <message>
        <location filename="../redacted_text_view.py" line="45"/>
        <source>Redacted resume</source>
        <translation>脱敏后的简历</translation>
    </message>
</context>
<context>
    <name>RequirementsEditor</name>
    <message>
        <location filename="../requirements_editor.py" line="77"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="77"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="77"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="87"/>
        <source>Requirements</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="93"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="94"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="95"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="96"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="157"/>
        <source>Must-have</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="157"/>
        <source>Nice to have</source>
        <translation>加分项</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../reveal_dialog.py" line="32"/>
        <source>Veil — Reveal identity</source>
        <translation>Veil — 显示身份</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="34"/>
        <source>Reveal the identity of %1?</source>
        <translation>要显示%1的身份吗？</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="39"/>
        <source>This shows the original resume with the name and contact details. It is recorded in the audit log with your name and the time. Reveal only when you need to contact the candidate.</source>
        <translation>这将显示包含姓名和联系方式的原始简历。此操作会连同您的名字和时间记录在审计日志中。请仅在需要联系候选人时显示。</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="47"/>
        <source>Reveal and log</source>
        <translation>显示并记录</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="62"/>
        <source>Veil — %1, original</source>
        <translation>Veil — %1，原始简历</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="65"/>
        <source>This view was recorded in the audit log.</source>
        <translation>此次查看已记录在审计日志中。</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="69"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="70"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="80"/>
        <source>Save original…</source>
        <translation>保存原始文件…</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="87"/>
        <source>Save the original file</source>
        <translation>保存原始文件</translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="97"/>
        <source>The file could not be saved.</source>
        <translation>无法保存该文件。</translation>
    </message>
</context>
<context>
    <name>RoleEditor</name>
    <message>
        <location filename="../role_editor.py" line="48"/>
        <source>e.g. Data Analyst</source>
        <translation>例如：数据分析师</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="49"/>
        <source>Role title</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="50"/>
        <location filename="../role_editor.py" line="56"/>
        <source>Role profile</source>
        <translation>岗位说明</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="52"/>
        <source>Paste the role&apos;s competency framework here, English or Chinese: lines under “Requirements” are must-haves, under “Nice to have” nice-to-haves (任职要求 / 加分项 likewise).</source>
        <translation>在此粘贴岗位的能力框架（中文或英文）：“任职要求”下的各行为必需项，“加分项”下的为加分项（Requirements / Nice to have 同理）。</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="57"/>
        <location filename="../role_editor.py" line="64"/>
        <source>Competencies</source>
        <translation>能力项</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="59"/>
        <source>Each competency is matched against every person&apos;s documents. Must-haves count most; the weight says how much a competency matters.</source>
        <translation>每项能力都会与每位员工的文档逐一匹配。必需项最重要；权重表示该能力项的重要程度。</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="62"/>
        <source>Read from the profile</source>
        <translation>从岗位说明读取</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="63"/>
        <source>Competency</source>
        <translation>能力项</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="97"/>
        <source>Veil — Edit role</source>
        <translation>Veil — 编辑岗位</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="97"/>
        <source>Veil — New role</source>
        <translation>Veil — 新建岗位</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="98"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="98"/>
        <source>Create role</source>
        <translation>创建岗位</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="116"/>
        <source>Veil — Unsaved role</source>
        <translation>Veil — 岗位未保存</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="117"/>
        <source>This role has unsaved changes.</source>
        <translation>该岗位有未保存的更改。</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="131"/>
        <location filename="../role_editor.py" line="154"/>
        <source>Paste the role profile first.</source>
        <translation>请先粘贴岗位说明。</translation>
    </message>
    <message numerus="yes">
        <location filename="../role_editor.py" line="136"/>
        <source>%n competency(ies) read. Review them.</source>
        <translation>
            <numerusform>已读取 %n 项能力，请检查。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="151"/>
        <source>Give the role a title.</source>
        <translation>请为岗位填写名称。</translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="164"/>
        <source>No competencies: add at least one, or write the profile with lines under “Requirements”.</source>
        <translation>没有能力项：请至少添加一项，或在岗位说明的“任职要求”下逐行写出。</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../score_chart.py" line="23"/>
        <location filename="../score_chart.py" line="57"/>
        <source>Score distribution</source>
        <translation>得分分布</translation>
    </message>
    <message numerus="yes">
        <location filename="../score_chart.py" line="34"/>
        <source>%n candidate(s) scored</source>
        <translation>
            <numerusform>已为 %n 位候选人评分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../score_chart.py" line="36"/>
        <source>No scores yet</source>
        <translation>尚无评分</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="34"/>
        <source>Veil — Settings</source>
        <translation>Veil — 设置</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="44"/>
        <source>Compute device:</source>
        <translation>计算设备：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="48"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="49"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51"/>
        <source>Lock after idle:</source>
        <translation>空闲后锁定：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="54"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="64"/>
        <source>Data location:</source>
        <translation>数据位置：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>Not loaded yet</source>
        <translation>尚未加载</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69"/>
        <source>unnamed model</source>
        <translation>未命名模型</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73"/>
        <source>Test scorer (no encoder)</source>
        <translation>测试评分器（无编码器）</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="78"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79"/>
        <source>Model SHA-256:</source>
        <translation>模型 SHA-256：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="80"/>
        <source>Running on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="84"/>
        <source>A new device or language applies the next time Veil starts.</source>
        <translation>新的设备或语言将在下次启动 Veil 时生效。</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <location filename="../passphrase_strength.py" line="87"/>
        <source>Too short (at least 8 characters)</source>
        <translation>太短（至少 8 个字符）</translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="88"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="89"/>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="90"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="91"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../passphrase_strength.py" line="107"/>
        <source>Passphrase strength</source>
        <translation>口令强度</translation>
    </message>
</context>
<context>
    <name>TextWithRequirements</name>
    <message>
        <location filename="../requirements_editor.py" line="285"/>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <location filename="../unlock_view.py" line="41"/>
        <source>Veil</source>
        <translation>Veil</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="58"/>
        <location filename="../unlock_view.py" line="59"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="65"/>
        <source>Unlock message</source>
        <translation>解锁提示</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="76"/>
        <source>Create a workspace…</source>
        <translation>创建工作区…</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="78"/>
        <source>Open another…</source>
        <translation>打开其他…</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="80"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="97"/>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="99"/>
        <source>This workspace is locked. Type its passphrase.</source>
        <translation>此工作区已锁定。请输入口令。</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="102"/>
        <source>No workspace yet. Create one to start, or open an existing file.</source>
        <translation>还没有工作区。创建一个开始，或打开已有文件。</translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="125"/>
        <source>Type the passphrase first.</source>
        <translation>请先输入口令。</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <location filename="../workspace_view.py" line="48"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="49"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="50"/>
        <source>Job</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="94"/>
        <source>Veil — Unsaved job</source>
        <translation>Veil — 职位未保存</translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="95"/>
        <source>The job you were editing has unsaved changes.</source>
        <translation>您正在编辑的职位有未保存的更改。</translation>
    </message>
</context>
</TS>
