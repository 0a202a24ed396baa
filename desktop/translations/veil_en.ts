<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../cell_marks.py" line="31"/>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="31"/>
        <source>not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="32"/>
        <source>no clear evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="32"/>
        <source>evidence found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="33"/>
        <source>Checked by %1: %2 (Veil: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="41"/>
        <source>No cell checked yet. Right-click a cell to mark the competency shown or not shown after reading the documents; Veil then shows how often its calls matched yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="46"/>
        <source>Cells checked by reviewers: %1. Veil&apos;s call was the same in %2 of them (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="62"/>
        <source>Mark as shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="64"/>
        <source>Mark as not shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="66"/>
        <source>Remove the mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="75"/>
        <source>Mark the cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cell_marks.py" line="76"/>
        <source>What in the documents shows it, or why it is not shown (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="36"/>
        <source>Export everything held…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="37"/>
        <source>Erase this person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="53"/>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="68"/>
        <source>Veil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="68"/>
        <source>Exported (plaintext: hand it over securely, then delete it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="77"/>
        <source>Delete everything about %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="78"/>
        <source>Person %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../person_data.py" line="79"/>
        <source>Veil — Erase person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../audit_view.py" line="34"/>
        <source>Veil — Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="54"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="67"/>
        <source>Workspace created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="68"/>
        <source>Passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="69"/>
        <source>Resume imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="70"/>
        <source>Candidate viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="71"/>
        <source>Identity revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="72"/>
        <source>Decision recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="73"/>
        <source>Job created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="74"/>
        <source>Job edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="75"/>
        <source>Ranking computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="76"/>
        <source>Model adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="77"/>
        <source>Model rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="102"/>
        <source>Chain verified: all %1 entries are intact and in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="108"/>
        <source>The chain is broken at entry %1: the log was changed outside Veil. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateView</name>
    <message>
        <location filename="../candidate_view.py" line="60"/>
        <source>← Ranking</source>
        <extracomment>set by tests to answer the reveal confirmation without a modal box</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="61"/>
        <source>Back to the ranking (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="69"/>
        <source>Reveal identity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="70"/>
        <source>Shows the original resume; this is logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="76"/>
        <source>‹ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="77"/>
        <source>Previous candidate in the ranking (Ctrl+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="79"/>
        <source>Next ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="80"/>
        <source>Next candidate in the ranking (Ctrl+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="86"/>
        <source>Candidate&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="87"/>
        <source>Export, explain or erase (GDPR, AI Act); logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="89"/>
        <source>Export everything held…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="90"/>
        <source>Explanation for the candidate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="91"/>
        <source>Erase this candidate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="105"/>
        <source>Marked words like &lt;PERSON_1&gt; were hidden so that you judge skills, not identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="114"/>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="114"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="114"/>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="117"/>
        <source>Requirement checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="127"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="133"/>
        <source>Reason (recommended, kept in the record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="134"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="137"/>
        <source>&amp;Shortlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="138"/>
        <source>&amp;Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="139"/>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="171"/>
        <source>Score %1 of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="173"/>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="189"/>
        <source>must</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="189"/>
        <source>nice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="194"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="195"/>
        <source>Partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="196"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="203"/>
        <source>No evidence found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="209"/>
        <source>No decision yet. Scores advise; you decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="291"/>
        <source>Veil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="296"/>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="300"/>
        <source>Save the explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="304"/>
        <source>Delete everything about %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="306"/>
        <source>Veil — Erase candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="317"/>
        <source>Exported (plaintext: hand it over securely, then delete it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../candidate_view.py" line="333"/>
        <source>The explanation was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../error_display.py" line="58"/>
        <source>Veil — Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_display.py" line="62"/>
        <source>Veil ran into an unexpected problem. Your workspace is safe: nothing was written half-way.

The details below contain no personal data and were also written to Veil&apos;s log. You can copy them for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../error_display.py" line="74"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateWorkspaceDialog</name>
    <message>
        <location filename="../create_dialog.py" line="29"/>
        <source>Veil — Create a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="34"/>
        <source>Veil keeps resumes, scores and decisions in one encrypted file. Choose a passphrase you can remember: without it nobody, not even you, can open the workspace again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="44"/>
        <source>Workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="45"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="50"/>
        <source>Workspace file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="54"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="55"/>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="60"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="61"/>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="72"/>
        <source>Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="85"/>
        <source>Where should the workspace live?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="87"/>
        <source>Veil workspace (*.veil)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="100"/>
        <source>Choose where the workspace file goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="102"/>
        <source>A file already exists there. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../create_dialog.py" line="104"/>
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="106"/>
        <source>Type the passphrase again to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="108"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../create_dialog.py" line="111"/>
        <source>This passphrase is weak. A few unrelated words make a strong one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDisplay</name>
    <message>
        <location filename="../error_display.py" line="96"/>
        <source>Veil</source>
        <extracomment>set to False by tests that want errors raised instead of modal boxes the last error shown (tests read it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GapMatrixModel</name>
    <message>
        <location filename="../people_view.py" line="95"/>
        <source>No evidence found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="100"/>
        <source>gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="100"/>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="118"/>
        <source>Team: %1 with a gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="120"/>
        <source>Person %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImpactChart</name>
    <message>
        <location filename="../impact_view.py" line="56"/>
        <source>Selection and scoring rates by group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="90"/>
        <source>selection rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="91"/>
        <source>scoring rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="92"/>
        <source>four-fifths line (0.8 × the top rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="101"/>
        <source>No groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImpactView</name>
    <message>
        <location filename="../impact_view.py" line="156"/>
        <source>Veil — Impact report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="160"/>
        <source>Computing the impact report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="164"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="189"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="190"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="191"/>
        <source>Shortlisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="192"/>
        <source>Selection rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="193"/>
        <source>Impact ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="194"/>
        <source>p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="195"/>
        <source>Scoring rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="196"/>
        <source>Scoring ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="197"/>
        <source>p (scoring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="207"/>
        <source>Impact ratios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="214"/>
        <source>Job %1: %2 people, median score %3, %4 of unknown category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="238"/>
        <source> (under 2%: no ratio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="263"/>
        <source>%1 = %2: only %3 people; the ratios are unstable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="265"/>
        <source>%1 = %2: under 2% of the data (%3 people), left out of the ratios.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="267"/>
        <source>%1 = %2: %4 impact ratio %5 is under 0.80.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="268"/>
        <source>%1 = %2: the %4 difference is significant (p = %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="269"/>
        <source>Nobody is shortlisted yet: selection rates have no ratio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="270"/>
        <source>The job has no scores yet: rank it for scoring rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="272"/>
        <source>No self-identification has been imported (veil selfid import --csv FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="275"/>
        <source>selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../impact_view.py" line="275"/>
        <source>scoring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../import_panel.py" line="59"/>
        <source>Drop resumes here: files (PDF, Word, text, images), folders or ZIP archives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="66"/>
        <source>Choose files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="68"/>
        <source>Choose a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="78"/>
        <source>%v of %m files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="79"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="89"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="89"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="96"/>
        <source>Import results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="134"/>
        <source>Choose resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="135"/>
        <source>Resumes (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="136"/>
        <source>Choose a folder of resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="164"/>
        <source>Reading and anonymizing… the first file also loads the models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="192"/>
        <source>Stopping after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="227"/>
        <source>Imported and anonymized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="229"/>
        <source>Duplicate: this file is already in the workspace (added to this job)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="230"/>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="230"/>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="234"/>
        <source>%1 imported, %2 duplicates, %3 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="242"/>
        <source>No files found in what you chose (empty folders?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="244"/>
        <source>Done: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="251"/>
        <source>Cancelled. Files finished before the stop are kept: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../import_panel.py" line="258"/>
        <source>The import stopped: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobAdPanel</name>
    <message>
        <location filename="../jobad_panel.py" line="78"/>
        <source>Jurisdiction:</source>
        <extracomment>severity -&gt; the theme&apos;s status colour (readable in the light and the dark scheme)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="80"/>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="81"/>
        <source>Any (no pay rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="89"/>
        <source>Type or paste a posting to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="93"/>
        <source>Findings in the posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="104"/>
        <source>Apply rewrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="156"/>
        <source>%1 errors, %2 warnings, %3 advice · %4 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="177"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="177"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="178"/>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="221"/>
        <source>(remove)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="222"/>
        <source>Rewrite: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="224"/>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="271"/>
        <source>Pool: %1 ranked candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobad_panel.py" line="277"/>
        <source>• %1: met by %2% (%3 of %4); meeting every must-have %5 → %6 if nice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobEditor</name>
    <message>
        <location filename="../job_editor.py" line="38"/>
        <source>e.g. Senior Data Engineer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="39"/>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="40"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="42"/>
        <source>Paste the job posting here. Veil suggests requirements from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="44"/>
        <source>Job posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="45"/>
        <source>Requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="47"/>
        <source>Each requirement is matched against every resume. Must-haves count most; the weight says how much a requirement matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="50"/>
        <source>Suggest from posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="63"/>
        <location filename="../job_editor.py" line="112"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="65"/>
        <source>Save and re-score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="90"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="101"/>
        <source>Create job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="104"/>
        <source>New job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="131"/>
        <source>Paste the posting first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../job_editor.py" line="135"/>
        <source>%n requirement(s) suggested. Review them.</source>
        <translation>
            <numerusform>%n requirement suggested. Review it.</numerusform>
            <numerusform>%n requirements suggested. Review them.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="142"/>
        <source>Give the job a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../job_editor.py" line="166"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../jobs_panel.py" line="30"/>
        <location filename="../jobs_panel.py" line="36"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobs_panel.py" line="39"/>
        <source>No jobs yet. Create one to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobs_panel.py" line="42"/>
        <source>New job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../jobs_panel.py" line="43"/>
        <source>Create a job (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs_panel.py" line="56"/>
        <source>%n requirement(s)</source>
        <translation>
            <numerusform>%n requirement</numerusform>
            <numerusform>%n requirements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="108"/>
        <source>&amp;New job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="111"/>
        <source>&amp;Import resumes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116"/>
        <source>&amp;Rank candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="119"/>
        <source>&amp;Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>&amp;Impact report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>&amp;About Veil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="124"/>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="134"/>
        <source>&amp;People: skills, gaps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151"/>
        <source>Veil — Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177"/>
        <source>That passphrase did not open this workspace. Nothing was changed; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>Veil — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194"/>
        <source>Unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>Locked after a period without activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>Locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>Creating the encrypted workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>Open a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>Veil workspace (*.veil);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="266"/>
        <location filename="../main_window.py" line="272"/>
        <source>Models ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="268"/>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280"/>
        <source>Models not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="324"/>
        <source>About Veil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326"/>
        <source>Veil %1 — private, offline resume screening. Resumes are anonymized before anyone reads them; scores advise, people decide. Nothing leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleImportDialog</name>
    <message>
        <location filename="../people_import.py" line="72"/>
        <source>Veil — Import documents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_import.py" line="77"/>
        <source>Documents are anonymized before anyone reads them and kept apart from candidates. Folder names are kept, encrypted, only to find a person again: the heatmap shows numbers, not names.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleImportPanel</name>
    <message>
        <location filename="../people_import.py" line="35"/>
        <source>Drop employees&apos; documents here (reviews, self-assessments, CVs): files, folders or ZIP archives. Each folder is one person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_import.py" line="42"/>
        <source>Choose documents (the files of one folder are one person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_import.py" line="43"/>
        <source>Documents (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_import.py" line="44"/>
        <source>Choose a folder: each folder in it is one person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_import.py" line="63"/>
        <source>Duplicate: this document is already stored for a person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../people_view.py" line="129"/>
        <source>Veil — People: skills and gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="132"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="133"/>
        <source>Show gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="135"/>
        <source>New role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="137"/>
        <source>Edit role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="139"/>
        <source>Import documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="142"/>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="153"/>
        <source>Skill-gap matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="160"/>
        <source>Right-click a person to export or erase their data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="163"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="180"/>
        <source>Advice for a person who decides: Veil does not rate anyone. ▽: no clear evidence found (read the documents before acting on it); ✔: checked by a reviewer, whose word the matrix follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="224"/>
        <source>No roles yet: add one with “New role…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="281"/>
        <source>Reading the documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="305"/>
        <source>Team figures hidden: this group has %1 people, fewer than %2, so they would reveal individuals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="317"/>
        <source>Team (%1 people), share with a gap: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="326"/>
        <source>No evidence found for this competency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="337"/>
        <source>gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_view.py" line="337"/>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../ranking_model.py" line="41"/>
        <source>Not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="42"/>
        <source>Shortlisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="43"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="44"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="50"/>
        <source>Candidate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="152"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="153"/>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="154"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="155"/>
        <source>Must-haves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="156"/>
        <source>Top evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="157"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="158"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="198"/>
        <source>Must-have requirements met: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_model.py" line="211"/>
        <source>Score %1 of 100</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../ranking_view.py" line="63"/>
        <source>Filter by candidate number or evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="65"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="67"/>
        <source>Decision filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="69"/>
        <source>All decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="70"/>
        <source>Not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="71"/>
        <source>Shortlisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="72"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="73"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="76"/>
        <source>All must-haves met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="77"/>
        <source>Rank candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="78"/>
        <source>Score every candidate of this job again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="88"/>
        <source>Scoring %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="89"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="113"/>
        <source>Ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="179"/>
        <source>Choose or create a job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ranking_view.py" line="181"/>
        <source>No candidates yet. Import resumes in the Import tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ranking_view.py" line="183"/>
        <source>%n candidate(s) not scored yet: press Rank candidates.</source>
        <translation>
            <numerusform>%n candidate not scored yet: press Rank candidates.</numerusform>
            <numerusform>%n candidates not scored yet: press Rank candidates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactedTextView</name>
    <message>
        <location filename="../redacted_text_view.py" line="32"/>
        <source>Hidden by redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../redacted_text_view.py" line="45"/>
        <source>Redacted resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequirementsEditor</name>
    <message>
        <location filename="../requirements_editor.py" line="77"/>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="77"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="77"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="87"/>
        <source>Requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="93"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="94"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="95"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="96"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="157"/>
        <source>Must-have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../requirements_editor.py" line="157"/>
        <source>Nice to have</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../reveal_dialog.py" line="32"/>
        <source>Veil — Reveal identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="34"/>
        <source>Reveal the identity of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="39"/>
        <source>This shows the original resume with the name and contact details. It is recorded in the audit log with your name and the time. Reveal only when you need to contact the candidate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="47"/>
        <source>Reveal and log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="62"/>
        <source>Veil — %1, original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="65"/>
        <source>This view was recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="69"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="70"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="80"/>
        <source>Save original…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="87"/>
        <source>Save the original file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reveal_dialog.py" line="97"/>
        <source>The file could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleEditor</name>
    <message>
        <location filename="../role_editor.py" line="48"/>
        <source>e.g. Data Analyst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="49"/>
        <source>Role title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="50"/>
        <location filename="../role_editor.py" line="56"/>
        <source>Role profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="52"/>
        <source>Paste the role&apos;s competency framework here, English or Chinese: lines under “Requirements” are must-haves, under “Nice to have” nice-to-haves (任职要求 / 加分项 likewise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="57"/>
        <location filename="../role_editor.py" line="64"/>
        <source>Competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="59"/>
        <source>Each competency is matched against every person&apos;s documents. Must-haves count most; the weight says how much a competency matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="62"/>
        <source>Read from the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="63"/>
        <source>Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="97"/>
        <source>Veil — Edit role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="97"/>
        <source>Veil — New role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="98"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="98"/>
        <source>Create role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="116"/>
        <source>Veil — Unsaved role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="117"/>
        <source>This role has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="131"/>
        <location filename="../role_editor.py" line="154"/>
        <source>Paste the role profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../role_editor.py" line="136"/>
        <source>%n competency(ies) read. Review them.</source>
        <translation>
            <numerusform>%n competency read. Review it.</numerusform>
            <numerusform>%n competencies read. Review them.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="151"/>
        <source>Give the role a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../role_editor.py" line="164"/>
        <source>No competencies: add at least one, or write the profile with lines under “Requirements”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../score_chart.py" line="23"/>
        <location filename="../score_chart.py" line="57"/>
        <source>Score distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../score_chart.py" line="34"/>
        <source>%n candidate(s) scored</source>
        <translation>
            <numerusform>%n candidate scored</numerusform>
            <numerusform>%n candidates scored</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../score_chart.py" line="36"/>
        <source>No scores yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="34"/>
        <source>Veil — Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="40"/>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="44"/>
        <source>Compute device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="48"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="49"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51"/>
        <source>Lock after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="54"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="64"/>
        <source>Data location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="66"/>
        <source>Not loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69"/>
        <source>unnamed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73"/>
        <source>Test scorer (no encoder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="78"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="79"/>
        <source>Model SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="80"/>
        <source>Running on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="84"/>
        <source>A new device or language applies the next time Veil starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <location filename="../passphrase_strength.py" line="87"/>
        <source>Too short (at least 8 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="88"/>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="89"/>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="90"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../passphrase_strength.py" line="91"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../passphrase_strength.py" line="107"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextWithRequirements</name>
    <message>
        <location filename="../requirements_editor.py" line="285"/>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <location filename="../unlock_view.py" line="41"/>
        <source>Veil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="58"/>
        <location filename="../unlock_view.py" line="59"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="65"/>
        <source>Unlock message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="76"/>
        <source>Create a workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="78"/>
        <source>Open another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="80"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="97"/>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="99"/>
        <source>This workspace is locked. Type its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="102"/>
        <source>No workspace yet. Create one to start, or open an existing file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../unlock_view.py" line="125"/>
        <source>Type the passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <location filename="../workspace_view.py" line="48"/>
        <source>Ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="49"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="50"/>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="94"/>
        <source>Veil — Unsaved job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../workspace_view.py" line="95"/>
        <source>The job you were editing has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
