/* kerr.c: one string per error code. */
#include <string.h>

#include "kerr.h"

static const char *const kerr_msg[] = {
	"success",
	"internal error",
	"out of memory",
	"truncated input",
	"trailing data",
	"length exceeds limit",
	"wrong magic",
	"unsupported format version",
	"string holds a NUL byte",
	"invalid base64",
	"unsupported key type",
	"invalid key",
	"public and private halves do not match",
	"bad padding",
	"incorrect passphrase",
	"key is encrypted by OpenSSH; load it into an agent with ssh-add",
	"private key is accessible by others",
	"invalid format",
	"not found",
	"already exists",
	"bad signature",
	"file too large",
	"not a public key file",
	"invalid certificate",
	"certificate has critical options",
	"unsupported cipher or KDF",
	"key has no private half",
	"is a directory",
	"bad armour",
	"more than one key in file",
	"cryptographic library failure",
	"value out of range",
	"could not take the lock",
	"wrong code or an attack: key confirmation failed",
	"wrong check digit: the code was mistyped",
	"invalid group element",
	"reflected message",
	"record failed to decrypt: tampered, replayed, reordered or dropped",
	"frame length out of range",
	"unexpected message",
	"signature for another namespace",
	"unexpected hash algorithm",
	"more records than allowed",
	"compression ratio too high",
	"too many vouches for one key",
	"unknown record type",
	"not newer than a bundle already imported from this signer",
	"key is revoked",
	"the agent refused the request",
	"the peer's key is not trusted",
	"the peer is pairing with a code where we sync, or syncing where we pair",
	"count exceeds limit",
	"not a regular file, a character device or a pipe",
	"a symlink to nothing (not written through)",
};

_Static_assert(sizeof(kerr_msg) / sizeof(kerr_msg[0]) == 1 - KE_LAST,
    "one message per KE_* code");

const char *
kith_strerror(int r)
{
	if (r <= KE_SYSBASE)
		return strerror(KE_SYSBASE - r);
	if (r > 0 || r < KE_LAST)
		return "unknown error";
	return kerr_msg[-r];
}
