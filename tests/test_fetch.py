"""`egov-repro data fetch`: the UN exports downloaded again and checked against the
SHA-256 recorded in datapackage.json, from mirrors served on 127.0.0.1 (no network)."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

from egov_repro.cli import main
from egov_repro.data import fetch
from egov_repro.data.datasets import sha256, validate_package

from conftest import ROOT

RAW = ROOT / "data" / "raw" / "un-egov-survey"


@pytest.fixture
def serve():
    """serve(folder) -> the base address of an HTTP server on 127.0.0.1 for that folder."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/exports"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def mirror(tmp_path: Path, name: str) -> Path:
    """A mirror holding the committed exports under the UN's file names."""
    folder = tmp_path / name / "exports"
    shutil.copytree(RAW, folder)
    return folder


def test_a_good_mirror_restores_deleted_exports_byte_for_byte(tmp_path, data_copy, serve, capsys):
    base = serve(mirror(tmp_path, "good").parent)
    raw = data_copy / "raw" / "un-egov-survey"
    for year in (2003, 2022, 2024):
        (raw / f"EGOV_DATA_{year}.csv").unlink()
    with pytest.raises(Exception, match="the UN export is missing"):
        validate_package(data_copy)

    code = main(["data", "fetch", "--from", base, "--data-dir", str(data_copy)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "2022: EGOV_DATA_2022.csv downloaded" in out
    assert "2020: EGOV_DATA_2020.csv already present, SHA-256 checked" in out
    # what git has committed, byte for byte: `git status` stays clean
    for path in RAW.glob("*.csv"):
        assert (raw / path.name).read_bytes() == path.read_bytes(), path.name
    assert sorted(p.name for p in raw.iterdir()) == sorted(p.name for p in RAW.iterdir())
    summary = validate_package(data_copy)
    assert summary["editions"][0] == 2003 and summary["countries"] == 193


def test_a_tampered_file_is_refused_in_one_line_and_nothing_is_written(
    tmp_path, data_copy, serve, capsys
):
    folder = mirror(tmp_path, "tampered")
    tampered = folder / "EGOV_DATA_2022.csv"
    tampered.write_bytes(tampered.read_bytes().replace(b"0.71600", b"0.71601"))
    base = serve(folder.parent)
    raw = data_copy / "raw" / "un-egov-survey"
    for year in (2020, 2022):
        (raw / f"EGOV_DATA_{year}.csv").unlink()
    before = sorted(p.name for p in raw.iterdir())

    code = main(["data", "fetch", "--from", base, "--data-dir", str(data_copy)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1, err
    expected = json.loads((data_copy / "datapackage.json").read_text())["sources"]
    recorded = next(s["sha256"] for s in expected if s["edition"] == 2022)
    assert "EGOV_DATA_2022.csv" in err
    assert recorded in err and sha256(tampered) in err
    # neither the refused file nor the good 2020 download, nor any temporary file
    assert sorted(p.name for p in raw.iterdir()) == before


def test_a_changed_local_copy_is_replaced_by_the_recorded_bytes(tmp_path, data_copy, serve):
    base = serve(mirror(tmp_path, "good").parent)
    local = data_copy / "raw" / "un-egov-survey" / "EGOV_DATA_2016.csv"
    local.write_bytes(local.read_bytes().replace(b"0.44784", b"0.44785"))
    result = fetch.fetch(data_copy, [2016], base)
    assert result == [(2016, local, "replaced")]
    assert local.read_bytes() == (RAW / "EGOV_DATA_2016.csv").read_bytes()


def test_year_downloads_one_edition_from_its_recorded_mirror_address(data_copy):
    """Without --from, each edition comes from the mirror recorded with it, at a fixed
    commit (the download itself is not made here: the tests stay offline)."""
    descriptor = json.loads((data_copy / "datapackage.json").read_text())
    entry = next(s for s in descriptor["sources"] if s["edition"] == 2024)
    url = fetch.source_url(entry, None)
    assert url.startswith("https://raw.githubusercontent.com/LazaroDamasceno/")
    assert entry["mirror"]["commit"] in url and url.endswith("/EGOV_DATA_2024.csv")
    assert (
        fetch.source_url(entry, "http://127.0.0.1:9/x/")
        == "http://127.0.0.1:9/x/EGOV_DATA_2024.csv"
    )


def test_an_unknown_edition_or_a_missing_file_is_one_clear_error(
    tmp_path, data_copy, serve, capsys
):
    code = main(["data", "fetch", "--year", "1999", "--data-dir", str(data_copy)])
    assert code == 1
    assert "no UN export recorded for edition 1999; expected one of 2003" in capsys.readouterr().err
    empty = tmp_path / "empty" / "exports"
    empty.mkdir(parents=True)
    (data_copy / "raw" / "un-egov-survey" / "EGOV_DATA_2010.csv").unlink()
    code = main(
        [
            "data",
            "fetch",
            "--year",
            "2010",
            "--from",
            serve(empty.parent),
            "--data-dir",
            str(data_copy),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "EGOV_DATA_2010.csv: the download failed (HTTP 404" in err
    assert err.count("\n") == 1


# The twelve editions this package was published with, each copied from a public mirror.
SHIPPED_EDITIONS = [2003, 2004, 2005, *range(2008, 2025, 2)]


def test_every_source_records_its_mirror_commit_blob_and_the_uns_address():
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text())
    editions = [s for s in descriptor["sources"] if "edition" in s]
    assert [e["edition"] for e in editions][: len(SHIPPED_EDITIONS)] == SHIPPED_EDITIONS
    for entry in editions:
        assert entry["path"] == "https://publicadministration.un.org/egovkb/en-us/Data-Center"
        if entry["edition"] not in SHIPPED_EDITIONS:
            # added later with `data add` from a file saved from the UN's site: its hash
            # is recorded, and no mirror is claimed (`data fetch` then needs --from)
            assert "mirror" not in entry and len(entry["sha256"]) == 64
            continue
        mirror = entry["mirror"]
        assert len(mirror["commit"]) == 40 and mirror["url"].endswith(Path(entry["file"]).name)
        # the blob id git gives our copy is the mirror's: the bytes are the mirror's
        data = (ROOT / "data" / entry["file"]).read_bytes()
        blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        assert blob == mirror["gitBlob"], entry["file"]
        assert entry["crossChecks"]
