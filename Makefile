# SPDX-License-Identifier: GPL-2.0
#
# sctp_dar - dynamic address reconfiguration for SCTP associations.
#
#   make                 build sctp_dar.ko against KDIR, and sctpaddr
#   make install         install the module (+ depmod) and sctpaddr
#   make clean           remove everything built
#   make check           install what is missing, run the tests in VMs
#                        (T="netns/stream kunit" selects tests, K="stock-6.1"
#                        selects kernels, FULL=1 runs every script on every
#                        kernel its header names; see tests/run.sh)
#   make demo            boot Debian's stock kernel and watch a roam
#   make bench           sctp_dar against the stock kernel, side by side
#                        (N=5 repetitions; QUICK=1: one, small scales;
#                        results in build/bench/<date-time>/)
#   make stress          the stress scripts and the netlink fuzzer, full
#                        size, on the debug kernel (K= another kernel;
#                        see tests/stress/run.sh)
#   make style           checkpatch --strict on our kernel sources
#   make sparse          sparse (C=2) on the module
#   make check-config    check that KDIR has what sctp_dar needs
#   make dkms-install    copy the module's source to /usr/src/sctp-dar-VERSION
#                        and let DKMS build and install it for KVER (and
#                        rebuild it for every kernel installed later)
#   make dkms-remove     remove it from DKMS (all kernels) and /usr/src
#   make dist            build/sctp-dar-VERSION.tar.gz from git HEAD
#
# Everything big (kernels, their builds, ccache) is cached outside the tree
# in ${SCTP_DAR_CACHE:-${XDG_CACHE_HOME:-~/.cache}/sctp-dar}.

KVER ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KVER)/build
DESTDIR ?=
PREFIX ?= /usr/local

# Kernel options sctp_dar cannot work without.
REQUIRED_CONFIG := CONFIG_MODULES CONFIG_NET CONFIG_INET CONFIG_IP_SCTP \
		   CONFIG_NET_NS CONFIG_NETFILTER

# The one version of module and tool (modinfo, sctpaddr -V, dkms, dist).
VERSION := $(shell sed -n 's/^\#define SCTP_DAR_VERSION "\(.*\)"/\1/p' $(CURDIR)/src/version.h)

# DKMS: where the module's source goes, and extra dkms options (the tests
# pass --dkmstree/--sourcetree/--kernelsourcedir to stay in a scratch root).
DKMS ?= dkms
DKMS_SOURCETREE ?= $(DESTDIR)/usr/src
DKMS_FLAGS ?=
DKMS_SRC := $(DKMS_SOURCETREE)/sctp-dar-$(VERSION)

all: module tools

check-config:
	@test -f $(KDIR)/.config || { echo "error: no kernel build tree at KDIR=$(KDIR) (install linux-headers-$(KVER) or pass KDIR=)" >&2; exit 1; }
	@missing=""; for o in $(REQUIRED_CONFIG); do \
		grep -Eq "^$$o=(y|m)" $(KDIR)/.config || missing="$$missing $$o"; \
	done; \
	if [ -n "$$missing" ]; then echo "error: $(KDIR) lacks:$$missing" >&2; exit 1; fi

module: check-config
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

tools:
	$(MAKE) -C tools/sctpaddr

install: all
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_PATH=$(DESTDIR) modules_install
	depmod $(if $(DESTDIR),-b $(DESTDIR)) -a $(KVER)
	$(MAKE) -C tools/sctpaddr DESTDIR=$(DESTDIR) PREFIX=$(PREFIX) install

clean:
	@if [ -f $(KDIR)/Makefile ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi
	rm -f *.o *.ko *.mod *.mod.c .*.cmd modules.order Module.symvers
	rm -f src/*.o src/.*.cmd tests/kunit/*.o tests/kunit/*.ko tests/kunit/*.mod* \
		tests/kunit/.*.cmd tests/kunit/modules.order
	$(MAKE) -C tools/sctpaddr clean
	$(MAKE) -C tests/tools clean
	@if [ -f tests/unit/Makefile ]; then $(MAKE) -C tests/unit clean; fi
	@if [ -f tests/fuzz/Makefile ]; then $(MAKE) -C tests/fuzz clean; fi
	rm -rf build results

check:
	tests/run.sh $(if $(T),-T "$(T)") $(if $(K),-K "$(K)") $(if $(filter 1,$(FULL)),-F) $(if $(V),-v)

demo:
	tests/demo/run.sh

N ?= 5
bench:
	tests/bench/run.sh -n $(N) $(if $(filter 1,$(QUICK)),-q) $(if $(K),-k $(K)) $(if $(V),-v)

stress:
	tests/stress/run.sh $(if $(K),-k $(K)) $(if $(V),-v)

style:
	tests/run.sh -T static/checkpatch -K ""

sparse:
	tests/run.sh -T static/sparse -K ""

# dkms-source: the tree DKMS builds from (what the Debian package ships too).
dkms-source:
	rm -rf $(DKMS_SRC)
	install -d $(DKMS_SRC)/src $(DKMS_SRC)/include/uapi/linux
	install -m 0644 Kbuild $(DKMS_SRC)/
	install -m 0644 src/*.c src/*.h src/compat.mk $(DKMS_SRC)/src/
	install -m 0644 include/uapi/linux/sctp_dar.h $(DKMS_SRC)/include/uapi/linux/
	sed 's/#MODULE_VERSION#/$(VERSION)/' dkms.conf >$(DKMS_SRC)/dkms.conf

dkms-install: dkms-source
	$(DKMS) add $(DKMS_FLAGS) -m sctp-dar -v $(VERSION)
	$(DKMS) install $(DKMS_FLAGS) -m sctp-dar -v $(VERSION) -k $(KVER)

dkms-remove:
	-$(DKMS) remove $(DKMS_FLAGS) -m sctp-dar -v $(VERSION) --all
	rm -rf $(DKMS_SRC)

# A release tarball of what is committed (uncommitted changes are not in it).
dist:
	mkdir -p build
	git -C $(CURDIR) archive --format=tar.gz --prefix=sctp-dar-$(VERSION)/ \
		-o $(CURDIR)/build/sctp-dar-$(VERSION).tar.gz HEAD
	@echo build/sctp-dar-$(VERSION).tar.gz

.PHONY: all check-config module tools install clean check demo bench stress style sparse \
	dkms-source dkms-install dkms-remove dist
