"""The scripts depositors run, shipped as they are: standard library only, never importing the project."""
