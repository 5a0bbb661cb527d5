/* Unit tests for lib/askpass.c: which program, and what is a yes. */
#include "compat.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "askpass.h"
#include "kerr.h"
#include "key.h"
#include "test.h"
#include "t_agentproto.h"

static void
env(const char *display, const char *require, const char *prog)
{
	unsetenv("WAYLAND_DISPLAY");
	if (display == NULL)
		unsetenv("DISPLAY");
	else
		setenv("DISPLAY", display, 1);
	if (require == NULL)
		unsetenv("SSH_ASKPASS_REQUIRE");
	else
		setenv("SSH_ASKPASS_REQUIRE", require, 1);
	if (prog == NULL)
		unsetenv("SSH_ASKPASS");
	else
		setenv("SSH_ASKPASS", prog, 1);
}

static int
program_is(const char *want)
{
	const char *p = askpass_program();

	return want == NULL ? p == NULL : p != NULL && strcmp(p, want) == 0;
}

/* Runs prog as a confirmation and returns its verdict. */
static int
confirm(const char *prog)
{
	struct askpass *ap;
	struct key *k = ta_keygen();
	int st, yes = -1;

	env(NULL, "force", prog);
	if (askpass_confirm_key("a comment", k, &ap) == 0 &&
	    waitpid(askpass_pid(ap), &st, 0) > 0)
		yes = askpass_confirmed(ap, st);
	askpass_free(ap);
	key_free(k);
	return yes;
}

/* A program that answers "yes" and then n newlines: its verdict. */
static int
confirm_output(size_t n)
{
	char path[] = "/tmp/kith-askpass.XXXXXX";
	FILE *f;
	int fd, yes = -1;

	if ((fd = mkstemp(path)) == -1)
		return -1;
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		return -1;
	}
	fprintf(f, "#!/bin/sh\necho yes\nhead -c %zu /dev/zero | "
	    "tr '\\0' '\\n'\n", n);
	if (fclose(f) == 0 && chmod(path, 0700) == 0)
		yes = confirm(path);
	unlink(path);
	return yes;
}

void
ta_askpass(void)
{
	char *saved = getenv("SSH_ASKPASS") ? strdup(getenv("SSH_ASKPASS")) :
	    NULL;

	env(NULL, NULL, "/x");
	T_OK(program_is(NULL), "no display: no askpass");
	env(":0", NULL, "/x");
	T_OK(program_is("/x"), "a display: $SSH_ASKPASS");
	env(":0", "never", "/x");
	T_OK(program_is(NULL), "SSH_ASKPASS_REQUIRE=never");
	env(NULL, "force", NULL);
	T_OK(program_is(ASKPASS_DEFAULT), "force, no SSH_ASKPASS: the default");
	env("", "prefer", "/x");
	T_OK(program_is(NULL), "an empty display and prefer: none");
	T_EQ(confirm("/bin/true"), 1, "exit 0, no answer: confirmed");
	T_EQ(confirm("/bin/false"), 0, "exit 1: refused");
	T_EQ(confirm("/bin/echo"), 0, "an answer other than yes: refused");
	T_EQ(confirm("/nonexistent/askpass"), 0, "no such program: refused");
	T_EQ(confirm_output(ASKPASS_MAXOUT - 4), 1,
	    "yes in %d bytes of output: confirmed", ASKPASS_MAXOUT);
	T_EQ(confirm_output(ASKPASS_MAXOUT - 3), 0,
	    "yes in %d bytes: over the cap, refused", ASKPASS_MAXOUT + 1);
	env(NULL, NULL, saved);
	free(saved);
}
