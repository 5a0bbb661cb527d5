/*
 * Unit tests for lib/pake.c: every CPace vector of draft-irtf-cfrg-cpace-21
 * (Appendix A and B.3, CPACE-RISTR255-SHA512) in
 * regress/data/pake/cpace-vectors.txt, plus the state API around them.
 */
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "kerr.h"
#include "pake.h"
#include "test.h"

#define VECTORS	"regress/data/pake/cpace-vectors.txt"
#define MAXVEC	128

static struct vec {
	char	*name;
	u_char	*d;
	size_t	 len;
	int	 used;
} vecs[MAXVEC];
static size_t nvecs;

/* Loads the "name = hex" lines of the vector file. */
static void
load_vectors(void)
{
	char *text, *line, *eq, *sp;
	size_t len;

	text = (char *)t_slurp(VECTORS, &len);
	for (line = strtok(text, "\n"); line != NULL;
	    line = strtok(NULL, "\n")) {
		if (line[0] == '#' || (eq = strstr(line, " = ")) == NULL)
			continue;
		if (nvecs == MAXVEC)
			exit(1);
		*eq = '\0';
		if ((sp = strchr(eq + 3, ' ')) != NULL)
			*sp = '\0';
		vecs[nvecs].name = strdup(line);
		vecs[nvecs].d = t_unhex(eq + 3, &vecs[nvecs].len);
		nvecs++;
	}
	free(text);
	T_OK(nvecs > 60, "loaded %zu vectors", nvecs);
}

static const struct vec *
vec(const char *name)
{
	size_t i;

	for (i = 0; i < nvecs; i++)
		if (strcmp(vecs[i].name, name) == 0) {
			vecs[i].used = 1;
			return &vecs[i];
		}
	fprintf(stderr, "no vector %s\n", name);
	exit(1);
}

static struct pake_lv
lvv(const char *name)
{
	struct pake_lv v;

	v.p = vec(name)->d;
	v.len = vec(name)->len;
	return v;
}

/* 1 if b holds exactly the vector's bytes. */
static int
buf_is(const struct buf *b, const char *name)
{
	const struct vec *v = vec(name);

	return buf_len(b) == v->len &&
	    (v->len == 0 || memcmp(buf_ptr(b), v->d, v->len) == 0);
}

static int
mem_is(const u_char *p, const char *name)
{
	const struct vec *v = vec(name);

	return memcmp(p, v->d, v->len) == 0;
}

/* A scripted RNG: hands out its strings in turn, then repeats the last. */
struct script {
	const u_char	*d[4];
	size_t		 n;
	size_t		 next;
	size_t		 calls;
};

static void
script_fill(void *arg, void *p, size_t len)
{
	struct script *s = arg;
	size_t i = s->next < s->n ? s->next++ : s->n - 1;

	s->calls++;
	memcpy(p, s->d[i], len);
}

static void
test_prepend_len(void)
{
	static const struct { const char *in, *out; } t[] = {
		{ NULL, "prepend_len_empty" },
		{ "prepend_len_1234_in", "prepend_len_1234" },
		{ "prepend_len_range127_in", "prepend_len_range127" },
		{ "prepend_len_range128_in", "prepend_len_range128" },
	};
	struct buf *b = buf_new();
	u_char big[16385];
	size_t i;

	for (i = 0; i < nitems(t); i++) {
		buf_reset(b);
		if (t[i].in == NULL)
			T_EQ(pake_prepend_len(b, "", 0), 0, "empty");
		else
			T_EQ(pake_prepend_len(b, vec(t[i].in)->d,
			    vec(t[i].in)->len), 0, "%s", t[i].out);
		T_OK(buf_is(b, t[i].out), "%s matches", t[i].out);
	}
	/* LEB128 beyond the vectors: 300 = ac 02, 16384 = 80 80 01 */
	memset(big, 0, sizeof(big));
	buf_reset(b);
	pake_prepend_len(b, big, 300);
	T_OK(buf_len(b) == 302 && memcmp(buf_ptr(b), "\xac\x02", 2) == 0,
	    "LEB128 of 300");
	buf_reset(b);
	pake_prepend_len(b, big, 16384);
	T_OK(buf_len(b) == 16387 && memcmp(buf_ptr(b), "\x80\x80\x01", 3) == 0,
	    "LEB128 of 16384");
	buf_free(b);
}

