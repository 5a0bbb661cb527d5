#!/bin/bash
# Comments with spaces, tabs, UTF-8 and control characters print as
# ssh-keygen prints them, in the C locale and in a UTF-8 locale.
. "$(dirname "$0")/test-exec.sh"
i=0
while IFS= read -r c; do
	i=$((i + 1))
	c=$(printf "$c")
	ssh-keygen -q -t ed25519 -N '' -C "$c" -f "$OBJ/c$i"
done <<'LIST'
plain
two  spaces and trailing 
tab\tinside
caf\303\251 na\303\257ve \342\230\203
esc \033[31mred\033[0m
bell\007 and del\177
bad utf8 \377\376 end
cr\rinside
\342\200\256 rtl override
LIST
for loc in C C.UTF-8; do
	for f in "$OBJ"/c*.pub "$OBJ"/c[0-9]; do
		for mode in -l -lv -B; do
			LC_ALL=$loc ssh-keygen $mode -f "$f" >"$OBJ/want" 2>&1
			LC_ALL=$loc kith-keygen $mode -f "$f" >"$OBJ/got" 2>&1
			same_file "LC_ALL=$loc $mode $(basename "$f")" \
			    "$OBJ/want" "$OBJ/got"
		done
	done
done
