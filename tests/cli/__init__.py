"""Tests of the command line (factcheck/cli/)."""