static void
test_lv_cat(void)
{
	struct buf *b = buf_new();
	struct pake_lv v[4];

	v[0] = lvv("lv_cat_arg1");
	v[1] = lvv("lv_cat_arg2");
	v[2].p = "";
	v[2].len = 0;
	v[3] = lvv("lv_cat_arg4");
	T_EQ(pake_lv_cat(b, v, 4), 0, "lv_cat");
	T_OK(buf_is(b, "lv_cat"), "lv_cat(\"1234\",\"5\",\"\",\"678\")");
	buf_reset(b);
	T_EQ(pake_lv_cat(b, v, 0), 0, "lv_cat of nothing");
	T_EQ(buf_len(b), 0, "is empty");
	buf_free(b);
}

static void
test_ordering(void)
{
	struct buf *b = buf_new();
	struct pake_lv a, c, ta[2], tb[2];
	char n[64], m[64], gt[64];
	int i;

	for (i = 1; i <= 6; i++) {
		snprintf(n, sizeof(n), "lexlarger_%d_a", i);
		snprintf(m, sizeof(m), "lexlarger_%d_b", i);
		snprintf(gt, sizeof(gt), "lexlarger_%d_gt", i);
		a = lvv(n);
		c = lvv(m);
		T_EQ(pake_lexlarger(&a, &c), vec(gt)->d[0], "lexlarger %d", i);
	}
	for (i = 1; i <= 2; i++) {
		snprintf(n, sizeof(n), "o_cat_%d_a", i);
		snprintf(m, sizeof(m), "o_cat_%d_b", i);
		snprintf(gt, sizeof(gt), "o_cat_%d", i);
		a = lvv(n);
		c = lvv(m);
		buf_reset(b);
		T_EQ(pake_o_cat(b, &a, &c), 0, "o_cat %d", i);
		T_OK(buf_is(b, gt), "o_cat %d matches", i);
		buf_reset(b);
		pake_o_cat(b, &c, &a);
		T_OK(buf_is(b, gt), "o_cat %d is symmetric", i);
	}
	for (i = 1; i <= 2; i++) {
		snprintf(n, sizeof(n), "tr_%d_Ya", i);
		ta[0] = lvv(n);
		snprintf(n, sizeof(n), "tr_%d_ADa", i);
		ta[1] = lvv(n);
		snprintf(n, sizeof(n), "tr_%d_Yb", i);
		tb[0] = lvv(n);
		snprintf(n, sizeof(n), "tr_%d_ADb", i);
		tb[1] = lvv(n);
		buf_reset(b);
		T_EQ(pake_transcript_ir(b, ta, tb), 0, "transcript_ir %d", i);
		snprintf(n, sizeof(n), "tr_%d_transcript_ir", i);
		T_OK(buf_is(b, n), "transcript_ir %d matches", i);
		buf_reset(b);
		T_EQ(pake_transcript_oc(b, ta, tb), 0, "transcript_oc %d", i);
		snprintf(n, sizeof(n), "tr_%d_transcript_oc", i);
		T_OK(buf_is(b, n), "transcript_oc %d matches", i);
	}
	buf_free(b);
}

