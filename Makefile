# kith: one plain Makefile.  make; make check; make check SANITIZE=1;
# make install PREFIX=/usr/local DESTDIR=; make demo; make bench; make fuzz

PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man/man1
CC	?= cc
PKGS	 = libsodium zlib libmd libbsd-overlay
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

OPT	?= -O2 -g
WARN	 = -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes \
	   -Wstrict-prototypes -Wformat=2
HARDEN	?= -D_FORTIFY_SOURCE=2 -fstack-protector-strong
CFLAGS	+= -std=c11 $(OPT) $(WARN) $(HARDEN)
CPPFLAGS += -Ilib $(PKG_CFLAGS)
LDLIBS	+= $(PKG_LIBS)

ifeq ($(SANITIZE),1)
B	 = build-san
OPT	 = -O1 -g
CFLAGS	+= -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
HARDEN	 =
LDFLAGS	+= -fsanitize=address,undefined
else
B	 = build
endif

LIBSRC	 = $(sort $(wildcard lib/*.c))
LIBOBJ	 = $(LIBSRC:%.c=$(B)/%.o)
LIBHDR	 = $(wildcard lib/*.h)
TOOLSRC	 = $(sort $(wildcard */kith-*.c))
TOOLS	 = $(notdir $(TOOLSRC:.c=))
TOOLBIN	 = $(TOOLS:%=$(B)/%)
UNITDIRS = $(sort $(dir $(wildcard regress/unit/*/*.c)))
UNITS	 = $(patsubst regress/unit/%/,$(B)/unit/%,$(UNITDIRS))
SCENARIOS = $(sort $(wildcard regress/*.sh))
SCENARIOS := $(filter-out regress/test-exec.sh regress/run.sh regress/mkdata.sh,$(SCENARIOS))

all: $(TOOLBIN)

$(B)/lib/%.o: lib/%.c $(LIBHDR)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libkith.a: $(LIBOBJ)
	@rm -f $@
	@echo "  AR      $@"
	@$(AR) rcs $@ $(LIBOBJ)

# A tool is every .c file in its directory: kith-NAME.c and its parts.
define TOOL_RULE
$(B)/$(notdir $(1:.c=)): $(wildcard $(dir $(1))*.[ch]) $(B)/libkith.a $(LIBHDR)
	@echo "  LD      $$@"
	@$$(CC) $$(CPPFLAGS) $$(CFLAGS) $$(LDFLAGS) -o $$@ \
	    $(sort $(wildcard $(dir $(1))*.c)) $(B)/libkith.a $$(LDLIBS)
endef
$(foreach t,$(TOOLSRC),$(eval $(call TOOL_RULE,$(t))))

define UNIT_RULE
$(B)/unit/$(1): $(wildcard regress/unit/$(1)/*.[ch]) regress/unit/test.c \
    regress/unit/test.h $(B)/libkith.a $(LIBHDR)
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	@$$(CC) $$(CPPFLAGS) -Iregress/unit $$(CFLAGS) $$(LDFLAGS) -o $$@ \
	    $(wildcard regress/unit/$(1)/*.c) regress/unit/test.c \
	    $(B)/libkith.a $$(LDLIBS)
endef
$(foreach u,$(UNITDIRS:regress/unit/%/=%),$(eval $(call UNIT_RULE,$(u))))

deps:
	@sh mk/deps.sh

check: deps
	@$(MAKE) --no-print-directory all units
	@KITH_BIN=$(CURDIR)/$(B) SANITIZE=$(SANITIZE) \
	    sh regress/run.sh $(UNITS) $(SCENARIOS)

units: $(UNITS)

demo: deps
	@$(MAKE) --no-print-directory all
	@KITH_BIN=$(CURDIR)/$(B) sh mk/demo.sh

valgrind: deps
	@$(MAKE) --no-print-directory all units
	@KITH_BIN=$(CURDIR)/$(B) SCENARIOS="$(SCENARIOS)" sh mk/valgrind.sh

bench: all
	@for f in bench/*.sh; do KITH_BIN=$(CURDIR)/$(B) bash $$f || exit 1; done

fuzz:
	@sh mk/deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory -C fuzz

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(TOOLBIN) $(DESTDIR)$(BINDIR)
	install -m 644 $(wildcard */kith-*.1) $(DESTDIR)$(MANDIR)

clean:
	rm -rf build build-san

.PHONY: all deps check units demo bench fuzz install clean valgrind
