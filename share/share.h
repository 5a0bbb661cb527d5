/*
 * share.h: the parts of kith-share.  kith-share.c has main, import and
 * export and the signer; pairing.c the pairing hooks and offer/join;
 * sync.c serve/pull, which run the same protocol without a code.
 */
#ifndef KITH_SHARE_H
#define KITH_SHARE_H

#include "compat.h"

#include "agentclient.h"
#include "pair.h"
#include "pairnet.h"
#include "pairproto.h"
#include "sshsig.h"

struct cert;
struct exchange;
struct key;

/* Who signs for this node: its key file, or the agent holding its key. */
struct share_signer {
	struct key		*k;	/* the public half at least */
	struct agentclient	*ac;	/* NULL: the key file signs */
	struct agentsigner	 as;
	struct sshsig_signer	 s;
	char			*path;	/* the identity's file */
};

/* One run of the protocol (offer, join, serve, pull): hooks' state. */
struct pairing {
	const char	*dir;
	struct share_signer sg;
	const char	*names;		/* -n; NULL: the peer's own name */
	u_int		 depth;		/* -D */
	u_int		 attempts;	/* -a */
	int		 offer;		/* offer or serve */
	int		 sync;		/* serve or pull: no vouches */
	u_int		 threshold;	/* -m: sync's trust gate (0: 1) */
	int		 vflag;
	struct cert	*vouch;		/* ours for the peer, as sent */
	uint64_t	 seq;		/* our bundle, as sent */
	u_char		 hash[32];
	struct exchange	*in;		/* the peer's, checked */
	int		 local;		/* the failure is ours */
	int		 stale;		/* sync: the peer's bundle was old */
	char		 peer[PAIR_MAXNAME + 1];	/* its name */
	u_char		 peerpk[32];	/* its key, once proven */
	char		 why[512];	/* what a hook found wrong */
};

_Noreturn void	usage(void);
/*
 * The identity's key file signs; where it cannot be read (absent, not
 * ours, OpenSSH-encrypted) and SSH_AUTH_SOCK is set, the agent holding
 * the identity's public key does.  Asks for a passphrase on the tty.
 * Dies with a message on failure.
 */
void	share_signer_open(const char *, struct share_signer *);
void	share_signer_close(struct share_signer *);
/* A new agent connection of its own (serve's child), if one is used. */
int	share_signer_reopen(struct share_signer *);
/*
 * Enters the sandbox (lib/sandbox.h): writes beneath dir and beside out
 * (NULL: none) only, TCP as flags say; dies on failure.
 */
void	share_sandbox(const char *, const char *, unsigned int);
/* Dies with r on dir's store, naming the file at fault (store_error). */
_Noreturn void	share_store_die(const char *, int);
/* Appends pk's SHA256 fingerprint; dies if out of memory. */
void	share_print_fp(struct buf *, const u_char *);

/* pairing.c: the hooks of every run; setup of the conf for one. */
int	pairing_check(void *, const struct pair *);
int	pairing_commit(void *, const struct pair *);
void	pairing_event(void *, const struct pairnet_event *);
void	pairing_setup(struct pairing *, const char *, struct pair_conf *,
	    struct pairnet_limits *, char *);
void	pairing_done(struct pairing *);
const char *pairing_reason(const struct pairing *, int);
/*
 * Offer's and serve's -l addr (NULL: every address) and -p port, checked
 * before anything is read: the address is not empty, the port a number
 * from 0 (the kernel chooses) to 65535.  Dies with a usage error.
 */
void	pairing_listen_args(const char *, const char *);
/*
 * Listens on addr and port; bport (len bytes, PAIRNET_PORTLEN) gets the
 * port bound, the kernel's choice for "0".  Dies on failure.
 */
int	pairing_listen(const char *, const char *, char *, size_t);
/* The number of new vouches and statements of the last merge. */
void	pairing_counts(const struct pairing *, size_t *, size_t *);
int	do_offer(const char *, int, char **);
int	do_join(const char *, int, char **);

/* sync.c: 0 if pk is trusted here, else KE_UNTRUSTED and x->why says so. */
int	sync_trusted(struct pairing *, const u_char *);
int	do_serve(const char *, int, char **);
int	do_pull(const char *, int, char **);

#endif /* KITH_SHARE_H */