static void
test_generator(void)
{
	struct pake_lv prs = lvv("PRS"), ci = lvv("CI"), sid = lvv("sid");
	struct buf *b = buf_new_secure();
	u_char h[crypto_hash_sha512_BYTES], g[PAKE_POINTLEN], big[200];

	T_OK(vec("DSI")->len == strlen(PAKE_DSI) &&
	    memcmp(vec("DSI")->d, PAKE_DSI, strlen(PAKE_DSI)) == 0,
	    "DSI is \"CPaceRistretto255\"");
	T_EQ(pake_generator_string(b, &prs, &ci, &sid), 0, "generator_string");
	T_OK(buf_is(b, "generator_string"), "generator_string matches");
	T_EQ(buf_len(b), 170, "generator_string is 170 bytes (zpad 100)");
	crypto_hash_sha512(h, buf_ptr(b), buf_len(b));
	T_OK(mem_is(h, "generator_hash"), "generator_hash matches");
	T_EQ(pake_generator(g, &prs, &ci, &sid), 0, "calculate_generator");
	T_OK(mem_is(g, "g"), "g matches");
	/* a kith-share PRS (9 digits) is padded to the same block */
	prs.p = "123456789";
	prs.len = 9;
	buf_reset(b);
	pake_generator_string(b, &prs, &ci, &sid);
	T_EQ(buf_len(b), 128 + 1 + 24 + 1 + 16, "9-digit PRS: zpad 99");
	/* a PRS longer than a block gets no padding */
	memset(big, 'x', sizeof(big));
	prs.p = big;
	prs.len = sizeof(big);
	buf_reset(b);
	pake_generator_string(b, &prs, &ci, &sid);
	T_EQ(buf_len(b), 1 + 17 + 2 + 200 + 1 + 1 + 24 + 1 + 16,
	    "long PRS: no zpad");
	buf_free(b);
}

static void
test_scalars(void)
{
	static u_char ones[32], zero[32];
	struct script s;
	struct pake_rng rng = { script_fill, &s };
	u_char y[PAKE_SCALARLEN], red[PAKE_SCALARLEN], wide[64];
	int i, ok = 1;

	memset(ones, 0xff, sizeof(ones));
	memset(&s, 0, sizeof(s));
	s.d[0] = vec("ya")->d;
	s.n = 1;
	T_EQ(pake_sample_scalar(y, &rng), 0, "sample_scalar, scripted");
	T_OK(mem_is(y, "ya"), "yields ya");
	/* 2^253-1 (0xff.. masked) and 0 are redrawn */
	memset(&s, 0, sizeof(s));
	s.d[0] = ones;
	s.d[1] = zero;
	s.d[2] = vec("yb")->d;
	s.n = 3;
	T_EQ(pake_sample_scalar(y, &rng), 0, "rejection sampling");
	T_OK(mem_is(y, "yb") && s.calls == 3, "out of range and zero redrawn");
	memset(&s, 0, sizeof(s));
	s.d[0] = ones;
	s.n = 1;
	T_EQ(pake_sample_scalar(y, &rng), KE_CRYPTO, "a stuck RNG fails");
	for (i = 0; i < 2000; i++) {
		pake_sample_scalar(y, NULL);
		memset(wide, 0, sizeof(wide));
		memcpy(wide, y, sizeof(y));
		crypto_core_ristretto255_scalar_reduce(red, wide);
		if (memcmp(red, y, sizeof(y)) != 0 ||
		    sodium_is_zero(y, sizeof(y)))
			ok = 0;
	}
	T_OK(ok, "2000 random scalars in [1, L-1]");
}

static void
test_points(void)
{
	u_char out[PAKE_POINTLEN], ff[PAKE_POINTLEN];
	const u_char *g = vec("g")->d;

	T_EQ(pake_smul_vfy(out, vec("ya")->d, g), 0, "Ya = ya*g");
	T_OK(mem_is(out, "Ya"), "Ya matches");
	T_EQ(pake_smul_vfy(out, vec("yb")->d, g), 0, "Yb = yb*g");
	T_OK(mem_is(out, "Yb"), "Yb matches");
	T_EQ(pake_smul_vfy(out, vec("ya")->d, vec("Yb")->d), 0, "ya*Yb");
	T_OK(mem_is(out, "K"), "K = ya*Yb");
	T_EQ(pake_smul_vfy(out, vec("yb")->d, vec("Ya")->d), 0, "yb*Ya");
	T_OK(mem_is(out, "K"), "K = yb*Ya");
	T_EQ(pake_smul_vfy(out, vec("smul_s")->d, vec("smul_X")->d), 0,
	    "scalar_mult_vfy, valid input");
	T_OK(mem_is(out, "smul_result"), "smul_result matches");
	T_EQ(pake_smul_vfy(out, vec("invalid_s")->d, vec("Y_i1")->d),
	    KE_BADPOINT, "Y_i1 (non-canonical) rejected");
	T_OK(mem_is(out, "G_I"), "output wiped to G_I");
	T_EQ(pake_smul_vfy(out, vec("invalid_s")->d, vec("Y_i2")->d),
	    KE_BADPOINT, "Y_i2 (identity) rejected");
	memset(ff, 0xff, sizeof(ff));
	T_EQ(pake_smul_vfy(out, vec("invalid_s")->d, ff), KE_BADPOINT,
	    "all-0xFF rejected");
	/* the pitfall the API avoids */
	T_EQ(crypto_core_ristretto255_is_valid_point(vec("Y_i2")->d), 1,
	    "is_valid_point accepts the identity (so it is not used)");
}

