"""Tests of reading articles (factcheck/read/)."""
