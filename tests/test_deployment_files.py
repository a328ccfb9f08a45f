"""The deployment and hosted-kernel files parse and install the right things."""

from pathlib import Path
import re
import subprocess

import yaml

REPO = Path(__file__).resolve().parents[1]


def test_binder_installs_this_package():
    lines = [l.strip() for l in (REPO / "binder" / "requirements.txt").read_text().splitlines()
             if l.strip() and not l.startswith("#")]
    assert lines == ["."]
    assert subprocess.run(["bash", "-n", str(REPO / "binder" / "postBuild")]).returncode == 0


def test_tljh_config_and_installer():
    config = yaml.safe_load((REPO / "deploy" / "tljh" / "config.yaml").read_text())
    assert config["user_environment"]["default_app"] == "jupyterlab"
    assert config["services"]["cull"]["enabled"] is True
    script = (REPO / "deploy" / "tljh" / "install-stemcpd.sh").read_text()
    assert subprocess.run(["bash", "-n", str(REPO / "deploy" / "tljh" / "install-stemcpd.sh")]).returncode == 0
    assert "/opt/tljh/user/bin/pip" in script and "deploy/tljh/requirements.txt" in script
    requirements = (REPO / "deploy" / "tljh" / "requirements.txt").read_text()
    assert re.search(r"^nbgitpuller", requirements, re.MULTILINE)


def test_z2jh_values_and_image():
    values = yaml.safe_load((REPO / "deploy" / "z2jh" / "config.yaml").read_text())
    singleuser = values["singleuser"]
    assert singleuser["image"]["name"] == "stemcpd/singleuser"
    assert singleuser["extraEnv"]["STEMCPD_HOME"].startswith("/home/jovyan")
    assert singleuser["defaultUrl"] == "/lab/tree/workbooks"
    assert values["cull"]["enabled"] is True
    dockerfile = (REPO / "deploy" / "z2jh" / "Dockerfile").read_text()
    assert re.search(r"^RUN pip install .*?/opt/stemcpd", dockerfile, re.MULTILINE)
    assert "STEMCPD_HOME" in dockerfile


def test_pyproject_names_what_the_course_needs():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    names = {re.split(r"[<>=!~ \[]", dep)[0].lower() for dep in project["dependencies"]}
    for needed in ("numpy", "matplotlib", "ipywidgets", "pint", "jupyter-book", "voila", "periodictable"):
        assert needed in names
    assert any(dep.startswith("jupyter-book>=1.0.4,<2") for dep in project["dependencies"])
