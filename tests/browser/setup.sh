#!/usr/bin/env bash
# Installs what the browser tests and the screenshot command need: Debian's Chromium and a
# Japanese font for the HTML report (the charts carry their own font); for the print test
# (tests/print.rs) Python's pdfminer.six and BudouX, and poppler-utils (pdftoppm, pdftotext,
# pdfinfo); for the report.xlsx print test LibreOffice Calc without its desktop front end
# (converts report.xlsx to PDF headless). Safe to run again.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-ipaexfont-gothic >/dev/null 2>&1 || need+=(fonts-ipaexfont-gothic)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The versions tests/print/layout.py was written against.
py_need=()
python3 -c 'import pdfminer; assert pdfminer.__version__ == "20260107"' >/dev/null 2>&1 \
  || py_need+=("pdfminer.six==20260107")
python3 -c 'import importlib.metadata as m; assert m.version("budoux") == "0.10.1"' >/dev/null 2>&1 \
  || py_need+=("budoux==0.10.1")
if [ ${#py_need[@]} -gt 0 ]; then
  echo "installing (pip): ${py_need[*]}"
  pip=(python3 -m pip install --quiet --disable-pip-version-check)
  # Debian's own python3 refuses system-wide installs without the flag (PEP 668).
  "${pip[@]}" "${py_need[@]}" 2>/dev/null || "${pip[@]}" --break-system-packages "${py_need[@]}"
fi
