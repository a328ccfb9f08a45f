"""The stemcpd command line: help text, finding the course, serving a built site."""

import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from stemcpd import cli

REPO = Path(__file__).resolve().parents[2]


def test_help_explains_every_command():
    result = subprocess.run([sys.executable, "-m", "stemcpd", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("build", "serve", "lab"):
        assert command in result.stdout
    assert "CPD" in result.stdout
    for command in ("build", "serve", "lab"):
        sub = subprocess.run([sys.executable, "-m", "stemcpd", command, "--help"], capture_output=True, text=True)
        assert sub.returncode == 0 and "usage: stemcpd" in sub.stdout


def test_project_root_is_found_from_a_subfolder():
    assert cli.find_project_root(REPO / "workbooks") == REPO


def test_outside_a_course_the_error_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build"]) == 2
    message = capsys.readouterr().err
    assert "no stemcpd course found" in message and "--root" in message


def test_serve_without_a_built_site_says_build_first(tmp_path):
    with pytest.raises(cli.CliError, match="stemcpd build"):
        cli.make_server(tmp_path)


def test_server_serves_the_site_on_localhost(tmp_path):
    (tmp_path / "index.html").write_text("<h1>stemcpd course</h1>", encoding="utf-8")
    server = cli.make_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        with urllib.request.urlopen(f"http://{host}:{port}/", timeout=10) as response:
            assert "stemcpd course" in response.read().decode()
    finally:
        server.shutdown()
        server.server_close()


def test_port_in_use_gives_a_clear_error(tmp_path):
    (tmp_path / "index.html").write_text("x", encoding="utf-8")
    first = cli.make_server(tmp_path, port=0)
    try:
        with pytest.raises(cli.CliError, match="try --port"):
            cli.make_server(tmp_path, port=first.server_address[1])
    finally:
        first.server_close()


def test_lab_starts_jupyterlab_on_the_workbooks(monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(cli, "run_until_stopped", lambda command, cwd, env: calls.append((command, cwd)) or 0)
    monkeypatch.chdir(REPO)
    assert cli.main(["lab", "--no-browser", "--port", "8899"]) == 0
    (command, cwd), = calls
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={REPO / 'workbooks'}" in command
    assert "--no-browser" in command and "--port=8899" in command
    assert ("--allow-root" in command) == (cli.os.geteuid() == 0)
    assert cwd == REPO / "workbooks"
    assert "Starting JupyterLab" in capsys.readouterr().out


def test_build_reports_where_the_site_is(monkeypatch, capsys, tmp_path):
    index = tmp_path / "_build" / "html" / "index.html"
    monkeypatch.setattr(cli, "build_site", lambda root, **options: index)
    monkeypatch.chdir(REPO)
    assert cli.main(["build"]) == 0
    out = capsys.readouterr().out
    assert str(index) in out and "stemcpd serve" in out


def test_app_list_names_every_simulation_with_its_summary(capsys):
    from stemcpd import simulations

    assert cli.main(["app", "--list"]) == 0
    out = capsys.readouterr().out
    for name, simulation in simulations.available().items():
        assert name in out and simulation.summary in out


def test_app_with_unknown_name_points_to_the_list(capsys):
    assert cli.main(["app", "perpetual-motion"]) == 2
    assert "stemcpd app --list" in capsys.readouterr().err


def test_classroom_notebook_is_one_code_cell_calling_the_package(tmp_path):
    import nbformat

    from stemcpd.classroom import write_classroom_notebook

    path = write_classroom_notebook("pendulum", tmp_path)
    notebook = nbformat.read(path, as_version=4)
    assert all(cell.cell_type == "code" for cell in notebook.cells)
    assert "classroom_app('pendulum')" in notebook.cells[-1].source
    with pytest.raises(ValueError, match="no simulation called"):
        write_classroom_notebook("nosuch", tmp_path)


def test_stopping_the_app_command_stops_its_voila_server(tmp_path):
    """SIGTERM to `stemcpd app` must not leave Voilà running (nor its temporary folder)."""
    import os
    import signal
    import time

    from servers import free_port, wait_for_http

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "stemcpd", "app", "pendulum", "--no-browser", f"--port={port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "STEMCPD_HOME": str(tmp_path)})
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", process)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            except OSError:
                break
            time.sleep(0.5)
        else:
            raise AssertionError("Voilà still answers after `stemcpd app` was stopped")
    finally:
        if process.poll() is None:
            process.kill()
