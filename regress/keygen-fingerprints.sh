#!/bin/bash
# kith-keygen -l/-lv/-E md5/-B print exactly what ssh-keygen prints, for
# 200 ssh-keygen keys as .pub files, private keys (with and without the
# .pub beside them), host certificates, and one known_hosts holding all.
. "$(dirname "$0")/test-exec.sh"
N=${KITH_FP_KEYS:-200}
mkdir -p "$OBJ/k" "$OBJ/priv" "$KITH_DIR"
ssh-keygen -q -t ed25519 -N '' -C ca -f "$OBJ/ca"
comment() {
	case $(($1 % 8)) in
	0) printf 'host%d.example.com' "$1" ;;
	1) printf 'user %d with spaces' "$1" ;;
	2) printf 'tab\there %d' "$1" ;;
	3) printf 'caf\303\251 \342\230\203 %d' "$1" ;;
	4) printf 'esc\033[0m %d' "$1" ;;
	5) printf '' ;;
	6) printf 'x%.0s' $(seq 1 200) ;;
	7) printf '#hash %d' "$1" ;;
	esac
}
for i in $(seq 1 "$N"); do
	ssh-keygen -q -t ed25519 -N '' -C "$(comment "$i")" -f "$OBJ/k/$i"
	cp "$OBJ/k/$i" "$OBJ/priv/$i"
	ssh-keygen -q -s "$OBJ/ca" -h -I "id$i" -n "host$i,host$i.example.com" \
	    -V +52w -z "$i" "$OBJ/k/$i.pub" 2>/dev/null
done
# one known_hosts with plain, listed, hashed, bracketed and marker lines
kh=$OBJ/known_hosts
for i in $(seq 1 "$N"); do
	key=$(cut -d' ' -f1,2 "$OBJ/k/$i.pub")
	case $((i % 5)) in
	0) echo "host$i $key" ;;
	1) echo "host$i,10.0.0.$((i % 250)) $key trailing comment $i" ;;
	2) echo "[host$i]:2222 $key" ;;
	3) echo "host$i $key #notacomment" ;;
	4) echo "host$i	$key" ;;
	esac
done >"$kh"
echo "@cert-authority *.example.com $(cut -d' ' -f1,2 "$OBJ/ca.pub")" >>"$kh"
echo "@revoked * $(cut -d' ' -f1,2 "$OBJ/k/1.pub")" >>"$kh"
echo "# a comment line" >>"$kh"
cp "$kh" "$OBJ/known_hosts_h"
ssh-keygen -q -H -f "$OBJ/known_hosts_h" >/dev/null 2>&1

# compare FORM FILE...: every mode, both tools, counts mismatches per mode
compare() {
	local form=$1 mode f bad; shift
	for mode in "-l" "-lv" "-l -E md5" "-lv -E md5" "-B"; do
		bad=0
		for f in "$@"; do
			# shellcheck disable=SC2086
			ssh-keygen $mode -f "$f" >"$OBJ/want" 2>/dev/null
			# shellcheck disable=SC2086
			kith-keygen $mode -f "$f" >"$OBJ/got" 2>/dev/null
			if ! cmp -s "$OBJ/want" "$OBJ/got"; then
				[ $bad -eq 0 ] && diff "$OBJ/want" "$OBJ/got" |
				    head -8 | sed "s|^|#  $f: |"
				bad=$((bad + 1))
			fi
		done
		if [ $bad -eq 0 ]; then ok "$form $mode ($# files)"
		else notok "$form $mode: $bad of $# differ"; fi
	done
}
pubs=() privs=() alone=() certs=()
for i in $(seq 1 "$N"); do
	pubs+=("$OBJ/k/$i.pub"); privs+=("$OBJ/k/$i")
	alone+=("$OBJ/priv/$i"); certs+=("$OBJ/k/$i-cert.pub")
done
compare ".pub" "${pubs[@]}"
compare "private+.pub" "${privs[@]}"
compare "private alone" "${alone[@]}"
compare "certificate" "${certs[@]}"
compare "known_hosts" "$kh" "$OBJ/known_hosts_h"
cat "${pubs[@]}" >"$OBJ/authorized_keys"
sed -i '3s/^/no-pty,command="echo a b" /' "$OBJ/authorized_keys"
compare "authorized_keys" "$OBJ/authorized_keys"

# stdin works as "-" and gives the same as the file
kith-keygen -l -f - <"$kh" >"$OBJ/stdin.out" 2>&1
ssh-keygen -l -f - <"$kh" >"$OBJ/stdin.want" 2>&1
same_file "-l -f - reads stdin like ssh-keygen" "$OBJ/stdin.want" "$OBJ/stdin.out"
