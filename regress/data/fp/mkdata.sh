#!/bin/sh
# Regenerates the golden files for regress/unit/fp and regress/unit/keylist
# with ssh-keygen (OpenSSH 9.2): fresh Ed25519 keys with awkward comments,
# two host certificates, files of keys in every shape ssh-keygen -l reads,
# and what ssh-keygen prints for each in every mode and in two locales.
# Run it from anywhere; it rewrites the files next to it.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kith-fp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

rm -f ./*.pub ./*.txt ./*.out.* known_hosts authorized_keys single.list

# k01..k20: the comments, as printf(1) formats.
long=$(printf 'long-comment-%.0s' 1 2 3 4 5 6 7 8 9 10 11 12)
set -- \
	'alice@example.com' \
	'' \
	'with several spaces  inside' \
	'tab\there' \
	'caf\303\251 \342\234\223 \346\227\245\346\234\254' \
	'esc\033[31mred\033[0m' \
	'del\177 trunc\342\202' \
	'cr\rx' \
	'bad\377\376utf8' \
	'e\314\201 zw\342\200\213' \
	'#hash first' \
	'  leading blanks' \
	'trailing blanks  ' \
	'quote" back\\slash' \
	'%%s %%n 100%%' \
	'\360\237\224\221 key' \
	'ctl\001\037end' \
	'c1\302\205nbsp\302\240' \
	"$long" \
	'root@host # not a comment'
i=0
for c in "$@"; do
	i=$((i + 1))
	n=$(printf 'k%02d' "$i")
	ssh-keygen -q -t ed25519 -N '' -C "$(printf "$c")" -f "$tmp/$n"
	cp "$tmp/$n.pub" "$n.pub"
done
ssh-keygen -q -t ed25519 -N '' -C 'kith test CA' -f "$tmp/ca"
cp "$tmp/ca.pub" ca.pub
ssh-keygen -q -t ecdsa -N '' -C 'an ecdsa key' -f "$tmp/ec"
ssh-keygen -q -s "$tmp/ca" -h -I host1-id -n host1,host1.example.com \
    -V always:forever "$tmp/k01.pub"
ssh-keygen -q -s "$tmp/ca" -h -I host2-id -n host2 -V 20200101:20400101 \
    -z 7 "$tmp/k05.pub"
cp "$tmp/k01-cert.pub" k01-cert.pub
cp "$tmp/k05-cert.pub" k05-cert.pub

# "type base64" of a key file, without the comment.
kp() {
	cut -d' ' -f1,2 "$1"
}
ec=$(kp "$tmp/ec.pub")

ls k[0-9][0-9].pub k*-cert.pub ca.pub > single.list
cat $(cat single.list) > all.pub

printf 'host4 %s\n' "$(kp k04.pub)" > "$tmp/kh"
ssh-keygen -q -H -f "$tmp/kh" > /dev/null 2>&1
hashed=$(cat "$tmp/kh")

{
	echo '# known_hosts for the kith fingerprint tests'
	echo "host1,host1.example.com,192.0.2.1 $(kp k01.pub)"
	echo "[host2]:2222 $(kp k02.pub)"
	echo "host3 $(kp k03.pub) trailing comment"
	echo "$hashed"
	echo "@cert-authority *.example.com $(kp ca.pub)"
	echo "@revoked revoked.example.com $(kp k05.pub)"
	printf 'host6\t%s\n' "$(kp k06.pub)"
	echo "  host7 $(kp k07.pub)"
	echo "host8 $(kp k08.pub) #not taken"
	echo "host9,!bad* $(kp k09.pub)"
	echo
	echo "host10 $(kp k10.pub)"
	echo "host11 $ec"
	echo "host12 $(kp k12.pub) last"
} > known_hosts

{
	echo "$(kp k11.pub) plain comment"
	echo "command=\"echo hi there\",no-pty $(kp k12.pub)"
	echo "restrict,command=\"say \\\"hi\\\" now\" $(kp k13.pub) quoted opts"
	echo "from=\"192.0.2.0/24\" $(kp k14.pub) from-comment"
	echo "$(kp k15.pub)"
	echo "cert-authority,principals=\"a b\" $(kp ca.pub)"
	echo "environment=\"A=b c\" $(kp k01-cert.pub) a cert"
	echo "$(kp k16.pub)"
	echo '# a comment line'
	echo "$(kp k17.pub) "
	echo "no-agent-forwarding $(kp k18.pub)"
	echo "$ec ecdsa user"
	echo "$(kp k19.pub)"
} > authorized_keys

{
	echo '# host.example.com:22 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3'
	echo "host.example.com $(kp k19.pub)"
	echo "[host.example.com]:2222 $(kp k20.pub)"
	echo "192.0.2.7 $(kp k01.pub)"
	echo "host.example.com $(kp k05-cert.pub)"
} > keyscan.txt

{
	echo
	printf '%s crlf\r\n' "$(kp k01.pub)"
	printf '%s\r\n' "$(kp k02.pub)"
	echo "host3  $(kp k03.pub) two blanks"
	echo "12 $(kp k04.pub) numeric"
	echo "0 $(kp k05.pub) zero"
	echo "-1 $(kp k06.pub) minus one"
	echo "4294967296 $(kp k07.pub) big"
	printf '%s with\000nul byte\n' "$(kp k08.pub)"
	echo "$ec ecdsa-comment"
	echo "$(kp k09.pub)"
	echo "hostec $ec"
	echo "$(kp k10.pub)"
	echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIbad= bad"
	echo "$(kp k11.pub)"
	printf '\t %s\n' "$(kp k12.pub)"
	echo "\"quoted host\" $(kp k13.pub)"
	echo "@cert-authority * $(kp k14.pub)"
	echo "hostlong.example.com $(kp k15.pub) a longer trailing comment"
	echo "$(kp k16.pub)"
	echo "$(kp k17.pub)  "
	printf '%s last' "$(kp k18.pub)"
} > edge.txt

# ssh-keygen's output for file $2 in mode $1; foreign keys dropped.
run() {
	case $1 in
	l)	set -- "$2" -l ;;
	lv)	set -- "$2" -lv ;;
	lm)	set -- "$2" -l -E md5 ;;
	lvm)	set -- "$2" -lv -E md5 ;;
	B)	set -- "$2" -B ;;
	Bv)	set -- "$2" -Bv ;;
	Bvm)	set -- "$2" -Bv -E md5 ;;
	esac
	_f=$1
	shift
	ssh-keygen "$@" -f "$_f" 2>/dev/null |
	    awk 'skip > 0 { skip--; next }
		/\((ECDSA|RSA)\)$/ { skip = v ? 11 : 0; next }
		{ print }' v="$(echo "$*" | grep -c v || true)"
}

for loc in utf8 posix; do
	case $loc in
	utf8)	LC_ALL=C.UTF-8 ;;
	posix)	LC_ALL=C ;;
	esac
	export LC_ALL
	for f in single all.pub known_hosts authorized_keys keyscan.txt \
	    edge.txt; do
		for m in l lv lm lvm B Bv Bvm; do
			echo "@@ $m"
			if [ "$f" = single ]; then
				for g in $(cat single.list); do
					run $m "$g"
				done
			else
				run $m "$f"
			fi
		done > "$f.out.$loc"
	done
done
