/* kdir.c: locating and creating the kith directory. */
#include "compat.h"

#include <sys/stat.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "kdir.h"
#include "kerr.h"

int
kdir_resolve(const char *dflag, char **dirp)
{
	const char *home, *env;
	struct passwd *pw;

	*dirp = NULL;
	if (dflag != NULL && *dflag != '\0')
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
