#!/usr/bin/env bash
# Set up everything signgen needs on Debian/Ubuntu, then run its main job on the bundled
# standard. Idempotent: run it again at any time.
#   bash scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# Debian packages: the CJK fonts the project defaults name, cairo for PDF/PNG, and Chromium
# for the browser tests. Installed only when something is missing.
APT_PACKAGES=(fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai fonts-arphic-gkai00mp
              fonts-arphic-gbsn00lp fontconfig libcairo2 chromium
              qpdf ghostscript poppler-utils inkscape  # prepress checks of the print files
              zbar-tools  # zbarimg: the browser tests decode the printed audit sheet's QR codes
              unzip  # unzip -t: the browser tests check the audit form's exported zip
              openjdk-17-jre-headless  # pyxform's ODK Validate checks the XLSForm
              libreoffice-calc-nogui  # soffice --headless: the tests open every XLSX we write
              # (libreoffice-calc-nogui: about 300 MB on disk, 53-56 packages, ~25 s to install)
              nodejs)  # the browser engines' scripts also run in node (tests/test_engine_plan_node.py)
              # (poppler-utils: pdfinfo, pdftoppm also check the drawing sheets)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if [ "$pkg" = libreoffice-calc-nogui ] && command -v soffice >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  # Calc without the GUI where the release has it (Debian 11+, Ubuntu 22.04+), else with it
  if ! apt-cache show libreoffice-calc-nogui >/dev/null 2>&1; then
    missing=("${missing[@]/#libreoffice-calc-nogui/libreoffice-calc}")
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# Python: a virtual environment with signgen and its development tools.
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'

# The main job: validate the bundled standards, render every plaque of the example
# communities (document 1's five communities), and build the offline site into site/.
export NO_MKDOCS_2_WARNING=1
.venv/bin/signgen validate specs
.venv/bin/signgen batch examples/communities.csv -o build/communities --outline \
  --formats svg,pdf,png --quiet
.venv/bin/signgen site build
echo "setup: done. Plaques in build/communities/; the site in site/. To browse it:"
echo "       .venv/bin/signgen site serve   (then open http://127.0.0.1:8000/)"
echo "       Activate the venv with: source .venv/bin/activate"
