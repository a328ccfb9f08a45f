"""The ``stemcpd`` command: build and serve the CPD site, open the workbooks.

    stemcpd build   build the Jupyter Book site into _build/html
    stemcpd serve   serve the built site on localhost and print its address
    stemcpd lab     open the workbooks in JupyterLab
    stemcpd app     show one simulation full-screen for a class (Voilà), or write it as one offline HTML file (--html)
    stemcpd record  export your CPD record (printable HTML, PDF, or JSON for a trainer),
                    or import one (from the course site or another computer)
    stemcpd report  for trainers: a group report from participants' records
    stemcpd slides  for trainers: reveal.js slides of a workbook with trainer notes
    stemcpd quiz    check question banks; print a retrieval starter for a class
    stemcpd worksheet  a print-ready worksheet from a virtual practical
    stemcpd technician  a printable technician sheet for a GCSE required practical
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
from pathlib import Path
import shutil
import subprocess
import sys
import tempfile
import threading
import webbrowser


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""


def find_project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding the book's ``_config.yml`` and
    ``_toc.yml`` (the root of a stemcpd checkout)."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "_config.yml").is_file() and (folder / "_toc.yml").is_file():
            return folder
    raise CliError(
        f"no stemcpd course found at or above {start}: run this inside a stemcpd checkout "
        "(the folder with _config.yml and _toc.yml), or pass --root."
    )


def _root(args) -> Path:
    if args.root:
        root = Path(args.root).resolve()
        if not (root / "_config.yml").is_file():
            raise CliError(f"{root} has no _config.yml: not a stemcpd course folder")
        return root
    return find_project_root()


def build_site(
    root: Path,
    *,
    all_pages: bool = False,
    output: Path | None = None,
    quiet: bool = False,
    strict: bool = False,
    launch_url: str | None = None,
    toc: Path | None = None,
) -> Path:
    """Run ``jupyter-book build`` on the course and return the built ``index.html``.

    Notebooks are executed with the execution cache, so an unchanged rebuild is fast.
    ``strict`` turns Sphinx warnings (a broken link, a failing cell) into a failed build.
    ``launch_url`` (a JupyterHub's address or a template with ``{path}``) adds an "Open
    live" link to every notebook page, overriding ``stemcpd_launch_url`` in _config.yml;
    ``None`` keeps the _config.yml value. ``toc`` builds only the pages of another
    table of contents (a quick partial build).

    Raises:
        CliError: if the build fails (jupyter-book's own output says why).
    """
    # jupyter_book has no ``__main__``; call its click entry point in this interpreter.
    command = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()", "build", str(root)]
    if output is not None:
        command += ["--path-output", str(output)]
    if toc is not None:
        command += ["--toc", str(toc)]
    if all_pages:
        command.append("--all")
    if strict:
        command += ["-W", "--keep-going"]
    environment = dict(os.environ)
    # Read by stemcpd.site.theme (jupyter-book has no option to set one Sphinx value).
    environment.pop("STEMCPD_LAUNCH_URL", None)
    if launch_url is not None:
        from stemcpd.site.theme import check_launch_url

        try:
            environment["STEMCPD_LAUNCH_URL"] = check_launch_url(launch_url)
        except Exception as error:  # sphinx's ConfigError: say it before a long build
            raise CliError(str(error)) from None
    if not quiet:
        print("Building the CPD site (workbooks are executed; unchanged ones come from the cache)…", flush=True)
    result = subprocess.run(command, cwd=root, capture_output=quiet, text=True, env=environment)
    if result.returncode != 0:
        detail = (result.stdout or "")[-3000:] + (result.stderr or "")[-3000:] if quiet else ""
        raise CliError(f"the site build failed (jupyter-book exit code {result.returncode}).\n{detail}")
    index = (output or root) / "_build" / "html" / "index.html"
    if not index.is_file():
        raise CliError(f"the build finished but {index} is missing")
    return index


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


def make_server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    """An HTTP server for the built site (port 0 picks a free port)."""
    if not (site / "index.html").is_file():
        raise CliError(f"no built site in {site}: run `stemcpd build` first")
    handler = functools.partial(_QuietHandler, directory=str(site))
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise CliError(f"cannot serve on {host}:{port} ({error.strerror}); try --port with another number") from None


def cmd_build(args) -> int:
    root = _root(args)
    index = build_site(root, all_pages=args.all, strict=args.strict, launch_url=args.launch_url)
    print(f"\nThe CPD site is built: {index}")
    if args.launch_url:
        print(f"Notebook pages link to live copies on {args.launch_url}")
    print("Serve it with:  stemcpd serve --open")
    return 0


def cmd_serve(args) -> int:
    root = _root(args)
    site = root / "_build" / "html"
    if args.build or not (site / "index.html").is_file():
        build_site(root)
    server = make_server(site, args.host, args.port)
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}/"
    print(f"Serving the CPD site at {url}  (Ctrl+C to stop)", flush=True)
    if args.open:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        server.server_close()
    return 0


def cmd_lab(args) -> int:
    root = _root(args)
    workbooks = root / "workbooks"
    if not workbooks.is_dir():
        raise CliError(f"no workbooks folder in {root}")
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={workbooks}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    if args.no_browser:
        command.append("--no-browser")
    if args.port:
        command.append(f"--port={args.port}")
    print(f"Starting JupyterLab on {workbooks} …", flush=True)
    return run_until_stopped(command, cwd=workbooks, env=dict(os.environ))


def run_until_stopped(command, cwd: Path, env: dict, cleanup: Path | None = None) -> int:
    """Run a server until it exits, Ctrl+C, or SIGTERM; never leave it running behind us.

    SIGTERM (as a test or a process manager sends) and Ctrl+C both stop the child server
    before this process exits, and the temporary folder ``cleanup`` is removed.
    """
    import signal

    process = subprocess.Popen(command, cwd=cwd, env=env)
    previous = signal.getsignal(signal.SIGTERM)

    def _terminate(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _terminate)
    try:
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if cleanup is not None:
            shutil.rmtree(cleanup, ignore_errors=True)


def cmd_app(args) -> int:
    from stemcpd import simulations

    available = simulations.available()
    if args.list or not args.name:
        width = max(len(name) for name in available)
        print("Simulations (run one with: stemcpd app NAME)\n")
        for name, simulation in available.items():
            print(f"  {name:<{width}}  {simulation.subject:<9}  {simulation.summary}")
        return 0
    if args.name not in available:
        raise CliError(f"no simulation called {args.name!r}; `stemcpd app --list` shows them all")
    if args.html:
        from stemcpd.classroom import write_offline_player

        target = Path(args.html)
        if target.is_dir():
            raise CliError(f"{target} is a folder: give a file name, e.g. {target / (args.name + '.html')}")
        print(f"Computing every setting of '{args.name}' (this takes a little while)…", flush=True)
        size = write_offline_player(args.name, target)
        print(f"Wrote {target} ({size / 1e6:.1f} MB): one self-contained page that works offline "
              "(open it in a web browser, e-mail it or put it on a network drive).")
        return 0
    from stemcpd.classroom import voila_command, write_classroom_notebook

    folder = Path(tempfile.mkdtemp(prefix="stemcpd-app-"))
    notebook = write_classroom_notebook(args.name, folder)
    command, environment = voila_command(notebook, args.port, folder, open_browser=not args.no_browser)
    print(f"Classroom app '{args.name}' at http://127.0.0.1:{args.port}/  (Ctrl+C to stop)", flush=True)
    return run_until_stopped(command, cwd=folder, env=environment, cleanup=folder)


def cmd_record_export(args) -> int:
    import json

    from stemcpd.cpd import ProgressStore
    from stemcpd.cpd import record

    store = ProgressStore(args.store) if args.store else ProgressStore()
    if not store.exists:
        print(f"No CPD record yet at {store.path}: answer a quiz or save an action plan in a workbook first.")
    try:
        root = find_project_root()
    except CliError:
        root = None
    if args.json:
        output = Path(args.output or "cpd-record.json")
        output.write_text(json.dumps(record.to_json(store, args.name or "me"), indent=2, ensure_ascii=False),
                          encoding="utf-8")
        print(f"Your CPD record (for a trainer's group report) is in {output.resolve()}")
        return 0
    output = Path(args.output or "cpd-record.html")
    output.write_text(record.to_html(record.summarise(store, root), teacher=args.name or ""), encoding="utf-8")
    print(f"Your CPD record is in {output.resolve()} — open it in a browser and print it, or keep it as evidence.")
    if args.pdf:
        try:
            pdf = record.to_pdf(output, output.with_suffix(".pdf"))
        except RuntimeError as error:
            raise CliError(str(error)) from None
        print(f"PDF: {pdf.resolve()}")
    return 0


def cmd_record_import(args) -> int:
    from stemcpd.cpd import ProgressStore
    from stemcpd.cpd.record_file import RecordFileError, load_record_file

    store = ProgressStore(args.store) if args.store else ProgressStore()
    try:
        data = load_record_file(args.file)
    except RecordFileError as error:
        raise CliError(f"cannot import {error.source}: it {error.problem}. Nothing was changed.") from None
    try:
        result = store.import_record(data["attempts"], data["entries"])
    except (ValueError, TypeError) as error:
        raise CliError(f"cannot import {args.file}: {error}. Nothing was changed.") from None
    except Exception as error:  # noqa: BLE001 - a full disk or locked file must say where
        raise CliError(f"cannot write to your CPD record at {store.path} ({type(error).__name__}: {error}). "
                       "Nothing was changed.") from None
    finally:
        store.close()
    already = result.attempts_already_present + result.entries_already_present

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    print(f"Imported {args.file} into {store.path}: "
          f"{count(result.attempts_added, 'quiz answer', 'quiz answers')} and "
          f"{count(result.entries_added, 'action-plan, reflection or impact entry', 'action-plan, reflection and impact entries')} added"
          + (f"; {count(already, 'item was', 'items were')} already in your record and skipped." if already else "."))
    return 0


def cmd_impact(function, *arguments) -> int:
    """Run a follow-up, department or programme command (stemcpd.cpd.commands)."""
    from stemcpd.cpd.commands import CommandError

    try:
        return function(*arguments)
    except CommandError as error:
        raise CliError(str(error)) from None


def cmd_report(args) -> int:
    from stemcpd.cpd import commands, report

    if args.programme:
        return cmd_impact(commands.report_programme, args.programme, args.output, args.title, args.processes,
                          args.print_sql)
    if args.print_sql:
        raise CliError("--print-sql goes with --programme")
    if not args.files:
        raise CliError("give participants' JSON records (or --programme MANIFEST.csv)")
    if args.department:
        return cmd_impact(commands.report_department, args.files, args.output, args.title, args.pseudonymise,
                          args.today)

    loaded = report.load_records(args.files, pseudonymise=args.pseudonymise)
    for path, reason in loaded.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if not loaded.participants:
        raise CliError("no usable participant records among the files given")
    output = Path(args.output)
    page = report.to_html(report.aggregate(loaded), title=args.title, hide_file_names=args.pseudonymise)
    output.write_text(page, encoding="utf-8")
    print(f"Group report for {len(loaded.participants)} participants: {output.resolve()}")
    return 0


def cmd_workshop(args) -> int:
    from stemcpd.workshop import write_dashboard_notebook

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"-o {folder} is a file; give a folder for the dashboard page")
    folder.mkdir(parents=True, exist_ok=True)
    path = write_dashboard_notebook(folder)
    print(f"Open with Voila (on the hub: /user/<you>/voila/render/{path.name}): {path.resolve()}")
    return 0


def _hinge_count(text: str) -> int:
    """``--hinges``: a whole number from 1 to 50."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 50, got {text!r}") from None
    if not 1 <= count <= 50:
        raise argparse.ArgumentTypeError(f"must be from 1 to 50, got {count}")
    return count


def cmd_slides(args) -> int:
    from stemcpd.slides import build_slides

    root = _root(args)
    workbooks = sorted((root / "workbooks").glob("*.ipynb"))
    names = [path.stem for path in workbooks]
    chosen = workbooks if args.all else [path for path in workbooks if path.stem == args.module]
    if not chosen:
        raise CliError(f"no workbook called {args.module!r}; choose from {', '.join(names)} (or --all)")
    if args.pack:
        from stemcpd.deck.pack import write_pack

        if args.all or len(chosen) != 1:
            raise CliError("--pack makes one module's pack: name the module, not --all")
        folder = Path(args.pack)
        if folder.exists() and not folder.is_dir():
            raise CliError(f"--pack {folder} is a file; give a folder")
        print(f"Building the trainer's pack for {chosen[0].stem} (running the workbook)…", flush=True)
        items = write_pack(chosen[0], folder)
        for item in items:
            print(f"  {folder / item.path}  {item.title}")
        print(f"Open {folder / 'index.html'} (works offline); start with the session plan.")
        return 0
    output = Path(args.output or root / "_build" / "slides")
    if output.exists() and not output.is_dir():
        raise CliError(f"-o {output} is a file; give a folder for the slides")
    for workbook in chosen:
        print(f"Building slides for {workbook.stem} (running the workbook)…", flush=True)
        path = build_slides(workbook, output, live=args.live, hinge_limit=args.hinges)
        print(f"  {path}")
    print("Open the .slides.html file in a browser; press S for the speaker view with trainer notes, F for full screen.")
    return 0


def cmd_worksheet(args) -> int:
    from stemcpd.printables import practical_worksheet, practicals_available

    if args.list or not args.name:
        print("Virtual practicals with worksheets:", ", ".join(practicals_available()))
        return 0
    try:
        page = practical_worksheet(args.name, seed=args.seed)
    except ValueError as error:
        raise CliError(str(error)) from None
    output = Path(args.output or f"{args.name}-worksheet-seed{args.seed}.html")
    output.write_text(page, encoding="utf-8")
    print(f"Worksheet: {output.resolve()} (open it in a browser and print; the last page is for the teacher)")
    return 0


def cmd_technician(args) -> int:
    from stemcpd.practicals import PracticalError
    from stemcpd.practicals.sheet import technician_command

    try:
        print(technician_command(args.practical, args.output, every=args.all))
    except PracticalError as error:
        raise CliError(str(error)) from None
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stemcpd",
        description="stemcpd: self-paced CPD for science teachers. Build and serve the course site, "
        "or open its workbooks.",
    )
    parser.add_argument("--root", help="the course folder (default: found from the current folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser(
        "build", help="build the CPD site (runs every workbook) into _build/html",
        description="Build the Jupyter Book site. Each workbook is executed; results are cached "
        "so a rebuild with nothing changed takes seconds. Prints where the site is.",
    )
    build.add_argument("--all", action="store_true", help="rebuild every page, not only changed ones")
    build.add_argument("--strict", action="store_true", help="fail on any warning (broken link, failing cell)")
    build.add_argument(
        "--launch-url", metavar="URL",
        help="add an 'Open live' link to every notebook page: a JupyterHub's address (opens "
        "URL/hub/user-redirect/lab/tree/<notebook>) or any address with {path} in it (e.g. a Binder "
        "link); overrides stemcpd_launch_url in _config.yml, and --launch-url '' turns the link off",
    )
    build.set_defaults(handler=cmd_build)

    serve = commands.add_parser(
        "serve", help="serve the built site on localhost and print its address",
        description="Serve _build/html on http://127.0.0.1:PORT/ (builds it first if it is missing).",
    )
    serve.add_argument("--port", type=port_number, default=8000, help="port to listen on (default 8000; 0 = any free port)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--open", action="store_true", help="open the site in a web browser")
    serve.add_argument("--build", action="store_true", help="build (or update) the site before serving")
    serve.set_defaults(handler=cmd_serve)

    lab = commands.add_parser(
        "lab", help="open the workbooks in JupyterLab to work through them",
        description="Start JupyterLab in the workbooks folder. Your answers and CPD record are saved "
        "in ~/.stemcpd (or $STEMCPD_HOME).",
    )
    lab.add_argument("--port", type=port_number, default=0, help="port for JupyterLab (default: its own choice)")
    lab.add_argument("--no-browser", action="store_true", help="start the server without opening a browser")
    lab.set_defaults(handler=cmd_lab)

    app = commands.add_parser(
        "app", help="show one simulation full-screen for a class (Voilà, no code)",
        description="Serve a simulation as a classroom app with Voilà on localhost: large type, "
        "keyboard controls, a high-contrast option, and no code on screen.",
    )
    app.add_argument("name", nargs="?", help="the simulation, e.g. pendulum (see --list)")
    app.add_argument("--list", action="store_true", help="list every simulation with a one-line description")
    app.add_argument("--port", type=int, default=8866, help="port to serve on (default 8866)")
    app.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    app.add_argument("--html", metavar="FILE",
                     help="instead of serving, write the simulation as one self-contained offline HTML file")
    app.set_defaults(handler=cmd_app)

    record_parser = commands.add_parser(
        "record", help="your CPD record: export it (printable page, PDF or JSON) or import one",
        description="Work with the CPD record kept in ~/.stemcpd/progress.sqlite (or $STEMCPD_HOME).",
    )
    record_commands = record_parser.add_subparsers(dest="record_command", metavar="ACTION", required=True)
    export = record_commands.add_parser(
        "export", help="write your CPD record as a print-ready HTML page (or --json, --pdf)",
        description="Write your CPD record: modules, quiz results, action plans, reflections and impact, "
        "as a page you can print or show as evidence of professional learning.",
    )
    export.add_argument("-o", "--output", help="file to write (default cpd-record.html, or cpd-record.json)")
    export.add_argument("--json", action="store_true", help="write the portable JSON record for a trainer's report")
    export.add_argument("--pdf", action="store_true", help="also print the page to PDF (needs Chromium)")
    export.add_argument("--name", help="your name (or a pseudonym) to put on the record")
    export.add_argument("--store", help="a progress file other than your own (default: your record)")
    export.set_defaults(handler=cmd_record_export)
    record_import = record_commands.add_parser(
        "import", help="add a record exported from the course site or another computer to yours",
        description="Add the quiz answers and Toolkit entries in a JSON record (from the course site's "
        "\"My CPD record\" page or `stemcpd record export --json`) to your CPD record. Anything already in "
        "your record is skipped, so importing the same file twice adds nothing. A file that is not a valid "
        "stemcpd record changes nothing.",
    )
    record_import.add_argument("file", help="the JSON record to import")
    record_import.add_argument("--store", help="a progress file other than your own (default: your record)")
    record_import.set_defaults(handler=cmd_record_import)
    # Follow-up (issue 15): impact records due, and review dates for a calendar.
    from stemcpd.cpd import commands as impact_commands

    due = record_commands.add_parser("due", help="list the impact records that are due (from your action plans' review dates)")
    due.add_argument("--store", help="a progress file other than your own (default: your record)")
    due.add_argument("--today", help="the date to count from, YYYY-MM-DD (default today)")
    due.set_defaults(handler=lambda a: cmd_impact(impact_commands.record_due, a.store, a.today))
    calendar = record_commands.add_parser("calendar", help="write your action plans' review dates as a calendar file (.ics)")
    calendar.add_argument("-o", "--output", default="cpd-reviews.ics", help="file to write (default cpd-reviews.ics)")
    calendar.add_argument("--store", help="a progress file other than your own (default: your record)")
    calendar.set_defaults(handler=lambda a: cmd_impact(impact_commands.record_calendar, a.output, a.store))

    group = commands.add_parser(
        "report", help="for trainers: one report from participants' exported records",
        description="Aggregate participants' records (from `stemcpd record export --json`): facility per "
        "question, misconceptions, confidence against correctness, progress per module and impact. "
        "Malformed or duplicate files are named and skipped.",
    )
    group.add_argument("files", nargs="*", help="participants' JSON records")
    group.add_argument("--department", action="store_true",
                       help="for a head of science: needs, modules done, actions planned and impact, printable")
    group.add_argument("--programme", metavar="MANIFEST",
                       help="programme evaluation: a CSV of file,course,term,region; headline figures per group")
    group.add_argument("--processes", type=int, default=1, help="with --programme: processes reading files")
    group.add_argument("--print-sql", action="store_true", help="with --programme: print the SQL (for a shared database)")
    group.add_argument("--today", help="with --department: the date impact records are due by (default today)")
    group.add_argument("-o", "--output", default="report.html", help="where to write the report (default report.html)")
    group.add_argument("--pseudonymise", action="store_true", help="replace names with Participant 01, 02, …")
    group.add_argument("--title", default="Workshop results", help="the report's title")
    group.set_defaults(handler=cmd_report)

    # Live workshops on a JupyterHub (issue 15): the trainer's Voila dashboard page.
    workshop = commands.add_parser("workshop", help="for trainers on a JupyterHub: write the live dashboard page")
    workshop.add_argument("-o", "--output", default=".", help="folder to write it into (default: here)")
    workshop.set_defaults(handler=cmd_workshop)

    slides = commands.add_parser(
        "slides", help="for trainers: reveal.js slides of a workbook, with trainer notes",
        description="Run a workbook and turn it into reveal.js slides for a workshop: every slide fits a "
        "1280×720 or 1920×1080 screen, the module's diagnostic questions become hinge-question slides, "
        "simulations run live in the slides, and each section has the trainer's note with its timing (press S). "
        "Everything the slides load is copied beside them.",
    )
    slides.add_argument("module", nargs="?", help="the workbook, e.g. physics-pendulum")
    slides.add_argument("--all", action="store_true", help="slides for every workbook")
    slides.add_argument("-o", "--output", help="folder for the slides (default _build/slides)")
    slides.add_argument("--pack", metavar="DIR",
                        help="write the trainer's pack instead: slides, retrieval starter, worksheets, technician "
                        "sheets and a session plan, in one folder that works offline")
    slides.add_argument("--live", action="store_true",
                        help="link each simulation to its classroom app (stemcpd app NAME) instead of embedding it")
    slides.add_argument("--hinges", type=_hinge_count, metavar="N", help="at most N hinge-question slides (default: all)")
    slides.set_defaults(handler=cmd_slides)

    worksheet = commands.add_parser(
        "worksheet", help="a print-ready worksheet from a simulation's virtual practical",
        description="Write a worksheet with a class's (simulated, seeded) results, a graph grid, analysis "
        "questions and a teacher's page naming the systematic error in the data.",
    )
    worksheet.add_argument("name", nargs="?", help="the simulation, e.g. pendulum (see --list)")
    worksheet.add_argument("--list", action="store_true", help="list the simulations with a virtual practical")
    worksheet.add_argument("--seed", type=int, default=0, help="which set of results (default 0)")
    worksheet.add_argument("-o", "--output", help="file to write")
    worksheet.set_defaults(handler=cmd_worksheet)

    technician = commands.add_parser(
        "technician", help="a printable technician sheet for a GCSE required practical",
        description="Write the technician sheet for a required practical (equipment per group and per class, "
        "solution recipes, hazards, disposal, set-up time, common failures) as a print-ready HTML page. "
        "With no practical, list them.",
    )
    technician.add_argument("practical", nargs="?", help="the practical, e.g. chemistry-titration (omit to list them)")
    technician.add_argument("--all", action="store_true", help="every sheet in one file, one per printed page")
    technician.add_argument("-o", "--output", help="file to write (default <practical>-technician-sheet.html)")
    technician.set_defaults(handler=cmd_technician)

    from stemcpd.quiz.cli import add_quiz_commands

    add_quiz_commands(commands)
    return parser


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 0 (any free port) to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def _one_line(error: BaseException, args: argparse.Namespace) -> str | None:
    """The one-line message for a file or record problem, or None if it is not one.

    Paths, folders and CPD record files given on the command line are the user's
    to get wrong; each mistake is a sentence, never a traceback (issue 16, item 7).
    """
    import sqlite3

    from stemcpd.cpd.store import SchemaTooNewError

    store = getattr(args, "store", None)
    record = f"the CPD record {store}" if store else "your CPD record"
    if isinstance(error, SchemaTooNewError):
        return f"{store}: {error}" if store else str(error)
    if isinstance(error, sqlite3.DatabaseError):
        if store and Path(store).is_dir():
            return f"--store {store} is a folder; give the progress file inside it"
        return f"{record} cannot be used ({error}); is it a stemcpd progress file?"
    if isinstance(error, IsADirectoryError):
        return f"{error.filename} is a folder; give a file name (e.g. {Path(error.filename or '.') / 'out.html'})"
    if isinstance(error, FileNotFoundError) and error.filename:
        parent = Path(error.filename).parent
        if not parent.exists():
            return f"cannot write {error.filename}: the folder {parent} does not exist"
        return f"{error.filename}: no such file"
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}"
    return None


def main(argv=None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.handler(args)
    except CliError as error:
        print(f"stemcpd: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        message = _one_line(error, args)
        if message is None:
            raise
        print(f"stemcpd: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