static void
test_isk(void)
{
	struct pake_lv sid = lvv("sid"), dsi, v[3];
	struct buf *t = buf_new(), *in = buf_new();
	u_char isk[PAKE_ISKLEN], out[64];

	T_OK(vec("DSI_ISK")->len == strlen(PAKE_DSI_ISK) &&
	    memcmp(vec("DSI_ISK")->d, PAKE_DSI_ISK, strlen(PAKE_DSI_ISK)) == 0,
	    "DSI_ISK is \"CPaceRistretto255_ISK\"");
	dsi = lvv("DSI_ISK");
	v[0] = dsi;
	v[1] = sid;
	v[2] = lvv("K");
	pake_lv_cat(in, v, 3);
	buf_put(t, vec("transcript_ir")->d, vec("transcript_ir")->len);
	buf_putb(in, t);
	T_OK(buf_is(in, "ISK_IR_input"), "ISK_IR_input matches");
	T_EQ(pake_isk(isk, &sid, vec("K")->d, t), 0, "ISK_IR");
	T_OK(mem_is(isk, "ISK_IR"), "ISK_IR matches");
	T_OK(vec("sid_output_prefix")->len == strlen(PAKE_SIDOUT) &&
	    mem_is((const u_char *)PAKE_SIDOUT, "sid_output_prefix"),
	    "sid_output_prefix is \"CPaceSidOutput\"");
	T_EQ(pake_sid_output(out, t), 0, "sid_output_ir");
	T_OK(mem_is(out, "sid_output_ir"), "sid_output_ir matches");
	buf_reset(t);
	buf_put(t, vec("transcript_oc")->d, vec("transcript_oc")->len);
	buf_reset(in);
	pake_lv_cat(in, v, 3);
	buf_putb(in, t);
	T_OK(buf_is(in, "ISK_SY_input"), "ISK_SY_input matches");
	T_EQ(pake_isk(isk, &sid, vec("K")->d, t), 0, "ISK_SY");
	T_OK(mem_is(isk, "ISK_SY"), "ISK_SY matches");
	pake_sid_output(out, t);
	T_OK(mem_is(out, "sid_output_oc"), "sid_output_oc matches");
	buf_free(t);
	buf_free(in);
}

/* One party of the B.3 run through the state API. */
static struct pake *
party(int role, const char *y, const char *ad, struct script *s)
{
	static struct pake_rng rng;
	struct pake_params pp;
	struct pake *p;

	memset(s, 0, sizeof(*s));
	s->d[0] = vec(y)->d;
	s->n = 1;
	rng.fill = script_fill;
	rng.arg = s;
	memset(&pp, 0, sizeof(pp));
	pp.role = role;
	pp.prs = lvv("PRS");
	pp.ci = lvv("CI");
	pp.sid = lvv("sid");
	pp.ad = lvv(ad);
	pp.rng = &rng;
	if (pake_new(&pp, &p) != 0)
		exit(1);
	return p;
}

