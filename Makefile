# SPDX-License-Identifier: GPL-2.0
#
# sctp_dar - dynamic address reconfiguration for SCTP associations.
#
#   make                 build sctp_dar.ko against KDIR, and sctpaddr
#   make install         install the module (+ depmod) and sctpaddr
#   make clean           remove everything built
#   make check           install what is missing, run every test in VMs
#                        (T="netns/stream kunit" selects tests, K="stock-6.1"
#                        selects kernels; see tests/run.sh)
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
	tests/run.sh $(if $(T),-T "$(T)") $(if $(K),-K "$(K)") $(if $(V),-v)

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

.PHONY: all check-config module tools install clean check demo bench stress style sparse
