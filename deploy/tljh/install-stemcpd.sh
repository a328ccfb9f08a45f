#!/bin/bash
# Install stemcpd into a Littlest JupyterHub's user environment and give every new user
# a copy of the workbooks. Run on the hub server, as root, from a checkout of stemcpd:
#   sudo bash deploy/tljh/install-stemcpd.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
user_pip=/opt/tljh/user/bin/pip
if [ ! -x "$user_pip" ]; then
  echo "No TLJH user environment at /opt/tljh/user: install The Littlest JupyterHub first." >&2
  exit 1
fi
"$user_pip" install "$here" -r "$here/deploy/tljh/requirements.txt"
mkdir -p /etc/skel/workbooks
cp -r "$here/workbooks/." /etc/skel/workbooks/
tljh-config set user_environment.default_app jupyterlab
tljh-config reload
echo "stemcpd installed; new users find the course in ~/workbooks."
