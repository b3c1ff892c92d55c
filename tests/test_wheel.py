"""An ordinary (non-editable) wheel finds the shipped reference data by itself."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_installed_wheel_finds_reference_data(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = list(wheels.glob("factcheck-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    assert (target / "factcheck" / "reference_data" / "imd_wdcr" / "facts.csv").is_file()
    assert (target / "factcheck" / "reference_data" / "entities.csv").is_file()
    # Package data the other commands need: config defaults, the review screen's styles.
    assert (target / "factcheck" / "defaults.toml").is_file()
    assert (target / "factcheck" / "review" / "app.tcss").is_file()
    article = tmp_path / "a.txt"
    article.write_text("According to the IMD World Digital Competitiveness Ranking 2022, Japan ranked 29th.\n")
    env = dict(os.environ, PYTHONPATH=str(target), FACTCHECK_NO_CACHE="1")
    result = subprocess.run([sys.executable, "-m", "factcheck", str(article), "--format", "json"],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [finding] = report["documents"][0]["findings"]
    assert finding["verdict"] == "supported"
    where = subprocess.run([sys.executable, "-c", "import factcheck.reference.library as l; print(l.shipped_data_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(target)
