"""Fairness and compliance: impact audits, counterfactual checks, impact assessments, and the
retention, erasure and access duties around them (issue 19).

Pure computation lives here (no database, no Qt); the use cases that read a workspace are in
``core.services.compliance``. Voluntary self-identification is read only by the audit: nothing in
``core.scoring`` or the ranking, learning and review services ever reads it.
"""
