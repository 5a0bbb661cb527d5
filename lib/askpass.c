/* askpass.c: run the user's askpass program in the background. */
#include "compat.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "askpass.h"
#include "buf.h"
#include "fp.h"
#include "kerr.h"

struct askpass {
	pid_t		 pid;	/* 0 once reaped */
	int		 fd;
	int		 over;	/* it said too much */
	struct buf	*out;
};

const char *
askpass_program(void)
{
	const char *s;
	int allow = 0;

	if (((s = getenv("DISPLAY")) != NULL && *s != '\0') ||
	    ((s = getenv("WAYLAND_DISPLAY")) != NULL && *s != '\0'))
		allow = 1;
	if ((s = getenv("SSH_ASKPASS_REQUIRE")) != NULL) {
		if (strcasecmp(s, "force") == 0)
			allow = 1;
		else if (strcasecmp(s, "never") == 0)
			allow = 0;
	}
	if (!allow)
		return NULL;
	if ((s = getenv("SSH_ASKPASS")) == NULL || *s == '\0')
		s = ASKPASS_DEFAULT;
	return s;
}

int
askpass_start(const char *prog, const char *prompt, const char *hint,
    struct askpass **app)
{
	struct askpass *ap;
	int p[2], r;

	*app = NULL;
	if ((ap = calloc(1, sizeof(*ap))) == NULL ||
	    (ap->out = buf_new()) == NULL) {
		free(ap);
		return KE_NOMEM;
	}
	ap->fd = -1;
	if (pipe2(p, O_CLOEXEC) == -1) {
		r = KE_ERRNO(errno);
		askpass_free(ap);
		return r;
	}
	if ((ap->pid = fork()) == 0) {
		signal(SIGPIPE, SIG_DFL);
		if (dup2(p[1], STDOUT_FILENO) != -1 && (hint == NULL ||
		    setenv("SSH_ASKPASS_PROMPT", hint, 1) == 0))
			execlp(prog, prog, prompt, (char *)NULL);
		_exit(127);
	}
	r = KE_ERRNO(errno);
	close(p[1]);
	ap->fd = p[0];
	if (ap->pid == -1) {
		ap->pid = 0;
		askpass_free(ap);
		return r;
	}
	(void)fcntl(ap->fd, F_SETFL, O_NONBLOCK);
	*app = ap;
	return 0;
}

int
askpass_confirm_key(const char *comment, const struct key *k,
    struct askpass **app)
{
	struct buf *b;
	const char *prog;
	char *prompt = NULL;
	int r = KE_NOMEM;

	*app = NULL;
	if ((prog = askpass_program()) == NULL)
		return KE_NOTFOUND;
	if ((b = buf_new()) != NULL && buf_puts(b, "Allow use of key ") == 0 &&
	    buf_puts(b, comment) == 0 &&
	    buf_puts(b, "?\nKey fingerprint ") == 0 &&
	    fp_key(b, k, FP_SHA256) == 0 && buf_puts(b, ".") == 0 &&
	    (prompt = buf_dup_cstring(b)) != NULL)
		r = askpass_start(prog, prompt, "confirm", app);
	free(prompt);
	buf_free(b);
	return r;
}

pid_t
askpass_pid(const struct askpass *ap)
{
	return ap->pid;
}

void
askpass_read(struct askpass *ap)
{
	u_char tmp[256];
	ssize_t n;

	while (ap->fd != -1) {
		if ((n = read(ap->fd, tmp, sizeof(tmp))) == -1 &&
		    (errno == EAGAIN || errno == EINTR))
			break;
		if (n <= 0) {
			close(ap->fd);
			ap->fd = -1;
		} else if (buf_len(ap->out) + (size_t)n > ASKPASS_MAXOUT ||
		    buf_put(ap->out, tmp, (size_t)n) != 0)
			ap->over = 1;
	}
	explicit_bzero(tmp, sizeof(tmp));
}

int
askpass_confirmed(struct askpass *ap, int status)
{
	char *s;
	size_t len;
	int yes = 0;

	ap->pid = 0;
	askpass_read(ap);
	if (!ap->over && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    (s = buf_dup_cstring(ap->out)) != NULL) {
		len = strlen(s);
		s[strcspn(s, "\r\n")] = '\0';
		yes = *s == '\0' || strcasecmp(s, "yes") == 0;
		freezero(s, len);
	}
	return yes;
}

void
askpass_free(struct askpass *ap)
{
	if (ap == NULL)
		return;
	if (ap->pid > 0)
		kill(ap->pid, SIGTERM);
	if (ap->fd != -1)
		close(ap->fd);
	buf_free(ap->out);
	free(ap);
}
