# stemcpd live workshops on The Littlest JupyterHub: copy to /opt/tljh/config/jupyterhub_config.d/
# and run `sudo tljh-config reload hub`. The end-to-end test (tests/hub/) loads this very file.
#
# Every participant's server gets STEMCPD_EXCHANGE, a folder they can all write their shared
# record into (only the fields they agree to share; see stemcpd/workshop.py) and the trainer's
# dashboard reads. Create it once:  sudo install -d -m 1733 /srv/stemcpd/exchange
# (1733: anyone may add a file, nobody may list or remove another's; the trainer reads it as admin
# or as the folder's owner: sudo chown trainer /srv/stemcpd/exchange).
import os

exchange = os.environ.get("STEMCPD_WORKSHOP_EXCHANGE", "/srv/stemcpd/exchange")
c.Spawner.environment.update({"STEMCPD_EXCHANGE": exchange})  # noqa: F821 - `c` is JupyterHub's config
# Participants land in the course's workbooks; the trainer opens the dashboard with Voila at
# /user/<trainer>/voila/render/stemcpd-workshop-dashboard.ipynb (`stemcpd workshop` writes it).
c.Spawner.default_url = os.environ.get("STEMCPD_WORKSHOP_DEFAULT_URL", "/lab/tree/workbooks")  # noqa: F821
c.Authenticator.admin_users = {os.environ.get("STEMCPD_WORKSHOP_TRAINER", "trainer")}  # noqa: F821
