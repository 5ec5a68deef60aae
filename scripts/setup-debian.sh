#!/usr/bin/env bash
# Installs the system libraries Parcours needs on Debian/Ubuntu, only those missing.
#   setup-debian.sh test   Mesa's lavapipe, the CPU Vulkan renderer the snapshot tests draw with
#                          (and poppler-utils, strace, Xvfb, xdotool, setxkbmap and the X11
#                          libraries for the PDF and no-network tests, which run the real window
#                          on a virtual screen with a French keyboard and type into it; and
#                          zbar-tools, whose zbarimg reads back the recovery sheet's QR code)
#   setup-debian.sh run    what the window needs: X11/Wayland keyboard support and a Vulkan/GL
#                          driver (lavapipe as a software fallback on machines without a GPU driver)
# Elsewhere (Windows, macOS, other Linux distributions) it does nothing: the system has them.
set -euo pipefail

purpose="${1:-test}"
case "$purpose" in
  test) packages=(libvulkan1 mesa-vulkan-drivers poppler-utils zbar-tools python3-icalendar python3-openpyxl syncthing strace xvfb xdotool x11-xkb-utils libxkbcommon-x11-0 libx11-xcb1 libxcursor1 libxi6 libxrandr2) ;;
  run) packages=(libvulkan1 mesa-vulkan-drivers libegl1 libgl1 libxkbcommon-x11-0 libx11-xcb1 libxcursor1 libxi6 libxrandr2) ;;
  *) echo "usage: $0 test|run" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Paquets système manquants : ${missing[*]} (installez-les avec apt-get install)" >&2
  exit 1
fi
echo "Installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