static void
test_state(void)
{
	struct pake_lv ada = lvv("ADa"), adb = lvv("ADb");
	struct pake *a, *b;
	struct script s;
	u_char ia[PAKE_ISKLEN], ib[PAKE_ISKLEN], ff[PAKE_POINTLEN];
	int role;

	a = party(PAKE_INITIATOR, "ya", "ADa", &s);
	b = party(PAKE_RESPONDER, "yb", "ADb", &s);
	T_OK(mem_is(pake_share(a), "Ya"), "initiator sends Ya");
	T_OK(mem_is(pake_share(b), "Yb"), "responder sends Yb");
	T_EQ(pake_finish(a, pake_share(b), &adb, ia), 0, "initiator ISK");
	T_EQ(pake_finish(b, pake_share(a), &ada, ib), 0, "responder ISK");
	T_OK(mem_is(ia, "ISK_IR") && mem_is(ib, "ISK_IR"),
	    "both get ISK_IR");
	T_EQ(pake_finish(a, pake_share(b), &adb, ia), KE_INTERNAL,
	    "a state finishes once");
	pake_free(a);
	pake_free(b);

	a = party(PAKE_SYMMETRIC, "ya", "ADa", &s);
	b = party(PAKE_SYMMETRIC, "yb", "ADb", &s);
	pake_finish(a, pake_share(b), &adb, ia);
	pake_finish(b, pake_share(a), &ada, ib);
	T_OK(mem_is(ia, "ISK_SY") && mem_is(ib, "ISK_SY"),
	    "symmetric: both get ISK_SY");
	pake_free(a);
	pake_free(b);

	memset(ff, 0xff, sizeof(ff));
	for (role = PAKE_INITIATOR; role <= PAKE_SYMMETRIC; role++) {
		a = party(role, "ya", "ADa", &s);
		T_EQ(pake_finish(a, pake_share(a), &ada, ia), KE_REFLECTED,
		    "role %d: our own share back is refused", role);
		pake_free(a);
		a = party(role, "ya", "ADa", &s);
		T_EQ(pake_finish(a, vec("Y_i1")->d, &adb, ia), KE_BADPOINT,
		    "role %d: Y_i1 refused", role);
		pake_free(a);
		a = party(role, "ya", "ADa", &s);
		T_EQ(pake_finish(a, vec("Y_i2")->d, &adb, ia), KE_BADPOINT,
		    "role %d: identity refused", role);
		pake_free(a);
		a = party(role, "ya", "ADa", &s);
		T_EQ(pake_finish(a, ff, &adb, ia), KE_BADPOINT,
		    "role %d: all-0xFF refused", role);
		pake_free(a);
	}
	pake_free(NULL);
}

/* Random scalars: the same PRS agrees, another one does not. */
static void
test_random(void)
{
	struct pake_params pa, pb;
	struct pake *a, *b;
	struct pake_lv none = { "", 0 };
	u_char ia[PAKE_ISKLEN], ib[PAKE_ISKLEN];
	int same;

	for (same = 1; same >= 0; same--) {
		memset(&pa, 0, sizeof(pa));
		pa.role = PAKE_INITIATOR;
		pa.prs.p = "123456789";
		pa.prs.len = 9;
		pa.ci = lvv("CI");
		pa.sid = lvv("sid");
		pa.ad = none;
		pb = pa;
		pb.role = PAKE_RESPONDER;
		pb.prs.p = same ? "123456789" : "123456788";
		T_EQ(pake_new(&pa, &a), 0, "random initiator");
		T_EQ(pake_new(&pb, &b), 0, "random responder");
		pake_finish(a, pake_share(b), &none, ia);
		pake_finish(b, pake_share(a), &none, ib);
		T_EQ(memcmp(ia, ib, sizeof(ia)) == 0, same,
		    same ? "same PRS: same ISK" : "other PRS: other ISK");
		pake_free(a);
		pake_free(b);
	}
}

int
main(void)
{
	size_t i;

	load_vectors();
	test_prepend_len();
	test_lv_cat();
	test_ordering();
	test_generator();
	test_scalars();
	test_points();
	test_isk();
	test_state();
	test_random();
	for (i = 0; i < nvecs; i++)
		T_OK(vecs[i].used, "vector %s checked", vecs[i].name);
	for (i = 0; i < nvecs; i++) {
		free(vecs[i].name);
		free(vecs[i].d);
	}
	return t_done();
}
