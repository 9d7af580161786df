"""What to have ready: before the study starts (accounts, people, transfers) and for each step."""
