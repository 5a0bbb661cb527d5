/*
 * driver.c: runs a fuzz target's LLVMFuzzerTestOneInput over the files
 * named, and over every regular file in the directories named, without
 * libFuzzer.  Prints "N inputs" when all of them ran.
 */
#include "compat.h"

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#define MAXINPUT	(16 * 1024 * 1024)

static size_t ninputs;

static void
run_file(const char *path)
{
	FILE *f;
	uint8_t *p;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL)
		err(2, "%s", path);
	/* one byte more than allowed tells a file that is too big */
	if ((p = malloc(MAXINPUT + 1)) == NULL)
		err(2, "malloc");
	n = fread(p, 1, MAXINPUT + 1, f);
	if (ferror(f))
		err(2, "%s", path);
	if (n > MAXINPUT)
		errx(2, "%s: larger than %d bytes", path, MAXINPUT);
	fclose(f);
	/* a copy of exactly n bytes, so ASan sees any overread */
	if ((p = realloc(p, n > 0 ? n : 1)) == NULL)
		err(2, "realloc");
	LLVMFuzzerTestOneInput(p, n);
	free(p);
	ninputs++;
}

static void
run_dir(const char *dir)
{
	struct dirent **ents;
	struct stat st;
	char *path;
	int i, n;

	if ((n = scandir(dir, &ents, NULL, alphasort)) == -1)
		err(2, "%s", dir);
	for (i = 0; i < n; i++) {
		if (asprintf(&path, "%s/%s", dir, ents[i]->d_name) == -1)
			err(2, "asprintf");
		if (stat(path, &st) == -1)
			err(2, "%s", path);
		if (S_ISREG(st.st_mode))
			run_file(path);
		free(path);
		free(ents[i]);
	}
	free(ents);
}

int
main(int argc, char *argv[])
{
	struct stat st;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s file|dir ...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1)
			err(2, "%s", argv[i]);
		if (S_ISDIR(st.st_mode))
			run_dir(argv[i]);
		else
			run_file(argv[i]);
	}
	printf("%zu inputs\n", ninputs);
	return 0;
}
