/*
 * askpass.h: asking the user through $SSH_ASKPASS as OpenSSH does, without
 * waiting: the program runs as a child, whose exit status the caller
 * reaps (on SIGCHLD) and hands to askpass_confirmed.
 */
#ifndef KITH_ASKPASS_H
#define KITH_ASKPASS_H

#include "compat.h"

#define ASKPASS_DEFAULT	"/usr/bin/ssh-askpass"
#define ASKPASS_MAXOUT	1024	/* more output than this is a refusal */

struct askpass;
struct key;

/*
 * The program OpenSSH would run, or NULL where it would not run one:
 * it needs DISPLAY or WAYLAND_DISPLAY, or SSH_ASKPASS_REQUIRE=force, and
 * not SSH_ASKPASS_REQUIRE=never.  $SSH_ASKPASS, else ASKPASS_DEFAULT.
 */
const char	*askpass_program(void);
/*
 * Starts prog with the prompt as its argument and SSH_ASKPASS_PROMPT set
 * to hint (unless NULL), its output into a pipe.  It inherits every
 * descriptor not marked close-on-exec.  Free *app with askpass_free.
 */
int		 askpass_start(const char *, const char *, const char *,
		    struct askpass **);
/*
 * Asks, as ssh-agent does, whether the key k with comment may be used:
 * askpass_start of askpass_program() with the hint "confirm" and the
 * prompt "Allow use of key COMMENT?\nKey fingerprint SHA256:....".
 * KE_NOTFOUND when there is no program to ask.
 */
int		 askpass_confirm_key(const char *, const struct key *,
		    struct askpass **);
/* The child's pid. */
pid_t		 askpass_pid(const struct askpass *);
/*
 * Reads what the child wrote so far, without blocking.  A caller that
 * does not poll for it relies on the pipe holding ASKPASS_MAXOUT.
 */
void		 askpass_read(struct askpass *);
/*
 * Given the child's reaped wait status: 1 if it confirmed (exit 0 and an
 * empty answer or "yes"), else 0.  The child is gone afterwards.
 */
int		 askpass_confirmed(struct askpass *, int);
/* Ends a child still running (SIGTERM) and frees; NULL is a no-op. */
void		 askpass_free(struct askpass *);

#endif /* KITH_ASKPASS_H */
