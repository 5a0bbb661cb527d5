/*
 * channel.h: one direction of an encrypted channel, as pure buffer
 * operations: crypto_secretstream_xchacha20poly1305 records, each framed
 * as a 4-byte big-endian ciphertext length L (also the record's
 * additional data) and the ciphertext of type(1) || body.  The sender
 * ends the stream with CHAN_FINAL; EOF before it is truncation.
 * Nothing here reads a socket: chan_open says how many bytes it needs.
 */
#ifndef KITH_CHANNEL_H
#define KITH_CHANNEL_H

#include "compat.h"

#define CHAN_KEYLEN	32
#define CHAN_HDRLEN	24	/* the stream header, sent once */
#define CHAN_ABYTES	17	/* per-record expansion */
#define CHAN_LENLEN	4	/* the length prefix */
#define CHAN_MAXREC	65536	/* plaintext: type and body */
#define CHAN_MAXBODY	(CHAN_MAXREC - 1)
#define CHAN_MINFRAME	CHAN_ABYTES
#define CHAN_MAXFRAME	(CHAN_MAXREC + CHAN_ABYTES)

/* Record tags, as secretstream's. */
#define CHAN_MESSAGE	0x00
#define CHAN_PUSH	0x01
#define CHAN_FINAL	0x03

/* chan_open's "not yet" answer: more bytes are needed. */
#define CHAN_NEED	1

struct buf;
struct chan;

/*
 * A sending stream under key (CHAN_KEYLEN bytes); appends its header to
 * out.  The state lives in sodium_malloc'd memory; free with chan_free.
 */
int	chan_push_new(const u_char *, struct buf *, struct chan **);
/* A receiving stream under key, given the sender's CHAN_HDRLEN header. */
int	chan_pull_new(const u_char *, const u_char *, struct chan **);
/* Wipes and frees; NULL is a no-op. */
void	chan_free(struct chan *);

/*
 * Appends one frame carrying type || body[0..len) with tag (CHAN_MESSAGE,
 * CHAN_PUSH or CHAN_FINAL) to out.  KE_TOOLONG if len > CHAN_MAXBODY;
 * KE_PROTOCOL after CHAN_FINAL.
 */
int	chan_seal(struct chan *, uint8_t, const void *, size_t, uint8_t,
	    struct buf *);
/*
 * Decodes the frame at the front of in.  0: the frame is consumed, its
 * type and tag are stored and its body is appended to body.  CHAN_NEED:
 * *needp more bytes must arrive first; nothing is consumed.  KE_FRAMELEN
 * as soon as the length prefix is out of range, before the rest is read.
 * KE_DECRYPT if the record does not verify (tampered, replayed,
 * reordered, dropped or from the other direction); that is final.
 * KE_TRAILING for anything after the CHAN_FINAL record.
 */
int	chan_open(struct chan *, struct buf *, uint8_t *, uint8_t *,
	    struct buf *, size_t *);
/* At EOF: 0 if the CHAN_FINAL record has been read, else KE_TRUNCATED. */
int	chan_eof(const struct chan *);

#endif /* KITH_CHANNEL_H */
