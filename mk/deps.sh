#!/bin/sh
# Installs what kith needs on Debian when run as root; otherwise prints the
# apt-get line and stops.  Quiet when everything is there.  Arguments
# name more packages (make fuzz adds clang and its libFuzzer runtime).
pkgs="libsodium-dev libbsd-dev libmd-dev zlib1g-dev pkg-config make gcc
openssh-client openssh-server $*"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing:$missing (install them with your package manager)" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing packages; run as root:" >&2
	echo "  apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null ||
    { echo "deps: apt-get install failed" >&2; exit 1; }
