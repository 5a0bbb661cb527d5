/*
 * test_seenup.c: the "bundles" file of sequence numbers: one write for
 * several entries, raise-only entries, no write when nothing changes.
 */
#include "compat.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "kerr.h"
#include "stmtstore.h"
#include "test.h"
#include "t_bundle.h"

static uint64_t
seq_of(const char *dir, u_char c)
{
	u_char pk[32], h[32];
	uint64_t seq = 0;
	int found = 0;

	memset(pk, c, sizeof(pk));
	if (store_seen_get(dir, pk, &seq, h, &found) != 0 || !found)
		return 0;
	return seq;
}

static off_t
size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_size : 0;
}

static ino_t
inode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

void
test_seen_update(void)
{
	char dir[] = "/tmp/kith-seen.XXXXXX", path[64], cmd[128];
	u_char a[32], b[32], c[32], h[32];
	struct store_seen e[3];
	ino_t ino;
	FILE *f;

	if (mkdtemp(dir) == NULL)
		exit(1);
	snprintf(path, sizeof(path), "%s/bundles", dir);
	memset(a, 'a', 32);
	memset(b, 'b', 32);
	memset(c, 'c', 32);
	memset(h, 0x11, 32);
	e[0] = (struct store_seen){ a, 5, h, 0 };
	e[1] = (struct store_seen){ b, 7, h, 0 };
	T_EQ(store_seen_update_locked(dir, e, 2), 0, "two entries");
	T_OK(seq_of(dir, 'a') == 5 && seq_of(dir, 'b') == 7, "both there");
	ino = inode(path);
	T_EQ(store_seen_update_locked(dir, e, 2), 0, "the same again");
	T_EQ(inode(path), ino, "... writes nothing (the file is the same one)");

	e[0] = (struct store_seen){ a, 3, h, 1 };	/* raise: lower */
	e[1] = (struct store_seen){ b, 9, h, 1 };	/* raise: higher */
	e[2] = (struct store_seen){ c, 1, h, 0 };
	T_EQ(store_seen_update_locked(dir, e, 3), 0, "raise-only entries");
	T_EQ(seq_of(dir, 'a'), 5, "a raise-only lower number is ignored");
	T_EQ(seq_of(dir, 'b'), 9, "a raise-only higher one is taken");
	T_EQ(seq_of(dir, 'c'), 1, "a new key is appended");
	e[0] = (struct store_seen){ a, 2, h, 0 };
	T_EQ(store_seen_update_locked(dir, e, 1), 0, "a plain entry");
	T_EQ(seq_of(dir, 'a'), 2, "... sets even a lower number");

	/* a last line without its newline is replaced cleanly */
	if ((f = fopen(path, "r+")) == NULL ||
	    ftruncate(fileno(f), size_of(path) - 1) != 0)
		exit(1);
	fclose(f);
	e[0] = (struct store_seen){ c, 4, h, 0 };
	T_EQ(store_seen_update_locked(dir, e, 1), 0, "last line, no newline");
	T_OK(seq_of(dir, 'c') == 4 && seq_of(dir, 'a') == 2 &&
	    seq_of(dir, 'b') == 9, "... replaced, the others kept");
	snprintf(cmd, sizeof(cmd), "test $(wc -l <%s) -eq 3", path);
	T_EQ(system(cmd), 0, "three lines, each ending in a newline");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	T_EQ(system(cmd), 0, "cleaned up");
}
