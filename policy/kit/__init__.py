"""The deposition kit: what to prepare for each step, drafts to fill, accessions back in, the data availability
statement and the machine-actionable plan. Pure functions of (answers, plan): no request, no ORM."""
