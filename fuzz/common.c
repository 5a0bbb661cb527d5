/*
 * common.c: what several fuzz targets share (fuzz.h): a scratch kith
 * directory and the test key of regress/data/sshsig.  Linked into every
 * target, with libFuzzer or with driver.c.
 */
#include "compat.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "key.h"
#include "fuzz.h"

/* regress/data/sshsig/key, which signs the golden statements and bundle */
static const u_char testseed[32] = {
	0xcf, 0xcf, 0xf8, 0x0a, 0xed, 0x3e, 0x6b, 0xd7,
	0xa0, 0xa0, 0xf1, 0xb5, 0x98, 0xd2, 0x64, 0x97,
	0xc3, 0x5e, 0xa4, 0xd5, 0xf3, 0x57, 0xad, 0xef,
	0x72, 0x93, 0x78, 0x75, 0x1e, 0x80, 0xfb, 0xf5
};

static char scratch[64];

static void
cleanup(void)
{
	struct dirent *de;
	DIR *d;

	if ((d = opendir(scratch)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			(void)unlinkat(dirfd(d), de->d_name, 0);
	closedir(d);
	(void)rmdir(scratch);
}

const char *
fz_scratch(void)
{
	const char *tmp = getenv("TMPDIR");

	if (scratch[0] != '\0')
		return scratch;
	if (tmp == NULL || *tmp == '\0')
		tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	(void)snprintf(scratch, sizeof(scratch), "%s/kith-fuzz.XXXXXX", tmp);
	FZ_CHECK(mkdtemp(scratch) != NULL);
	FZ_CHECK(atexit(cleanup) == 0);
	return scratch;
}

void
fz_write_file(const char *name, const uint8_t *p, size_t len)
{
	char path[128];
	int fd;

	(void)snprintf(path, sizeof(path), "%s/%s", fz_scratch(), name);
	FZ_CHECK((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) != -1);
	FZ_CHECK(write(fd, p, len) == (ssize_t)len);
	FZ_CHECK(close(fd) == 0);
}

const struct key *
fz_test_key(void)
{
	static struct key *k;

	if (k == NULL) {
		FZ_CHECK((k = key_new()) != NULL);
		FZ_CHECK(key_set_seed(k, testseed) == 0);
	}
	return k;
}
