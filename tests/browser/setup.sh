#!/usr/bin/env bash
# Installs what the browser test, the screenshot command and the report.xlsx print test need:
# Debian's Chromium and a Japanese font for the HTML report (the charts carry their own font),
# LibreOffice Calc without its desktop front end (converts report.xlsx to PDF headless) and
# poppler-utils (pdfinfo counts the PDF's pages). Safe to run again.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-ipaexfont-gothic >/dev/null 2>&1 || need+=(fonts-ipaexfont-gothic)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
