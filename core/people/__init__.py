"""People: the requirement-evidence engine pointed at employees (issue 21).

Role profiles (competency frameworks), employees' documents, the skill-gap matrix, training
plans from the company's own course catalogue and questions for calibration meetings. Advisory
only: Veil shows evidence, a person decides; nothing here rates anyone.
"""
