"""The site's build settings (stemcpd.site.theme, stemcpd.site.maths): pages for teachers
without code cells, saved widget state, Font Awesome's script or a maths script, and the
"Open live" link that `stemcpd build --launch-url` adds to notebook pages."""

import re
import shutil
from pathlib import Path

import pytest

from stemcpd import cli
from stemcpd.site.maths import tex_to_mathml
from stemcpd.site.theme import check_launch_url, notebook_launch_href

REPO = Path(__file__).resolve().parents[2]


def built_pages(built_site):
    html_dir = built_site[0] / "_build" / "html"
    return {
        str(path.relative_to(html_dir)): path.read_text(encoding="utf-8")
        for path in html_dir.rglob("*.html") if "_static" not in path.parts
    }


# ---- Unit tests: no build needed -----------------------------------------------------

def test_launch_address_for_a_hub_and_for_a_template():
    assert notebook_launch_href("https://hub.example.org/", "workbooks/physics-pendulum.ipynb") == (
        "https://hub.example.org/hub/user-redirect/lab/tree/workbooks/physics-pendulum.ipynb")
    binder = "https://mybinder.org/v2/gh/org/repo/main?urlpath=lab/tree/{path}"
    assert notebook_launch_href(binder, "book/start-here.ipynb") == (
        "https://mybinder.org/v2/gh/org/repo/main?urlpath=lab/tree/book/start-here.ipynb")


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", "hub.example.org", "https://hub.example.org/\"><script>", "ftp://hub.example.org",
    "https:// spaced.example.org",
])
def test_a_launch_address_that_is_not_a_web_address_is_refused(address):
    from sphinx.errors import ConfigError

    with pytest.raises(ConfigError, match="not a web address"):
        check_launch_url(address)
    assert check_launch_url("  ") == ""


def test_build_with_a_bad_launch_address_says_so_before_building(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(cli.subprocess, "run", lambda *a, **k: pytest.fail("the build must not start"))
    assert cli.main(["build", "--launch-url", "javascript:alert(1)"]) == 2
    assert "not a web address" in capsys.readouterr().err


def test_school_maths_becomes_mathml_with_the_tex_as_alternative_text():
    inline = tex_to_mathml(r"T = 2\pi\sqrt{L/g}", display=False)
    assert inline.startswith('<math alttext="T = 2\\pi\\sqrt{L/g}"') and "<msqrt>" in inline
    assert 'display="inline"' in inline
    block = tex_to_mathml(r"\text{mean rate} = \frac{\text{amount}}{\text{time}}", display=True)
    assert 'display="block"' in block and "<mfrac>" in block and "mean rate" in block
    quoted = tex_to_mathml(r'a < b', display=False)
    assert 'alttext="a &lt; b"' in quoted


# ---- The full built site --------------------------------------------------------------

@pytest.mark.slow
def test_no_page_carries_widget_state_font_awesome_script_or_mathjax(built_site):
    pages = built_pages(built_site)
    assert "workbooks/physics-pendulum.html" in pages
    for name, page in pages.items():
        assert "application/vnd.jupyter.widget-state+json" not in page, name
        assert "fontawesome.js" not in page and "all.min.js" not in page, name
        if name != "search.html":  # only the search page needs the whole site's index
            assert "searchindex.js" not in page, name
        scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
        assert not [src for src in scripts if "mathjax" in src.lower()], name
    # The icons still have their webfont (from the theme's stylesheet).
    html_dir = built_site[0] / "_build" / "html"
    assert (html_dir / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2").is_file()


@pytest.mark.slow
def test_the_site_ships_only_the_icons_it_shows(built_site):
    html_dir = built_site[0] / "_build" / "html"
    icons_css = (html_dir / "_static" / "stemcpd-icons.css").read_text(encoding="utf-8")
    declared = set(re.findall(r"U\+([0-9A-F]+)", icons_css))
    # The header's download (f019), full-screen (f065) and search (f002) icons, the
    # tip admonition's lightbulb (f0eb): cut from the theme's 1,400-icon font.
    assert {"F019", "F065", "F002", "F0EB"} <= declared and len(declared) < 100
    for weight in ("solid-900", "regular-400"):
        font = html_dir / "_static" / f"stemcpd-fa-{weight}.woff"
        assert 500 < font.stat().st_size < 20_000, font
        assert f"stemcpd-fa-{weight}.woff" in icons_css
    assert "stemcpd-icons.css" in (html_dir / "workbooks" / "physics-pendulum.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_maths_is_mathml_only_where_a_page_has_maths(built_site):
    pages = built_pages(built_site)
    pendulum = pages["workbooks/physics-pendulum.html"]
    assert pendulum.count("<math ") >= 2 and "<msqrt>" in pendulum
    assert "\\(" not in re.sub(r'alttext="[^"]*"', "", pendulum)  # no TeX left for a script
    assert "<math " not in pages["book/glossary.html"]


@pytest.mark.slow
def test_workbook_pages_show_outputs_but_no_code(built_site):
    pages = built_pages(built_site)
    workbooks = {name: page for name, page in pages.items() if name.startswith("workbooks/")}
    assert len(workbooks) >= 16
    for name, page in workbooks.items():
        assert "cell_input" not in page and "highlight-ipython3" not in page, name
        assert "cell_output" in page, name
    # The download button still offers the notebook itself.
    assert "physics-pendulum.ipynb" in workbooks["workbooks/physics-pendulum.html"]
    assert "cell_input" not in pages["book/start-here.html"]


@pytest.mark.slow
def test_without_a_launch_address_no_page_has_an_open_live_link(built_site):
    for name, page in built_pages(built_site).items():
        assert "stemcpd-open-live" not in page, name


@pytest.mark.slow
def test_launch_url_adds_open_live_to_notebook_pages_only(built_site, tmp_path):
    """A small build (the landing page, a Markdown page, two notebooks) re-using the full
    build's execution cache, with `--launch-url`, then again without it."""
    toc = tmp_path / "toc.yml"
    toc.write_text(
        "format: jb-book\nroot: book/intro\nchapters:\n  - file: book/how-to-use\n"
        "  - file: book/start-here\n  - file: workbooks/physics-pendulum\n", encoding="utf-8")
    output = tmp_path / "site"
    (output / "_build").mkdir(parents=True)
    shutil.copytree(built_site[0] / "_build" / ".jupyter_cache", output / "_build" / ".jupyter_cache")

    cli.build_site(REPO, output=output, quiet=True, toc=toc, launch_url="https://hub.example.sch.uk/")
    html_dir = output / "_build" / "html"
    pendulum = (html_dir / "workbooks" / "physics-pendulum.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="stemcpd-open-live-link" href="([^"]+)"[^>]*>([^<]+)', pendulum)
    assert links == [("https://hub.example.sch.uk/hub/user-redirect/lab/tree/workbooks/physics-pendulum.ipynb",
                      "Open live in JupyterLab")]
    # Under the page's title, not before it.
    assert pendulum.index("</h1>") < pendulum.index("stemcpd-open-live")
    start_here = (html_dir / "book" / "start-here.html").read_text(encoding="utf-8")
    assert "lab/tree/book/start-here.ipynb" in start_here
    for markdown_page in ("book/intro.html", "book/how-to-use.html"):
        assert "stemcpd-open-live" not in (html_dir / markdown_page).read_text(encoding="utf-8")

    cli.build_site(REPO, output=output, quiet=True, toc=toc)
    for page in ("workbooks/physics-pendulum.html", "book/start-here.html"):
        assert "stemcpd-open-live" not in (html_dir / page).read_text(encoding="utf-8"), page
