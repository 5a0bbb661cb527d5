/* kdir.c: locating and creating the kith directory. */
#include "compat.h"

#include <sys/stat.h>

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "kdir.h"
#include "kerr.h"

int
kdir_resolve(const char *dflag, char **dirp)
{
	const char *home, *env;
	struct passwd *pw;

	*dirp = NULL;
	if (dflag != NULL && *dflag == '\0')
		return KE_ERRNO(ENOENT);	/* as for any empty path */
	if (dflag != NULL)
		return (*dirp = strdup(dflag)) == NULL ? KE_NOMEM : 0;
	if ((env = getenv("KITH_DIR")) != NULL && *env != '\0')
		return (*dirp = strdup(env)) == NULL ? KE_NOMEM : 0;
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		if ((pw = getpwuid(getuid())) == NULL)
			return KE_NOTFOUND;
		home = pw->pw_dir;
	}
	return kdir_path(home, KDIR_DEFAULT, dirp);
}

int
kdir_create(const char *dir)
{
	return file_mkdir(dir, 0700);
}

int
kdir_path(const char *dir, const char *name, char **pathp)
{
	*pathp = NULL;
	if (asprintf(pathp, "%s/%s", dir, name) == -1) {
		*pathp = NULL;
		return KE_NOMEM;
	}
	return 0;
}

/* kdir_identity; *namedp says whether dir/identity named the path. */
static int
identity_path(const char *dir, char **pathp, int *namedp)
{
	struct buf *b = NULL;
	char *idfile = NULL, *s;
	size_t n;
	int r;

	*pathp = NULL;
	*namedp = 0;
	if ((r = kdir_path(dir, KDIR_IDFILE, &idfile)) != 0)
		return r;
	r = file_read(idfile, KITH_MAXNAME * 4, &b);
	free(idfile);
	if (r == KE_ERRNO(ENOENT))
		return kdir_path(dir, KDIR_IDENTITY, pathp);
	*namedp = 1;
	if (r != 0)
		return r;
	if ((s = buf_dup_cstring(b)) == NULL) {
		buf_free(b);
		return KE_NOMEM;
	}
	buf_free(b);
	n = strcspn(s, "\r\n");
	s[n] = '\0';
	if (n == 0 || strlen(s) != n) {
		free(s);
		return KE_FORMAT;
	}
	*pathp = s;
	return 0;
}

int
kdir_identity(const char *dir, char **pathp)
{
	int named;

	return identity_path(dir, pathp, &named);
}

void
kdir_identity_error(const char *dir, int r, char *out, size_t len)
{
	char *path = NULL;
	int named, e;

	if ((e = identity_path(dir, &path, &named)) != 0)
		snprintf(out, len, "%s/%s: %s", dir, KDIR_IDFILE,
		    kith_strerror(e));
	else if (named)
		snprintf(out, len, "%s: %s (named in %s/%s)", path,
		    kith_strerror(r), dir, KDIR_IDFILE);
	else if (r == KE_ERRNO(ENOENT))
		snprintf(out, len, "%s: no identity key: make one with "
		    "kith-keygen, or name yours in %s/%s", path, dir,
		    KDIR_IDFILE);
	else
		snprintf(out, len, "%s: %s", path, kith_strerror(r));
	free(path);
}
